import Testing
@testable import InceptionUI

/// A view that opens a text field on `/` and remembers what was confirmed, with
/// enough keys to make the help overlay scroll at 80x24.
struct PromptingView: ExplorerView {
    let id: ViewID
    var entered: [String] = []
    var keysSeen: [Key] = []

    var keyBindings: [KeyBinding] {
        [KeyBinding("/", "type something")] + (1...10).map { KeyBinding("F\($0)", "example key \($0)") }
    }

    mutating func handle(_ input: ViewInput, area: Rect) -> [ViewCommand] {
        guard case .key(let key) = input else { return [] }
        keysSeen.append(key)
        return key == .character("/") ? [.openTextField(TextPrompt(label: "Width", initial: "1", tag: "width"))] : []
    }

    mutating func textEntered(_ text: String, tag: String, area: Rect) -> [ViewCommand] {
        entered.append("\(tag)=\(text)")
        return [.message("width set to \(text)")]
    }

    func render(into canvas: inout Canvas, area: Rect, theme: Theme) {
        canvas.text("entered: \(entered.joined(separator: ", "))", x: area.x, y: area.y, clip: area)
    }
}

func promptingViews() -> [any ExplorerView] {
    ViewID.allCases.map { $0 == .lessons ? PromptingView(id: $0) as any ExplorerView : BlankView($0) }
}

@Suite struct ShellTests {
    let small = Size(width: 80, height: 24)

    @Test func startsOnLessonsAt80x24() {
        let app = TestBackend(size: small)
        #expect(app.state.current == .lessons)
        Snapshot.check(app.canvas, named: "start-80x24")
    }

    @Test func startsAt200x60() {
        Snapshot.check(TestBackend(size: Size(width: 200, height: 60)).canvas, named: "start-200x60")
    }

    /// Each digit opens the real view of its tab, with keys of its own in the help.
    @Test func everyDigitOpensItsView() {
        var app = TestBackend(size: small)
        for view in ViewID.allCases {
            app.type("\(view.rawValue)")
            #expect(app.state.current == view && app.state.currentView.id == view)
            #expect(!app.state.currentView.keyBindings.isEmpty)
        }
    }

    @Test func activeTabIsHighlightedEvenWithoutColour() {
        var app = TestBackend(options: ExplorerOptions(capabilities: Capabilities(color: .none, unicode: true)), size: small)
        app.type("3")
        let canvas = app.canvas
        let costs = app.state.layout.tabs[2]
        #expect(canvas[costs.x + 1, 0].style.attributes.contains(.reverse))
        #expect(!canvas[app.state.layout.tabs[0].x + 1, 0].style.attributes.contains(.reverse))
    }

    @Test func tabAndShiftTabWrapAround() {
        var app = TestBackend(size: small)
        app.press(.backTab)
        #expect(app.state.current == .experiments)
        app.press(.tab)
        #expect(app.state.current == .lessons)
        app.press(.tab, .tab)
        #expect(app.state.current == .costs)
    }

    @Test func digitsOutsideOneToSixAreNotViews() {
        var app = TestBackend(size: small)
        app.type("2709")
        #expect(app.state.current == .network)
    }

    @Test func clickOnATabSelectsIt() {
        var app = TestBackend(size: small)
        app.send(.click(x: 36, y: 0))
        #expect(app.state.current == .sparse)
        app.send(.click(x: 40, y: 5))  // in the body: not a tab
        #expect(app.state.current == .sparse)
    }

    @Test func quitAndInterrupt() {
        var app = TestBackend(size: small)
        app.press(.character("q"))
        #expect(app.effects == [.quit(status: 0)])
        var interrupted = TestBackend(size: small)
        interrupted.press(.ctrlC)
        #expect(interrupted.effects == [.quit(status: 130)])
    }

    @Test func helpOverlayListsEveryKeyAndCloses() {
        var app = TestBackend(size: small)
        app.press(.character("?"))
        Snapshot.check(app.canvas, named: "help-80x24")
        app.press(.character("2"))  // digits do nothing while help is open
        #expect(app.state.current == .lessons && app.state.helpScroll != nil)
        app.press(.escape)
        #expect(app.state.helpScroll == nil)
        app.press(.character("?"), .character("?"))
        #expect(app.state.helpScroll == nil)
        app.press(.character("?"), .character("q"))
        #expect(app.effects == [.quit(status: 0)])
    }

    @Test func helpScrollsWithArrowsAndViKeys() {
        var app = TestBackend(size: small, views: promptingViews())
        app.press(.character("?"))
        // 4 global + 11 view + 4 text field + 3 help lines, 4 headings, 3 blank = 29 lines;
        // the box takes the whole body, 22 rows, 20 inside
        let limit = 29 - 20
        app.press(.character("j"), .down)
        #expect(app.state.helpScroll == 2)
        app.press(.character("k"))
        #expect(app.state.helpScroll == 1)
        app.press(.end)
        #expect(app.state.helpScroll == limit)
        app.press(.down)
        #expect(app.state.helpScroll == limit)
        Snapshot.check(app.canvas, named: "help-scrolled-80x24")
        app.press(.home)
        #expect(app.state.helpScroll == 0)
    }

