/// Renders a lesson as plain-text lines for `lessons show`, pipes and screen readers:
/// paragraphs wrapped to `width`, headings underlined, list markers with hanging
/// indents, code indented by four spaces (not wrapped), tables aligned (one record
/// per row when too wide), widgets
/// computed and drawn as text, and problems as `[error] FILE:LINE: message`.
public struct LessonTextRenderer: Sendable {
    public var width: Int
    public var registry: WidgetRegistry

    /// The narrowest width the layout supports (list indents and error boxes need room).
    public static let minimumWidth = 20

    public init(width: Int = 80, registry: WidgetRegistry = .standard) {
        self.width = max(width, Self.minimumWidth)
        self.registry = registry
    }

    /// The whole lesson, blocks separated by one blank line.
    public func render(_ document: LessonDocument) -> [String] {
        render(document.blocks, width: width)
    }

    private func render(_ blocks: [LessonBlock], width: Int) -> [String] {
        var lines: [String] = []
        for block in blocks {
            if !lines.isEmpty { lines.append("") }
            lines += render(block, width: width)
        }
        return lines
    }

    private func render(_ block: LessonBlock, width: Int) -> [String] {
        switch block.kind {
        case .heading(let level, let spans):
            let text = TextWrap.wrap(spans, width: width).map(\.plainText)
            guard level < 3 else { return text }
            let underline = String(repeating: level == 1 ? "=" : "-", count: text.map(\.count).max() ?? 0)
            return text + [underline]
        case .paragraph(let spans):
            return TextWrap.wrap(spans, width: width).map(\.plainText)
        case .list(let items):
            return items.flatMap { item in
                let indent = String(repeating: " ", count: 2 * item.level)
                let marker = switch item.marker {
                case .bullet: "- "
                case .number(let n): "\(n). "
                }
                return hanging(item.spans, first: indent + marker, width: width)
            }
        case .code(_, let code):
            return code.map { TextTable.trimmingTrailingBlanks("    " + $0) }
        case .table(let table):
            return TextTable.lines(header: table.header.map(\.plainText), alignments: table.alignments,
                                   rows: table.rows.map { $0.map(\.plainText) }, width: width)
        case .quote(let blocks):
            return render(blocks, width: width - 2).map { TextTable.trimmingTrailingBlanks("> " + $0) }
        case .widget(let directive):
            switch registry.evaluate(directive) {
            case .success(let content): return content.textLines(width: width)
            case .failure(let problem): return errorBox(problem, width: width)
            }
        case .error(let problem):
            return errorBox(problem, width: width)
        }
    }

    /// `first` then the text; continuation lines indented to line up with the text.
    private func hanging(_ spans: [InlineSpan], first: String, width: Int) -> [String] {
        let pad = String(repeating: " ", count: first.count)
        let lines = TextWrap.wrap(spans, width: max(width - first.count, 1)).map(\.plainText)
        return (lines.isEmpty ? [""] : lines).enumerated().map { ($0.offset == 0 ? first : pad) + $0.element }
    }

    /// `[error] FILE:LINE: message`, wrapped with a hanging indent.
    public func errorBox(_ problem: LessonDiagnostic, width: Int) -> [String] {
        hanging([InlineSpan(problem.description)], first: "[error] ", width: width)
    }
}
