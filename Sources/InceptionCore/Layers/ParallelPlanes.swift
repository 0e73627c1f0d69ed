/// Runs body over `planes` independent planes (image x channel), split into
/// contiguous chunks across the cores when there is enough work to pay for the
/// threads. Each plane is written by exactly one chunk, so the result does not
/// depend on the number of threads.
func forEachPlaneChunk(_ planes: Int, workPerPlane: Int, _ body: (Range<Int>) -> Void) {
    let chunks = planes * workPerPlane >= 1 << 16 ? min(planes, 8) : 1
    concurrentChunks(chunks) { k in
        body(planes * k / chunks..<planes * (k + 1) / chunks)
    }
}
