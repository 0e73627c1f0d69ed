import Testing
@testable import InceptionUI

@Suite struct CanvasTests {
    @Test func textIsClippedToTheRectangle() {
        var canvas = Canvas(width: 10, height: 2)
        let end = canvas.text("hello world", x: 2, y: 0, clip: Rect(x: 0, y: 0, width: 6, height: 1))
        #expect(canvas.lines() == ["  hell", ""])
        #expect(end == 6)
    }

    @Test func textOutsideTheCanvasIsIgnored() {
        var canvas = Canvas(width: 3, height: 1)
        canvas.text("abc", x: -1, y: 0)
        canvas.text("zzz", x: 0, y: 5)
        #expect(canvas.lines() == ["bc"])
    }

    @Test func everyCharacterTakesOneCell() {
        var canvas = Canvas(width: 8, height: 1)
        // "e" + combining acute (dropped), a CJK ideograph (wide: becomes ?), a tab (control: dropped)
        canvas.text("e\u{301}漢\tx", x: 0, y: 0)
        #expect(canvas.lines() == ["e?x"])
        #expect(Canvas.displayWidth("e\u{301}漢\tx") == 3)
    }

    @Test func asciiOnlyCanvasReplacesEveryNonASCIIGlyph() {
        var canvas = Canvas(width: 12, height: 3, asciiOnly: true)
        canvas.text("a→b—c…", x: 0, y: 0)
        canvas[0, 1] = Cell("▀")
        canvas.box(Rect(x: 4, y: 1, width: 3, height: 2), glyphs: .unicode)
        #expect(canvas.lines() == ["a->b-c...", "?   +-+", "    +-+"])
        #expect(canvas.cells.allSatisfy { $0.glyph.isASCII })
    }

    @Test func boxWithTitle() {
        var canvas = Canvas(width: 12, height: 3)
        canvas.box(canvas.bounds, glyphs: .unicode, title: "Costs")
        #expect(canvas.lines() == ["┌ Costs ───┐", "│          │", "└──────────┘"])
    }

    @Test func capabilitiesFollowFlagsAndEnvironment() {
        func resolve(_ colors: Int, noColor: Bool = false, ascii: Bool = false, env: [String: String] = [:], utf8: Bool = true) -> Capabilities {
            Capabilities.resolve(terminalColors: colors, utf8Locale: utf8, noColorFlag: noColor, asciiFlag: ascii, environment: env)
        }
        #expect(resolve(256) == Capabilities(color: .palette256, unicode: true))
        #expect(resolve(8).color == .eight)
        #expect(resolve(0).color == .none)
        #expect(resolve(256, noColor: true).color == .none)
        #expect(resolve(256, env: ["NO_COLOR": "1"]).color == .none)
        // no-color.org: an empty NO_COLOR does not count
        #expect(resolve(256, env: ["NO_COLOR": ""]).color == .palette256)
        #expect(resolve(256, ascii: true).unicode == false)
        #expect(resolve(256, utf8: false).unicode == false)
    }

    @Test func onlyChangedCellsAreRedrawn() {
        var before = Canvas(width: 4, height: 2)
        before.text("ab", x: 0, y: 0)
        var after = before
        after.text("c", x: 1, y: 1)  // index 1 * 4 + 1 = 5
        after[0, 0] = Cell("a", style: Style(attributes: .bold))  // same glyph, new style: index 0
        #expect(after.changedCells(since: before) == [0, 5])
        #expect(after.changedCells(since: after).isEmpty)
        #expect(after.changedCells(since: nil) == Array(0..<8))
        #expect(after.changedCells(since: Canvas(width: 2, height: 4)).count == 8)
    }
}
