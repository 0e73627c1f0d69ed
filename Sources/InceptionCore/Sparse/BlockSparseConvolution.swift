/// The four methods of the sparse-to-dense demo (`SparseDemo.Method`) on a
/// `BlockSparseProblem`, as real Float kernels that can be timed. Each storage
/// format (CSR, block copies, zero-padded block copies) is built once here, so
/// a timed run measures only the arithmetic.
///
/// Legend: n is the matrix side, k the kernel side, P = n - k + 1 the output
/// side, s a block's side. Valid cross-correlation, kernel not flipped.
public struct BlockSparseConvolution: Sendable {
    public let problem: BlockSparseProblem
    // CSR: rowStart is (n + 1), columns and values are (nonZeros).
    let rowStart: [Int]
    let columns: [Int]
    let values: [Float]
    /// Each block's entries, (s, s) row-major.
    let blockCopies: [[Float]]
    /// Each block with a zero border of k - 1 on every side, (s + 2(k-1), s + 2(k-1)).
    let paddedCopies: [[Float]]

    public init(_ problem: BlockSparseProblem) {
        self.problem = problem
        let n = problem.size, k = problem.k, m = problem.matrix
        var rowStart = [0], columns: [Int] = [], values: [Float] = []
        for i in 0..<n {
            for j in 0..<n where m[i * n + j] != 0 {
                columns.append(j)
                values.append(m[i * n + j])
            }
            rowStart.append(columns.count)
        }
        self.rowStart = rowStart
        self.columns = columns
        self.values = values
        blockCopies = problem.blocks.map { b in
            (0..<b.rows).flatMap { i in (0..<b.columns).map { j in m[(b.row + i) * n + b.column + j] } }
        }
        paddedCopies = problem.blocks.map { b in
            let pr = b.rows + 2 * (k - 1), pc = b.columns + 2 * (k - 1)
            var padded = [Float](repeating: 0, count: pr * pc)
            for i in 0..<b.rows {
                for j in 0..<b.columns { padded[(i + k - 1) * pc + j + k - 1] = m[(b.row + i) * n + b.column + j] }
            }
            return padded
        }
    }

    /// The (P, P) output of `method`; 0 where the method computes nothing.
    public func output(_ method: SparseDemo.Method) -> [Float] {
        var out = [Float](repeating: 0, count: problem.outputSize * problem.outputSize)
        run(method, into: &out)
        return out
    }

    /// Runs `method` into `out` (P, P), overwriting it.
    public func run(_ method: SparseDemo.Method, into out: inout [Float]) {
        let n = problem.size, k = problem.k, p = problem.outputSize
        problem.kernel.withUnsafeBufferPointer { w in
            out.withUnsafeMutableBufferPointer { out in
                switch method {
                case .dense:
                    problem.matrix.withUnsafeBufferPointer { Self.dense(out: out.baseAddress!, inp: $0.baseAddress!, rows: n, columns: n, w: w.baseAddress!, k: k, outRow: 0, outColumn: 0, p: p, clip: nil) }
                case .sparse:
                    Self.sparse(out: out, rowStart: rowStart, columns: columns, values: values, w: w.baseAddress!, k: k, p: p)
                case .blocks:
                    out.initialize(repeating: 0)
                    for (b, copy) in zip(problem.blocks, blockCopies) {
                        copy.withUnsafeBufferPointer {
                            Self.dense(out: out.baseAddress!, inp: $0.baseAddress!, rows: b.rows, columns: b.columns,
                                       w: w.baseAddress!, k: k, outRow: b.row, outColumn: b.column, p: p, clip: nil)
                        }
                    }
                case .padded:
                    out.initialize(repeating: 0)
                    for (b, copy) in zip(problem.blocks, paddedCopies) {
                        copy.withUnsafeBufferPointer {
                            Self.dense(out: out.baseAddress!, inp: $0.baseAddress!, rows: b.rows + 2 * (k - 1), columns: b.columns + 2 * (k - 1),
                                       w: w.baseAddress!, k: k, outRow: b.row - (k - 1), outColumn: b.column - (k - 1), p: p, clip: p)
                        }
                    }
                }
            }
        }
    }

