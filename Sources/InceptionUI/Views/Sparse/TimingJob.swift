import Foundation
import InceptionCore

/// A `SparseTiming` and its density sweep measured on a background thread, so
/// the explorer keeps drawing while they run; the Sparse view polls on every tick.
final class TimingJob: @unchecked Sendable {
    private let lock = NSLock()
    private var outcome: Result<(SparseTiming, SparseDensitySweep), UserError>?
    let parameters: BlockSparseProblem.Parameters

    init(_ parameters: BlockSparseProblem.Parameters, repeats: Int) {
        self.parameters = parameters
        Thread.detachNewThread { [self] in
            let result: Result<(SparseTiming, SparseDensitySweep), UserError>
            do {
                let timing = SparseTiming(problem: try BlockSparseProblem(parameters), repeats: repeats)
                result = .success((timing, try SparseDensitySweep(parameters: parameters, repeats: max(1, repeats / 2))))
            } catch {
                result = .failure(error as? UserError ?? UserError("\(error)"))
            }
            lock.withLock { outcome = result }
        }
    }

    /// The result once the run has finished, nil while it runs.
    var result: Result<(SparseTiming, SparseDensitySweep), UserError>? { lock.withLock { outcome } }
}
