/// How many colours the explorer may use.
public enum ColorDepth: Int, Sendable, Comparable {
    case none = 0, eight = 8, palette256 = 256

    public static func < (a: ColorDepth, b: ColorDepth) -> Bool { a.rawValue < b.rawValue }
}

/// What the terminal can show, after the user's flags and environment have had
/// their say: `--no-color` and a non-empty `NO_COLOR` turn colour off,
/// `--ascii` (or a non-UTF-8 locale) restricts drawing to ASCII.
public struct Capabilities: Sendable, Equatable {
    public var color: ColorDepth
    public var unicode: Bool

    public init(color: ColorDepth, unicode: Bool) {
        self.color = color
        self.unicode = unicode
    }

    /// Decides from the terminal's colour count (curses `COLORS`), whether the
    /// locale is UTF-8, the flags and the environment.
    public static func resolve(
        terminalColors: Int, utf8Locale: Bool, noColorFlag: Bool, asciiFlag: Bool,
        environment: [String: String]
    ) -> Capabilities {
        // no-color.org: NO_COLOR counts when present and not empty.
        let noColor = noColorFlag || !(environment["NO_COLOR"] ?? "").isEmpty
        let depth: ColorDepth = noColor ? .none : terminalColors >= 256 ? .palette256 : terminalColors >= 8 ? .eight : .none
        return Capabilities(color: depth, unicode: utf8Locale && !asciiFlag)
    }

    /// The richest setting: what tests use unless they test a fallback.
    public static let full = Capabilities(color: .palette256, unicode: true)
}
