import Foundation
import InceptionCore

/// A `SparseTiming` measured on a background thread, so the explorer keeps
/// drawing while it runs; the Sparse view polls it on every tick.
final class TimingJob: @unchecked Sendable {
    private let lock = NSLock()
    private let done = DispatchSemaphore(value: 0)
    private var outcome: Result<SparseTiming, UserError>?
    let parameters: BlockSparseProblem.Parameters

    init(_ parameters: BlockSparseProblem.Parameters, repeats: Int) {
        self.parameters = parameters
        Thread.detachNewThread { [self] in
            let result: Result<SparseTiming, UserError>
            do {
                result = .success(SparseTiming(problem: try BlockSparseProblem(parameters), repeats: repeats))
            } catch {
                result = .failure(error as? UserError ?? UserError("\(error)"))
            }
            lock.withLock { outcome = result }
            done.signal()
        }
    }

    /// The result once the run has finished, nil while it runs.
    var result: Result<SparseTiming, UserError>? { lock.withLock { outcome } }

    /// Blocks until the run has finished (tests only: the explorer polls).
    func wait() {
        done.wait()
        done.signal()
    }
}
