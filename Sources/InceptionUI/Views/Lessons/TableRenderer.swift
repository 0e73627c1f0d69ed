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
            case .header: theme.emphasis
            case .rule: rule
            case .cell: theme.text
            case .note: theme.dim
            }
            let text = line.role == .rule ? String(line.text.map { $0 == "-" ? "─" : $0 }) : line.text
            canvas.text(text, x: area.x, y: area.y + row, style: style, clip: area)
        }
    }

    private enum Role { case title, header, rule, cell, note }

    private func lines(width: Int) -> [(text: String, role: Role)] {
        let header = table.columns.map(\.title), alignments = table.columns.map(\.alignment)
        let aligned = TextTable.lines(header: header, alignments: alignments, rows: table.rows)
        let body: [(String, Role)] = aligned.allSatisfy { $0.count <= width }
            ? aligned.enumerated().map { ($1, $0 == 0 ? .header : $0 == 1 ? .rule : .cell) }
            : TextTable.lines(header: header, alignments: alignments, rows: table.rows, width: width).map { ($0, .cell) }
        return InceptionCore.TextWrap.wrap(table.title, width: width).map { ($0, .title) } + body
            + table.notes.flatMap { InceptionCore.TextWrap.wrap($0, width: width) }.map { ($0, .note) }
    }
}
