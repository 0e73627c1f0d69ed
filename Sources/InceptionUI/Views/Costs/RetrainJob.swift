import Foundation
import InceptionCore

/// The Costs view's widths trained on a background thread with `TrainingRun`:
/// the loss and accuracy curve grows as it goes (the view polls it on every
/// tick), `Esc` cancels, and a finished run is saved to the variant store.
final class RetrainJob: @unchecked Sendable {
    /// How the run ended: the variant (nil if cancelled or failed) and a message.
    struct Finish: Sendable {
        var variant: TrainedVariant?
        var message: String
    }

    /// Points kept per curve: one every `budget.steps / curvePoints` steps.
    static let curvePoints = 60

    private let lock = NSLock()
    private let flag = CancellationFlag()
    private var latest: TrainingProgress?
    private var lossCurve: [ChartPoint] = []
    private var accuracyCurve: [ChartPoint] = []
    private var finish: Finish?

    init(_ description: NetworkDescription, settings: ExperimentSettings, store: VariantStore?, existing: [TrainedVariant]) {
        Thread.detachNewThread { [self] in
            let result: Finish
            do {
                result = try train(description, settings: settings, store: store, existing: existing)
            } catch let error as UserError {
                result = Finish(variant: nil, message: error.message)
            } catch {
                result = Finish(variant: nil, message: "\(error)")
            }
            lock.withLock { finish = result }
        }
    }

    private func train(_ description: NetworkDescription, settings: ExperimentSettings, store: VariantStore?,
                       existing: [TrainedVariant]) throws -> Finish {
        let budget = settings.budget
        let train = LabelledImages(Dataset(seed: DatasetSplit.train.seed, count: settings.trainImages))
        let test = LabelledImages(Dataset(seed: DatasetSplit.test.seed, count: settings.testImages))
        let every = max(1, budget.steps / Self.curvePoints)
        let result = try TrainingRun(description: description, budget: budget, seed: 1).run(train: train, test: test, cancel: flag) { p in
            lock.withLock {
                latest = p
                if p.step % every == 0 || p.step == p.steps {
                    lossCurve.append(ChartPoint(x: Double(p.step), y: Double(p.loss)))
                    accuracyCurve.append(ChartPoint(x: Double(p.step), y: Double(p.accuracy)))
                }
            }
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

    var progress: TrainingProgress? { lock.withLock { latest } }
    /// The smoothed loss and batch accuracy so far.
    var curves: (loss: [ChartPoint], accuracy: [ChartPoint]) { lock.withLock { (lossCurve, accuracyCurve) } }
    var result: Finish? { lock.withLock { finish } }

    func cancel() { flag.cancel() }
}
