import Foundation

extension Table {
    /// Aligned plain text: numbers right-aligned with thousands separators, text
    /// left-aligned, a rule under the header, notes below.
    func renderText() -> String {
        let cells = gridRows
        // A line break inside a cell would break the grid: it becomes a space.
        let texts = cells.map { $0.map { $0.text(grouped: true).replacingOccurrences(of: "\n", with: " ") } }
        let numeric = columns.indices.map { i in cells.contains { $0[i].isNumeric } }
        let widths = columns.indices.map { i in
            max(columns[i].count, texts.map { $0[i].count }.max() ?? 0)
        }
        func line(_ fields: [String]) -> String {
            let padded = fields.indices.map { i in
                let gap = String(repeating: " ", count: widths[i] - fields[i].count)
                return numeric[i] ? gap + fields[i] : fields[i] + gap
            }
            let joined = padded.joined(separator: "  ")
            return String(joined.prefix(joined.count - joined.reversed().prefix { $0 == " " }.count))
        }
        var out = [title, line(columns), widths.map { String(repeating: "-", count: $0) }.joined(separator: "  ")]
        out += texts.map(line)
        if !notes.isEmpty { out += [""] + notes }
        return out.joined(separator: "\n") + "\n"
    }
}
