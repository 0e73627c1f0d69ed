import InceptionCore

extension SparseView {
    /// What the timing job hands back: the four methods timed, and the density sweep.
    struct TimingResult: Sendable {
        var timing: SparseTiming
        var sweep: SparseDensitySweep
    }

    static let timingJobID = JobID(view: .sparse, name: "timing")

    /// Times the four methods on a random block-sparse matrix with `parameters`,
    /// then the density sweep, off the main loop (each takes up to seconds).
    static func timingJob(_ parameters: BlockSparseProblem.Parameters, repeats: Int) -> BackgroundJob {
        BackgroundJob(timingJobID) { _ in
            let timing = SparseTiming(problem: try BlockSparseProblem(parameters), repeats: repeats)
            return TimingResult(timing: timing, sweep: try SparseDensitySweep(parameters: parameters, repeats: max(1, repeats / 2)))
        }
    }
}
