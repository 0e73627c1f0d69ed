extension WidgetTable {
    /// A `Table` (what the `table` commands print) as a widget table: the same title,
    /// cells as the text renderer shows them (numbers grouped and right-aligned), and
    /// notes. `columns` picks and orders the columns shown (all when nil), so a wide
    /// table fits a lesson at 80 columns.
    public init(_ table: Table, columns picked: [String]? = nil, titles: [String: String] = [:], notes: [String]? = nil) {
        let names = picked ?? table.columns
        let indices = names.compactMap { table.columns.firstIndex(of: $0) }
        let rows = table.gridRows
        let numeric = indices.map { i in rows.contains { $0[i].isNumeric } }
        self.init(
            title: table.title,
            columns: zip(indices, numeric).map { i, isNumber in
                Column(titles[table.columns[i]] ?? table.columns[i], isNumber ? .right : .left)
            },
            rows: rows.map { row in indices.map { row[$0].text(grouped: true) } },
            notes: notes ?? table.notes)
    }

    /// The widget's table as a `Table`, so a lesson widget is exported like any
    /// other view's table. Cells stay text: the widget already formatted them.
    public var table: Table {
        Table(title: title, columns: columns.map(\.title), rows: rows.map { $0.map(TableCell.text) }, notes: notes)
    }
}
