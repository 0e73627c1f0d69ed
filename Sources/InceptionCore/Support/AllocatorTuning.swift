import CPlatform

/// Keeps glibc from handing the engine's activation buffers back to the kernel.
///
/// A training step allocates and frees megabyte-sized activations layer after
/// layer. By default glibc serves those with fresh `mmap`s (or trims the heap
/// after them), so every step page-faults its memory in again: measured on the
/// tiny network at batch 64, 191,000 page faults and 880 ms of CPU for 20 forward
/// passes, against 8,400 and 475 ms once large blocks stay in the heap. In
/// `bench` (release, 4 interleaved rounds) training ran at a median 539 images/s
/// without it and 765 with it; forward at batch 64, 1,950 against 2,800.
enum AllocatorTuning {
    /// Applied once per process, the first time a network is built.
    static let applied: Void = {
        cplatform_keep_heap(256 << 20, 512 << 20)
    }()
}
