import Testing
@testable import InceptionCore

@Suite struct CheckQuestionTests {
    private func evaluate(_ line: String) throws -> Result<WidgetContent, LessonDiagnostic> {
        WidgetRegistry.standard.evaluate(try WidgetDirective.parse(line[...], file: "q.md", line: 7))
    }

    private func question(_ line: String) throws -> CheckQuestion {
        guard case .success(.question(let question)) = try evaluate(line) else {
            Issue.record("\(line) did not compute a question: \(try evaluate(line))")
            throw LessonDiagnosticMessage("not a question")
        }
        return question
    }

    /// Values the paper and the article print: GoogLeNet's 3a writes 64 + 128 + 32 + 32 = 256
    /// channels with a 5x5 reduce of 16 (Table 1); the worked example needs
    /// 452,984,832 multiplies directly and 245,366,784 with the reduction.
    @Test func computedValuesMatchThePaperAndTheArticle() throws {
        #expect(try ComputedValue.resolve("googlenet.3a.output").value == 256)
        #expect(try ComputedValue.resolve("googlenet.inception_3a.n5x5red").value == 16)
        #expect(try ComputedValue.resolve("googlenet.4e.poolproj").value == 128)
        // The tiny preset's 3a: n1x1 8, n3x3 16, n5x5 8, poolproj 8, as its widths are written.
        #expect(try ComputedValue.resolve("tiny.3a.output").value == 8 + 16 + 8 + 8)
        #expect(try ComputedValue.resolve("worked-example.direct").value == 452_984_832)
        #expect(try ComputedValue.resolve("worked-example.reduced").value == 245_366_784)
        let percent = try ComputedValue.resolve("worked-example.percent").value
        #expect(abs(percent - 100.0 * 245_366_784 / 452_984_832) < 1e-9)
    }

    @Test(arguments: [
        ("tiny.9z.output", "no module '9z' in preset tiny"),
        ("tiny.3a.width", "no field 'width'"),
        ("huge.3a.output", "unknown preset 'huge'"),
        ("tiny.3a", "use @PRESET.MODULE.FIELD"),
        ("worked-example.total", "worked-example has direct, reduced, percent"),
    ])
    func badReferencesSayWhy(reference: String, expected: String) {
        #expect(throws: LessonDiagnosticMessage.self) { try ComputedValue.resolve(reference) }
        do {
            _ = try ComputedValue.resolve(reference)
        } catch {
            #expect(error.text.contains(expected), "\(error.text)")
        }
    }

    @Test func numericAnswersWithinTheTolerance() throws {
        let exact = try question(#"::: question id=q prompt="Channels out of 3a?" answer=@tiny.3a.output"#)
        #expect(exact.check("40") == .right)
        #expect(exact.check(" 40.0 ") == .right)
        #expect(exact.check("41") == .wrong)
        #expect(exact.check("forty") == .unreadable("'forty' is not a number"))
        #expect(exact.revealedAnswer == "40, the output channels of 3a in the tiny network")

        let absolute = try question(#"::: question id=q prompt="p" answer=100 tolerance=2"#)
        #expect(absolute.check("98") == .right && absolute.check("102") == .right)
        #expect(absolute.check("97.5") == .wrong)
        #expect(absolute.revealedAnswer == "100 (give or take 2)")

        let relative = try question(#"::: question id=q prompt="p" answer=@worked-example.direct tolerance=5%"#)
        #expect(relative.check("452,984,832") == .right)
        #expect(relative.check("4.5e8") == .right)        // 0.7% off
        // 452,984,832 - 440,000,000 is 2.9% of the answer; 430,000,000 is 5.07% off.
        #expect(relative.check("440_000_000") == .right)
        #expect(relative.check("430000000") == .wrong)
        #expect(relative.revealedAnswer.hasPrefix("452,984,832 (give or take 5%)"))
    }

    @Test func choicesByNumberLetterOrText() throws {
        let pick = try question(#"::: question id=q prompt="No reduce?" choices="1x1 | 3x3|5x5" answer=1 explain="Already cheap.""#)
        #expect(pick.choices == ["1x1", "3x3", "5x5"])
        #expect(pick.check("1") == .right && pick.check("a") == .right && pick.check("A") == .right && pick.check("1X1") == .right)
        #expect(pick.check("2") == .wrong && pick.check("c") == .wrong && pick.check("5x5") == .wrong)
        #expect(pick.check("4") == .unreadable("'4' is not one of the choices 1-3"))
        #expect(pick.revealedAnswer == "1. 1x1")
        #expect(pick.explanation == "Already cheap.")
    }

    @Test(arguments: [
        (#"::: question prompt="p" answer=1"#, "missing argument 'id'"),
        (#"::: question id=q answer=1"#, "missing argument 'prompt'"),
        (#"::: question id="two words" prompt=p answer=1"#, "id=two words: use letters, digits, - and _ only"),
        (#"::: question id=q prompt=p answer=lots"#, "answer=lots: not a number or a computed value"),
        (#"::: question id=q prompt=p answer=@tiny.3a.size"#, "answer=@tiny.3a.size: @tiny.3a.size: no field 'size'"),
        (#"::: question id=q prompt=p answer=3 tolerance=some"#, "tolerance=some: not a number or a percentage"),
        (#"::: question id=q prompt=p answer=4 choices="a|b|c""#, "the answer is the number of the right one (1-3)"),
        (#"::: question id=q prompt=p answer=1 choices="only""#, "give at least two non-empty choices"),
    ])
    func badQuestionsShowWhereAndWhy(line: String, expected: String) throws {
        guard case .failure(let problem) = try evaluate(line) else {
            Issue.record("\(line) should not compute")
            return
        }
        #expect(problem.file == "q.md" && problem.line == 7)
        #expect(problem.message.contains(expected), "\(problem.message)")
    }

    @Test func plainTextShowsThePromptButNotTheAnswer() throws {
        let content = try evaluate(#"::: question id=q prompt="Channels out of 3a?" choices="40|64" answer=1"#).get()
        let lines = content.textLines(width: 80)
        #expect(lines.first == "Question: Channels out of 3a?")
        #expect(lines.contains("  1. 40") && lines.contains("  2. 64"))
        #expect(!lines.contains { $0.contains("1. 40 ") || $0.contains("right") })
    }

    @Test func answersAreRecordedPerLessonAndQuestion() {
        var progress = LessonProgress()
        progress.record(QuestionResult(answer: "41", correct: false), question: "q", lesson: "01-a.md")
        progress.record(QuestionResult(answer: "40", correct: true), question: "q", lesson: "01-a.md")
        #expect(progress.lessons["01-a.md"]?.questions == ["q": QuestionResult(answer: "40", correct: true)])
        #expect(!progress.isSeen("01-a.md"))
    }
}
