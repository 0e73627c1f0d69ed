import Foundation

/// A check question at the end of a lesson: the learner predicts, the explorer checks
/// the prediction against a computed value (or the right choice) and explains.
///
/// The check is pure so the terminal UI and tests share it; the result is kept in
/// `LessonRecord.questions` under `id`.
public struct CheckQuestion: Hashable, Sendable {
    /// Unique within the lesson; progress is keyed by it.
    public var id: String
    public var prompt: String
    public var answer: Answer
    /// Shown after the learner answers, right or wrong.
    public var explanation: String
    /// A gated prediction (`gate=true`): the widget after the question stays folded
    /// until the learner answers or skips it, so the prediction comes first.
    public var gates: Bool

    /// The expected answer and how a learner's reply is judged against it.
    public enum Answer: Hashable, Sendable {
        /// A number, right when within `tolerance`; `meaning` says where it came from
        /// when it is a computed value (`@tiny.3a.output`), nil when typed in.
        case number(Double, tolerance: Tolerance, meaning: String?)
        /// One of `choices`; `correct` is its 0-based index.
        case choice(choices: [String], correct: Int)
    }

    /// How far a numeric answer may be from the expected value.
    public enum Tolerance: Hashable, Sendable {
        case absolute(Double)
        /// A fraction of the expected value (`5%` is 0.05).
        case relative(Double)

        /// `0.5` (absolute) or `5%` (relative); nil when it is neither.
        public init?(_ text: String) {
            if text.hasSuffix("%") {
                guard let percent = Double(text.dropLast()), percent.isFinite, percent >= 0 else { return nil }
                self = .relative(percent / 100)
            } else {
                guard let value = Double(text), value.isFinite, value >= 0 else { return nil }
                self = .absolute(value)
            }
        }

        func allows(_ given: Double, expected: Double) -> Bool {
            switch self {
            case .absolute(let d): abs(given - expected) <= d
            case .relative(let f): abs(given - expected) <= f * abs(expected)
            }
        }

        /// `give or take 2` or `give or take 5%`, for the reveal line (plain ASCII, so
        /// `--ascii` shows it as written).
        public var description: String {
            switch self {
            case .absolute(let d): "give or take " + CheckQuestion.format(d)
            case .relative(let f): "give or take " + CheckQuestion.format(100 * f) + "%"
            }
        }
    }

    public init(id: String, prompt: String, answer: Answer, explanation: String, gates: Bool = false) {
        self.id = id
        self.prompt = prompt
        self.answer = answer
        self.explanation = explanation
        self.gates = gates
    }

    /// What checking one typed answer found.
    public enum Verdict: Hashable, Sendable {
        case right
        case wrong
        /// Not a number, or not one of the choices: ask again, record nothing.
        case unreadable(String)
    }

    /// Checks `text`: a number (`452,984,832`, `4.5e8` and `_` separators are fine), or a
    /// choice by number (`2`), letter (`b`) or its text (any case).
    public func check(_ text: String) -> Verdict {
        let typed = text.trimmingCharacters(in: .whitespaces)
        switch answer {
        case .number(let expected, let tolerance, _):
            let cleaned = typed.filter { $0 != "," && $0 != "_" && $0 != " " }
            guard let value = Double(cleaned), value.isFinite else { return .unreadable("'\(typed)' is not a number") }
            return tolerance.allows(value, expected: expected) ? .right : .wrong
        case .choice(let choices, let correct):
            guard let index = Self.choiceIndex(typed, choices: choices) else {
                return .unreadable("'\(typed)' is not one of the choices 1-\(choices.count)")
            }
            return index == correct ? .right : .wrong
        }
    }

    /// The right answer as the learner is told it.
    public var revealedAnswer: String {
        switch answer {
        case .number(let value, let tolerance, let meaning):
            let within = tolerance == .absolute(0) ? "" : " (\(tolerance.description))"
            return Self.format(value) + within + (meaning.map { ", \($0)" } ?? "")
        case .choice(let choices, let correct):
            return "\(correct + 1). \(choices[correct])"
        }
    }

    /// The choices, empty for a numeric question.
    public var choices: [String] {
        if case .choice(let choices, _) = answer { return choices }
        return []
    }

    static func choiceIndex(_ typed: String, choices: [String]) -> Int? {
        if let n = Int(typed), choices.indices.contains(n - 1) { return n - 1 }
        let lower = typed.lowercased()
        if lower.count == 1, let scalar = lower.unicodeScalars.first, scalar.value >= 97 {
            let index = Int(scalar.value) - 97
            if choices.indices.contains(index) { return index }
        }
        return choices.firstIndex { $0.lowercased() == lower }
    }

    /// Whole numbers grouped by thousands, others with up to four decimals.
    static func format(_ value: Double) -> String {
        if value == value.rounded(), abs(value) < 1e15 { return NumberText.integer(Int(value), grouped: true) }
        var text = String(format: "%.4f", value)
        while text.hasSuffix("0") { text.removeLast() }
        return text
    }
}
