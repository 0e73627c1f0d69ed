extension Evaluation {
    /// The confusion matrix as a table (a row per true class, a column per predicted
    /// class, then the class's recall); JSON gives `accuracy` (a fraction), `count`,
    /// `correct`, `classes` and `confusion` (rows true, columns predicted).
    public func table(title: String) -> Table {
        let names = ShapeClass.names
        let rows = confusion.enumerated().map { index, row -> [TableCell] in
            let total = row.reduce(0, +)
            let recall: TableCell = total == 0 ? .empty : .decimal(100 * Double(row[index]) / Double(total), places: 1)
            return [.text(names[index])] + row.map(TableCell.integer) + [recall]
        }
        let json = JSONValue.object([
            ("accuracy", .decimal(accuracy, places: 6)),
            ("count", .integer(count)),
            ("correct", .integer(correct)),
            ("classes", .array(names.map(JSONValue.string))),
            ("confusion", .array(confusion.map { .array($0.map(JSONValue.integer)) })),
        ])
        return Table(title: title, columns: ["true \\ predicted"] + names + ["recall %"], rows: rows,
                     notes: ["accuracy \(NumberText.decimal(100 * accuracy, places: 2, grouped: false))% "
                             + "(\(correct) of \(count) images)"],
                     customJSON: json)
    }
}
