/// A widget line as written in a lesson: `::: NAME key=value key="quoted value" ...`.
///
/// This is syntax only; `WidgetRegistry.validate` checks the name and arguments.
/// Values may be bare (no spaces or quotes) or double-quoted, with `\"` and `\\`
/// escapes inside quotes, so a question's prompt fits on the line:
/// `::: question id=q1 answer=40 prompt="How many channels leave 3a?"`.
public struct WidgetDirective: Hashable, Sendable {
    public var name: String
    /// In source order; a repeated key is kept here and rejected by validation.
    public var arguments: [Argument]
    public var file: String
    public var line: Int

    /// One `key=value` pair of the directive line, as written.
    public struct Argument: Hashable, Sendable {
        public var key: String
        public var value: String

        public init(key: String, value: String) {
            self.key = key
            self.value = value
        }
    }

    public init(name: String, arguments: [Argument], file: String, line: Int) {
        self.name = name
        self.arguments = arguments
        self.file = file
        self.line = line
    }

    /// The value of `key`, if given.
    public subscript(key: String) -> String? {
        arguments.first { $0.key == key }?.value
    }

    /// A diagnostic at this directive's line.
    public func diagnostic(_ message: String) -> LessonDiagnostic {
        LessonDiagnostic(file: file, line: line, message: message)
    }

    /// The marker that starts a directive line.
    public static let marker = ":::"
}
