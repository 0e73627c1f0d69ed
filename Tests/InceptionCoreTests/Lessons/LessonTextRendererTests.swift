import Testing
@testable import InceptionCore

@Suite struct LessonTextRendererTests {
    private func render(_ source: String, width: Int) -> [String] {
        LessonTextRenderer(width: width).render(LessonParser.parse(source, file: "r.md"))
    }

    @Test func headingsParagraphsAndLists() {
        let source = "# Hi\n\nsome *words* to wrap here\n\n- first item is long\n  - sub\n10. ten"
        #expect(render(source, width: 20) == [
            "Hi",
            "==",
            "",
            "some words to wrap",
            "here",
            "",
            "- first item is long",
            "  - sub",
            "10. ten",
        ])
        // The hanging indent lines up continuation text with the item's text.
        #expect(render("- aaaa bbbb cccc dddd eeee", width: 20) == ["- aaaa bbbb cccc", "  dddd eeee"])
    }

    @Test func codeIsIndentedAndNeverWrapped() {
        let long = String(repeating: "x", count: 30)
        #expect(render("```\n\(long)\n```", width: 20) == ["    " + long])
    }

    @Test func quotesArePrefixed() {
        #expect(render("> one two three four five", width: 20) == ["> one two three four", "> five"])
    }

    @Test func badWidgetBecomesAnErrorBoxInPlace() {
        let lines = render("before\n\n::: module-widths module=9z\n\nafter", width: 80)
        #expect(lines.first == "before")
        #expect(lines.last == "after")
        #expect(lines.contains { $0.hasPrefix("[error] r.md:3: module-widths: module=9z: no module '9z'") })
    }

    @Test func errorBoxWrapsWithHangingIndent() {
        let box = LessonTextRenderer(width: 30).errorBox(
            LessonDiagnostic(file: "f.md", line: 9, message: "aaaa bbbb cccc dddd eeee"), width: 30)
        #expect(box == ["[error] f.md:9: aaaa bbbb cccc", "        dddd eeee"])
    }

    @Test func widgetTableAtWidth() {
        let lines = render("::: module-widths module=3a", width: 80)
        #expect(lines.contains("n1x1  n3x3red  n3x3  n5x5red  n5x5  poolproj  output"))
        #expect(lines.contains("   8        8    16        4     8         8      40"))
    }
}
