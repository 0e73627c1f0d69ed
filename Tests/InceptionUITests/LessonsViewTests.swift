import Foundation
import InceptionCore
import Testing
@testable import InceptionUI

/// A lessons folder and a state folder in a fresh temporary directory, and the
/// explorer driven on the test backend with the Lessons view reading them.
struct LessonsFixture {
    let root: String
    var lessons: String { root + "/lessons" }
    var state: String { root + "/state" }
    var progressPath: String { state + "/inception-explorer/progress.json" }

    /// The demo lesson: every kind of block, a good and a bad widget, a widget in a
    /// quote, and two check questions (the tiny network's 3a writes 8 + 16 + 8 + 8 = 40
    /// channels, by the widths in the paper-style Table 1 of the tiny preset).
    static let demo = """
        # Demo lesson

        Some *emphasis*, **strong** and `code` with a [link](http://example.org).

        1. first
        2. second
           - nested

        ```
        let x = 1
        ```

        | a | b |
        |---|--:|
        | 1 | 22 |

        > A quote with a widget:
        >
        > ::: module-widths module=3a

        ::: module-widths module=9z

        ::: question id=out prompt="How many channels leave module 3a of the tiny network?" answer=@tiny.3a.output explain="Add the four branch widths."

        ::: question id=pick prompt="Which branch has no reduce?" choices="1x1|3x3|5x5" answer=1

        The last line of the demo.
        """

    init(files: [String: String] = ["01-demo.md": LessonsFixture.demo, "02-second.md": "# Second\n\nText.\n"]) throws {
        root = (NSTemporaryDirectory() as NSString).appendingPathComponent("lessonview-\(UUID().uuidString)")
        try FileManager.default.createDirectory(atPath: root + "/lessons", withIntermediateDirectories: true)
        try FileManager.default.createDirectory(atPath: root + "/state", withIntermediateDirectories: true)
        for (name, text) in files { try AtomicWrite.write(text, to: root + "/lessons/" + name) }
    }

    func remove() { try? FileManager.default.removeItem(atPath: root) }

    /// The 1-based line of the first line of the demo lesson containing `text`.
    static func line(of text: String) -> Int {
        (demo.split(separator: "\n", omittingEmptySubsequences: false).firstIndex { $0.contains(text) } ?? -1) + 1
    }

    func view(capabilities: Capabilities = .full) -> LessonsView {
        LessonsView.load(options: ExplorerOptions(capabilities: capabilities, lessonsDirectory: lessons),
                         environment: ["XDG_STATE_HOME": state, "HOME": root])
    }

    func app(_ size: Size, capabilities: Capabilities = .full) -> TestBackend {
        let views = ViewID.allCases.map { $0 == .lessons ? view(capabilities: capabilities) as any ExplorerView : BlankView($0) }
        return TestBackend(options: ExplorerOptions(capabilities: capabilities), size: size, views: views)
    }
}

extension TestBackend {
    var lessons: LessonsView { state.views[0] as! LessonsView }
}

@Suite struct LessonsViewTests {
    let small = Size(width: 80, height: 24)
    let large = Size(width: 200, height: 60)

    @Test(arguments: [Size(width: 80, height: 24), Size(width: 200, height: 60)])
    func listThenLesson(size: Size) throws {
        let fixture = try LessonsFixture()
        defer { fixture.remove() }
        var app = fixture.app(size)
        Snapshot.check(app.canvas, named: "lessons-list-\(size.width)x\(size.height)")
        app.press(.enter)
        Snapshot.check(app.canvas, named: "lessons-open-\(size.width)x\(size.height)")
    }

    @Test func listSelectionMovesWithArrowsAndViKeys() throws {
        let fixture = try LessonsFixture()
        defer { fixture.remove() }
        var app = fixture.app(small)
        app.press(.down)
        #expect(app.lessons.selected == 1)
        app.press(.down, .character("j"))  // stops at the last lesson
        #expect(app.lessons.selected == 1)
        app.press(.character("k"))
        #expect(app.lessons.selected == 0)
        app.press(.end, .right)
        #expect(app.lessons.open?.index == 1 && app.lessons.focus == .lesson)
        #expect(app.lines[2].contains("Second"))
        app.press(.left)
        #expect(app.lessons.focus == .list)
    }

