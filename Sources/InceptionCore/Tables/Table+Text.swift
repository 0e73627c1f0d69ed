import Foundation

extension Table {
    /// Aligned plain text: numbers right-aligned with thousands separators, text
    /// left-aligned, a rule under the header, notes below.
    func renderText() -> String {
        textLines(width: nil).joined(separator: "\n") + "\n"
    }

    /// The text rendering's lines; with `width`, a grid wider than that becomes one
    /// record per row (`TextTable.lines(header:alignments:rows:width:)`), so a
    /// narrow screen loses no column.
    public func textLines(width: Int?) -> [String] {
        [title] + gridLines(width: width) + (notes.isEmpty ? [] : [""] + notes)
    }

    /// The header, its rule and the rows (records when wider than `width`), without the
    /// title and notes.
    public func gridLines(width: Int? = nil) -> [String] {
        let cells = gridRows
        // A line break inside a cell would break the grid: it becomes a space.
        let texts = cells.map { $0.map { $0.text(grouped: true).replacingOccurrences(of: "\n", with: " ") } }
        let alignments = columns.indices.map { i in cells.contains { $0[i].isNumeric } ? ColumnAlignment.right : .left }
        return width.map { TextTable.lines(header: columns, alignments: alignments, rows: texts, width: $0) }
            ?? TextTable.lines(header: columns, alignments: alignments, rows: texts)
    }
}
