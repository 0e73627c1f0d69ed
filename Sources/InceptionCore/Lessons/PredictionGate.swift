/// Gated predictions: a question written with `gate=true` folds the widget right after
/// it (the next widget of the lesson, in source order) until the learner answers the
/// question or skips it, so the learner commits to a prediction before the widget
/// shows the answer. Kept here, not in the explorer, so the rule is testable without
/// a terminal.
public enum PredictionGate {
    /// The widgets a gated question folds, by position among the lesson's widgets,
    /// each with the id of the question that holds it. `questions` has one entry per
    /// widget: its question, or nil for any other widget (or an error box).
    public static func gates(_ questions: [CheckQuestion?]) -> [Int: String] {
        var gates: [Int: String] = [:]
        for (index, question) in questions.enumerated().dropLast() {
            if let question, question.gates { gates[index + 1] = question.id }
        }
        return gates
    }

    /// The widgets still folded for a lesson whose progress is `record`.
    public static func folded(_ questions: [CheckQuestion?], record: LessonRecord?) -> [Int: String] {
        gates(questions).filter { record?.isSettled($0.value) != true }
    }
}
