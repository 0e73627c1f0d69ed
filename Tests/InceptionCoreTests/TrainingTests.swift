import Foundation
import Testing
@testable import InceptionCore

/// The training loop, its budget and its determinism, on a narrow network and a
/// few hundred images so that a debug build runs it in seconds.
@Suite struct TrainingTests {
    /// The tiny preset with a 4-channel stem and 1-4 channel branches: the same
    /// layers at a fraction of the cost.
    static let narrow: NetworkDescription = {
        var d = try! Preset.tiny.description.applying(assignments: [
            "3a.n1x1=4", "3a.n3x3red=2", "3a.n3x3=4", "3a.n5x5red=1", "3a.n5x5=2", "3a.poolproj=2",
            "3b.n1x1=4", "3b.n3x3red=2", "3b.n3x3=4", "3b.n5x5red=1", "3b.n5x5=2", "3b.poolproj=2",
            "4a.n1x1=4", "4a.n3x3red=2", "4a.n3x3=4", "4a.n5x5red=1", "4a.n5x5=2", "4a.poolproj=2",
        ])
        d.layers[0] = .conv(ConvSpec(name: "stem", outChannels: 4, kernel: 3, padding: 1))
        return d
    }()

    static let train = LabelledImages(Dataset(seed: 11, count: 64))
    static let test = LabelledImages(Dataset(seed: 12, count: 40))

    static func budget(steps: Int) -> TrainingBudget {
        var b = TrainingBudget.standard.with(steps: steps)
        b.batchSize = 16
        return b
    }

    /// Mean cross-entropy of the main head over `data`, from softmax written out here.
    static func meanLoss(_ net: InceptionNetwork, _ data: LabelledImages) -> Double {
        let (x, labels) = data.batch(0..<data.count)
        let logits = net.logits(x)
        let k = logits.shape[1]
        var total = 0.0
        for (i, label) in labels.enumerated() {
            let row = logits.data[i * k..<(i + 1) * k].map(Double.init)
            let top = row.max()!
            let logSum = top + log(row.map { exp($0 - top) }.reduce(0, +))
            total += logSum - row[Int(label)]
        }
        return total / Double(labels.count)
    }

    @Test func trainingLowersTheLoss() throws {
        // Sixteen images seen again and again at a high rate: the loss must fall fast.
        let few = LabelledImages(Dataset(seed: 13, count: 16))
        var budget = Self.budget(steps: 12)
        budget.learningRate = 0.005
        budget.warmupSteps = 0
        // The fully connected head sees where features are, and learns faster than GAP at first.
        let net = Self.narrow.withHead(.fc)
        let run = TrainingRun(description: net, budget: budget, seed: 3)
        let before = Self.meanLoss(try InceptionNetwork(net, seed: SeededGenerator(seed: 3).nextSeed), few)
        var reported: [Int] = []
        let result = try run.run(train: few, test: Self.test) { reported.append($0.step) }
        let after = Self.meanLoss(result.network, few)
        #expect(after < before - 0.2, "loss \(before) -> \(after)")
        #expect(reported == Array(1...12))
        #expect(result.stepsDone == 12 && !result.cancelled)
        #expect(result.evaluation?.count == 40)
    }

    @Test func sameSeedGivesTheSameWeights() throws {
        let budget = Self.budget(steps: 3)
        let a = try TrainingRun(description: Self.narrow, budget: budget, seed: 5).run(train: Self.train, test: Self.test)
        let b = try TrainingRun(description: Self.narrow, budget: budget, seed: 5).run(train: Self.train, test: Self.test)
        let c = try TrainingRun(description: Self.narrow, budget: budget, seed: 6).run(train: Self.train, test: Self.test)
        #expect(a.network.parameters == b.network.parameters)
        #expect(a.evaluation == b.evaluation)
        #expect(a.network.parameters != c.network.parameters)
    }

    @Test func cancellationStopsBeforeTheNextStep() throws {
        let run = TrainingRun(description: Self.narrow, budget: Self.budget(steps: 50), seed: 1)
        let flag = CancellationFlag()
        let result = try run.run(train: Self.train, test: Self.test, cancel: flag) { p in
            if p.step == 2 { flag.cancel() }
        }
        #expect(result.stepsDone == 2)
        #expect(result.cancelled)
        #expect(result.evaluation == nil)
    }

    @Test func scheduleWarmsUpThenFollowsAHalfCosine() {
        var b = TrainingBudget.standard
        b.learningRate = 0.01
        b.warmupSteps = 9
        b.steps = 109
        #expect(abs(b.learningRate(at: 0) - 0.001) < 1e-9)  // 1/10 of the peak
        #expect(abs(b.learningRate(at: 9) - 0.01) < 1e-9)  // the peak
        #expect(abs(b.learningRate(at: 59) - 0.005) < 1e-7)  // half way down: cos(pi/2) = 0
        #expect(abs(b.learningRate(at: 84) - 0.01 * 0.5 * (1 + cos(Float.pi * 0.75))) < 1e-7)
        #expect(b.learningRate(at: 108) < 0.00001)
    }

    @Test func standardBudgetIsTheIssuesAuxWeightAndCountsSteps() {
        #expect(TrainingBudget.standard.auxWeight == 0.3)
        #expect(TrainingBudget.standard.with(steps: 20).steps == 20)
        #expect(TrainingBudget.standard.with(steps: 20).warmupSteps == 5)
    }

    @Test func everyEpochVisitsEveryImageOnce() {
        var order = EpochOrder(count: 10, seed: 4)
        let first = order.next(4) + order.next(4) + order.next(2)
        let second = order.next(10)
        #expect(first.sorted() == Array(0..<10))
        #expect(second.sorted() == Array(0..<10))
        #expect(first != second)
    }

    @Test func optionErrorsAreUserErrors() throws {
        #expect(throws: UserError("--steps must be between 1 and 1000000, not 0")) {
            try TrainingOptions.budget(steps: 0, auxWeight: nil)
        }
        #expect(throws: UserError("--aux-weight must be between 0 and 10, not -1.0")) {
            try TrainingOptions.budget(steps: nil, auxWeight: -1)
        }
        #expect(throws: UserError("unknown head 'mlp' (heads: gap, fc)")) {
            try TrainingOptions.description(preset: "tiny", assignments: [], head: "mlp")
        }
        #expect(throws: UserError.self) { try TrainingOptions.description(preset: "googlenet", assignments: [], head: nil) }
        #expect(throws: UserError.self) { try TrainingOptions.description(preset: "tiny", assignments: ["3a.n3x3red=0"], head: nil) }
        #expect(try TrainingOptions.description(preset: "tiny", assignments: [], head: "fc").head == .fc)
    }
}

extension SeededGenerator {
    /// The first value, which `TrainingRun` uses as the seed of the initial weights.
    var nextSeed: UInt64 {
        var copy = self
        return copy.next()
    }
}
