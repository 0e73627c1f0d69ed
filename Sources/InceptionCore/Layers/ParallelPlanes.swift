import Dispatch

/// Runs body over `planes` independent planes (image x channel), split into
/// contiguous chunks across the cores when there is enough work to pay for the
/// threads. Each plane is written by exactly one chunk, so the result does not
/// depend on the number of threads.
func forEachPlaneChunk(_ planes: Int, workPerPlane: Int, _ body: (Range<Int>) -> Void) {
    let chunks = min(planes, 8)
    guard chunks > 1, planes * workPerPlane >= 1 << 16 else {
        body(0..<planes)
        return
    }
    withoutActuallyEscaping(body) { body in
        let shared = PlaneChunkBody(body)
        DispatchQueue.concurrentPerform(iterations: chunks) { k in
            shared.body(planes * k / chunks..<planes * (k + 1) / chunks)
        }
    }
}

/// Carries the chunk body into `concurrentPerform`; safe because every chunk
/// writes only its own planes.
private struct PlaneChunkBody: @unchecked Sendable {
    let body: (Range<Int>) -> Void
    init(_ body: @escaping (Range<Int>) -> Void) { self.body = body }
}
