import Foundation
import InceptionCore

/// Performs the effects that touch the outside world (files, progress, background
/// jobs), for the curses loop and the test backend alike, and says what happened
/// as the events `update` sees.
public final class EffectPerformer: Sendable {
    private let jobs = JobRunner()

    public init() {}

    /// Performs `effect` and returns the events that report its outcome. `.quit`
    /// is the caller's to act on and does nothing here.
    public func perform(_ effect: Effect) -> [Event] {
        switch effect {
        case .quit: return []
        case .writeFile(let path, let contents): return [Self.write(path: path, contents: contents)]
        case .saveProgress(let path, let progress):
            do {
                try ProgressStore(path: path).save(progress)
                return []
            } catch {
                return [.fileWritten(path: path, error: "\(error)")]
            }
        case .startJob(let job):
            jobs.start(job)
            return []
        case .cancelJob(let id):
            jobs.cancel(id)
            return []
        }
    }

    /// What the background jobs reported since the last call, as events.
    public func jobEvents() -> [Event] { jobs.updates().map(Event.job) }

    /// Whether no background job is running.
    public var jobsIdle: Bool { jobs.isIdle }

    /// Writes the file atomically: either the whole file is there, or the old
    /// one (or nothing) is and the event carries the reason (the shell puts
    /// "could not write PATH: " before it).
    static func write(path: String, contents: [UInt8]) -> Event {
        do {
            try AtomicWrite.write(Data(contents), to: path)
            return .fileWritten(path: path, error: nil)
        } catch {
            let prefix = "cannot write \(path): "
            let message = "\(error)"
            return .fileWritten(path: path, error: message.hasPrefix(prefix) ? String(message.dropFirst(prefix.count)) : message)
        }
    }
}
