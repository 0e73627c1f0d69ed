/// A network an experiment wants trained: the description, the seed and the budget,
/// and the parameter-name prefixes whose gradient norm it wants at every step.
public struct TrainingRequest: Sendable {
    public var description: NetworkDescription
    public var seed: UInt64
    public var budget: TrainingBudget
    /// E.g. `["stem.", "inception3a."]`: the L2 norm of those parameters' gradient.
    public var watchedGradients: [String]

    public init(description: NetworkDescription, seed: UInt64, budget: TrainingBudget, watchedGradients: [String] = []) {
        self.description = description
        self.seed = seed
        self.budget = budget
        self.watchedGradients = watchedGradients
    }
}

/// A trained network and how its training went.
public struct TrainedNetwork: Sendable {
    public var network: InceptionNetwork
    public var seconds: Double
    public var secondsPerStep: Double
    /// Per step, the gradient norm of each watched prefix (in request order).
    public var gradientNorms: [[Double]]

    public init(network: InceptionNetwork, seconds: Double, secondsPerStep: Double, gradientNorms: [[Double]]) {
        self.network = network
        self.seconds = seconds
        self.secondsPerStep = secondsPerStep
        self.gradientNorms = gradientNorms
    }
}

/// How experiments get networks trained: one closure, so the training loop behind
/// it can change without touching any experiment. `onStep(k)` is called after step
/// k (1-based) and throws to cancel the run.
public typealias NetworkTraining = @Sendable (TrainingRequest, _ onStep: (Int) throws -> Void) throws -> TrainedNetwork

extension Parameters {
    /// The L2 norm of the values of every tensor whose name starts with `prefix`.
    public func norm(prefix: String) -> Double {
        var sum = 0.0
        for e in entries where e.name.hasPrefix(prefix) {
            for v in values[e.offset..<e.offset + e.count] { sum += Double(v) * Double(v) }
        }
        return sum.squareRoot()
    }
}
