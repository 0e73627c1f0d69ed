/// What a widget computed, as a value: the plain-text renderer and the terminal UI
/// draw the same content, each in its own way.
///
/// A widget whose content is not a table adds its own case here (with a value type
/// such as a heatmap grid), its text rendering in `WidgetContent.textLines`, and its
/// drawing in the explorer's `WidgetRenderers.renderer(for:)`.
public enum WidgetContent: Hashable, Sendable {
    case table(WidgetTable)
    /// A check question, answered in the explorer.
    case question(CheckQuestion)
    /// Feature maps of the real network, grouped (one group per branch).
    case featureMaps(FeatureMapPanel)
    /// A titled text, e.g. an experiment that has not been run yet.
    case notice(WidgetNotice)
}

/// A title and paragraphs of computed text (no table to show).
public struct WidgetNotice: Hashable, Sendable {
    public var title: String
    public var paragraphs: [String]

    public init(title: String, paragraphs: [String]) {
        self.title = title
        self.paragraphs = paragraphs
    }
}

/// A titled table of computed values, with notes shown under it.
public struct WidgetTable: Hashable, Sendable {
    public var title: String
    public var columns: [Column]
    /// Each row has one cell per column.
    public var rows: [[String]]
    /// Sentences under the table (totals, how a number was derived).
    public var notes: [String]

    /// A column's heading and how its cells line up.
    public struct Column: Hashable, Sendable {
        public var title: String
        public var alignment: ColumnAlignment

        public init(_ title: String, _ alignment: ColumnAlignment = .left) {
            self.title = title
            self.alignment = alignment
        }
    }

    public init(title: String, columns: [Column], rows: [[String]], notes: [String] = []) {
        self.title = title
        self.columns = columns
        self.rows = rows
        self.notes = notes
    }
}
