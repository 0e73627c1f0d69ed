import Foundation

extension Table {
    /// Aligned plain text: numbers right-aligned with thousands separators, text
    /// left-aligned, a rule under the header, notes below.
    func renderText() -> String {
        let cells = gridRows
        // A line break inside a cell would break the grid: it becomes a space.
        let texts = cells.map { $0.map { $0.text(grouped: true).replacingOccurrences(of: "\n", with: " ") } }
        let alignments = columns.indices.map { i in cells.contains { $0[i].isNumeric } ? ColumnAlignment.right : .left }
        var out = [title] + TextTable.lines(header: columns, alignments: alignments, rows: texts)
        if !notes.isEmpty { out += [""] + notes }
        return out.joined(separator: "\n") + "\n"
    }
}
