/// A lesson parsed from Markdown: the blocks in source order, each with the line
/// it starts on. The plain-text renderer and the terminal UI both draw from this value.
///
/// Widget directives are kept as parsed syntax (`WidgetDirective`); they are checked
/// against the `WidgetRegistry` and computed when rendered, so a document can be parsed
/// without the network, and a bad widget only spoils its own block.
public struct LessonDocument: Hashable, Sendable {
    /// The file name used in diagnostics.
    public var file: String
    public var blocks: [LessonBlock]

    public init(file: String, blocks: [LessonBlock]) {
        self.file = file
        self.blocks = blocks
    }

    /// The text of the first heading, the lesson's title.
    public var title: String? {
        for block in blocks {
            if case .heading(_, let spans) = block.kind { return spans.plainText }
        }
        return nil
    }

    /// Every widget directive, including those inside block quotes, in source order.
    public var directives: [WidgetDirective] { blocks.flatMap(\.directives) }
}

/// One block of a lesson and the 1-based source line it starts on.
public struct LessonBlock: Hashable, Sendable {
    public var line: Int
    public var kind: Kind

    public init(line: Int, kind: Kind) {
        self.line = line
        self.kind = kind
    }

    /// What the block is, with its parsed content.
    public enum Kind: Hashable, Sendable {
        /// `#`, `##` or `###` (deeper headings count as level 3).
        case heading(level: Int, spans: [InlineSpan])
        /// Consecutive text lines, joined with single spaces.
        case paragraph([InlineSpan])
        /// Bulleted and numbered items; nesting is carried per item by `level`.
        case list([ListItem])
        /// A fenced block, lines verbatim; `language` is the word after the fence.
        case code(language: String?, lines: [String])
        case table(LessonTable)
        /// `> ` lines, parsed as blocks of their own.
        case quote([LessonBlock])
        /// A `::: NAME key=value ...` line.
        case widget(WidgetDirective)
        /// Source that could not be understood (e.g. a malformed directive line).
        case error(LessonDiagnostic)
    }

    var directives: [WidgetDirective] {
        switch kind {
        case .widget(let directive): [directive]
        case .quote(let blocks): blocks.flatMap(\.directives)
        default: []
        }
    }
}

/// One list item. Items of a nested list follow their parent with a higher `level`.
public struct ListItem: Hashable, Sendable {
    public var line: Int
    /// 0 for top-level items, 1 for items indented under them, and so on.
    public var level: Int
    public var marker: ListMarker
    public var spans: [InlineSpan]

    public init(line: Int, level: Int, marker: ListMarker, spans: [InlineSpan]) {
        self.line = line
        self.level = level
        self.marker = marker
        self.spans = spans
    }
}

/// How an item is introduced: a bullet, or the number written in the source.
public enum ListMarker: Hashable, Sendable {
    case bullet
    case number(Int)
}

/// How a table column is aligned, from the `:---`, `:---:` and `---:` separator cells.
public enum ColumnAlignment: Hashable, Sendable {
    case left
    case center
    case right
}

/// A pipe table: a header row, the alignment of each column, and body rows.
/// Every row has exactly as many cells as the header (short rows are padded).
public struct LessonTable: Hashable, Sendable {
    public var header: [[InlineSpan]]
    public var alignments: [ColumnAlignment]
    public var rows: [[[InlineSpan]]]

    public init(header: [[InlineSpan]], alignments: [ColumnAlignment], rows: [[[InlineSpan]]]) {
        self.header = header
        self.alignments = alignments
        self.rows = rows
    }
}
