/// Parses a lesson's Markdown into a `LessonDocument`.
///
/// The subset lessons use: `#`..`###` headings, paragraphs, `-`/`*`/`+` and `1.`
/// lists (nested by indentation), fenced code, pipe tables (rows start with `|`),
/// `>` block quotes and `:::` widget lines. Anything else reads as paragraph text.
/// It never fails: what it cannot understand becomes an `.error` block at its line.
public enum LessonParser {
    public static func parse(_ text: String, file: String) -> LessonDocument {
        // `\r\n` is one Character in Swift, so split on any newline rather than on "\n".
        let lines = text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).enumerated().map { index, raw in
            SourceLine(number: index + 1, text: raw)
        }
        var scanner = BlockScanner(lines: lines, file: file)
        return LessonDocument(file: file, blocks: scanner.blocks())
    }
}

struct SourceLine {
    var number: Int
    var text: Substring

    var trimmed: Substring { text.drop { $0 == " " || $0 == "\t" } }
    var isBlank: Bool { trimmed.isEmpty }
    /// Leading blanks, a tab counting as four.
    var indent: Int { text.prefix { $0 == " " || $0 == "\t" }.reduce(0) { $0 + ($1 == "\t" ? 4 : 1) } }
}

/// Walks the lines once, handing each run of lines to the block kind it starts.
private struct BlockScanner {
    let lines: [SourceLine]
    let file: String
    var i = 0

    init(lines: [SourceLine], file: String) {
        self.lines = lines
        self.file = file
    }

    mutating func blocks() -> [LessonBlock] {
        var blocks: [LessonBlock] = []
        while i < lines.count {
            let line = lines[i]
            if line.isBlank {
                i += 1
            } else if let fence = fence(line) {
                blocks += codeBlock(fence: fence)
            } else if let heading = heading(line) {
                blocks.append(LessonBlock(line: line.number, kind: heading))
                i += 1
            } else if WidgetDirective.isDirectiveLine(line.text) {
                blocks.append(directive(line))
                i += 1
            } else if line.trimmed.hasPrefix(">") {
                blocks.append(quote())
            } else if isTableStart(i) {
                blocks.append(table())
            } else if listItem(line) != nil {
                blocks.append(list())
            } else {
                blocks.append(paragraph())
            }
        }
        return blocks
    }

    /// Whether line `index` begins a block other than a paragraph (and so ends one).
    private func startsBlock(_ index: Int) -> Bool {
        let line = lines[index]
        return fence(line) != nil || heading(line) != nil || WidgetDirective.isDirectiveLine(line.text)
            || line.trimmed.hasPrefix(">") || isTableStart(index) || listItem(line) != nil
    }

    // MARK: Headings and directives

    private func heading(_ line: SourceLine) -> LessonBlock.Kind? {
        let hashes = line.trimmed.prefix { $0 == "#" }.count
        guard hashes > 0, line.indent < 4 else { return nil }
        let rest = line.trimmed.dropFirst(hashes)
        guard rest.isEmpty || rest.first == " " || rest.first == "\t" else { return nil }
        // An optional closing run of `#` (`## Title ##`) is not part of the text.
        var text = Substring(String(rest).trimmingBlanks)
        let closing = text.reversed().prefix { $0 == "#" }.count
        if closing > 0, closing == text.count || text.dropLast(closing).last == " " {
            text = text.dropLast(closing)
        }
        return .heading(level: min(hashes, 3), spans: InlineParser.parse(String(text).trimmingBlanks))
    }

    private func directive(_ line: SourceLine) -> LessonBlock {
        do {
            return LessonBlock(line: line.number, kind: .widget(try WidgetDirective.parse(line.text, file: file, line: line.number)))
        } catch {
            return LessonBlock(line: line.number, kind: .error(error))
        }
    }

    // MARK: Code

    /// The opening fence (three or more backticks or tildes) and the language after it.
    private func fence(_ line: SourceLine) -> (marker: String, language: String?)? {
        guard let c = line.trimmed.first, c == "`" || c == "~" else { return nil }
        let marker = line.trimmed.prefix { $0 == c }
        guard marker.count >= 3 else { return nil }
        let language = String(line.trimmed.dropFirst(marker.count)).trimmingBlanks
        return (String(marker), language.isEmpty ? nil : language)
    }

    private mutating func codeBlock(fence: (marker: String, language: String?)) -> [LessonBlock] {
        let start = lines[i].number
        i += 1
        var body: [String] = []
        while i < lines.count {
            let trimmed = lines[i].trimmed
            if trimmed.hasPrefix(fence.marker), trimmed.allSatisfy({ $0 == fence.marker.first }) {
                i += 1
                return [LessonBlock(line: start, kind: .code(language: fence.language, lines: body))]
            }
            body.append(String(lines[i].text))
            i += 1
        }
        let problem = LessonDiagnostic(file: file, line: start, message: "code block is never closed (add a line \(fence.marker))")
        return [LessonBlock(line: start, kind: .code(language: fence.language, lines: body)),
                LessonBlock(line: start, kind: .error(problem))]
    }

    // MARK: Quotes

    private mutating func quote() -> LessonBlock {
        let start = lines[i].number
        var inner: [SourceLine] = []
        while i < lines.count, lines[i].trimmed.hasPrefix(">") {
            var text = lines[i].trimmed.dropFirst()
            if text.first == " " { text = text.dropFirst() }
            inner.append(SourceLine(number: lines[i].number, text: text))
            i += 1
        }
        var scanner = BlockScanner(lines: inner, file: file)
        return LessonBlock(line: start, kind: .quote(scanner.blocks()))
    }

