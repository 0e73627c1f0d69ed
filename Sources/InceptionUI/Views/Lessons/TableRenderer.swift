import InceptionCore

/// A widget table: its title, the header in bold over a ruled line, the rows aligned as
/// `TextTable` lays them out, and the notes below. A table wider than the space is
/// drawn one record per row (as `lessons show` prints it); its full view has more room.
struct TableRenderer: WidgetRenderer {
    var table: WidgetTable

    var title: String { table.title }

    func height(width: Int) -> Int { lines(width: width).count }

    func render(into canvas: inout Canvas, area: Rect, theme: Theme) {
        let rule = theme.capabilities.color == .none ? theme.text : theme.border
        for (row, line) in lines(width: area.width).prefix(area.height).enumerated() {
            let style: Style = switch line.role {
            case .title: theme.title
            case .row(.header): theme.emphasis
            case .row(.rule): rule
            case .row(.cell): theme.text
            case .note: theme.dim
            }
            canvas.text(line.text, x: area.x, y: area.y + row, style: style, clip: area)
        }
    }

    private enum Role { case title, row(TableLines.Role), note }

    private func lines(width: Int) -> [(text: String, role: Role)] {
        let body = TableLines.lines(header: table.columns.map(\.title), alignments: table.columns.map(\.alignment), rows: table.rows, width: width)
        // The grid may use the whole width; the title and notes are prose, kept to reading width.
        let prose = min(width, LessonsView.readingWidth)
        return TextWrap.wrap(table.title, width: prose).map { ($0, .title) } + body.map { ($0.text, .row($0.role)) }
            + table.notes.flatMap { TextWrap.wrap($0, width: prose) }.map { ($0, .note) }
    }
}

/// A table's lines for the screen, shared by lesson tables and widget tables: aligned
/// with a ruled header when it fits `width`, else one record per row as `TextTable`
/// prints it.
enum TableLines {
    enum Role { case header, rule, cell }

    static func lines(header: [String], alignments: [ColumnAlignment], rows: [[String]], width: Int) -> [(text: String, role: Role)] {
        let aligned = TextTable.lines(header: header, alignments: alignments, rows: rows)
        guard aligned.allSatisfy({ $0.count <= width }) else {
            return TextTable.lines(header: header, alignments: alignments, rows: rows, width: width).map { ($0, .cell) }
        }
        return aligned.enumerated().map { row, line in
            row == 0 ? (line, .header) : row == 1 ? (String(line.map { $0 == "-" ? "─" : $0 }), .rule) : (line, .cell)
        }
    }
}
