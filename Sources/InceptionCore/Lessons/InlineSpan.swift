/// The styles a run of lesson text can carry; they combine (`***x***` is both).
public struct InlineStyle: OptionSet, Hashable, Sendable {
    public let rawValue: UInt8
    public init(rawValue: UInt8) { self.rawValue = rawValue }

    /// `*x*` or `_x_`.
    public static let emphasis = InlineStyle(rawValue: 1 << 0)
    /// `**x**` or `__x__`.
    public static let strong = InlineStyle(rawValue: 1 << 1)
    /// `` `x` ``: shown verbatim, never wrapped inside.
    public static let code = InlineStyle(rawValue: 1 << 2)
    /// `[text](url)`: the text is shown, the URL is kept in `InlineSpan.url`.
    public static let link = InlineStyle(rawValue: 1 << 3)
}

/// A run of text with one style. Spans are flat (no nesting) so a renderer can
/// map each one straight to a cell style; adjacent spans never share a style and URL.
public struct InlineSpan: Hashable, Sendable {
    public var text: String
    public var style: InlineStyle
    /// The target of a link, nil outside links.
    public var url: String?

    public init(_ text: String, style: InlineStyle = [], url: String? = nil) {
        self.text = text
        self.style = style
        self.url = url
    }
}

extension Array where Element == InlineSpan {
    /// The text without markup, as a screen reader or a title line needs it.
    public var plainText: String { map(\.text).joined() }
}
