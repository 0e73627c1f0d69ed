/// A terminal colour: the terminal's default, or an index into the 8- or
/// 256-colour palette. Kept as a small integer so a cell stays a few bytes.
public struct Color: Hashable, Sendable {
    /// -1 is the terminal's own default colour (curses `use_default_colors`).
    public let index: Int16

    public init(index: Int16) { self.index = index }

    public static let `default` = Color(index: -1)
    public static let black = Color(index: 0)
    public static let red = Color(index: 1)
    public static let green = Color(index: 2)
    public static let yellow = Color(index: 3)
    public static let blue = Color(index: 4)
    public static let magenta = Color(index: 5)
    public static let cyan = Color(index: 6)
    public static let white = Color(index: 7)

    /// One of the 24 grays of the 256-colour palette (232 darkest … 255 lightest).
    public static func gray(_ level: Int) -> Color {
        Color(index: Int16(232 + min(23, max(0, level))))
    }
}
