/// A titled grid of typed cells: what every `table` subcommand prints and every
/// view exports. One value, four renderings (`TableFormat`), so what the learner
/// sees on screen and what a script reads from CSV or JSON can never disagree.
public struct Table: Hashable, Sendable {
    public var title: String
    public var columns: [String]
    public var rows: [[TableCell]]
    /// Lines under the table: the counting convention in use, units, caveats.
    public var notes: [String]
    /// A JSON document that replaces the generic `{title, columns, rows, notes}`
    /// shape, for tables whose readers expect their own keys (sparse, example).
    public var customJSON: JSONValue?

    public init(title: String, columns: [String], rows: [[TableCell]] = [], notes: [String] = [],
                customJSON: JSONValue? = nil) {
        self.title = title
        self.columns = columns
        self.rows = rows
        self.notes = notes
        self.customJSON = customJSON
    }

    /// Renders the table in `format`; every rendering ends with a newline.
    public func rendered(as format: TableFormat) -> String {
        switch format {
        case .text: renderText()
        case .markdown: renderMarkdown()
        case .csv: renderCSV()
        case .json: renderJSON()
        }
    }

    /// The generic JSON shape: rows are objects keyed by column name.
    public var json: JSONValue { customJSON ?? .object(genericJSONFields) }

    /// `title`, `columns`, `rows` (objects keyed by column) and `notes`: the generic
    /// shape's fields, which a table with its own keys may add (`withRowsInJSON`).
    public var genericJSONFields: [(String, JSONValue)] {
        let objects = gridRows.map { row in
            JSONValue.object(zip(columns, row).map { ($0, $1.json) })
        }
        return [
            ("title", .string(title)),
            ("columns", .array(columns.map(JSONValue.string))),
            ("rows", .array(objects)),
            ("notes", .array(notes.map(JSONValue.string))),
        ]
    }

    /// The table with its own JSON `fields` followed by the generic `rows` and `notes`,
    /// so its JSON holds every row and note the other formats print.
    public func withRowsInJSON(_ fields: [(String, JSONValue)]) -> Table {
        var table = self
        table.customJSON = .object(fields + genericJSONFields.filter { $0.0 == "rows" || $0.0 == "notes" })
        return table
    }

    /// Every row with exactly one cell per column (short rows padded with `.empty`).
    var gridRows: [[TableCell]] {
        rows.map { row in columns.indices.map { $0 < row.count ? row[$0] : .empty } }
    }

    /// The cell in `column` of every row (tests and the UI read columns by name).
    public func column(_ name: String) -> [TableCell] {
        guard let index = columns.firstIndex(of: name) else { return [] }
        return rows.map { index < $0.count ? $0[index] : .empty }
    }

    /// The row whose first cell is the text `name`.
    public func row(named name: String) -> [TableCell]? {
        rows.first { $0.first == .text(name) }
    }
}
