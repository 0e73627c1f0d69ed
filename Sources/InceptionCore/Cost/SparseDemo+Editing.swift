extension SparseDemo {
    /// The values an edited entry may take: single digits, as in the article's
    /// figure, so that with its kernel (entries up to 4, sum 10) every output
    /// has at most two digits and four 5x5 outputs fit side by side in 80 columns.
    public static let entryRange = 0...9

    /// A copy with one matrix entry changed, or a `UserError` naming the cell or
    /// the value that is out of range.
    public func setting(row: Int, column: Int, to value: Int) throws -> SparseDemo {
        guard matrix.indices.contains(row), matrix[row].indices.contains(column) else {
            throw UserError("[\(row), \(column)] is outside the \(matrix.count)x\(matrix[0].count) matrix")
        }
        guard Self.entryRange.contains(value) else {
            throw UserError("\(value) at [\(row), \(column)]: entries must be between \(Self.entryRange.lowerBound) and \(Self.entryRange.upperBound)")
        }
        var copy = self
        copy.matrix[row][column] = value
        return copy
    }

    /// The positions where `method`'s output differs from the dense result,
    /// reading a position the method never computes as 0 (which is what a
    /// library that allocates a zeroed output would return there). Empty for
    /// `sparse` always, and for `padded` while every non-zero lies in a block.
    public func differences(_ method: Method) -> [Position] {
        let dense = output(.dense), other = output(method)
        return positions.filter { (other[$0.row][$0.column] ?? 0) != dense[$0.row][$0.column] }
    }

    /// Non-zero entries that lie outside every block: `blocks` and `padded`
    /// never read them.
    public var entriesOutsideBlocks: [Position] {
        matrix.indices.flatMap { r in
            matrix[r].indices.compactMap { c in
                matrix[r][c] != 0 && !blocks.contains { $0.contains(r, c) } ? Position(r, c) : nil
            }
        }
    }
}

extension SparseDemo {
    /// What is equal and what is not, in words, from the numbers themselves:
    /// one sentence each for sparse, padded and blocks against dense.
    public var comparisons: [String] {
        let all = positions.count
        func list(_ ps: [Position]) -> String { ps.prefix(4).map { "[\($0.row), \($0.column)]" }.joined(separator: " ") + (ps.count > 4 ? " ..." : "") }
        func positionsText(_ n: Int) -> String { n == 1 ? "1 position" : "\(n) positions" }
        let sparse = differences(.sparse)
        let sparseText = sparse.isEmpty
            ? "sparse = dense at all \(all) positions (CSR skips only zeros)."
            : "sparse differs from dense at \(positionsText(sparse.count)): \(list(sparse))."
        let outside = entriesOutsideBlocks
        let padded = differences(.padded)
        let paddedText = padded.isEmpty
            ? "padded = dense at all \(all) positions (nothing computed reads as 0)."
            : "padded differs from dense at \(positionsText(padded.count)) (\(list(padded))): it never reads \(list(outside)), outside the blocks."
        let blocksOutput = output(.blocks)
        let computed = positions.filter { blocksOutput[$0.row][$0.column] != nil }.count
        let missed = missed.count
        let blocksText = "blocks = dense at the \(computed) positions it computes; "
            + (missed == 0 ? "it misses none where dense is not 0."
               : "x marks the \(missed) it never computes where dense is not 0: there the figure's two sides differ.")
        return [sparseText, paddedText, blocksText]
    }
}