    // MARK: Tables

    private func isTableStart(_ index: Int) -> Bool {
        guard index + 1 < lines.count, lines[index].trimmed.hasPrefix("|") else { return false }
        return Self.alignments(lines[index + 1]) != nil
    }

    /// The column alignments if `line` is a separator row like `|:---|---:|`.
    private static func alignments(_ line: SourceLine) -> [ColumnAlignment]? {
        guard line.trimmed.hasPrefix("|") else { return nil }
        var result: [ColumnAlignment] = []
        for cell in cells(line) {
            let left = cell.hasPrefix(":"), right = cell.hasSuffix(":")
            let dashes = cell.drop { $0 == ":" }.reversed().drop { $0 == ":" }
            guard !dashes.isEmpty, dashes.allSatisfy({ $0 == "-" }) else { return nil }
            result.append(left && right ? .center : right ? .right : .left)
        }
        return result.isEmpty ? nil : result
    }

    /// The cells of a `| a | b |` row, trimmed; `\|` is a literal bar, and bars
    /// inside code spans do not split.
    private static func cells(_ line: SourceLine) -> [String] {
        var text = String(line.text).trimmingBlanks
        if text.hasPrefix("|") { text.removeFirst() }
        if text.hasSuffix("|") && !text.hasSuffix("\\|") { text.removeLast() }
        var cells: [String] = []
        var cell = ""
        var inCode = false
        var escaped = false
        for c in text {
            if escaped {
                if c != "|" { cell.append("\\") }
                cell.append(c)
                escaped = false
            } else if c == "\\" {
                escaped = true
            } else if c == "|" && !inCode {
                cells.append(cell.trimmingBlanks)
                cell = ""
            } else {
                if c == "`" { inCode.toggle() }
                cell.append(c)
            }
        }
        if escaped { cell.append("\\") }
        cells.append(cell.trimmingBlanks)
        return cells
    }

    private mutating func table() -> LessonBlock {
        let start = lines[i].number
        let header = Self.cells(lines[i])
        let alignments = Self.alignments(lines[i + 1]) ?? []
        i += 2
        var rows: [[[InlineSpan]]] = []
        while i < lines.count, lines[i].trimmed.hasPrefix("|") {
            let cells = Self.cells(lines[i])
            rows.append(header.indices.map { $0 < cells.count ? InlineParser.parse(cells[$0]) : [] })
            i += 1
        }
        let columnAlignments = header.indices.map { $0 < alignments.count ? alignments[$0] : .left }
        return LessonBlock(line: start, kind: .table(LessonTable(
            header: header.map(InlineParser.parse), alignments: columnAlignments, rows: rows)))
    }

    // MARK: Lists

    /// The marker and text of a list item line (`- x`, `* x`, `+ x`, `3. x`, `3) x`).
    private func listItem(_ line: SourceLine) -> (marker: ListMarker, text: Substring)? {
        let t = line.trimmed
        if let c = t.first, c == "-" || c == "*" || c == "+" {
            let rest = t.dropFirst()
            guard rest.first == " " || rest.first == "\t" else { return nil }
            return (.bullet, rest)
        }
        let digits = t.prefix { $0.isASCII && $0.isNumber }
        guard !digits.isEmpty, digits.count <= 9, let n = Int(digits) else { return nil }
        let rest = t.dropFirst(digits.count)
        guard let c = rest.first, c == "." || c == ")" else { return nil }
        let text = rest.dropFirst()
        guard text.first == " " || text.first == "\t" else { return nil }
        return (.number(n), text)
    }

    /// Items until a line that belongs to no item. A blank line ends the list unless
    /// another item follows; any other line continues the current item unless it
    /// starts a block of its own (a widget line under an item ends the list).
    private mutating func list() -> LessonBlock {
        let start = lines[i].number
        var items: [ListItem] = []
        var texts: [[Substring]] = []
        var indents: [Int] = []
        while i < lines.count {
            let line = lines[i]
            if let (marker, text) = listItem(line) {
                while let last = indents.last, last > line.indent { indents.removeLast() }
                if indents.last != line.indent { indents.append(line.indent) }
                items.append(ListItem(line: line.number, level: indents.count - 1, marker: marker, spans: []))
                texts.append([text])
                i += 1
            } else if line.isBlank {
                guard i + 1 < lines.count, listItem(lines[i + 1]) != nil else { break }
                i += 1
            } else if !startsBlock(i) {
                texts[texts.count - 1].append(line.trimmed)
                i += 1
            } else {
                break
            }
        }
        for index in items.indices {
            items[index].spans = InlineParser.parse(Self.joined(texts[index]))
        }
        return LessonBlock(line: start, kind: .list(items))
    }

    // MARK: Paragraphs

    private mutating func paragraph() -> LessonBlock {
        let start = lines[i].number
        var texts: [Substring] = [lines[i].trimmed]
        i += 1
        while i < lines.count, !lines[i].isBlank, !startsBlock(i) {
            texts.append(lines[i].trimmed)
            i += 1
        }
        return LessonBlock(line: start, kind: .paragraph(InlineParser.parse(Self.joined(texts))))
    }

    private static func joined(_ texts: [Substring]) -> String {
        texts.map { String($0).trimmingBlanks }.joined(separator: " ")
    }
}
