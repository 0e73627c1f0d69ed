extension Table {
    /// Aligned plain text: numbers right-aligned with thousands separators, text
    /// left-aligned, a rule under the header, notes below.
    func renderText() -> String {
        let cells = rows.map { row in columns.indices.map { $0 < row.count ? row[$0] : .empty } }
        let texts = cells.map { $0.map { $0.text(grouped: true) } }
        let numeric = columns.indices.map { i in cells.contains { $0[i].isNumeric } }
        let widths = columns.indices.map { i in
            max(columns[i].count, texts.map { $0[i].count }.max() ?? 0)
        }
        func line(_ fields: [String]) -> String {
            let padded = fields.indices.map { i in
                let gap = String(repeating: " ", count: widths[i] - fields[i].count)
                return numeric[i] ? gap + fields[i] : fields[i] + gap
            }
            return String(padded.joined(separator: "  ").reversed().drop { $0 == " " }.reversed())
        }
        var out = [title, line(columns), widths.map { String(repeating: "-", count: $0) }.joined(separator: "  ")]
        out += texts.map(line)
        if !notes.isEmpty { out += [""] + notes }
        return out.joined(separator: "\n") + "\n"
    }
}
