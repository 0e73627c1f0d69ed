extension SparseDemo {
    /// One row per output position (0-based row and column): each method's products and output (empty
    /// where it computes nothing) and whether `blocks` misses it; then totals.
    /// Its JSON is `{dense, sparse, blocks, padded: {multiplies, output}, missed, rows, notes}`.
    public func table() -> Table {
        let methods = Method.allCases
        let outputs = methods.map(output)
        let missedSet = Set(missed)
        var rows: [[TableCell]] = positions.map { p in
            let counts = methods.map { TableCell.integer(products($0, at: p).count) }
            let values = outputs.map { o in o[p.row][p.column].map(TableCell.integer) ?? .empty }
            return [.integer(p.row), .integer(p.column)] + counts + values + [.text(missedSet.contains(p) ? "missed" : "")]
        }
        rows.append([.text("total"), .empty] + methods.map { .integer(multiplies($0)) }
                    + Array(repeating: .empty, count: methods.count) + [.integer(missedSet.count)])
        let columns = ["row", "column"] + methods.map { $0.rawValue + "_multiplies" } + methods.map { $0.rawValue + "_output" } + ["blocks_missed"]
        let fields: [(String, JSONValue)] = zip(methods, outputs).map { method, out in
            (method.rawValue, JSONValue.object([
                ("multiplies", .integer(multiplies(method))),
                ("output", .array(out.map { .array($0.map { $0.map(JSONValue.integer) ?? .null }) })),
            ]))
        } + [("missed", .array(missed.map { .array([.integer($0.row), .integer($0.column)]) }))]
        return Table(title: "Sparse vs dense: \(matrix.count)x\(matrix[0].count) matrix, \(kernelRows)x\(kernelColumns) kernel, \(blocks.count) blocks",
                     columns: columns, rows: rows,
                     notes: ["valid cross-correlation (kernel not flipped); positions are 0-based [row,column]",
                             "dense: k x k products; sparse (CSR): one per non-zero under the window",
                             "blocks: each block convolved alone (valid); padded: each block zero-padded, every window touching it",
                             "blocks misses \(missedSet.count) positions where the dense result is not zero"])
            .withRowsInJSON(fields)
    }
}
