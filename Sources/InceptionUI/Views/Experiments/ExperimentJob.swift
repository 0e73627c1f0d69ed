import Foundation
import InceptionCore

/// An experiment computed on a background thread and saved to the cache, so the
/// explorer keeps drawing and taking keys while it runs; the Experiments view
/// polls its progress and result on every tick, and `Esc` cancels it.
final class ExperimentJob: @unchecked Sendable {
    /// How the run ended: its outcome (nil when it failed or was cancelled) and a
    /// message (an error, or a cache that could not be written).
    struct Finish: Sendable {
        var outcome: ExperimentOutcome?
        var message: String?
    }

    let name: ExperimentName
    private let lock = NSLock()
    private let flag = CancellationFlag()
    private var latest = ExperimentProgress(fraction: 0, message: "starting")
    private var finish: Finish?

    init(_ name: ExperimentName, settings: ExperimentSettings, training: @escaping NetworkTraining, cache: ExperimentCache?) {
        self.name = name
        Thread.detachNewThread { [self] in
            let context = ExperimentContext(settings: settings, training: training, cancellation: flag) { p in
                self.lock.withLock { self.latest = p }
            }
            var result = Finish()
            do {
                let outcome = try ExperimentRunner.run(name, context: context)
                result.outcome = outcome
                try cache?.store(outcome, key: ExperimentKey(name, settings))
            } catch let error as UserError {
                result.message = result.outcome == nil ? error.message : "not cached: \(error.message)"
            } catch {
                result.message = "\(error)"
            }
            lock.withLock { finish = result }
        }
    }

    var progress: ExperimentProgress { lock.withLock { latest } }

    /// The finish once the run has ended, nil while it runs.
    var result: Finish? { lock.withLock { finish } }

    /// Asks the run to stop at its next training step.
    func cancel() { flag.cancel() }
}
