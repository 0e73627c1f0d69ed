import Foundation
import InceptionCore

extension RetrainPanel {
    /// A training run as the panel knows it, and as the job reports it after
    /// every step: the latest progress and the loss and accuracy curves so far.
    struct RunningRetrain: Sendable {
        var progress: TrainingProgress?
        var curves: (loss: [ChartPoint], accuracy: [ChartPoint]) = ([], [])
    }

    /// How a run ended: the variant (nil if cancelled or failed) and a message.
    struct Finish: Sendable {
        var variant: TrainedVariant?
        var message: String
    }

    static let shippedJobID = JobID(view: .costs, name: "shipped accuracy")

    /// The shipped network's point in the variants chart, measured on the same
    /// test images as the variants: its multiplies and its accuracy.
    static func shippedJob(settings: ExperimentSettings) -> BackgroundJob {
        BackgroundJob(shippedJobID) { _ in
            let (network, note) = TrainedWeights.tiny(path: TrainedWeights.packagePath)
            if let note { throw UserError(note) }
            let test = LabelledImages(Dataset(seed: DatasetSplit.test.seed, count: settings.testImages))
            return ChartPoint(x: Double(CostModel(network.description).totals().reduced.multiplyAdds),
                              y: Evaluation(network: network, data: test).accuracy, label: "shipped")
        }
    }

    /// Points kept per curve: one every `budget.steps / curvePoints` steps.
    static let curvePoints = 60
    static let jobID = JobID(view: .costs, name: "retrain")

    /// Trains `description` with `TrainingRun` and saves the finished variant to
    /// `store` after `existing`.
    static func job(_ description: NetworkDescription, settings: ExperimentSettings, store: VariantStore?,
                    existing: [TrainedVariant]) -> BackgroundJob {
        BackgroundJob(jobID) { job in
            let budget = settings.budget
            let train = LabelledImages(Dataset(seed: DatasetSplit.train.seed, count: settings.trainImages))
            let test = LabelledImages(Dataset(seed: DatasetSplit.test.seed, count: settings.testImages))
            let every = max(1, budget.steps / curvePoints)
            var running = RunningRetrain()
            let result = try TrainingRun(description: description, budget: budget, seed: 1)
                .run(train: train, test: test, cancel: job.cancellation) { p in
                    running.progress = p
                    if p.step % every == 0 || p.step == p.steps {
                        running.curves.loss.append(ChartPoint(x: Double(p.step), y: Double(p.loss)))
                        running.curves.accuracy.append(ChartPoint(x: Double(p.step), y: Double(p.accuracy)))
                    }
                    job.progress(running)
                }
            guard let evaluation = result.evaluation else { return Finish(variant: nil, message: "training cancelled") }
            let stamp = ISO8601DateFormatter().string(from: Date())
            let variant = TrainedVariant(description: description, accuracy: evaluation.accuracy, seconds: result.seconds,
                                         steps: budget.steps, trainedAt: stamp, weightsPath: store?.weightsPath(stamp: stamp) ?? "")
            let accuracy = NumberText.decimal(100 * evaluation.accuracy, places: 1, grouped: false)
            let summary = "trained in \(NumberText.decimal(result.seconds, places: 1, grouped: false)) s: test accuracy \(accuracy)%"
            do {
                try store?.add(variant, network: result.network, to: existing)
            } catch let error as UserError {
                return Finish(variant: variant, message: "\(summary); not saved: \(error.message)")
            }
            return Finish(variant: variant, message: summary)
        }
    }
}
