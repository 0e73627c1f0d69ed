extension SparseDemo {
    /// The largest magnitude an edited entry may have: keeps every output
    /// readable in a 5-column cell.
    public static let maximumEntry = 99

    /// A copy with one matrix entry changed, or a `UserError` naming the cell or
    /// the value that is out of range.
    public func setting(row: Int, column: Int, to value: Int) throws -> SparseDemo {
        guard matrix.indices.contains(row), matrix[row].indices.contains(column) else {
            throw UserError("[\(row), \(column)] is outside the \(matrix.count)x\(matrix[0].count) matrix")
        }
        guard abs(value) <= Self.maximumEntry else {
            throw UserError("\(value) at [\(row), \(column)]: entries must be between -\(Self.maximumEntry) and \(Self.maximumEntry)")
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
