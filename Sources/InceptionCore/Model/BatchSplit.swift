/// How the engine spreads a batch over the cores: a fixed number of contiguous
/// parts, whatever the machine, each run through the whole network on its own
/// thread; per-part results are combined in part order. Because the split never
/// depends on the number of threads, the same seed gives the same weights anywhere.
enum BatchSplit {
    /// Two parts: this project's machines have two cores.
    static let parts = 2

    /// The image ranges of a batch of n.
    static func ranges(_ n: Int) -> [Range<Int>] {
        let k = min(n, parts)
        return (0..<k).map { n * $0 / k..<n * ($0 + 1) / k }
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
