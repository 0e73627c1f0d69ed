/// The three spellings of a module's name, one mapping for all of them.
///
/// `3a` is the short name (`--set 3a.n5x5=4`, lesson widgets, the UI);
/// `inception_3a` names table rows; `inception3a` prefixes tensor names as a
/// PyTorch `state_dict` of the same network would.
public struct ModuleName: Hashable, Codable, Sendable, CustomStringConvertible {
    /// The short name, e.g. `3a`.
    public let short: String

    public init(_ short: String) { self.short = short }

    /// `inception_3a`: the row name in tables.
    public var row: String { "inception_" + short }
    /// `inception3a`: the prefix of tensor names.
    public var tensor: String { "inception" + short }

    public var description: String { short }

    /// Accepts any of the three spellings.
    public init?(parsing text: String) {
        for prefix in ["inception_", "inception"] where text.hasPrefix(prefix) {
            self.init(String(text.dropFirst(prefix.count)))
            return
        }
        guard !text.isEmpty else { return nil }
        self.init(text)
    }
}
