// The logits of a batch in evaluation, its parts on threads (`BatchSplit`): parts
// whose boundaries depend on the batch size alone, joined in order, so any thread
// count gives the same bits. No branch tensor is kept (`keepBranches`): the logits
// are all a caller gets.

extension InceptionNetwork {
    /// The logits (n, classes) of a batch in evaluation mode, its parts on all cores.
    public func logits(_ x: Tensor) -> Tensor { logits(x, threads: BatchSplit.automaticThreads) }

    /// The logits on up to `threads` threads: the same bits for any count (`BatchSplit`).
    func logits(_ x: Tensor, threads: Int) -> Tensor {
        let split = BatchSplit(images: x.shape[0])
        let ranges = split.ranges
        var parts = [Tensor](repeating: Tensor(shape: [0]), count: ranges.count)
        parts.withUnsafeMutableBufferPointer { parts in
            split.forEachPart(threads: threads) { k in
                // Evaluation draws no dropout mask: the generator is never read.
                var rng = SeededGenerator(seed: 0)
                parts[k] = forward(x.images(ranges[k]), training: false, keepBranches: false, rng: &rng).logits
            }
        }
        return Tensor.joining(parts)
    }
}
