import Foundation
import Testing
@testable import InceptionCore

/// Parameters, the optimizer, training and the step-by-step runner, against
/// figures from the issue, the PyTorch fixture, and update rules worked by hand.
@Suite struct ModelTests {
    @Test func tinyParametersHaveTheStateDictNamesAndShapes() throws {
        let params = try InceptionNetwork(Preset.tiny.description, seed: 1).parameters
        // The names and shapes PyTorch wrote into the fixture's header.
        var header = try TorchFixture.safetensors().header
        header["__metadata__"] = nil
        #expect(Set(params.names) == Set(header.keys))
        for e in params.entries {
            #expect((header[e.name] as? [String: Any])?["shape"] as? [Int] == e.shape, "\(e.name)")
        }
        // The figure: 23,542 weights and biases without the auxiliary head.
        let withoutAux = params.entries.filter { !$0.name.hasPrefix("aux.") }.reduce(0) { $0 + $1.count }
        #expect(withoutAux == 23_542)
    }

    @Test func heInitialisationIsSeededWithTheRightScale() throws {
        let a = try InceptionNetwork(Preset.tiny.description, seed: 5).parameters
        let b = try InceptionNetwork(Preset.tiny.description, seed: 5).parameters
        let c = try InceptionNetwork(Preset.tiny.description, seed: 6).parameters
        #expect(a == b)
        #expect(a != c)
        // aux.fc1 is 64 x 512: std sqrt(2/512) = 0.0625, so the sample variance is near 0.0039.
        let w = a["aux.fc1.weight"]!.data
        let variance = w.reduce(0) { $0 + Double($1) * Double($1) } / Double(w.count)
        #expect(abs(variance - 2.0 / 512) < 0.0003)
        #expect(a["stem.bias"]!.data.allSatisfy { $0 == 0 })
    }

