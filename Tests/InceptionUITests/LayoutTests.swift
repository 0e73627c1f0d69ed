import Testing
@testable import InceptionUI

@Suite struct LayoutTests {
    /// The layout drawn as ASCII boxes (header, tabs, body, status), lazygit style.
    func drawn(_ size: Size) -> [String] {
        var canvas = Canvas(width: size.width, height: size.height)
        let layout = Layout(size: size)
        for (name, rect) in layout.namedRects where rect.height >= 2 {
            canvas.box(rect, glyphs: .ascii, title: name)
        }
        for (name, rect) in layout.namedRects where rect.height == 1 {
            canvas.fill(rect, with: Cell("="))
            canvas.text(name, x: rect.x, y: rect.y, clip: rect)
        }
        return canvas.lines()
    }

    @Test func at80x24() {
        let layout = Layout(size: Size(width: 80, height: 24))
        #expect(layout.fits)
        #expect(layout.body == Rect(x: 0, y: 1, width: 80, height: 22))
        #expect(layout.status == Rect(x: 0, y: 23, width: 80, height: 1))
        // six tabs "N Title" padded by a space each side, one column apart, from column 1
        #expect(layout.tabs.map(\.x) == [1, 13, 25, 35, 46, 56])
        #expect(layout.appName == nil)  // no room beside the tabs at 80 columns
        Snapshot.check(drawn(Size(width: 80, height: 24)), named: "layout-80x24")
    }

    @Test func at200x60() {
        let layout = Layout(size: Size(width: 200, height: 60))
        #expect(layout.body == Rect(x: 0, y: 1, width: 200, height: 58))
        #expect(layout.appName == Rect(x: 180, y: 0, width: 20, height: 1))
        Snapshot.check(drawn(Size(width: 200, height: 60)), named: "layout-200x60")
    }

    @Test func belowTheMinimum() {
        #expect(!Layout(size: Size(width: 79, height: 24)).fits)
        #expect(!Layout(size: Size(width: 80, height: 23)).fits)
        #expect(!Layout(size: Size(width: 0, height: 0)).fits)
    }

    @Test func clicksFindTheirTab() {
        let layout = Layout(size: Size(width: 80, height: 24))
        #expect(layout.tab(atX: 1, y: 0) == .lessons)
        #expect(layout.tab(atX: 12, y: 0) == nil)  // the gap between tabs
        #expect(layout.tab(atX: 13, y: 0) == .network)
        #expect(layout.tab(atX: 68, y: 0) == .experiments)
        #expect(layout.tab(atX: 13, y: 1) == nil)
    }
}
