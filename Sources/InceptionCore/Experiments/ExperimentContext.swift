import Foundation

/// How far an experiment has got: a fraction of its work and what it is doing.
public struct ExperimentProgress: Hashable, Sendable {
    public var fraction: Double
    public var message: String

    public init(fraction: Double, message: String) {
        self.fraction = fraction
        self.message = message
    }
}


/// What an experiment runs with: its settings, the training seam, where progress
/// goes and the flag that cancels it. Experiments train through `train(_:)` so
/// that progress is counted in training steps across every network they train.
public final class ExperimentContext: @unchecked Sendable {
    public let settings: ExperimentSettings
    let training: NetworkTraining
    private let report: @Sendable (ExperimentProgress) -> Void
    let cancellation: CancellationFlag
    private var totalSteps = 1
    private var doneSteps = 0
    private var trainImages: LabelledImages?
    private var testSet: LabelledImages?

    public init(settings: ExperimentSettings, training: @escaping NetworkTraining = ExperimentTraining.standard,
                cancellation: CancellationFlag = CancellationFlag(),
                progress: @escaping @Sendable (ExperimentProgress) -> Void = { _ in }) {
        self.settings = settings
        self.training = training
        self.cancellation = cancellation
        self.report = progress
    }

    /// The budget of every training.
    public var budget: TrainingBudget { settings.budget }

    /// The first `settings.trainImages` images of the train split, drawn once.
    var trainData: LabelledImages {
        if let trainImages { return trainImages }
        say("drawing \(settings.trainImages) training images")
        let data = LabelledImages(Dataset(seed: DatasetSplit.train.seed, count: settings.trainImages))
        trainImages = data
        return data
    }

    /// The first `settings.testImages` images of the test split, drawn once.
    var testData: LabelledImages {
        if let testSet { return testSet }
        let data = LabelledImages(Dataset(seed: DatasetSplit.test.seed, count: settings.testImages))
        testSet = data
        return data
    }

    /// Sets how many trainings the experiment will run (for the progress fraction).
    func expect(trainings: Int) {
        totalSteps = max(1, trainings * budget.steps)
        doneSteps = 0
    }

    /// Reports a message at the current fraction of the training steps, or at `fraction`.
    func say(_ message: String, fraction: Double? = nil) {
        report(ExperimentProgress(fraction: fraction ?? Double(doneSteps) / Double(totalSteps), message: message))
    }

    /// Throws `UserError` if the run was cancelled.
    func checkCancelled() throws {
        if cancellation.isCancelled { throw UserError("experiment cancelled") }
    }

    /// Trains `description` with `seed` under the experiment's budget.
    func train(_ description: NetworkDescription, seed: Int, label: String, watching: [String] = []) throws -> TrainedNetwork {
        try checkCancelled()
        let steps = budget.steps
        let base = doneSteps
        let request = TrainingRequest(description: description, seed: UInt64(seed), budget: budget, train: trainData,
                                      test: testData, watchedGradients: watching)
        let every = max(1, steps / 50)
        let result = try training(request) { step in
            try self.checkCancelled()
            self.doneSteps = base + step
            if step % every == 0 || step == steps { self.say("training \(label), seed \(seed): step \(step)/\(steps)") }
        }
        doneSteps = base + steps
        return result
    }

    /// Trains every variant once per seed, in order, and measures each trained network
    /// right away: one row per variant and seed with `measure(variant index, seed, network)`.
    func rows(_ variants: [(name: String, description: NetworkDescription)], watching: [String] = [],
              measure: (Int, Int, TrainedNetwork) -> [Double?]) throws -> [ExperimentRow] {
        expect(trainings: variants.count * settings.seeds)
        var rows: [ExperimentRow] = []
        for (v, variant) in variants.enumerated() {
            for seed in settings.seedValues {
                let run = try train(variant.description, seed: seed, label: variant.name, watching: watching)
                say("measuring \(variant.name), seed \(seed)")
                rows.append(ExperimentRow(variant: variant.name, seed: seed, values: measure(v, seed, run)))
            }
        }
        return rows
    }
}
