extension WidgetTable {
    /// The widget's table as a `Table`, so a lesson widget is exported like any
    /// other view's table. Cells stay text: the widget already formatted them.
    public var table: Table {
        Table(title: title, columns: columns.map(\.title), rows: rows.map { $0.map(TableCell.text) }, notes: notes)
    }
}
