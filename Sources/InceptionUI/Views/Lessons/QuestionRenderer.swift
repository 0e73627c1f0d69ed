import InceptionCore

/// A check question in a frame: the prompt and choices; once answered, the learner's
/// answer, whether it is right, the computed answer and the explanation (predict, then
/// reveal).
struct QuestionRenderer: WidgetRenderer {
    var question: CheckQuestion
    var context: WidgetContext

    /// A gated prediction says so, since the widget under it waits for the answer.
    var title: String { question.gates ? "Prediction" : "Check question" }

    func height(width: Int) -> Int { lines(width: width - 4).count + 2 }

    func render(into canvas: inout Canvas, area: Rect, theme: Theme) {
        guard area.width >= 6, area.height >= 2 else { return }
        let frameStyle = context.selected ? theme.title : theme.border
        canvas.box(area, glyphs: theme.box, style: frameStyle, title: title, titleStyle: theme.title)
        let inner = Rect(x: area.x + 2, y: area.y + 1, width: area.width - 4, height: area.height - 2)
        for (row, line) in lines(width: inner.width).prefix(inner.height).enumerated() {
            let style: Style = switch line.role {
            case .prompt: theme.emphasis
            case .plain: theme.text
            case .hint: theme.dim
            case .right: theme.capabilities.color == .none ? theme.emphasis : Style(fg: .green, attributes: .bold)
            case .wrong: theme.error
            }
            canvas.text(line.text, x: inner.x, y: inner.y + row, style: style, clip: inner)
        }
    }

    private enum Role { case prompt, plain, hint, right, wrong }

    private func lines(width: Int) -> [(text: String, role: Role)] {
        let wrap = { (text: String, role: Role) in TextWrap.wrap(text, width: max(width, 1)).map { ($0, role) } }
        var lines = wrap(question.prompt, .prompt)
        for (index, choice) in question.choices.enumerated() {
            lines += TextWrap.wrap(choice, width: max(width - 5, 1)).enumerated().map {
                (($0.offset == 0 ? "  \(index + 1). " : "     ") + $0.element, .plain)
            }
        }
        lines.append(("", .plain))
        guard let result = context.result else {
            return lines + wrap(context.selected ? "Enter: type your answer" : "n selects this question, then Enter answers it", .hint)
        }
        if result.correct {
            lines += wrap("Your answer \(result.answer) is right.", .right)
        } else {
            lines += wrap("Your answer \(result.answer) is not right. The answer: \(question.revealedAnswer).", .wrong)
        }
        if !question.explanation.isEmpty { lines += wrap(question.explanation, .plain) }
        return lines
    }
}
