import InceptionCore

/// Draws an h x w map of floats (a feature map, a kernel, an input image) into a
/// rectangle, on a fixed `low...high` scale chosen by the caller (so several
/// maps can share one scale).
///
/// With colour and Unicode, each cell shows two pixels stacked: the upper-half
/// block `▀` with the top pixel as foreground and the bottom one as background
/// (256-colour grays 232-255 or a heat gradient; a six-colour ramp on
/// 8-colour terminals). Otherwise one pixel per cell from the ASCII ramp
/// ` .:-=+*#%@` (coloured when colour is on). A map too big for the rectangle
/// is shrunk by the smallest whole factor that fits, each drawn pixel being the
/// mean of the block it covers (area averaging, not sampling), and the factor
/// is reported for the panel title (`1:2`). NaNs never trap: they are left out
/// of averages and drawn as the lowest level.
public struct Heatmap: Sendable, Equatable {
    public let rows: Int
    public let columns: Int
    /// values is (rows, columns), row-major.
    public let values: [Float]
    public var low: Float
    public var high: Float
    public var palette: HeatmapPalette

    public init(rows: Int, columns: Int, values: [Float], low: Float, high: Float, palette: HeatmapPalette = .gray) {
        precondition(values.count == rows * columns, "values must be rows x columns")
        self.rows = rows
        self.columns = columns
        self.values = values
        self.low = low
        self.high = high
        self.palette = palette
    }

    /// The ASCII ramp, darkest (lowest) first.
    public static let asciiRamp: [Unicode.Scalar] = ASCIIHeatmap.ramp.compactMap { $0.unicodeScalars.first }

    /// How the map fits `area`: the shrink factor and the cells it covers.
    public func fit(in area: Size, theme: Theme) -> (scale: HeatmapScale, cells: Size) {
        let halfBlocks = Heatmap.usesHalfBlocks(theme)
        guard area.width > 0, area.height > 0, rows > 0, columns > 0 else {
            return (HeatmapScale(factor: 1), Size(width: 0, height: 0))
        }
        var factor = 1
        while true {
            let cells = Heatmap.cells(rows: rows, columns: columns, factor: factor, halfBlocks: halfBlocks)
            if cells.width <= area.width && cells.height <= area.height {
                return (HeatmapScale(factor: factor), cells)
            }
            factor += 1
        }
    }

    /// The cells a map of `rows` x `columns` pixels covers once shrunk by `factor`
    /// (a half-block cell holds two pixel rows).
    static func cells(rows: Int, columns: Int, factor: Int, halfBlocks: Bool) -> Size {
        let h = ceilDiv(rows, factor)
        return Size(width: ceilDiv(columns, factor), height: halfBlocks ? ceilDiv(h, 2) : h)
    }

    /// Draws the map at the top-left of `area` and returns the scale used.
    @discardableResult
    public func render(into canvas: inout Canvas, area: Rect, theme: Theme) -> HeatmapScale {
        let (scale, cells) = fit(in: Size(width: area.width, height: area.height), theme: theme)
        guard cells.width > 0 else { return scale }
        let (pixels, h, w) = AreaAverage.shrink(values, rows: rows, columns: columns, factor: scale.factor)
        if Heatmap.usesHalfBlocks(theme) {
            let colors = palette.colors(for: theme.capabilities.color)
            for cy in 0..<cells.height {
                for x in 0..<w {
                    let top = colors[level(pixels[(2 * cy) * w + x], levels: colors.count)]
                    let bottomRow = 2 * cy + 1
                    let bottom = bottomRow < h ? colors[level(pixels[bottomRow * w + x], levels: colors.count)] : Color.default
                    canvas[area.x + x, area.y + cy] = Cell("▀", style: Style(fg: top, bg: bottom))
                }
            }
        } else {
            let ramp = Heatmap.asciiRamp
            let colors = theme.capabilities.color == .none ? nil : palette.colors(for: theme.capabilities.color)
            for y in 0..<h {
                for x in 0..<w {
                    let value = pixels[y * w + x]
                    let style = colors.map { Style(fg: $0[level(value, levels: $0.count)]) } ?? .plain
                    canvas[area.x + x, area.y + y] = Cell(ramp[level(value, levels: ramp.count)], style: style)
                }
            }
        }
        return scale
    }

    /// The level (0..<levels) of `value` on this map's scale: values at or
    /// below `low` (and NaN) are 0, at or above `high` are `levels - 1`, the
    /// range between is cut into `levels` equal bins.
    func level(_ value: Float, levels: Int) -> Int {
        guard high > low else { return 0 }
        let t = (value - low) / (high - low)
        if !(t > 0) { return 0 }
        if t >= 1 { return levels - 1 }
        return min(levels - 1, Int(t * Float(levels)))
    }

    static func usesHalfBlocks(_ theme: Theme) -> Bool {
        theme.capabilities.unicode && theme.capabilities.color != .none
    }
}

/// How much a heatmap was shrunk: one drawn pixel per `factor` x `factor` map
/// pixels.
public struct HeatmapScale: Sendable, Equatable, CustomStringConvertible {
    public let factor: Int
    /// For panel titles, e.g. `1:2`.
    public var description: String { "1:\(factor)" }
}

/// The colours a heatmap's levels are drawn in, darkest first.
public enum HeatmapPalette: Sendable, Equatable {
    case gray
    case heat

    public func colors(for depth: ColorDepth) -> [Color] {
        switch (self, depth) {
        case (.gray, .palette256): return (0..<24).map(Color.gray)
        case (.heat, .palette256):
            // black -> dark red -> red -> orange -> yellow -> white
            return [16, 52, 88, 124, 160, 196, 202, 208, 214, 220, 226, 227, 228, 229, 230, 231].map { Color(index: $0) }
        case (_, .eight): return [.black, .blue, .magenta, .red, .yellow, .white]
        case (_, .none): return [.default]
        }
    }
}

/// `a / b` rounded up, for positive operands.
func ceilDiv(_ a: Int, _ b: Int) -> Int { (a + b - 1) / b }
