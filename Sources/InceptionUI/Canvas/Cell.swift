/// One terminal cell. The glyph is a single Unicode scalar of display width 1
/// (the canvas replaces anything else on the way in), so a cell is a few bytes
/// and comparing two frames is cheap.
public struct Cell: Hashable, Sendable {
    public var glyph: Unicode.Scalar
    public var style: Style

    public init(_ glyph: Unicode.Scalar = " ", style: Style = .plain) {
        self.glyph = glyph
        self.style = style
    }

    public static let blank = Cell()
}