    @Test func scrollingKeys() throws {
        let fixture = try LessonsFixture()
        defer { fixture.remove() }
        var app = fixture.app(small)
        app.press(.enter)
        // 80x24: the body is 22 rows, the lesson panel's inside 20; a page moves 19.
        #expect(app.lines[2].contains("Demo lesson"))
        app.press(.down, .character("j"))
        #expect(app.lessons.open?.scroll == 2)
        app.press(.up)
        #expect(app.lessons.open?.scroll == 1)
        app.press(.character("k"), .character("k"))
        #expect(app.lessons.open?.scroll == 0)
        app.press(.pageDown)
        #expect(app.lessons.open?.scroll == 19)
        app.press(.pageUp)
        #expect(app.lessons.open?.scroll == 0)
        app.press(.character(" "), .up)
        #expect(app.lessons.open?.scroll == 18)
        app.press(.end)
        #expect(app.lines.contains { $0.contains("The last line of the demo.") })
        #expect(!app.lines.contains { $0.contains("Demo lesson ") && $0.contains("│  Demo") })
        let end = app.lessons.open?.scroll
        app.press(.down, .pageDown)
        #expect(app.lessons.open?.scroll == end)
        app.press(.home)
        #expect(app.lessons.open?.scroll == 0)
        #expect(app.lines[2].contains("Demo lesson"))
    }

    @Test func openingMarksSeenAndItIsRemembered() throws {
        let fixture = try LessonsFixture()
        defer { fixture.remove() }
        var app = fixture.app(small)
        #expect(app.lines[2].contains("· 1 Demo lesson"))
        app.press(.enter)
        #expect(app.lines[2].contains("✓ 1 Demo lesson"))
        #expect(app.effects.contains { if case .saveProgress(fixture.progressPath, _) = $0 { true } else { false } })
        app.performEffects()
        #expect(app.effects.isEmpty)
        #expect(ProgressStore(path: fixture.progressPath).load().progress.isSeen("01-demo.md"))
        // Opening it again saves nothing new.
        app.press(.left, .enter)
        #expect(app.effects.isEmpty)
        // A new run reads the saved progress.
        let again = fixture.app(small)
        #expect(again.lines[2].contains("✓ 1 Demo lesson"))
        #expect(again.lines[3].contains("· 2 Second"))
        #expect(again.lines[1].contains("Lessons 1/2 seen"))
    }

    @Test func badWidgetShowsAnErrorBoxWithFileAndLine() throws {
        let fixture = try LessonsFixture()
        defer { fixture.remove() }
        var app = fixture.app(large)
        app.press(.enter)
        let line = LessonsFixture.line(of: "module=9z")
        #expect(app.screen.contains("┌ error"))
        #expect(app.screen.contains("01-demo.md:\(line)"))
        #expect(app.screen.contains("no module '9z' in preset tiny"))
    }

    @Test func nSelectsWidgetsAndEnterOpensTheFullView() throws {
        let fixture = try LessonsFixture()
        defer { fixture.remove() }
        var app = fixture.app(small)
        app.press(.enter, .character("n"))
        #expect(app.lessons.open?.widget == 0)
        app.press(.character("n"))
        #expect(app.lessons.open?.widget == 1)
        app.press(.character("N"))
        #expect(app.lessons.open?.widget == 0)
        // At 80 columns the lesson shows 3a's seven columns as records; the full view has room for the table.
        #expect(!app.screen.contains("n1x1  n3x3red"))
        app.press(.enter)
        #expect(app.lessons.overlay?.slot == 0)
        #expect(app.lines[1].contains("Widths of inception_3a in the tiny network (Esc closes)"))
        #expect(app.screen.contains("n1x1  n3x3red  n3x3  n5x5red  n5x5  poolproj  output"))
        Snapshot.check(app.canvas, named: "lessons-full-view-80x24")
        app.press(.escape)
        #expect(app.lessons.overlay == nil)
        #expect(app.lessons.focus == .lesson)
    }

    @Test func answeringAQuestionChecksRecordsAndShowsProgress() throws {
        let fixture = try LessonsFixture()
        defer { fixture.remove() }
        var app = fixture.app(large)
        app.press(.enter, .character("n"), .character("n"), .character("n"))
        #expect(app.lessons.open?.widget == 2)
        #expect(app.lines[2].contains("0/2"))
        app.press(.enter)
        #expect(app.state.prompt != nil)
        app.type("abc")
        app.press(.enter)
        // Asked again with the text kept, and the reason in the prompt, which covers the status line.
        #expect(app.state.prompt?.prompt.label == "'abc' is not a number; your answer")
        #expect(app.state.prompt?.prompt.field.text == "abc")
        #expect(app.screen.contains("'abc' is not a number; your answer"))
        app.press(.escape)
        app.press(.enter)
        app.type("41")
        app.press(.enter)
        #expect(app.screen.contains("Your answer 41 is not right. The answer: 40"))
        #expect(app.screen.contains("Add the four branch widths."))
        #expect(app.lines[2].contains("0/2"))
        // The answer is shown now, so a second try is refused: only a first answer counts.
        app.press(.enter)
        #expect(app.state.prompt == nil)
        #expect(app.state.message == "already answered: the answer and why are shown; only a first answer counts")
        // The choice question, answered by its letter.
        app.press(.character("n"), .enter)
        app.type("a")
        app.press(.enter)
        #expect(app.state.message == "right!")
        #expect(app.screen.contains("Your answer a is right."))
        #expect(app.lines[2].contains("1/2"))
        app.performEffects()
        let saved = ProgressStore(path: fixture.progressPath).load().progress.lessons["01-demo.md"]
        #expect(saved?.questions["out"] == QuestionResult(answer: "41", correct: false))
        #expect(saved?.questions["pick"] == QuestionResult(answer: "a", correct: true))
        #expect(fixture.app(small).lines[2].contains("1/2"))
        // c in the list clears the lesson's answers, saved, and its questions open again.
        app.press(.escape)
        #expect(app.lessons.focus == .list)
        app.press(.character("c"))
        #expect(app.state.message == "cleared lesson 1's answers: its questions can be answered again")
        #expect(app.lines[2].contains("0/2"))
        app.performEffects()
        #expect(ProgressStore(path: fixture.progressPath).load().progress.lessons["01-demo.md"]?.questions.isEmpty == true)
        app.press(.character("c"))
        #expect(app.state.message == "lesson 1 has no answers to clear")
        app.press(.enter, .character("n"), .character("n"), .character("n"), .enter)
        #expect(app.state.prompt != nil)
    }

