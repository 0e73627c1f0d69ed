extension Table {
    /// Indented JSON: the table's `customJSON` if it has one, else
    /// `{title, columns, rows: [{column: value}], notes}` with integers as numbers
    /// and empty cells as null.
    func renderJSON() -> String { json.pretty() + "\n" }
}
