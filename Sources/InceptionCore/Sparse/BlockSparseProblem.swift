/// A random block-sparse matrix and a k x k kernel, the input of `SparseTiming`:
/// the article's Figure 4 at a size where timing means something.
///
/// The diagonal of the n x n matrix is cut into `blocks` equal segments; each
/// segment starts with a dense square block of side `blockSide` (half the
/// segment), every other entry is zero. Inside a block an entry is non-zero
/// with probability `density`. Every non-zero lies in a block, so `padded`
/// equals `dense` exactly and `blocks` misses the windows that straddle a
/// block's border.
public struct BlockSparseProblem: Sendable {
    /// What the learner chooses; `init` checks every field.
    public struct Parameters: Hashable, Sendable {
        public var size: Int
        public var blocks: Int
        public var density: Double
        public var kernel: Int
        public var seed: UInt64

        public static let sizes = 64...1024
        public static let kernels = 1...7

        public init(size: Int = 256, blocks: Int = 4, density: Double = 0.5, kernel: Int = 3, seed: UInt64 = 1) {
            self.size = size
            self.blocks = blocks
            self.density = density
            self.kernel = kernel
            self.seed = seed
        }

        /// The most blocks `size` holds with each block at least `kernel` wide.
        public var maximumBlocks: Int { max(1, size / (2 * max(1, kernel))) }
        public var blockSide: Int { size / blocks / 2 }

        /// Checks every range; the message names the field that is out of it.
        public func validate() throws {
            guard Self.sizes.contains(size) else {
                throw UserError("size \(size): must be between \(Self.sizes.lowerBound) and \(Self.sizes.upperBound)")
            }
            guard Self.kernels.contains(kernel) else {
                throw UserError("kernel \(kernel): must be between \(Self.kernels.lowerBound) and \(Self.kernels.upperBound)")
            }
            guard blocks >= 1, blocks <= maximumBlocks else {
                throw UserError("blocks \(blocks): must be between 1 and \(maximumBlocks) for size \(size) and kernel \(kernel)")
            }
            guard density > 0, density <= 1 else {
                throw UserError("density \(density): must be above 0 and at most 1")
            }
        }
    }

    public let parameters: Parameters
    /// matrix is (n, n), row-major.
    public let matrix: [Float]
    /// kernel is (k, k), row-major.
    public let kernel: [Float]
    public let blocks: [SparseDemo.Block]

    public var size: Int { parameters.size }
    public var k: Int { parameters.kernel }
    /// Valid output side: n - k + 1.
    public var outputSize: Int { size - k + 1 }

    public init(_ p: Parameters) throws {
        try p.validate()
        parameters = p
        let n = p.size, side = p.blockSide
        var rng = SeededGenerator(seed: p.seed)
        var matrix = [Float](repeating: 0, count: n * n)
        var blocks: [SparseDemo.Block] = []
        for b in 0..<p.blocks {
            let origin = b * (n / p.blocks)
            blocks.append(SparseDemo.Block(row: origin, column: origin, rows: side, columns: side))
            for i in origin..<origin + side {
                for j in origin..<origin + side where Double(rng.nextUnit()) < p.density {
                    // Values in [0.5, 1.5) with a random sign: never zero, so the density is exact.
                    let magnitude = 0.5 + rng.nextUnit()
                    matrix[i * n + j] = rng.next() & 1 == 0 ? magnitude : -magnitude
                }
            }
        }
        self.matrix = matrix
        self.blocks = blocks
        kernel = (0..<p.kernel * p.kernel).map { _ in 2 * rng.nextUnit() - 1 }
    }

    /// Non-zero entries of the matrix.
    public var nonZeros: Int { matrix.reduce(0) { $0 + ($1 != 0 ? 1 : 0) } }
}