    @Test func tooSmallAsksForMoreRoomAndRecovers() {
        var app = TestBackend(size: small)
        app.resize(to: Size(width: 60, height: 20))
        Snapshot.check(app.canvas, named: "too-small-60x20")
        #expect(app.lines.contains { $0.contains("enlarge the terminal to at least 80x24") })
        // Keys pressed meanwhile change nothing unseen: no view switch, no help; q still quits.
        app.press(.character("2"), .character("?"), .tab, .character(" "))
        #expect(app.state.current == .lessons && app.state.helpScroll == nil)
        app.resize(to: small)
        #expect(app.lines == TestBackend(size: small).lines)
        app.resize(to: Size(width: 60, height: 20))
        #expect(App.update(app.state, .key(.character("q"))).1 == [.quit(status: 0)])
    }

    /// Shrunk below 80x24 with a text field open: q is text, not quit, and Esc closes the
    /// field; a message that arrived stays for when the screen is big enough again.
    @Test func tooSmallWithATextFieldOpen() {
        var app = TestBackend(size: small, views: promptingViews())
        app.press(.character("/"))
        app.resize(to: Size(width: 60, height: 20))
        #expect(app.lines.contains { $0.contains("(now 60x20; Esc closes the text field)") })
        #expect(App.update(app.state, .key(.character("q"))).1.isEmpty)
        app.press(.character("q"), .escape)
        #expect(app.state.prompt == nil)
        app.resize(to: small)
        app.press(.character("/"))
        app.press(.enter)
        #expect(app.state.message == "width set to 1")
        app.resize(to: Size(width: 60, height: 20))
        app.press(.character("x"))
        #expect(app.state.message == "width set to 1")
    }

    /// A message too long for the line loses its middle, so its reason at the end stays.
    @Test func aLongMessageKeepsItsEnd() {
        let message = "could not write exports/costs.txt: directory /tmp/a/very/long/path/to/exports does not exist"
        let fitted = StatusLine.fitted(message, width: 60)
        #expect(fitted.count == 60 && fitted.hasPrefix("could not write") && fitted.hasSuffix("does not exist") && fitted.contains("…"))
        #expect(StatusLine.fitted("short", width: 60) == "short")
    }

    /// A long label gives way to the field: the field and its keys stay on the status line.
    @Test func aLongPromptLabelLeavesTheFieldVisible() {
        var state = TestBackend(size: small, views: promptingViews()).state
        state.prompt = (TextPrompt(label: String(repeating: "'not a number at all' ", count: 5), initial: "typed", tag: "t"), .lessons)
        let line = App.render(state, size: small).lines()[23]
        #expect(line.contains("typed") && line.contains("Enter confirm  Esc cancel") && line.contains("…: "), "\(line)")
    }

    @Test func asciiAndNoColourDrawOnlyPlainASCII() {
        var app = TestBackend(options: ExplorerOptions(capabilities: Capabilities(color: .none, unicode: false)), size: small)
        app.press(.character("?"))
        let canvas = app.canvas
        #expect(canvas.cells.allSatisfy { $0.glyph.isASCII })
        #expect(canvas.cells.allSatisfy { $0.style.fg == .default && $0.style.bg == .default })
        Snapshot.check(canvas, named: "help-ascii-80x24")
    }

    @Test func textFieldTakesEveryKeyUntilEnter() {
        var app = TestBackend(size: small, views: promptingViews())
        app.press(.character("/"))
        #expect(app.state.prompt?.prompt.label == "Width")
        app.press(.backspace)
        app.type("32q?4")  // digits, q and ? are text while the field is open
        app.press(.tab, .left, .backspace)
        #expect(app.state.current == .lessons && app.effects.isEmpty)
        Snapshot.check(app.lines.suffix(1), named: "text-field-status-80x24")
        app.press(.enter)
        #expect(app.state.prompt == nil)
        let view = app.state.views[0] as? PromptingView
        #expect(view?.entered == ["width=32q4"])
        #expect(app.state.message == "width set to 32q4")
        #expect(app.lines[1].hasPrefix("entered: width=32q4"))
        #expect(app.lines[23].hasSuffix("width set to 32q4"))
    }

    @Test func escCancelsTheTextField() {
        var app = TestBackend(size: small, views: promptingViews())
        app.press(.character("/"))
        app.type("99")
        app.press(.escape)
        #expect(app.state.prompt == nil)
        #expect((app.state.views[0] as? PromptingView)?.entered == [])
        app.type("2")  // digits switch views again
        #expect(app.state.current == .network)
    }

    @Test func otherKeysReachTheCurrentView() {
        var app = TestBackend(size: small, views: promptingViews())
        app.press(.down, .character("h"), .pageDown)
        #expect((app.state.views[0] as? PromptingView)?.keysSeen == [.down, .character("h"), .pageDown])
    }

    @Test func fileWrittenShowsInTheStatusLine() {
        var app = TestBackend(size: small)
        app.send(.fileWritten(path: "maps/3a.pgm", error: nil))
        #expect(app.lines[23].hasSuffix("wrote maps/3a.pgm"))
        app.send(.fileWritten(path: "/ro/x.pgm", error: "permission denied"))
        #expect(app.lines[23].hasSuffix("could not write /ro/x.pgm: permission denied"))
    }

    @Test func errorBoxSaysWhereAndWhat() {
        var canvas = Canvas(width: 40, height: 5)
        let box = ErrorBox(location: "Lessons/03-reduce.md:12", message: "unknown widget 'cost-exampel'; did you mean cost-example?")
        #expect(box.height(width: 40) == 5)
        box.render(into: &canvas, area: canvas.bounds, theme: Theme(.full))
        Snapshot.check(canvas, named: "error-box")
    }

    @Test func renderBenchmarkRendersAFullFrame() {
        // the checksum is the sum of the glyphs: a blank 200x60 frame would be 12000 spaces
        #expect(RenderBenchmark().renderFrame() != 12_000 * 32)
    }
}
