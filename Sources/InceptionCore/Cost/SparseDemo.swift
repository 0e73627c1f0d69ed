/// The article's Figure 4: a block-sparse matrix convolved with a small kernel
/// (valid cross-correlation, kernel not flipped, as in every CNN library), done
/// four ways, with the products each way does at every window position:
///
/// - `dense`: every matrix entry under the window (k x k products);
/// - `sparse`: CSR storage, one product per stored non-zero under the window;
/// - `blocks`: each dense block convolved on its own (valid), as the figure draws
///   it, so only windows lying wholly inside one block are computed;
/// - `padded`: each block with a zero border of k-1, so every window that
///   touches a block is computed (clipped to the output); where every non-zero
///   lies in a block, the sum over the blocks is the dense result exactly.
///
/// Works for any matrix, kernel and block list, so the UI can edit entries.
public struct SparseDemo: Hashable, Sendable {
    /// One of the four ways to compute the convolution.
    public enum Method: String, CaseIterable, Sendable {
        case dense, sparse, blocks, padded
    }

    /// A rectangle of the matrix stored densely.
    public struct Block: Hashable, Sendable {
        public var row: Int, column: Int, rows: Int, columns: Int
        public init(row: Int, column: Int, rows: Int, columns: Int) {
            self.row = row
            self.column = column
            self.rows = rows
            self.columns = columns
        }

        public func contains(_ r: Int, _ c: Int) -> Bool {
            r >= row && r < row + rows && c >= column && c < column + columns
        }
    }

    /// A 0-based [row, column] position (of the output, or of the matrix).
    public struct Position: Hashable, Sendable {
        public var row: Int, column: Int
        public init(_ row: Int, _ column: Int) {
            self.row = row
            self.column = column
        }
    }

    /// One multiplication: the matrix entry as the method sees it (padding reads
    /// 0) times the kernel entry, at matrix cell [row, column].
    public struct Product: Hashable, Sendable {
        public var row: Int, column: Int
        public var input: Int, weight: Int
        /// The block the product belongs to (blocks and padded only).
        public var block: Int?
        public var value: Int { input * weight }
    }

    public var matrix: [[Int]]
    public var kernel: [[Int]]
    public var blocks: [Block]

    /// The article's 6x6 matrix, 2x2 kernel and its two dense blocks.
    public static let article = try! SparseDemo(
        matrix: [[2, 3, 0, 0, 0, 0], [0, 2, 0, 0, 0, 0], [0, 0, 1, 2, 0, 0],
                 [0, 0, 2, 0, 3, 0], [0, 0, 0, 0, 1, 0], [0, 0, 0, 0, 0, 0]],
        kernel: [[4, 1], [3, 2]],
        blocks: [Block(row: 0, column: 0, rows: 2, columns: 2), Block(row: 2, column: 2, rows: 3, columns: 3)])

    /// Checks the shapes: rectangular, kernel no larger than the matrix, blocks
    /// inside the matrix and not overlapping.
    public init(matrix: [[Int]], kernel: [[Int]], blocks: [Block]) throws {
        guard let width = matrix.first?.count, width > 0, matrix.allSatisfy({ $0.count == width }) else {
            throw UserError("the matrix must be a non-empty rectangle")
        }
        guard let kw = kernel.first?.count, kw > 0, kernel.allSatisfy({ $0.count == kw }) else {
            throw UserError("the kernel must be a non-empty rectangle")
        }
        guard kernel.count <= matrix.count, kw <= width else {
            throw UserError("the \(kernel.count)x\(kw) kernel is larger than the \(matrix.count)x\(width) matrix")
        }
        for (i, b) in blocks.enumerated() {
            guard b.rows > 0, b.columns > 0, b.row >= 0, b.column >= 0,
                  b.row + b.rows <= matrix.count, b.column + b.columns <= width else {
                throw UserError("block \(i + 1) (\(b.rows)x\(b.columns) at [\(b.row), \(b.column)]) is not inside the matrix")
            }
            for (j, other) in blocks.enumerated() where j < i {
                let overlaps = b.row < other.row + other.rows && other.row < b.row + b.rows
                    && b.column < other.column + other.columns && other.column < b.column + b.columns
                if overlaps { throw UserError("blocks \(j + 1) and \(i + 1) overlap") }
            }
        }
        self.matrix = matrix
        self.kernel = kernel
        self.blocks = blocks
    }

    public var kernelRows: Int { kernel.count }
    public var kernelColumns: Int { kernel[0].count }
    /// Valid output size: (n - k + 1) per axis.
    public var outputRows: Int { matrix.count - kernelRows + 1 }
    public var outputColumns: Int { matrix[0].count - kernelColumns + 1 }

    /// Every output position, row by row (the order the UI steps through).
    public var positions: [Position] {
        (0..<outputRows).flatMap { r in (0..<outputColumns).map { Position(r, $0) } }
    }

    /// The products `method` does for the window whose top-left corner is `p`.
    public func products(_ method: Method, at p: Position) -> [Product] {
        // The window covers matrix rows p.row ..< p.row+kh and columns p.column ..< p.column+kw.
        let window = (0..<kernelRows).flatMap { i in (0..<kernelColumns).map { (i, $0) } }
        func product(_ i: Int, _ j: Int, input: Int, block: Int?) -> Product {
            Product(row: p.row + i, column: p.column + j, input: input, weight: kernel[i][j], block: block)
        }
        switch method {
        case .dense:
            return window.map { product($0, $1, input: matrix[p.row + $0][p.column + $1], block: nil) }
        case .sparse:
            return window.compactMap { i, j in
                let x = matrix[p.row + i][p.column + j]
                return x == 0 ? nil : product(i, j, input: x, block: nil)
            }
        case .blocks, .padded:
            return blocks.indices.flatMap { b -> [Product] in
                let block = blocks[b]
                let cells = window.map { (i: $0, j: $1, inside: block.contains(p.row + $0, p.column + $1)) }
                let computed = method == .blocks ? cells.allSatisfy(\.inside) : cells.contains(where: \.inside)
                guard computed else { return [] }
                return cells.map { product($0.i, $0.j, input: $0.inside ? matrix[p.row + $0.i][p.column + $0.j] : 0, block: b) }
            }
        }
    }

    /// Total products of `method` over every position.
    public func multiplies(_ method: Method) -> Int {
        positions.reduce(0) { $0 + products(method, at: $1).count }
    }

    /// The output of `method`: the sum of its products, nil where it computes nothing.
    public func output(_ method: Method) -> [[Int?]] {
        (0..<outputRows).map { r in
            (0..<outputColumns).map { c in
                let ps = products(method, at: Position(r, c))
                return ps.isEmpty ? nil : ps.reduce(0) { $0 + $1.value }
            }
        }
    }

    /// Positions `blocks` never computes although the dense result there is not
    /// zero: there the two sides of the article's figure differ.
    public var missed: [Position] {
        let dense = output(.dense), blocks = output(.blocks)
        return positions.filter { blocks[$0.row][$0.column] == nil && dense[$0.row][$0.column] != 0 }
    }
}