    /// Valid cross-correlation of inp (rows, columns) with w (k, k); the result
    /// at local [r, c] goes to out[(outRow + r) * p + outColumn + c]. With `clip`,
    /// local positions that land outside the (clip, clip) output are skipped
    /// (not computed); without, the whole valid result is written.
    private static func dense(out: UnsafeMutablePointer<Float>, inp: UnsafePointer<Float>, rows: Int, columns: Int,
                              w: UnsafePointer<Float>, k: Int, outRow: Int, outColumn: Int, p: Int, clip: Int?) {
        let limit = clip ?? Int.max
        let firstRow = max(0, -outRow), endRow = max(firstRow, min(rows - k + 1, limit - outRow))
        let firstColumn = max(0, -outColumn), endColumn = max(firstColumn, min(columns - k + 1, limit - outColumn))
        // Row at a time, kernel weight by kernel weight: the innermost loop walks
        // contiguous input and output columns, so the compiler turns it into SIMD
        // code. That is what "dense hardware" means here: the dense method's
        // products are cheap because they come eight at a time, while the CSR
        // scatter below cannot be vectorised.
        let width = endColumn - firstColumn
        guard width > 0 else { return }
        for r in firstRow..<endRow {
            let row = out + (outRow + r) * p + outColumn + firstColumn
            row.update(repeating: 0, count: width)
            for a in 0..<k {
                for b in 0..<k {
                    let weight = w[a * k + b]
                    let source = inp + (r + a) * columns + firstColumn + b
                    for c in 0..<width { row[c] += source[c] * weight }
                }
            }
        }
    }

    /// CSR scatter: every stored non-zero m[i, j] adds m[i, j] * w[a, b] to the
    /// output at [i - a, j - b] for each window that covers it.
    private static func sparse(out: UnsafeMutableBufferPointer<Float>, rowStart: [Int], columns: [Int], values: [Float],
                               w: UnsafePointer<Float>, k: Int, p: Int) {
        out.initialize(repeating: 0)
        let o = out.baseAddress!
        rowStart.withUnsafeBufferPointer { rowStart in
            columns.withUnsafeBufferPointer { columns in
                values.withUnsafeBufferPointer { values in
                    for i in 0..<rowStart.count - 1 {
                        for index in rowStart[i]..<rowStart[i + 1] {
                            let j = columns[index], v = values[index]
                            for a in max(0, i - p + 1)...min(k - 1, i) {
                                for b in max(0, j - p + 1)...min(k - 1, j) { o[(i - a) * p + j - b] += v * w[a * k + b] }
                            }
                        }
                    }
                }
            }
        }
    }

    /// Whether `blocks` computes output position [r, c]: its window lies wholly inside one block.
    public func blocksComputes(_ r: Int, _ c: Int) -> Bool {
        problem.blocks.contains { r >= $0.row && r <= $0.row + $0.rows - problem.k && c >= $0.column && c <= $0.column + $0.columns - problem.k }
    }

    /// The window start positions (per axis) each method computes for block `b`;
    /// nil for the methods that cover the whole output.
    private func windowRange(_ method: SparseDemo.Method, start: Int, length: Int) -> ClosedRange<Int>? {
        let k = problem.k, p = problem.outputSize
        switch method {
        case .dense, .sparse: return nil
        case .blocks: return start...(start + length - k)
        case .padded: return max(0, start - k + 1)...min(p - 1, start + length - 1)
        }
    }

    /// Products `method` does: every window it computes times k x k, except
    /// `sparse`, which does one per stored non-zero under each window.
    public func multiplies(_ method: SparseDemo.Method) -> Int {
        let k = problem.k, p = problem.outputSize
        switch method {
        case .dense: return p * p * k * k
        case .sparse: return usefulMultiplies(.sparse)
        case .blocks, .padded:
            return problem.blocks.reduce(0) { total, b in
                let rows = windowRange(method, start: b.row, length: b.rows)!, cols = windowRange(method, start: b.column, length: b.columns)!
                return total + rows.count * cols.count * k * k
            }
        }
    }

    /// Products with a non-zero matrix entry: the ones that change the result.
    public func usefulMultiplies(_ method: SparseDemo.Method) -> Int {
        let n = problem.size, k = problem.k, p = problem.outputSize
        // Windows starting in `range` that cover index i (per axis).
        func cover(_ i: Int, _ range: ClosedRange<Int>) -> Int { max(0, min(i, range.upperBound) - max(i - k + 1, range.lowerBound) + 1) }
        var total = 0
        for i in 0..<n {
            for index in rowStart[i]..<rowStart[i + 1] {
                let j = columns[index]
                guard let b = problem.blocks.first(where: { $0.contains(i, j) }),
                      let rows = windowRange(method, start: b.row, length: b.rows),
                      let cols = windowRange(method, start: b.column, length: b.columns) else {
                    if method == .dense || method == .sparse { total += cover(i, 0...p - 1) * cover(j, 0...p - 1) }
                    continue
                }
                total += cover(i, rows) * cover(j, cols)
            }
        }
        return total
    }
}
