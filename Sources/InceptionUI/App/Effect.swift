import InceptionCore

/// A side effect that `update` asks for and the backend performs, so that
/// `update` itself stays pure and testable.
public enum Effect: Equatable, Sendable {
    /// Leave the explorer with this exit status (0 for `q`).
    case quit(status: Int32)
    /// Write `contents` to `path` atomically; the outcome comes back as
    /// `Event.fileWritten`.
    case writeFile(path: String, contents: [UInt8])
    /// Save lesson progress with `ProgressStore` (atomically, creating the folder).
    /// Quiet on success; a failure comes back as `Event.fileWritten` with the error.
    case saveProgress(path: String, progress: LessonProgress)
    /// Run `job` in the background; what it reports comes back to the view that
    /// asked as `ViewInput.job`.
    case startJob(BackgroundJob)
    /// Ask a running job to stop at its next check; it still ends with a result.
    case cancelJob(JobID)
}
