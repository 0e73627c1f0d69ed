extension WidgetDefinition {
    /// `::: sparse-demo show=totals`: the article's block-sparse matrix convolved four
    /// ways (`SparseDemo.article`): each method's multiplies and how its output
    /// compares with the dense one, or (`show=outputs`) the four outputs side by side.
    public static let sparseDemo = WidgetDefinition(
        name: "sparse-demo",
        summary: "The article's sparse matrix convolved four ways: multiplies and outputs of dense, sparse, blocks, padded.",
        arguments: [
            .optional("show", .choice(["matrix", "totals", "outputs"]), default: "totals",
                      help: "matrix: the matrix, its blocks and the kernel; totals: multiplies and agreement per method; outputs: the four output grids"),
        ],
        compute: { arguments in
            let demo = SparseDemo.article
            let methods = SparseDemo.Method.allCases
            let dense = demo.output(.dense)
            let missed = demo.missed.map { "[\($0.row),\($0.column)]" }.joined(separator: ", ")
            let size = "\(demo.outputRows)x\(demo.outputColumns)"
            let show = try arguments.string("show")
            if show == "matrix" {
                let letters = demo.blocks.indices.map { String(UnicodeScalar(UInt8(65 + $0))) }
                let rows = demo.matrix.enumerated().map { r, values in
                    [String(r)] + values.enumerated().map { c, v in
                        String(v) + (demo.blocks.firstIndex { $0.contains(r, c) }.map { letters[$0] } ?? "")
                    }
                }
                let blocks = zip(letters, demo.blocks).map { "\($0) is \($1.rows)x\($1.columns) at row \($1.row), column \($1.column)" }
                return .table(WidgetTable(
                    title: "The article's \(demo.matrix.count)x\(demo.matrix[0].count) matrix; a letter marks the dense block an entry belongs to",
                    columns: [.init("row", .right)] + (0..<demo.matrix[0].count).map { .init("c\($0)") },
                    rows: rows,
                    notes: ["Blocks: " + blocks.joined(separator: "; ") + ".",
                            "Kernel: " + demo.kernel.map { $0.map(String.init).joined(separator: " ") }.joined(separator: " / ") + " (rows separated by /)."]))
            }
            if show == "outputs" {
                let rows = (0..<demo.outputRows).map { r in
                    [String(r)] + methods.map { m in
                        demo.output(m)[r].map { $0.map { String($0) } ?? "." }
                            .map { $0.count >= 3 ? $0 : String(repeating: " ", count: 3 - $0.count) + $0 }
                            .joined(separator: "")
                    }
                }
                return .table(WidgetTable(
                    title: "The \(size) outputs of the four methods (. = not computed)",
                    columns: [.init("row", .right)] + methods.map { .init($0.rawValue, .right) },
                    rows: rows,
                    notes: ["Positions the blocks method never computes although the dense result is not zero: \(missed.isEmpty ? "none" : missed)."]))
            }
            let positions = demo.positions
            let rows = methods.map { m -> [String] in
                let out = demo.output(m)
                let computed = positions.filter { out[$0.row][$0.column] != nil }.count
                let equal = positions.filter { (out[$0.row][$0.column] ?? 0) == dense[$0.row][$0.column] }.count
                return [m.rawValue, String(demo.multiplies(m)), "\(computed) of \(positions.count)", "\(equal) of \(positions.count)"]
            }
            return .table(WidgetTable(
                title: "A \(demo.matrix.count)x\(demo.matrix[0].count) block-sparse matrix convolved with a \(demo.kernelRows)x\(demo.kernelColumns) kernel, four ways",
                columns: [.init("method"), .init("multiplies", .right), .init("computed", .right), .init("equal to dense", .right)],
                rows: rows,
                notes: ["computed: output positions the method produces; equal to dense: positions whose value (0 where not computed) matches the dense output.",
                        "The blocks method misses \(demo.missed.count) positions with a non-zero dense result: \(missed.isEmpty ? "none" : missed)."]))
        }
    )
}
