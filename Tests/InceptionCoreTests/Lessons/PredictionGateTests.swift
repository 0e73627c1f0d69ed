import Foundation
import Testing
@testable import InceptionCore

/// `gate=true` questions: which widget each one folds, when it opens (answered or
/// skipped), how the skip is saved, and how `lessons show` prints a gated question.
@Suite struct PredictionGateTests {
    private func question(_ id: String, gates: Bool) -> CheckQuestion {
        CheckQuestion(id: id, prompt: "p", answer: .number(1, tolerance: .absolute(0), meaning: nil), explanation: "", gates: gates)
    }

    @Test func aGateFoldsOnlyTheNextWidget() {
        let slots: [CheckQuestion?] = [nil, question("g", gates: true), nil, nil, question("q", gates: false), nil, question("last", gates: true)]
        #expect(PredictionGate.gates(slots) == [2: "g"])
        #expect(PredictionGate.folded(slots, record: nil) == [2: "g"])
    }

    @Test func answeredOrSkippedOpensTheGate() {
        let slots: [CheckQuestion?] = [question("g", gates: true), nil, question("h", gates: true), nil]
        var progress = LessonProgress()
        progress.record(QuestionResult(answer: "3", correct: false), question: "g", lesson: "01.md")
        #expect(PredictionGate.folded(slots, record: progress.lessons["01.md"]) == [3: "h"])
        progress.skip(question: "h", lesson: "01.md")
        #expect(PredictionGate.folded(slots, record: progress.lessons["01.md"]).isEmpty)
        #expect(progress.lessons["01.md"]?.skipped == ["h"])
    }

    @Test func skipsSurviveSavingAndOldFilesStillLoad() throws {
        var progress = LessonProgress()
        progress.skip(question: "g", lesson: "01.md")
        let data = try JSONEncoder().encode(progress)
        #expect(try JSONDecoder().decode(LessonProgress.self, from: data) == progress)
        let old = #"{"version":1,"lessons":{"01.md":{"seen":true,"questions":{}}}}"#
        let loaded = try JSONDecoder().decode(LessonProgress.self, from: Data(old.utf8))
        #expect(loaded.lessons["01.md"]?.skipped == [] && loaded.lessons["01.md"]?.seen == true)
    }

    @Test func theWidgetReadsGateAndShowPrintsTheQuestionFirst() throws {
        let text = """
            # L

            ::: question id=g prompt="How many channels leave 3a?" answer=@tiny.3a.output gate=true

            ::: module-widths module=3a

            ::: question id=q prompt="Plain?" answer=1 gate=false
            """
        let document = LessonParser.parse(text, file: "l.md")
        let contents = document.directives.map { WidgetRegistry.standard.evaluate($0) }
        guard case .success(.question(let gated)) = contents[0], case .success(.question(let plain)) = contents[2] else {
            Issue.record("questions did not compute"); return
        }
        #expect(gated.gates && !plain.gates)
        let lines = LessonTextRenderer(width: 80).render(document)
        let prompt = try #require(lines.firstIndex { $0.hasPrefix("Predict: How many channels leave 3a?") })
        let widget = try #require(lines.firstIndex { $0.hasPrefix("Widths of inception_3a") })
        #expect(prompt < widget)
        #expect(lines.contains { $0.hasPrefix("Question: Plain?") })
        let bad = LessonParser.parse("::: question id=x prompt=p answer=1 gate=maybe\n", file: "b.md")
        #expect(throws: LessonDiagnostic.self) { try WidgetRegistry.standard.evaluate(bad.directives[0]).get() }
    }
}