    @Test func googlenetLaysOutItsReduceRowAndBothAuxHeads() throws {
        let names = try InceptionNetwork(Preset.googlenet.description, seed: 1).parameters.names
        #expect(names.prefix(6) == ["conv1.weight", "conv1.bias", "conv2_reduce.weight", "conv2_reduce.bias",
                                    "conv2.weight", "conv2.bias"])
        #expect(names.suffix(14).prefix(2) == ["aux1.conv.weight", "aux1.conv.bias"])
        #expect(names.suffix(2) == ["linear.weight", "linear.bias"])
    }

    @Test func batchNormIsAUserError() {
        #expect(throws: UserError.self) { try InceptionNetwork(Preset.torchvision.description, seed: 1) }
    }

    @Test func wrongParametersAreUserErrors() throws {
        var params = try InceptionNetwork(Preset.tiny.description, seed: 1).parameters
        let other = try Preset.tiny.description.applying(assignments: ["3a.n1x1=9"])
        #expect(throws: UserError("tensor inception3a.branch1x1.weight has shape [8, 16, 1, 1], expected [9, 16, 1, 1]")) {
            try InceptionNetwork(other, parameters: params)
        }
        params.append("extra.weight", Tensor(shape: [1]))
        #expect(throws: UserError("unexpected tensor extra.weight for this network")) {
            try InceptionNetwork(Preset.tiny.description, parameters: params)
        }
    }

    @Test func removedBranchHasNoTensors() throws {
        let desc = try Preset.tiny.description.applying(assignments: ["3b.n5x5=0"])
        let net = try InceptionNetwork(desc, seed: 1)
        #expect(!net.parameters.names.contains { $0.hasPrefix("inception3b.branch5x5") })
        let x = Tensor(shape: [1, 1, 32, 32], data: GradientCheck.random(1024, seed: 2))
        #expect(net.logits(x).shape == [1, 10])
    }

    @Test func sgdWithMomentumAndWeightDecayByHand() {
        var p = Parameters()
        p.append("w", Tensor(shape: [1], data: [1]))
        var g = p.zeros()
        g.values = [0.5]
        var opt = Optimizer(.sgd(momentum: 0.9), learningRate: 0.1, weightDecay: 0.1)
        // step 1: g' = 0.5 + 0.1*1 = 0.6, v = 0.6, w = 1 - 0.06 = 0.94
        opt.step(&p, grads: g)
        #expect(abs(p.values[0] - 0.94) < 1e-6)
        // step 2: g' = 0.5 + 0.094 = 0.594, v = 0.54 + 0.594 = 1.134, w = 0.94 - 0.1134 = 0.8266
        opt.step(&p, grads: g)
        #expect(abs(p.values[0] - 0.8266) < 1e-6)
    }

    @Test func adamFirstStepMovesByTheLearningRate() {
        // With bias correction Adam's first step is lr * g / (|g| + eps): a step of lr against the sign of g.
        var p = Parameters()
        p.append("w", Tensor(shape: [2], data: [1, 1]))
        var g = p.zeros()
        g.values = [3, -0.002]
        var opt = Optimizer(.adam(beta1: 0.9, beta2: 0.999, epsilon: 1e-8), learningRate: 0.01)
        opt.step(&p, grads: g)
        #expect(abs(p.values[0] - 0.99) < 1e-6)
        #expect(abs(p.values[1] - 1.01) < 1e-5)
    }

    /// Three Adam steps worked by hand with β1 = 0.5, β2 = 0.75, ε = 0, lr = 0.1.
    /// w = 1, gradients 2, -1, 1:
    ///   1: m = 1, v = 1; m̂ = 1/0.5 = 2, v̂ = 1/0.25 = 4; w -= 0.1·2/2 → 0.9
    ///   2: m = 0, v = 1; m̂ = 0 → w stays 0.9
    ///   3: m = 0.5, v = 1; m̂ = 0.5/0.875, v̂ = 1/0.578125; w -= 0.1·0.571429/1.315192 → 0.856552
    /// w = 2, gradient 0, weight decay 0.1 (the gradient is 0.1·w):
    ///   1: g = 0.2, m = 0.1, v = 0.01; m̂ = 0.2, v̂ = 0.04 → 1.9
    ///   2: g = 0.19, m = 0.145, v = 0.016525; m̂ = 0.193333, v̂ = 0.037771 → 1.800522
    ///   3: g = 0.180052, m = 0.162526, v = 0.020498; m̂ = 0.185744, v̂ = 0.035456 → 1.701880
    @Test func adamMatchesHandComputedStepsWithBiasCorrection() {
        var p = Parameters()
        p.append("w", Tensor(shape: [1], data: [1]))
        p.append("d", Tensor(shape: [1], data: [2]))
        var opt = Optimizer(.adam(beta1: 0.5, beta2: 0.75, epsilon: 0), learningRate: 0.1)
        var decayed = Optimizer(.adam(beta1: 0.5, beta2: 0.75, epsilon: 0), learningRate: 0.1, weightDecay: 0.1)
        let expected: [(Float, Float)] = [(0.9, 1.9), (0.9, 1.800522), (0.856552, 1.701880)]
        var w = p, d = p
        for (step, g) in [Float(2), -1, 1].enumerated() {
            var grads = p.zeros()
            grads.values = [g, 0]
            opt.step(&w, grads: grads)
            decayed.step(&d, grads: p.zeros())
            #expect(abs(w.values[0] - expected[step].0) < 2e-6, "step \(step + 1)")
            #expect(abs(d.values[1] - expected[step].1) < 2e-6, "step \(step + 1)")
        }
    }

    @Test func trainingLowersTheLossOnAFixedBatch() throws {
        let desc = NetworkGradientTests.wholeNet
        var trainer = Trainer(network: try InceptionNetwork(desc, seed: 3),
                              optimizer: Optimizer(.sgd(momentum: 0.9), learningRate: 0.02), seed: 4)
        let x = Tensor(shape: [4, 1, 10, 10], data: GradientCheck.random(400, seed: 5))
        let labels: [Int32] = [0, 1, 2, 1]
        let first = trainer.trainingStep(x, labels: labels)
        var last = first
        for _ in 0..<30 { last = trainer.trainingStep(x, labels: labels) }
        #expect(last.loss < first.loss / 2, "loss \(first.loss) -> \(last.loss)")
        #expect(last.accuracy == 1)
    }

    @Test func sameSeedSameTraining() throws {
        // Dropout masks, batch parts and threads must not make two runs differ.
        let net = try InceptionNetwork(NetworkGradientTests.wholeNet, seed: 3)
        let x = Tensor(shape: [5, 1, 10, 10], data: GradientCheck.random(500, seed: 5))
        let labels: [Int32] = [0, 1, 2, 1, 0]
        let run = { (seed: UInt64) -> [Float] in
            var t = Trainer(network: net, optimizer: Optimizer(.sgd(momentum: 0.9), learningRate: 0.01), seed: seed)
            for _ in 0..<3 { _ = t.trainingStep(x, labels: labels) }
            return t.network.parameters.values
        }
        #expect(run(7) == run(7))
        #expect(run(7) != run(8))
    }

    @Test func batchPartsDependOnTheBatchSizeOnly() {
        // ceil(n / 8) parts, n·k / parts to n·(k + 1) / parts.
        #expect(BatchSplit(images: 1).ranges == [0..<1])
        #expect(BatchSplit(images: 8).ranges == [0..<8])
        #expect(BatchSplit(images: 17).ranges == [0..<5, 5..<11, 11..<17])
        #expect(BatchSplit(images: 32).ranges == [0..<8, 8..<16, 16..<24, 24..<32])
    }

    /// `logits` keeps no branch tensors: each branch writes its channels of the
    /// module output in place. The logits must be those of the pass that keeps every
    /// branch and concatenates copies, bit for bit, for every kind of branch: 1x1
    /// reduced, naive pass-through pool, factorised kernels, a removed branch.
    @Test(arguments: [[], ["3a.factorize=stacked", "3b.factorize=asymmetric"], ["3b.n5x5=0", "inception_3a.poolproj=0"]],
          [false, true])
    func logitsWriteTheConcatenationInPlace(_ assignments: [String], naive: Bool) throws {
        let changed = try Preset.tiny.description.applying(assignments: assignments)
        let net = try InceptionNetwork(naive ? changed.withNaiveModules() : changed, seed: 4)
        let x = Tensor(shape: [8, 1, 32, 32], data: GradientCheck.random(8 * 1024, seed: 6))
        var rng = SeededGenerator(seed: 0)
        let kept = net.forward(x, training: false, rng: &rng)
        #expect(kept.layers.contains { $0.module != nil })
        #expect(net.logits(x, threads: 1).data.map(\.bitPattern) == kept.logits.data.map(\.bitPattern))
    }

    @Test func threadCountDoesNotChangeBits() throws {
        // Three parts on one, two or three threads: the same logits, loss and weights,
        // bit for bit, because parts are fixed by the batch size and combined in order.
        let net = try InceptionNetwork(NetworkGradientTests.wholeNet, seed: 3)
        let x = Tensor(shape: [17, 1, 10, 10], data: GradientCheck.random(1700, seed: 5))
        let labels = (0..<17).map { Int32($0 % 3) }
        func run(threads: Int) -> [[UInt32]] {
            var t = Trainer(network: net, optimizer: Optimizer(.sgd(momentum: 0.9), learningRate: 0.01), seed: 7)
            t.threads = threads
            let losses = (0..<2).map { _ in t.trainingStep(x, labels: labels).loss }
            return [net.logits(x, threads: threads).data, losses, t.network.parameters.values].map { $0.map(\.bitPattern) }
        }
        let one = run(threads: 1)
        #expect(run(threads: 2) == one)
        #expect(run(threads: 3) == one)
    }

    @Test func splitBatchStepEqualsTheWholeBatchGradient() throws {
        // The trainer runs a batch of 11 as parts of 5 and 6; the combined update must
        // be the gradient of the whole batch's mean loss (checked above against finite
        // differences). No dropout here, so masks play no part.
        let net = try InceptionNetwork(NetworkGradientTests.moduleNet, seed: 8)
        let x = Tensor(shape: [11, 3, 6, 6], data: GradientCheck.random(11 * 108, seed: 9))
        let labels: [Int32] = [2, 0, 1, 1, 0, 2, 2, 1, 0, 0, 1]
        var rng = SeededGenerator(seed: 0)
        var whole = net.parameters.zeros()
        net.backward(net.forward(x, training: true, rng: &rng), labels: labels, auxWeight: 0, into: &whole)
        var trainer = Trainer(network: net, optimizer: Optimizer(.sgd(momentum: 0), learningRate: 1), seed: 1)
        _ = trainer.trainingStep(x, labels: labels)
        let moved = zip(net.parameters.values, trainer.network.parameters.values).map { $0 - $1 }
        #expect(zip(moved, whole.values).allSatisfy { abs($0 - $1) <= 1e-5 + 1e-4 * abs($1) })
    }

    @Test func stepRunnerCountsTheTinyNetworkAndItsBranches() throws {
        let runner = StepRunner(network: try TorchFixture.network())
        let (inputs, expected) = try TorchFixture.inputsAndLogits()
        let x = Tensor(shape: [1, 1, 32, 32], data: Array(inputs.data.prefix(1024)))
        let steps = runner.runAll(input: x)
        #expect(steps.map(\.name) == ["stem", "pool1", "inception_3a", "inception_3b", "pool2", "inception_4a",
                                      "gap", "classifier", "softmax"])
        // The figure for one image, without the auxiliary head.
        #expect(steps.reduce(0) { $0 + $1.multiplies } == 3_556_208)
        // 3a at 16x16 from 16 channels, by hand: 16*8, 16*8 + 8*16*9, 16*4 + 4*8*25, 16*8 per position.
        let a = steps[2]
        #expect(a.branches.map(\.name) == ["1x1", "3x3", "5x5", "pool"])
        #expect(a.branches.map(\.multiplies) == [128, 1280, 864, 128].map { $0 * 256 })
        #expect(a.branches.map(\.width) == [8, 16, 8, 8])
        #expect(a.branches[1].tensors.map(\.tensor.shape) == [[1, 8, 16, 16], [1, 16, 16, 16]])
        // The module's output is its branches' last tensors, concatenated in order.
        #expect(a.output.data == a.branches.flatMap { $0.tensors.last!.tensor.data })
        // The last steps: PyTorch's logits, then probabilities that sum to 1.
        #expect(zip(steps[7].output.data, expected[0]).allSatisfy { abs($0 - $1) < 1e-4 })
        let probs = steps[8].output.data
        #expect(abs(probs.reduce(0, +) - 1) < 1e-5)
        #expect(steps[8].output.argmaxRows() == [expected[0].indices.max { expected[0][$0] < expected[0][$1] }!])
    }

    @Test func stepRunnerTakesAnImageOfAnotherSize() throws {
        // GAP makes the head independent of the input size (--no-resize).
        let runner = StepRunner(network: try InceptionNetwork(Preset.tiny.description, seed: 1))
        let steps = runner.runAll(input: Tensor(shape: [1, 1, 40, 24], data: GradientCheck.random(960, seed: 2)))
        #expect(steps[0].output.shape == [1, 16, 40, 24])
        #expect(steps[5].output.shape == [1, 88, 10, 6])
        #expect(steps.last!.output.shape == [1, 10])
    }

    @Test func inputsThatCannotRunAreUserErrors() throws {
        let gap = try InceptionNetwork(Preset.tiny.description, seed: 1)
        #expect(throws: Never.self) { try gap.validateInput(FeatureShape(c: 1, h: 40, w: 24)) }
        #expect(throws: UserError("the network reads 1-channel images, not 3-channel ones")) {
            try gap.validateInput(FeatureShape(c: 3, h: 32, w: 32))
        }
        // 2x2 -> stem 2x2 -> pool1 1x1 -> ... -> pool2 1x1: still one position; 0x5 is not.
        #expect(throws: Never.self) { try gap.validateInput(FeatureShape(c: 1, h: 2, w: 2)) }
        #expect(throws: UserError.self) { try gap.validateInput(FeatureShape(c: 1, h: 0, w: 5)) }
        let fc = try InceptionNetwork(Preset.tiny.description.withHead(.fc), seed: 1)
        #expect(throws: UserError.self) { try fc.validateInput(FeatureShape(c: 1, h: 40, w: 24)) }
        #expect(fc.parameters["classifier.weight"]!.shape == [10, 5632])
    }
}
