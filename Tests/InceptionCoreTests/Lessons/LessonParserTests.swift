import Testing
@testable import InceptionCore

@Suite struct LessonParserTests {
    /// One of each block kind, with the line each starts on counted by hand.
    @Test func everyBlockKindWithItsLine() {
        let source = """
        # Title
        A paragraph
        on two lines.

        ## Section
        - one
        - two
          continued
          - nested
        3. three

        ```swift
        let x = 1
          indented
        ```
        | a | b |
        |:--|--:|
        | 1 | 2 |
        > quoted *text*
        ::: module-widths module=3a
        ### Small
        """
        let doc = LessonParser.parse(source, file: "t.md")
        #expect(doc.blocks.map(\.line) == [1, 2, 5, 6, 12, 16, 19, 20, 21])
        guard doc.blocks.count == 9 else { return }
        #expect(doc.blocks[0].kind == .heading(level: 1, spans: [InlineSpan("Title")]))
        #expect(doc.blocks[1].kind == .paragraph([InlineSpan("A paragraph on two lines.")]))
        #expect(doc.blocks[2].kind == .heading(level: 2, spans: [InlineSpan("Section")]))
        #expect(doc.blocks[3].kind == .list([
            ListItem(line: 6, level: 0, marker: .bullet, spans: [InlineSpan("one")]),
            ListItem(line: 7, level: 0, marker: .bullet, spans: [InlineSpan("two continued")]),
            ListItem(line: 9, level: 1, marker: .bullet, spans: [InlineSpan("nested")]),
            // Each item keeps its own marker, so bullets and numbers may share a list.
            ListItem(line: 10, level: 0, marker: .number(3), spans: [InlineSpan("three")]),
        ]))
        #expect(doc.blocks[4].kind == .code(language: "swift", lines: ["let x = 1", "  indented"]))
        #expect(doc.blocks[5].kind == .table(LessonTable(
            header: [[InlineSpan("a")], [InlineSpan("b")]], alignments: [.left, .right],
            rows: [[[InlineSpan("1")], [InlineSpan("2")]]])))
        #expect(doc.blocks[6].kind == .quote([LessonBlock(line: 19, kind: .paragraph([
            InlineSpan("quoted "), InlineSpan("text", style: .emphasis)]))]))
        #expect(doc.blocks[7].kind == .widget(WidgetDirective(
            name: "module-widths", arguments: [.init(key: "module", value: "3a")], file: "t.md", line: 20)))
        #expect(doc.blocks[8].kind == .heading(level: 3, spans: [InlineSpan("Small")]))
        #expect(doc.title == "Title")
    }

    @Test func numberedItemAfterBlankLineStaysInTheList() {
        let doc = LessonParser.parse("1. a\n\n2. b\n\nafter", file: "t.md")
        #expect(doc.blocks.count == 2)
        #expect(doc.blocks.first?.kind == .list([
            ListItem(line: 1, level: 0, marker: .number(1), spans: [InlineSpan("a")]),
            ListItem(line: 3, level: 0, marker: .number(2), spans: [InlineSpan("b")]),
        ]))
        #expect(doc.blocks.last?.line == 5)
    }

    @Test func inlineSpans() {
        let spans = InlineParser.parse("a *em* __strong__ `c*d` [link](http://x) ***both***")
        #expect(spans == [
            InlineSpan("a "), InlineSpan("em", style: .emphasis), InlineSpan(" "),
            InlineSpan("strong", style: .strong), InlineSpan(" "), InlineSpan("c*d", style: .code),
            InlineSpan(" "), InlineSpan("link", style: .link, url: "http://x"), InlineSpan(" "),
            InlineSpan("both", style: [.strong, .emphasis]),
        ])
    }

    @Test func unmatchedMarkersStayLiteral() {
        #expect(InlineParser.parse("2 * 3 * 4") == [InlineSpan("2 * 3 * 4")])
        #expect(InlineParser.parse("snake_case_name") == [InlineSpan("snake_case_name")])
        #expect(InlineParser.parse("a \\*b\\* `x") == [InlineSpan("a *b* `x")])
        #expect(InlineParser.parse("[no link] here") == [InlineSpan("[no link] here")])
    }

    @Test func nestedEmphasisInsideStrong() {
        #expect(InlineParser.parse("**a *b* c**") == [
            InlineSpan("a ", style: .strong), InlineSpan("b", style: [.strong, .emphasis]), InlineSpan(" c", style: .strong),
        ])
    }

    @Test func tableCellsWithEscapedBarsAndCode() {
        let doc = LessonParser.parse("| x | y |\n|---|:-:|\n| a \\| b | `c|d` |\n| short |", file: "t.md")
        guard case .table(let table) = doc.blocks.first?.kind else {
            Issue.record("expected a table")
            return
        }
        #expect(table.alignments == [.left, .center])
        #expect(table.rows.map { $0.map(\.plainText) } == [["a | b", "c|d"], ["short", ""]])
    }

    @Test func unclosedFenceAndMalformedDirectiveAreErrorsNotCrashes() {
        let doc = LessonParser.parse("text\n::: \n```\ncode", file: "bad.md")
        let errors = doc.blocks.compactMap { if case .error(let d) = $0.kind { d } else { nil } }
        #expect(errors.map(\.line) == [2, 3])
        #expect(errors.allSatisfy { $0.file == "bad.md" })
        #expect(doc.blocks.contains { $0.kind == .code(language: nil, lines: ["code"]) })
    }

    @Test func headingClosingHashesAndWidgetUnderAListItem() {
        let doc = LessonParser.parse("## Costs ##\n# C#\n- item\n  ::: module-widths module=3a", file: "t.md")
        #expect(doc.blocks.map(\.line) == [1, 2, 3, 4])
        #expect(doc.blocks.first?.kind == .heading(level: 2, spans: [InlineSpan("Costs")]))
        #expect(doc.blocks[1].kind == .heading(level: 1, spans: [InlineSpan("C#")]))
        #expect(doc.directives.map(\.line) == [4])
    }

    @Test func windowsLineEndings() {
        let doc = LessonParser.parse("# T\r\n\r\nbody\r\n", file: "t.md")
        #expect(doc.blocks.map(\.kind) == [.heading(level: 1, spans: [InlineSpan("T")]), .paragraph([InlineSpan("body")])])
    }
}
