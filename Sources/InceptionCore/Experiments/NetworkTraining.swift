/// A network an experiment wants trained: the description, the seed, the budget,
/// the images, and the parameter-name prefixes whose gradient norm it wants at every step.
public struct TrainingRequest: Sendable {
    public var description: NetworkDescription
    public var seed: UInt64
    public var budget: TrainingBudget
    public var train: LabelledImages
    public var test: LabelledImages
    /// E.g. `["stem.", "inception3a."]`: the L2 norm of those parameters' gradient.
    public var watchedGradients: [String]

    public init(description: NetworkDescription, seed: UInt64, budget: TrainingBudget, train: LabelledImages,
                test: LabelledImages, watchedGradients: [String] = []) {
        self.description = description
        self.seed = seed
        self.budget = budget
        self.train = train
        self.test = test
        self.watchedGradients = watchedGradients
    }
}

/// A trained network and how its training went.
public struct TrainedNetwork: Sendable {
    public var network: InceptionNetwork
    /// On the request's test images.
    public var accuracy: Double
    public var secondsPerStep: Double
    /// Per step, the gradient norm of each watched prefix (in request order).
    public var gradientNorms: [[Double]]

    public init(network: InceptionNetwork, accuracy: Double, secondsPerStep: Double, gradientNorms: [[Double]]) {
        self.network = network
        self.accuracy = accuracy
        self.secondsPerStep = secondsPerStep
        self.gradientNorms = gradientNorms
    }
}

/// How experiments get networks trained: one closure, so the training loop behind
/// it can change without touching any experiment. `onStep(k)` is called after step
/// k (1-based) and throws to cancel the run.
public typealias NetworkTraining = @Sendable (TrainingRequest, _ onStep: (Int) throws -> Void) throws -> TrainedNetwork

/// The training every experiment uses by default: `TrainingRun`, the loop of `train`.
public enum ExperimentTraining {
    public static let standard: NetworkTraining = { request, onStep in
        let cancel = CancellationFlag()
        var failure: (any Error)?
        var norms: [[Double]] = []
        let run = TrainingRun(description: request.description, budget: request.budget, seed: request.seed)
        let result = try run.run(train: request.train, test: request.test, cancel: cancel,
                                 watchedGradients: request.watchedGradients) { progress in
            if !request.watchedGradients.isEmpty { norms.append(progress.gradientNorms) }
            do { try onStep(progress.step) } catch {
                failure = error
                cancel.cancel()
            }
        }
        if let failure { throw failure }
        guard let evaluation = result.evaluation else { throw UserError("experiment cancelled") }
        return TrainedNetwork(network: result.network, accuracy: evaluation.accuracy,
                              secondsPerStep: result.seconds / Double(max(1, result.stepsDone)), gradientNorms: norms)
    }
}

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
