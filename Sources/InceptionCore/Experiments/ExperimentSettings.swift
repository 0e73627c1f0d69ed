/// How an experiment is run: the seeds, the training budget, and how many test
/// images it evaluates on. Everything here is part of the cache key.
public struct ExperimentSettings: Hashable, Sendable {
    /// Seeds 1...seeds are used; every variant is trained once per seed.
    public var seeds: Int
    /// Training steps: the standard budget's, or fewer for quick checks and tests.
    public var steps: Int
    /// Test images evaluated (the first ones of the test split; all 2,000 by default).
    public var testImages: Int
    /// Training images (the first ones of the train split; all 10,000 by default).
    public var trainImages: Int
    /// The side of the block-sparse matrices `sparse-timing` times.
    public var sparseSize: Int

    public static let seedRange = 1...10

    public init(seeds: Int = 3, steps: Int = TrainingBudget.standard.steps, testImages: Int = DatasetSplit.test.count,
                trainImages: Int = DatasetSplit.train.count, sparseSize: Int = 256) {
        self.trainImages = trainImages
        self.seeds = seeds
        self.steps = steps
        self.testImages = testImages
        self.sparseSize = sparseSize
    }

    /// Checks every field; the message names the one out of range.
    public func validate() throws {
        guard Self.seedRange.contains(seeds) else {
            throw UserError("--seeds \(seeds): must be between \(Self.seedRange.lowerBound) and \(Self.seedRange.upperBound)")
        }
        guard (1...TrainingBudget.maximumSteps).contains(steps) else {
            throw UserError("--steps \(steps): must be between 1 and \(TrainingBudget.maximumSteps)")
        }
        guard (1...DatasetSplit.test.count).contains(testImages) else {
            throw UserError("test images \(testImages): must be between 1 and \(DatasetSplit.test.count)")
        }
        guard (1...DatasetSplit.train.count).contains(trainImages) else {
            throw UserError("train images \(trainImages): must be between 1 and \(DatasetSplit.train.count)")
        }
        try BlockSparseProblem.Parameters(size: sparseSize).validate()
    }

    /// The budget every network of the experiment is trained with.
    public var budget: TrainingBudget {
        steps == TrainingBudget.standard.steps ? .standard : TrainingBudget.standard.with(steps: steps)
    }

    /// The seeds in use.
    public var seedValues: [Int] { Array(1...seeds) }
}
