/// What the learner has done, per lesson file name; saved between runs by `ProgressStore`.
public struct LessonProgress: Hashable, Codable, Sendable {
    /// Bumped when the format changes incompatibly.
    public var version: Int
    /// Keyed by lesson file name (`01-why-inception.md`), so renumbering keeps progress.
    public var lessons: [String: LessonRecord]

    public static let currentVersion = 1

    public init(lessons: [String: LessonRecord] = [:]) {
        self.version = Self.currentVersion
        self.lessons = lessons
    }

    public func isSeen(_ fileName: String) -> Bool {
        lessons[fileName]?.seen ?? false
    }

    public mutating func markSeen(_ fileName: String) {
        lessons[fileName, default: LessonRecord()].seen = true
    }

    /// Keeps the learner's latest answer to question `id` of the lesson.
    public mutating func record(_ result: QuestionResult, question id: String, lesson fileName: String) {
        lessons[fileName, default: LessonRecord()].questions[id] = result
    }

    /// Forgets a lesson's answers and skipped predictions, so its questions can be
    /// answered again and its predictions fold their widgets again; the lesson stays seen.
    public mutating func clearAnswers(lesson fileName: String) {
        lessons[fileName]?.questions = [:]
        lessons[fileName]?.skipped = []
    }

    /// Remembers that the learner skipped the gated prediction `id`, so the widget it
    /// folds stays open in later runs.
    public mutating func skip(question id: String, lesson fileName: String) {
        lessons[fileName, default: LessonRecord()].skipped.insert(id)
    }
}

/// One lesson's progress: whether it was opened, the check questions answered and the
/// gated predictions skipped.
public struct LessonRecord: Hashable, Codable, Sendable {
    public var seen: Bool
    /// Keyed by the question's id within the lesson.
    public var questions: [String: QuestionResult]
    /// Ids of gated predictions the learner skipped (`s`) instead of answering.
    public var skipped: Set<String>

    public init(seen: Bool = false, questions: [String: QuestionResult] = [:], skipped: Set<String> = []) {
        self.seen = seen
        self.questions = questions
        self.skipped = skipped
    }

    /// Whether question `id` was answered or skipped: a gate it holds is open.
    public func isSettled(_ id: String) -> Bool {
        questions[id] != nil || skipped.contains(id)
    }

    // Files written before questions (or gates) existed have no `questions` (`skipped`) key.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        seen = try container.decodeIfPresent(Bool.self, forKey: .seen) ?? false
        questions = try container.decodeIfPresent([String: QuestionResult].self, forKey: .questions) ?? [:]
        skipped = try container.decodeIfPresent(Set<String>.self, forKey: .skipped) ?? []
    }
}

/// The learner's last answer to a check question and whether it was right.
public struct QuestionResult: Hashable, Codable, Sendable {
    public var answer: String
    public var correct: Bool

    public init(answer: String, correct: Bool) {
        self.answer = answer
        self.correct = correct
    }
}
