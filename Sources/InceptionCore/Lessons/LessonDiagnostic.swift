/// A problem found in a lesson, located at `file:line`: a malformed directive, an
/// unknown widget, a bad argument, or a widget that failed to compute. Renderers show
/// it in an error box in place of the block; it is never fatal.
public struct LessonDiagnostic: Error, Hashable, Sendable, CustomStringConvertible {
    /// The lesson's file name as the learner sees it (e.g. `01-why-inception.md`).
    public var file: String
    /// 1-based line in that file.
    public var line: Int
    /// What is wrong, in one line.
    public var message: String

    public init(file: String, line: Int, message: String) {
        self.file = file
        self.line = line
        self.message = message
    }

    /// `FILE:LINE: message`, the form compilers use so editors can jump to it.
    public var description: String { "\(file):\(line): \(message)" }
}
