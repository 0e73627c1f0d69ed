import Foundation

/// The engine's one threading scheme: a batch is cut into parts whose boundaries
/// depend only on the batch size, each part runs through the whole network on one
/// thread with single-threaded kernels, and per-part results (logits, gradients,
/// losses) are combined in part order. Threads only decide who computes which
/// part and when, so the same seed gives the same bits for any thread count.
///
/// Why whole parts rather than threads inside each kernel: the tiny network's
/// calls are short (most convolutions of one image take microseconds), and waking
/// a thread per call cost more than it saved below about 0.1 ms of work. One
/// dispatch per batch costs nothing by comparison, and parts that threads claim
/// one after another keep both cores busy even when another process slows one.
struct BatchSplit {
    /// Images per part, at most: small enough that a batch of 32 gives four parts
    /// to share between two cores (a core slowed by another process simply takes
    /// fewer), large enough that per-part costs (gradient buffers, traces) stay small.
    static let maximumPartImages = 8

    /// The image ranges of a batch of n: ceil(n / 8) parts of nearly equal size.
    let ranges: [Range<Int>]

    init(images n: Int) {
        let parts = max(1, (n + Self.maximumPartImages - 1) / Self.maximumPartImages)
        ranges = (0..<parts).map { n * $0 / parts..<n * ($0 + 1) / parts }
    }

    /// Every core of the machine.
    static let automaticThreads = ProcessInfo.processInfo.activeProcessorCount

    /// Runs body(k) once for every part k, on up to `threads` threads; each thread
    /// claims the next unclaimed part. Parts must write disjoint memory.
    func forEachPart(threads: Int = automaticThreads, _ body: (Int) -> Void) {
        let workers = max(1, min(threads, ranges.count))
        guard workers > 1 else {
            for k in ranges.indices { body(k) }
            return
        }
        let counter = PartCounter(ranges.count)
        concurrentChunks(workers) { _ in
            while let k = counter.claim() { body(k) }
        }
    }
}

/// Hands out 0, 1, 2, ... up to a limit, one number per call, to any thread.
private final class PartCounter: @unchecked Sendable {
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

extension Tensor {
    /// Images `range` of a batch (n, ...).
    func images(_ range: Range<Int>) -> Tensor {
        let per = count / shape[0]
        return Tensor(shape: [range.count] + shape.dropFirst(), data: Array(data[range.lowerBound * per..<range.upperBound * per]))
    }

    /// The batches, one after another, as one batch.
    static func joining(_ parts: [Tensor]) -> Tensor {
        Tensor(shape: [parts.reduce(0) { $0 + $1.shape[0] }] + parts[0].shape.dropFirst(), data: parts.flatMap(\.data))
    }
}
