import Testing
@testable import InceptionCore

@Suite struct TextWrapTests {
    @Test func breaksAtTheLastSpaceThatFits() {
        // "aaa bbb" is exactly 7 characters, so it fits a width of 7 but not 6.
        #expect(TextWrap.wrap("aaa bbb ccc", width: 7) == ["aaa bbb", "ccc"])
        #expect(TextWrap.wrap("aaa bbb ccc", width: 6) == ["aaa", "bbb", "ccc"])
        #expect(TextWrap.wrap("  aaa   bbb  ", width: 80) == ["aaa bbb"])
        #expect(TextWrap.wrap("", width: 10) == [])
    }

    @Test func linesKeepParagraphsAndEmptyLines() {
        #expect(TextWrap.lines("one two three", width: 7) == ["one two", "three"])
        #expect(TextWrap.lines("ab cd\n\nef", width: 10) == ["ab cd", "", "ef"])
        #expect(TextWrap.lines("", width: 10) == [""])
        #expect(TextWrap.lines("abc", width: 0) == [])
    }

    @Test func cutsWordsLongerThanTheWidth() {
        #expect(TextWrap.wrap("abcdefghij x", width: 4) == ["abcd", "efgh", "ij x"])
    }

    @Test func keepsStylesAcrossLines() {
        let spans = [InlineSpan("a "), InlineSpan("bold words", style: .strong), InlineSpan(",")]
        #expect(TextWrap.wrap(spans, width: 7) == [
            [InlineSpan("a "), InlineSpan("bold", style: .strong)],
            [InlineSpan("words", style: .strong), InlineSpan(",")],
        ])
        // The space between two words of one style carries the style (an underline stays unbroken).
        #expect(TextWrap.wrap([InlineSpan("x y", style: .link, url: "u")], width: 10) == [[InlineSpan("x y", style: .link, url: "u")]])
    }

    @Test func tableColumnsAlign() {
        let lines = TextTable.lines(header: ["name", "n", "mid"], alignments: [.left, .right, .center],
                                    rows: [["a", "100", "x"], ["long", "7", "yyyyy"]])
        #expect(lines == [
            "name    n   mid",
            "----  ---  -----",
            "a     100    x",
            "long    7  yyyyy",
        ])
    }
}

extension TextWrapTests {
    @Test func tooWideTableBecomesRecords() {
        let lines = TextTable.lines(header: ["layer", "input", "output"], alignments: [.left, .right, .right],
                                    rows: [["stem", "1x32x32", "16x32x32"], ["pool1", "16x32x32", "16x16x16"]], width: 20)
        #expect(lines == [
            "layer: stem", "  input: 1x32x32", "  output: 16x32x32",
            "",
            "layer: pool1", "  input: 16x32x32", "  output: 16x16x16",
        ])
        // Aligned, the table is 5 + 2 + 7 + 2 + 8 = 24 characters wide: it stays a table at 24, not at 23.
        let one = { (width: Int) in
            TextTable.lines(header: ["layer", "input", "output"], alignments: [.left, .right, .right],
                            rows: [["stem", "1x32x32", "16x32x32"]], width: width).first
        }
        #expect(one(24) == "layer    input    output")
        #expect(one(23) == "layer: stem")
    }
}
