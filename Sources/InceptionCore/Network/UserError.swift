/// A mistake the user can make (a bad width, file, name or flag), with a one-line
/// message that names the problem. The command line prints it and exits with
/// status 2; the explorer shows it in an error box. Never a crash.
public struct UserError: Error, Equatable, CustomStringConvertible, Sendable {
    public let message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}
