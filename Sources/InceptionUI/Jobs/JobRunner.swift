import Foundation
import InceptionCore

/// The runtime's side of background jobs: runs each `BackgroundJob` on a
/// thread of its own, keeps its latest progress and its result behind a lock,
/// and hands them out as events when the loop asks (`updates()`).
final class JobRunner: @unchecked Sendable {
    private struct Entry {
        let cancellation = CancellationFlag()
        var progress: (any Sendable)?
        var result: Result<any Sendable, UserError>?
        /// Updates handed out so far (the next one's sequence number).
        var sent = 0
    }

    private let lock = NSLock()
    private var jobs: [JobID: Entry] = [:]

    /// Starts `job` unless one with its id is still running (a view starts one
    /// of each kind at a time, so a second request is the same job asked twice).
    func start(_ job: BackgroundJob) {
        let cancellation: CancellationFlag? = lock.withLock {
            guard jobs[job.id] == nil else { return nil }
            let entry = Entry()
            jobs[job.id] = entry
            return entry.cancellation
        }
        guard let cancellation else { return }
        let context = JobContext(cancellation: cancellation) { [self] value in
            lock.withLock { jobs[job.id]?.progress = value }
        }
        Thread.detachNewThread { [self] in
            let result: Result<any Sendable, UserError>
            do {
                result = .success(try job.work(context))
            } catch {
                result = .failure(error as? UserError ?? UserError("\(error)"))
            }
            lock.withLock { jobs[job.id]?.result = result }
        }
    }

    /// Raises the job's cancellation flag; the job ends at its next check.
    func cancel(_ id: JobID) {
        lock.withLock { jobs[id]?.cancellation.cancel() }
    }

    /// The latest progress of every job that reported since the last call, and
    /// the result of every job that ended (which then leaves the runner).
    func updates() -> [JobUpdate] {
        lock.withLock {
            var out: [JobUpdate] = []
            for id in jobs.keys.sorted(by: { ($0.view.rawValue, $0.name) < ($1.view.rawValue, $1.name) }) {
                guard var entry = jobs[id] else { continue }
                if let progress = entry.progress {
                    out.append(JobUpdate(id: id, sequence: entry.sent, kind: .progress(progress)))
                    entry.sent += 1
                    entry.progress = nil
                }
                if let result = entry.result {
                    out.append(JobUpdate(id: id, sequence: entry.sent, kind: .finished(result)))
                    jobs[id] = nil
                } else {
                    jobs[id] = entry
                }
            }
            return out
        }
    }

    var isIdle: Bool { lock.withLock { jobs.isEmpty } }
}
