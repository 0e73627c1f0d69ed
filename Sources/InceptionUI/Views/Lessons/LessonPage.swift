import InceptionCore

/// A lesson laid out for a panel width: one entry per screen row, text as styled runs
/// and widgets as references to their rows, so scrolling is a slice of `lines`. It
/// breaks lines with the same `TextWrap` as `lessons show`.
struct LessonPage {
    var lines: [PageLine]
    /// The rows each widget slot occupies, indexed by slot.
    var widgetRows: [Range<Int>]

    /// `height(slot, width)` is the number of rows the widget needs at that width.
    init(document: LessonDocument, width: Int, height: @escaping (Int, Int) -> Int) {
        var builder = Builder(height: height)
        builder.add(document.blocks, width: max(width, 1), prefix: [])
        lines = builder.lines
        widgetRows = builder.widgetRows
    }

    private struct Builder {
        let height: (Int, Int) -> Int
        var lines: [PageLine] = []
        var widgetRows: [Range<Int>] = []

        mutating func add(_ blocks: [LessonBlock], width: Int, prefix: [PageRun]) {
            for (index, block) in blocks.enumerated() {
                if index > 0 { lines.append(.text(prefix)) }
                add(block, width: width, prefix: prefix)
            }
        }

        private mutating func text(_ runs: [PageRun], prefix: [PageRun]) {
            lines.append(.text(prefix + runs))
        }

        private mutating func add(_ block: LessonBlock, width: Int, prefix: [PageRun]) {
            switch block.kind {
            case .heading(let level, let spans):
                for line in TextWrap.wrap(spans, width: width) {
                    text(line.map { PageRun($0.text, .heading(level)) }, prefix: prefix)
                }
            case .paragraph(let spans):
                for line in TextWrap.wrap(spans, width: width) { text(PageRun.body(line), prefix: prefix) }
            case .list(let items):
                for item in items {
                    let marker = switch item.marker {
                    case .bullet: "• "
                    case .number(let n): "\(n). "
                    }
                    let indent = String(repeating: " ", count: 2 * item.level)
                    let hang = indent.count + marker.count
                    let wrapped = TextWrap.wrap(item.spans, width: max(width - hang, 1))
                    for (row, line) in (wrapped.isEmpty ? [[]] : wrapped).enumerated() {
                        let lead = row == 0 ? [PageRun(indent, .body([])), PageRun(marker, .marker)] : [PageRun(String(repeating: " ", count: hang), .body([]))]
                        text(lead + PageRun.body(line), prefix: prefix)
                    }
                }
            case .code(_, let code):
                for line in code { text([PageRun("  " + line, .codeBlock)], prefix: prefix) }
            case .table(let table):
                let lines = TableLines.lines(header: table.header.map(\.plainText), alignments: table.alignments,
                                             rows: table.rows.map { $0.map(\.plainText) }, width: width)
                for line in lines {
                    let role: TextRole = switch line.role {
                    case .header: .tableHeader
                    case .rule: .tableRule
                    case .cell: .body([])
                    }
                    text([PageRun(line.text, role)], prefix: prefix)
                }
            case .quote(let blocks):
                add(blocks, width: width - 2, prefix: prefix + [PageRun("│ ", .quoteBar)])
            case .widget, .error:
                let slot = widgetRows.count
                let rows = max(1, height(slot, width))
                widgetRows.append(lines.count..<lines.count + rows)
                for row in 0..<rows { lines.append(.widget(slot: slot, row: row, prefix: prefix)) }
            }
        }
    }
}

/// One screen row of a lesson.
enum PageLine: Hashable {
    case text([PageRun])
    /// Row `row` of widget `slot`, after `prefix` (a block quote's bar).
    case widget(slot: Int, row: Int, prefix: [PageRun])
}

/// A run of lesson text and what it is; `LessonStyles` maps it to a style.
struct PageRun: Hashable {
    var text: String
    var role: TextRole

    init(_ text: String, _ role: TextRole) {
        self.text = text
        self.role = role
    }

    static func body(_ spans: [InlineSpan]) -> [PageRun] {
        spans.map { PageRun($0.text, .body($0.style)) }
    }
}

/// What a piece of lesson text is, independent of the terminal's colours.
enum TextRole: Hashable {
    case body(InlineStyle)
    case heading(Int)
    case marker
    case codeBlock
    case quoteBar
    case tableHeader
    case tableRule
}
