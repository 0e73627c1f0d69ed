/// A grid of styled cells that a frame is rendered into. Rendering is pure:
/// views write into a canvas, a backend shows it. Every write is clipped to the
/// canvas (and to an optional rectangle), so a view can never draw outside.
public struct Canvas: Sendable, Equatable {
    public let width: Int
    public let height: Int
    /// When set (`--ascii`), every non-ASCII glyph is replaced on the way in.
    public let asciiOnly: Bool
    /// Row-major: the cell at (x, y) is `cells[y * width + x]`.
    public private(set) var cells: [Cell]

    public init(width: Int, height: Int, asciiOnly: Bool = false) {
        self.width = max(0, width)
        self.height = max(0, height)
        self.asciiOnly = asciiOnly
        cells = Array(repeating: .blank, count: self.width * self.height)
    }

    public var bounds: Rect { Rect(x: 0, y: 0, width: width, height: height) }

    public subscript(x: Int, y: Int) -> Cell {
        get { cells[y * width + x] }
        set {
            guard x >= 0, y >= 0, x < width, y < height else { return }
            var cell = newValue
            if asciiOnly, cell.glyph.value > 0x7E {
                cell.glyph = ASCIIFallback.replacement(for: cell.glyph).unicodeScalars.first ?? "?"
            }
            cells[y * width + x] = cell
        }
    }

    /// Fills `rect` (clipped) with `cell`.
    public mutating func fill(_ rect: Rect, with cell: Cell = .blank) {
        let r = rect.intersection(bounds)
        for y in r.y..<r.maxY {
            for x in r.x..<r.maxX { self[x, y] = cell }
        }
    }

    /// Writes `text` from (x, y) in one row, clipped to `clip` and the canvas.
    /// Control and combining characters are dropped and wide characters become
    /// `?`, so one character is always one cell. Returns the column after the
    /// last character written (or that would have been written).
    @discardableResult
    public mutating func text(_ text: String, x: Int, y: Int, style: Style = .plain, clip: Rect? = nil) -> Int {
        let area = (clip ?? bounds).intersection(bounds)
        var column = x
        for scalar in text.unicodeScalars {
            if scalar.value >= 0x20, scalar.value < 0x7F {
                // Printable ASCII, by far the commonest case: no replacement needed.
                if column >= area.maxX { return column }
                if y >= area.y, y < area.maxY, column >= area.x { cells[y * width + column] = Cell(scalar, style: style) }
                column += 1
                continue
            }
            for glyph in Canvas.singleWidthGlyphs(for: scalar, asciiOnly: asciiOnly) {
                if column >= area.maxX { return column }
                if y >= area.y, y < area.maxY, column >= area.x { self[column, y] = Cell(glyph, style: style) }
                column += 1
            }
        }
        return column
    }

    /// `text` centred horizontally in `rect` on row `y`.
    public mutating func centeredText(_ text: String, in rect: Rect, y: Int, style: Style = .plain) {
        let x = rect.x + max(0, (rect.width - Canvas.displayWidth(text, asciiOnly: asciiOnly)) / 2)
        self.text(text, x: x, y: y, style: style, clip: rect)
    }

    /// A frame around `rect` with an optional title in the top edge.
    public mutating func box(_ rect: Rect, glyphs: BoxGlyphs, style: Style = .plain, title: String? = nil, titleStyle: Style? = nil) {
        guard rect.width >= 2, rect.height >= 2 else { return }
        let right = rect.maxX - 1, bottom = rect.maxY - 1
        for x in rect.x + 1..<right {
            self[x, rect.y] = Cell(glyphs.horizontal, style: style)
            self[x, bottom] = Cell(glyphs.horizontal, style: style)
        }
        for y in rect.y + 1..<bottom {
            self[rect.x, y] = Cell(glyphs.vertical, style: style)
            self[right, y] = Cell(glyphs.vertical, style: style)
        }
        self[rect.x, rect.y] = Cell(glyphs.topLeft, style: style)
        self[right, rect.y] = Cell(glyphs.topRight, style: style)
        self[rect.x, bottom] = Cell(glyphs.bottomLeft, style: style)
        self[right, bottom] = Cell(glyphs.bottomRight, style: style)
        if let title, rect.width > 4 {
            let edge = Rect(x: rect.x + 1, y: rect.y, width: rect.width - 2, height: 1)
            text(" \(title) ", x: rect.x + 1, y: rect.y, style: titleStyle ?? style, clip: edge)
        }
    }

    /// The canvas as text, one string per row, trailing blanks removed: what a
    /// person would read on the screen. Snapshots compare this.
    public func lines() -> [String] {
        (0..<height).map { y in
            var row = String.UnicodeScalarView()
            for x in 0..<width { row.append(cells[y * width + x].glyph) }
            var text = String(row)
            while text.last == " " { text.removeLast() }
            return text
        }
    }

    /// How many cells `text` takes when written with `text(_:x:y:)`.
    public static func displayWidth(_ text: String, asciiOnly: Bool = false) -> Int {
        text.unicodeScalars.reduce(0) { $0 + singleWidthGlyphs(for: $1, asciiOnly: asciiOnly).count }
    }

    /// What `scalar` is drawn as: nothing (control, combining), itself, `?`
    /// for a wide character, or its ASCII stand-in.
    private static func singleWidthGlyphs(for scalar: Unicode.Scalar, asciiOnly: Bool) -> [Unicode.Scalar] {
        if asciiOnly, scalar.value > 0x7E {
            return scalar.value < 0x20 ? [] : Array(ASCIIFallback.replacement(for: scalar).unicodeScalars)
        }
        switch GlyphWidth.of(scalar) {
        case 0: return []
        case 1: return [scalar]
        default: return ["?"]
        }
    }
}