    @Test func clickingALessonOpensIt() throws {
        let fixture = try LessonsFixture()
        defer { fixture.remove() }
        var app = fixture.app(small)
        // Row 3 of the screen is the list's second lesson (header row, frame row, lesson 1).
        app.send(.click(x: 5, y: 3))
        #expect(app.lessons.open?.index == 1 && app.lessons.focus == .lesson)
        #expect(app.lines[1].contains("2. Second"))
        app.press(.left)
        app.send(.click(x: 50, y: 10))  // on the lesson: focus moves there
        #expect(app.lessons.focus == .lesson)
    }

    @Test func emptyFolderSaysSo() throws {
        let fixture = try LessonsFixture(files: [:])
        defer { fixture.remove() }
        var app = fixture.app(small)
        #expect(app.screen.contains("(no lessons)"))
        #expect(app.screen.contains("There are no lessons in"))
        app.press(.enter, .down, .character("n"))  // nothing to open: no crash, nothing happens
        #expect(app.lessons.open == nil)
    }

    @Test func missingFolderSaysSo() throws {
        let fixture = try LessonsFixture(files: [:])
        defer { fixture.remove() }
        let view = LessonsView.load(options: ExplorerOptions(capabilities: .full, lessonsDirectory: fixture.root + "/nowhere"),
                                    environment: ["XDG_STATE_HOME": fixture.state])
        let app = TestBackend(size: small, views: [view] + ViewID.allCases.dropFirst().map { BlankView($0) })
        #expect(app.screen.contains("┌ error"))
        #expect(app.screen.contains("nowhere: no such directory"))
    }

    @Test func unreadableLessonIsListedAndOpensAnErrorBox() throws {
        let fixture = try LessonsFixture()
        defer { fixture.remove() }
        // A directory with a lesson's name cannot be read as a file, even by root.
        try FileManager.default.createDirectory(atPath: fixture.lessons + "/03-broken.md", withIntermediateDirectories: false)
        var app = fixture.app(small)
        #expect(app.lines[4].contains("3 03-broken"))
        app.press(.end, .enter)
        #expect(app.screen.contains("┌ error"))
        #expect(app.screen.contains("cannot read lesson"))
    }

    @Test func asciiWithoutColourIsPlainASCII() throws {
        let fixture = try LessonsFixture()
        defer { fixture.remove() }
        let capabilities = Capabilities(color: .none, unicode: false)
        var app = fixture.app(small, capabilities: capabilities)
        app.press(.enter, .character("n"))
        let canvas = app.canvas
        #expect(canvas.cells.allSatisfy { $0.glyph.isASCII })
        #expect(canvas.cells.allSatisfy { $0.style.fg == .default && $0.style.bg == .default })
        #expect(app.lines[2].contains("x 1 Demo lesson"))
        #expect(app.lines[3].contains(". 2 Second"))
    }

    @Test func headingsEmphasisAndCodeAreStyled() throws {
        let fixture = try LessonsFixture()
        defer { fixture.remove() }
        var app = fixture.app(small)
        app.press(.enter)
        let canvas = app.canvas
        // The first cell of `word` in the lesson panel (right of the 24-column list).
        func style(of word: String) -> Style? {
            for (y, line) in app.lines.enumerated() {
                let scalars = Array(line.unicodeScalars), target = Array(word.unicodeScalars)
                for x in 24..<max(24, scalars.count - target.count + 1) where Array(scalars[x..<x + target.count]) == target {
                    return canvas[x, y].style
                }
            }
            return nil
        }
        #expect(style(of: "Demo lesson")?.attributes.contains(.bold) == true)
        #expect(style(of: "emphasis")?.attributes.contains(.underline) == true)
        #expect(style(of: "strong")?.attributes.contains(.bold) == true)
        #expect(style(of: "code with")?.fg == .green)
        #expect(style(of: "let x = 1")?.fg == .green)
    }
}
