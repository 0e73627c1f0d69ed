import Dispatch
import Foundation

/// How the fast kernels spread work over threads.
///
/// Work is always cut into the same chunks whatever `threads` is (the chunking
/// depends only on the shapes), every chunk is computed by the same code, and
/// partial results are combined in chunk order: the output is bit-identical for
/// any thread count. Threads only decide who computes which chunk, and when.
public struct KernelParallelism: Sendable {
    /// The most threads one call may use.
    public var threads: Int
    /// Calls doing fewer multiply-adds than this run on the calling thread alone:
    /// waking a second thread costs tens of microseconds. In `KernelBench` on two
    /// idle cores, the tiny network's convolutions at batch 32 gained from a second
    /// thread above about 3 M multiply-adds (0.05 ms on one core), broke even at
    /// 2 M and lost below (1 M: 0.023 ms on one thread, 0.036 ms on two).
    public var minimumMultiplies: Int

    public init(threads: Int, minimumMultiplies: Int = KernelParallelism.defaultMinimumMultiplies) {
        self.threads = max(1, threads)
        self.minimumMultiplies = minimumMultiplies
    }

    /// About 0.08 ms of work on one core (3 M multiply-adds at ~75 GFLOP/s).
    public static let defaultMinimumMultiplies = 3_000_000

    /// Every core of the machine.
    public static let automatic = KernelParallelism(threads: ProcessInfo.processInfo.activeProcessorCount)

    /// One thread: the reference behaviour the determinism tests compare against.
    public static let serial = KernelParallelism(threads: 1)

    /// Runs `body(chunk)` once for every chunk in 0..<chunks, on up to `threads`
    /// threads when `multiplies` (the whole call's work) is worth it. Each thread
    /// claims the next unclaimed chunk, so a thread slowed by another process does
    /// less; chunks must write disjoint memory.
    func forEachChunk(_ chunks: Int, multiplies: Int, _ body: (Int) -> Void) {
        let workers = multiplies >= minimumMultiplies ? min(threads, chunks) : 1
        guard workers > 1 else {
            for chunk in 0..<chunks { body(chunk) }
            return
        }
        let counter = ChunkCounter(chunks)
        withoutActuallyEscaping(body) { body in
            let shared = UncheckedSendable(body)
            DispatchQueue.concurrentPerform(iterations: workers) { _ in
                while let chunk = counter.claim() { shared.value(chunk) }
            }
        }
    }
}

/// Hands out 0, 1, 2, ... up to a limit, one number per call, to any thread.
private final class ChunkCounter: @unchecked Sendable {
    // Sendable: `next` is only touched under `lock`.
    private let lock = NSLock()
    private var next = 0
    private let limit: Int

    init(_ limit: Int) { self.limit = limit }

    func claim() -> Int? {
        lock.lock()
        defer { lock.unlock() }
        guard next < limit else { return nil }
        next += 1
        return next - 1
    }
}

/// Carries a value the compiler cannot prove thread-safe into `concurrentPerform`;
/// `forEachChunk`'s contract (disjoint writes per chunk) is what makes it safe.
private struct UncheckedSendable<Value>: @unchecked Sendable {
    let value: Value
    init(_ value: Value) { self.value = value }
}
