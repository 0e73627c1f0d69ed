import Foundation

/// Where a training run is, reported after every step.
public struct TrainingProgress: Sendable {
    /// Steps done (1 after the first step).
    public let step: Int
    public let steps: Int
    /// Loss and batch accuracy, smoothed over recent steps (one batch alone is noisy).
    public let loss: Float
    public let accuracy: Float
    public let imagesPerSecond: Double
    public let secondsElapsed: Double
    /// The remaining steps at the pace so far.
    public let secondsLeft: Double
    /// The gradient norm of each watched parameter prefix at this step (`run(watchedGradients:)`).
    public let gradientNorms: [Double]
}

/// What a training run produced.
public struct TrainingResult: Sendable {
    public let network: InceptionNetwork
    public let stepsDone: Int
    /// Whether the run stopped early because its flag was raised (then there is no evaluation).
    public let cancelled: Bool
    /// On the test set after the last step.
    public let evaluation: Evaluation?
    public let seconds: Double
}

/// Trains a network from seeded weights with a budget: every epoch visits the train
/// set in a fresh seeded order, each step is a `Trainer` step at the budget's
/// learning rate, and the test set is evaluated at the end.
///
/// Everything random (initial weights, order, dropout) derives from `seed`, and a
/// step's batch is split across the cores in a fixed way (`BatchSplit`), so the same
/// seed gives the same weights whatever the number of threads.
public struct TrainingRun: Sendable {
    public var description: NetworkDescription
    public var budget: TrainingBudget
    public var seed: UInt64

    public init(description: NetworkDescription, budget: TrainingBudget = .standard, seed: UInt64 = 1) {
        self.description = description
        self.budget = budget
        self.seed = seed
    }

    /// Runs the budget on `train` and evaluates on `test`; `progress` is called after
    /// every step on the calling thread, `cancel` is checked before every step.
    /// `watchedGradients` are parameter-name prefixes (`stem.`) whose gradient norm
    /// each step's progress carries.
    public func run(train: LabelledImages, test: LabelledImages, cancel: CancellationFlag? = nil,
                    watchedGradients: [String] = [],
                    progress: (TrainingProgress) -> Void = { _ in }) throws -> TrainingResult {
        precondition(train.count > 0, "an empty training set")
        var seeds = SeededGenerator(seed: seed)
        let network = try InceptionNetwork(description, seed: seeds.next())
        var order = EpochOrder(count: train.count, seed: seeds.next())
        var trainer = Trainer(network: network, optimizer: budget.makeOptimizer(), auxWeight: budget.auxWeight,
                              seed: seeds.next())
        let clock = ContinuousClock()
        let start = clock.now
        var smoothed = (loss: Float(0), accuracy: Float(0), weight: Float(0))
        var done = 0
        while done < budget.steps, cancel?.isCancelled != true {
            let (images, labels) = train.batch(order.next(budget.batchSize))
            trainer.optimizer.learningRate = budget.learningRate(at: done)
            let (loss, accuracy) = trainer.trainingStep(images, labels: labels)
            done += 1
            // An exponential mean, corrected for its start (as Adam's moments are).
            let decay: Float = 0.95
            smoothed.loss = decay * smoothed.loss + (1 - decay) * loss
            smoothed.accuracy = decay * smoothed.accuracy + (1 - decay) * accuracy
            smoothed.weight = decay * smoothed.weight + (1 - decay)
            let elapsed = (clock.now - start).seconds
            progress(TrainingProgress(step: done, steps: budget.steps, loss: smoothed.loss / smoothed.weight,
                                      accuracy: smoothed.accuracy / smoothed.weight,
                                      imagesPerSecond: Double(done * budget.batchSize) / max(elapsed, 1e-9),
                                      secondsElapsed: elapsed,
                                      secondsLeft: elapsed / Double(done) * Double(budget.steps - done),
                                      gradientNorms: watchedGradients.map { trainer.lastGradients.norm(prefix: $0) }))
        }
        let cancelled = done < budget.steps
        let evaluation = cancelled ? nil : Evaluation(network: trainer.network, data: test)
        return TrainingResult(network: trainer.network, stepsDone: done, cancelled: cancelled,
                              evaluation: evaluation, seconds: (clock.now - start).seconds)
    }
}

/// The order a run visits the train set in: a seeded shuffle per epoch, batches
/// taken in turn (a batch that crosses an epoch's end continues in the next one).
struct EpochOrder {
    private var rng: SeededGenerator
    private var permutation: [Int]
    private var position: Int

    init(count: Int, seed: UInt64) {
        rng = SeededGenerator(seed: seed)
        permutation = Array(0..<count)
        position = count
    }

    mutating func next(_ size: Int) -> [Int] {
        var batch: [Int] = []
        while batch.count < size {
            if position == permutation.count {
                // Fisher-Yates with our own generator: Swift's shuffle is not specified across versions.
                for i in stride(from: permutation.count - 1, to: 0, by: -1) {
                    permutation.swapAt(i, Int(rng.next() % UInt64(i + 1)))
                }
                position = 0
            }
            batch.append(permutation[position])
            position += 1
        }
        return batch
    }
}

extension Duration {
    /// The duration in seconds.
    public var seconds: Double {
        Double(components.seconds) + Double(components.attoseconds) * 1e-18
    }
}
