extension WidgetContent {
    /// The content as plain-text lines for `lessons show`, pipes and screen readers.
    public func textLines(width: Int) -> [String] {
        switch self {
        case .table(let table): table.textLines(width: width)
        }
    }
}

extension WidgetTable {
    /// The title, the aligned table, then the notes wrapped to `width`.
    public func textLines(width: Int) -> [String] {
        TextWrap.wrap(title, width: width)
            + TextTable.lines(header: columns.map(\.title), alignments: columns.map(\.alignment), rows: rows, width: width)
            + notes.flatMap { TextWrap.wrap($0, width: width) }
    }
}
