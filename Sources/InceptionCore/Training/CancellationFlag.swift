import Synchronization

/// A flag another thread raises to stop a long computation (a training run in the
/// background of the explorer); the computation checks it once per step.
public final class CancellationFlag: Sendable {
    private let raised = Atomic<Bool>(false)

    public init() {}

    /// Asks the computation to stop at its next check.
    public func cancel() { raised.store(true, ordering: .relaxed) }

    public var isCancelled: Bool { raised.load(ordering: .relaxed) }
}
