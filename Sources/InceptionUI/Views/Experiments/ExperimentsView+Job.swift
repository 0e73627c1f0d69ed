import InceptionCore

extension ExperimentsView {
    /// The experiment being computed in the background, as the view knows it:
    /// which one, and its latest progress.
    struct RunningExperiment: Sendable {
        let name: ExperimentName
        var progress = ExperimentProgress(fraction: 0, message: "starting")
    }

    /// How a run ended: its outcome (nil when it failed or was cancelled) and a
    /// message (an error, or a cache that could not be written).
    struct Finish: Sendable {
        var outcome: ExperimentOutcome?
        var message: String?
    }

    static let jobID = JobID(view: .experiments, name: "experiment")

    /// Computes experiment `name` and saves it to `cache`; reports `ExperimentProgress`
    /// and stops at the next training step once cancelled.
    static func job(_ name: ExperimentName, settings: ExperimentSettings, training: @escaping NetworkTraining,
                    cache: ExperimentCache?) -> BackgroundJob {
        BackgroundJob(jobID) { job in
            let context = ExperimentContext(settings: settings, training: training, cancellation: job.cancellation) {
                job.progress($0)
            }
            var result = Finish()
            do {
                let outcome = try ExperimentRunner.run(name, context: context)
                result.outcome = outcome
                try cache?.store(outcome, key: ExperimentKey(name, settings))
            } catch let error as UserError {
                result.message = result.outcome == nil ? error.message : "not cached: \(error.message)"
            }
            return result
        }
    }
}
