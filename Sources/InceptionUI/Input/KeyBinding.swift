/// A key (or group of keys) and what it does, as shown in the status line and
/// the help overlay. Views list theirs so both stay true to the code.
public struct KeyBinding: Hashable, Sendable {
    public let keys: String
    public let action: String

    public init(_ keys: String, _ action: String) {
        self.keys = keys
        self.action = action
    }
}
