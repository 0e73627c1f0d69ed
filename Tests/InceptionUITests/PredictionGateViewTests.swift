import Foundation
import InceptionCore
import Testing
@testable import InceptionUI

/// Gated predictions in the explorer: the widget after a `gate=true` question is folded
/// until the learner answers or skips (`s`), the choice is saved with the lesson's
/// progress, and after an answer the whole explanation is scrolled into view.
@Suite struct PredictionGateViewTests {
    let small = Size(width: 80, height: 24)

    /// A gated question on 3a's output (8 + 16 + 8 + 8 = 40 in the tiny preset), the
    /// widget it folds, and a long text after, so the lesson scrolls.
    static let lesson = """
        # Gated

        ::: question id=predict prompt="How many channels leave the tiny network's 3a?" answer=@tiny.3a.output gate=true explain="The four branch widths added: the explanation ends here."

        ::: module-widths module=3a

        \(Array(repeating: "Filler text that makes the lesson taller than the screen.", count: 40).joined(separator: "\n\n"))
        """

    private func fixture() throws -> LessonsFixture {
        try LessonsFixture(files: ["01-gated.md": Self.lesson])
    }

    private let foldedText = "Answer the question above, or press s to skip."
    private let widthsTitle = "Widths of inception_3a"

    @Test func theWidgetAfterAGatedQuestionIsFoldedUntilAnswered() throws {
        let fixture = try fixture()
        defer { fixture.remove() }
        var app = fixture.app(small)
        app.press(.enter)
        #expect(app.screen.contains(foldedText))
        #expect(!app.screen.contains(widthsTitle))
        // Enter on the folded widget does not open it.
        app.press(.character("n"), .character("n"))
        #expect(app.lessons.open?.widget == 1)
        app.press(.enter)
        #expect(app.lessons.overlay == nil)
        #expect(app.state.message?.contains("answer the question above") == true)
        app.press(.character("N"), .enter)
        app.type("41")
        app.press(.enter)
        #expect(app.screen.contains("is not right. The answer: 40"))
        #expect(!app.screen.contains(foldedText))
        #expect(app.screen.contains(widthsTitle))
        app.performEffects()
        // Remembered: a new run opens the lesson with the widget unfolded.
        var again = fixture.app(small)
        again.press(.enter)
        #expect(again.screen.contains(widthsTitle))
    }

    @Test func sSkipsThePredictionAndTheSkipIsRemembered() throws {
        let fixture = try fixture()
        defer { fixture.remove() }
        var app = fixture.app(small)
        app.press(.enter, .character("s"))
        #expect(app.screen.contains(widthsTitle))
        #expect(app.state.message?.contains("skipped") == true)
        app.performEffects()
        let saved = ProgressStore(path: fixture.progressPath).load().progress.lessons["01-gated.md"]
        #expect(saved?.skipped == ["predict"] && saved?.questions.isEmpty == true)
        var again = fixture.app(small)
        again.press(.enter)
        #expect(again.screen.contains(widthsTitle) && !again.screen.contains(foldedText))
        // Nothing left to skip.
        again.press(.character("s"))
        #expect(again.state.message?.contains("nothing to skip") == true)
    }

    /// The question sits on the last rows of the panel; after the answer it is three rows
    /// taller (verdict and a two-line explanation), and the view scrolls so its last
    /// line shows. Screen rows: 0 tabs, 1 frame, 2-21 the lesson, 22 frame, 23 keys.
    @Test func answeringScrollsTheWholeExplanationIntoView() throws {
        let filler = Array(repeating: "Filler paragraph before the question.", count: 19).joined(separator: "\n\n")
        let text = "# Low\n\n" + filler + "\n\n::: question id=q prompt=\"How many channels leave the tiny network's 3a?\" answer=@tiny.3a.output explain=\"The four branch widths added: the explanation ends here.\"\n\n" + filler + "\n"
        let fixture = try LessonsFixture(files: ["01-low.md": text])
        defer { fixture.remove() }
        var app = fixture.app(small)
        app.press(.enter, .character("n"))
        #expect(app.lessons.open?.widget == 0)
        for _ in 0..<20 where !app.lines[21].contains("┃ └") { app.press(.up) }
        #expect(app.lines[21].contains("┃ └"))
        app.press(.enter)
        app.type("40")
        app.press(.enter)
        #expect(app.screen.contains("Your answer 40 is right."))
        #expect(app.screen.contains("ends here."))
        #expect(app.lines[21].contains("┃ └"))
    }
}
