/// Lays out a table as aligned plain-text lines: columns two spaces apart, the
/// header underlined with dashes. Used for Markdown tables and widget tables alike.
public enum TextTable {
    /// The aligned table if it fits `width`; otherwise one record per row, which reads
    /// at any width: `header: value` for the first cell, then indented for the others
    /// (the first column is named too, since a bare `0.6` or `8` says nothing).
    public static func lines(header: [String], alignments: [ColumnAlignment], rows: [[String]], width: Int) -> [String] {
        let table = lines(header: header, alignments: alignments, rows: rows)
        guard table.contains(where: { $0.count > width }) else { return table }
        return rows.enumerated().flatMap { index, row in
            let fields = header.indices.dropFirst().flatMap { column in
                TextWrap.wrap(header[column] + ": " + (column < row.count ? row[column] : ""), width: width - 2).map { "  " + $0 }
            }
            let title = header.first.map { $0.isEmpty ? "" : $0 + ": " } ?? ""
            return (index == 0 ? [] : [""]) + TextWrap.wrap(title + (row.first ?? ""), width: width) + fields
        }
    }

    /// The aligned table, however wide it is.
    public static func lines(header: [String], alignments: [ColumnAlignment], rows: [[String]]) -> [String] {
        let all = [header] + rows
        let widths = header.indices.map { column in
            all.map { column < $0.count ? $0[column].count : 0 }.max() ?? 0
        }
        func line(_ cells: [String]) -> String {
            let padded = header.indices.map { column in
                pad(column < cells.count ? cells[column] : "", to: widths[column],
                    column < alignments.count ? alignments[column] : .left)
            }
            return trimmingTrailingBlanks(padded.joined(separator: "  "))
        }
        let rule = widths.map { String(repeating: "-", count: max($0, 1)) }.joined(separator: "  ")
        return [line(header), rule] + rows.map(line)
    }

    static func pad(_ text: String, to width: Int, _ alignment: ColumnAlignment) -> String {
        let gap = max(width - text.count, 0)
        switch alignment {
        case .left: return text + String(repeating: " ", count: gap)
        case .right: return String(repeating: " ", count: gap) + text
        case .center:
            let left = gap / 2
            return String(repeating: " ", count: left) + text + String(repeating: " ", count: gap - left)
        }
    }

    static func trimmingTrailingBlanks(_ text: String) -> String {
        var text = Substring(text)
        while text.last == " " { text = text.dropLast() }
        return String(text)
    }
}
