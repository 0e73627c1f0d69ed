import Foundation

/// One branch of an Inception module in a step: its tensors in the order they
/// are computed (e.g. `reduce` then `3x3`), with the multiplies it did.
public struct BranchStep: Sendable {
    /// `1x1`, `3x3`, `5x5` or `pool`.
    public let name: String
    /// The branch's output channels (its share of the concatenation).
    public let width: Int
    public let multiplies: Int
    /// Labelled tensors, each (n, c, h, w): `1x1`; `reduce`, `3x3`; `reduce`, `5x5`; `pooled`, `proj`.
    public let tensors: [(label: String, tensor: Tensor)]
}

/// What one step of the step-by-step run computed.
public struct StepResult: Sendable {
    public let name: String
    public let output: Tensor
    /// The four branches (removed ones left out), for an Inception module.
    public let branches: [BranchStep]
    /// Multiply-adds of the step (convolutions and linear layers; pooling counts none).
    public let multiplies: Int
    /// Wall time of the computation.
    public let seconds: Double
}

/// Runs a network one layer at a time in evaluation mode, for the explorer and
/// the `run` command: step i takes the previous step's output. The steps are the
/// description's layers, then `softmax`, which turns logits into probabilities.
public struct StepRunner: Sendable {
    public let network: InceptionNetwork

    public init(network: InceptionNetwork) { self.network = network }

    /// The step names: each layer's row name, then `softmax`.
    public var stepNames: [String] { network.description.layers.map(\.name) + ["softmax"] }

    /// Runs step `index` on `input` ((n, c, h, w) or (n, features)).
    public func run(step index: Int, input: Tensor) -> StepResult {
        let clock = ContinuousClock()
        let start = clock.now
        guard index < network.layerCount else {
            let probs = input.softmaxRows()
            return StepResult(name: "softmax", output: probs, branches: [], multiplies: 0,
                              seconds: seconds(clock.now - start))
        }
        var rng = SeededGenerator(seed: 0)
        let trace = network.runLayer(index, input, training: false, rng: &rng)
        let elapsed = seconds(clock.now - start)
        let n = input.shape[0]
        let name = network.description.layers[index].name
        switch network.layout.layers[index] {
        case .conv(let convs):
            // A reduce row's second convolution reads the first one's output.
            let inputs = [input] + (trace.reduced.map { [$0] } ?? [])
            return StepResult(name: name, output: trace.output, branches: [],
                              multiplies: zip(convs, inputs).reduce(0) { $0 + $1.0.geometry($1.1).multiplies },
                              seconds: elapsed)
        case .inception(let m):
            let branches = Self.branches(m, trace.module!, input: input)
            return StepResult(name: name, output: trace.output, branches: branches,
                              multiplies: branches.reduce(0) { $0 + $1.multiplies }, seconds: elapsed)
        case .linear(let l):
            return StepResult(name: name, output: trace.output, branches: [], multiplies: n * l.i * l.o, seconds: elapsed)
        default:
            return StepResult(name: name, output: trace.output, branches: [], multiplies: 0, seconds: elapsed)
        }
    }

    /// Every step in order from the network input; the last result holds the probabilities.
    public func runAll(input: Tensor) -> [StepResult] {
        var results: [StepResult] = []
        var current = input
        for i in stepNames.indices {
            let r = run(step: i, input: current)
            results.append(r)
            current = r.output
        }
        return results
    }

    private static func branches(_ m: ParameterLayout.Inception, _ t: ModuleTrace, input x: Tensor) -> [BranchStep] {
        var result: [BranchStep] = []
        let cost = { (conv: ParameterLayout.Conv, inp: Tensor) in conv.geometry(inp).multiplies }
        if let b = m.b1x1, let out = t.branch1x1 {
            result.append(BranchStep(name: "1x1", width: b.oc, multiplies: cost(b, x), tensors: [("1x1", out)]))
        }
        for (name, branch, trace) in [("3x3", m.b3x3, t.kernel3x3), ("5x5", m.b5x5, t.kernel5x5)] {
            guard let branch, let trace else { continue }
            // A naive module's kernel reads the input directly (no reduce step).
            let inputs = [x] + ((trace.reduced.map { [$0] } ?? []) + trace.factors).dropLast()
            let multiplies = zip(branch.all, inputs).reduce(0) { $0 + cost($1.0, $1.1) }
            let tensors = (trace.reduced.map { [("reduce", $0)] } ?? []) + Array(zip(branch.factorLabels, trace.factors))
            result.append(BranchStep(name: name, width: branch.outChannels, multiplies: multiplies, tensors: tensors))
        }
        if let p = t.pooled {
            if let b = m.poolProj, let out = t.poolProj {
                result.append(BranchStep(name: "pool", width: b.oc, multiplies: cost(b, p),
                                         tensors: [("pooled", p), ("proj", out)]))
            } else {
                result.append(BranchStep(name: "pool", width: p.shape[1], multiplies: 0, tensors: [("pooled", p)]))
            }
        }
        return result
    }
}

private func seconds(_ d: Duration) -> Double {
    Double(d.components.seconds) + Double(d.components.attoseconds) * 1e-18
}
