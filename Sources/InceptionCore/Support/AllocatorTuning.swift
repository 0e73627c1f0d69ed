#if canImport(Glibc)
import Glibc

@_silgen_name("mallopt")
private func glibcMallopt(_ parameter: Int32, _ value: Int32) -> Int32
#endif

/// Keeps glibc from handing the engine's activation buffers back to the kernel.
///
/// A training step allocates and frees megabyte-sized activations layer after
/// layer. By default glibc serves those with fresh `mmap`s (or trims the heap
/// after them), so every step page-faults its memory in again: measured on the
/// tiny network at batch 64, 191,000 page faults and 880 ms of CPU for 20 forward
/// passes, against 8,400 and 475 ms once large blocks stay in the heap.
enum AllocatorTuning {
    /// Applied once per process, the first time a network is built.
    static let applied: Void = {
        #if canImport(Glibc)
        let mmapThreshold: Int32 = -3, trimThreshold: Int32 = -1  // M_MMAP_THRESHOLD, M_TRIM_THRESHOLD
        _ = glibcMallopt(mmapThreshold, 256 << 20)
        _ = glibcMallopt(trimThreshold, 512 << 20)
        #endif
    }()
}
