import Foundation

extension WidgetDefinition {
    /// `::: question id=q1 prompt="..." answer=@tiny.3a.output explain="..."`: a check
    /// question, predict then reveal. `answer` is a number, a computed value (`@...`, see
    /// `ComputedValue`), or with `choices` the number of the right choice. With
    /// `gate=true` it is a gated prediction: the next widget waits for the answer.
    public static let question = WidgetDefinition(
        name: "question",
        summary: "A check question: the learner types a number or picks a choice; the explorer checks and explains.",
        arguments: [
            .required("id", .text, help: "a name unique within the lesson; progress is kept under it"),
            .required("prompt", .text, help: "the question"),
            .required("answer", .text, help: "a number, a computed value such as @tiny.3a.output, or the number of the right choice"),
            .optional("tolerance", .text, default: "0", help: "how far a numeric answer may be off: a number, or a percentage such as 5%"),
            .optional("choices", .text, default: "", help: "choices separated by |, e.g. \"1x1|3x3|5x5\"; empty for a numeric answer"),
            .optional("explain", .text, default: "", help: "shown after the learner answers"),
            .optional("gate", .boolean, default: "false", help: "fold the next widget until the question is answered or skipped"),
        ],
        compute: { arguments in
            let directive = arguments.directive
            let id = try arguments.string("id")
            guard !id.isEmpty, id.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" }) else {
                throw directive.diagnostic("question: id=\(id): use letters, digits, - and _ only")
            }
            let answerText = try arguments.string("answer")
            let choicesText = try arguments.string("choices")
            let answer: CheckQuestion.Answer
            if choicesText.isEmpty {
                guard let tolerance = CheckQuestion.Tolerance(try arguments.string("tolerance")) else {
                    throw directive.diagnostic("question: tolerance=\(try arguments.string("tolerance")): not a number or a percentage such as 5%")
                }
                if answerText.first == ComputedValue.marker {
                    switch Result(catching: { () throws(LessonDiagnosticMessage) in try ComputedValue.resolve(String(answerText.dropFirst())) }) {
                    case .success(let computed): answer = .number(computed.value, tolerance: tolerance, meaning: computed.meaning)
                    case .failure(let problem): throw directive.diagnostic("question: answer=\(answerText): \(problem.text)")
                    }
                } else {
                    guard let value = Double(answerText), value.isFinite else {
                        throw directive.diagnostic("question: answer=\(answerText): not a number or a computed value such as @tiny.3a.output")
                    }
                    answer = .number(value, tolerance: tolerance, meaning: nil)
                }
            } else {
                let choices = choicesText.split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces) }
                guard choices.count >= 2, !choices.contains(where: \.isEmpty) else {
                    throw directive.diagnostic("question: choices=\(choicesText): give at least two non-empty choices separated by |")
                }
                guard let index = Int(answerText), choices.indices.contains(index - 1) else {
                    throw directive.diagnostic("question: answer=\(answerText): with choices, the answer is the number of the right one (1-\(choices.count))")
                }
                answer = .choice(choices: choices, correct: index - 1)
            }
            return .question(CheckQuestion(id: id, prompt: try arguments.string("prompt"), answer: answer,
                                           explanation: try arguments.string("explain"), gates: try arguments.boolean("gate")))
        }
    )
}
