import Testing
@testable import InceptionUI

@Suite struct TextFieldTests {
    @Test func editingKeys() {
        var field = TextField("ac")
        #expect(field.handle(.left) == .editing)
        _ = field.handle(.character("b"))
        #expect(field.text == "abc" && field.cursor == 2)
        _ = field.handle(.home)
        _ = field.handle(.backspace)  // nothing before the cursor
        #expect(field.text == "abc" && field.cursor == 0)
        _ = field.handle(.end)
        _ = field.handle(.backspace)
        _ = field.handle(.right)  // already at the end
        #expect(field.text == "ab" && field.cursor == 2)
    }

    @Test func enterConfirmsAndEscCancels() {
        var field = TextField("32")
        #expect(field.handle(.enter) == .confirmed("32"))
        #expect(field.handle(.escape) == .cancelled)
    }

    @Test func renderScrollsToKeepTheCursorVisible() {
        var canvas = Canvas(width: 6, height: 1)
        let field = TextField("abcdefgh")  // cursor after h: 8 characters + cursor cell in 5 cells
        field.render(into: &canvas, area: Rect(x: 1, y: 0, width: 5, height: 1), style: .plain, cursorStyle: Style(attributes: .reverse))
        #expect(canvas.lines() == [" efgh"])
        #expect(canvas[5, 0].style.attributes == .reverse)
    }
}
