import Testing
@testable import InceptionUI

@Suite struct CanvasTests {
    @Test func textIsClippedToTheRectangle() {
        var canvas = Canvas(width: 10, height: 2)
        canvas.text("hello world", x: 2, y: 0, clip: Rect(x: 0, y: 0, width: 6, height: 1))
        #expect(canvas.lines() == ["  hell", ""])
    }
}
