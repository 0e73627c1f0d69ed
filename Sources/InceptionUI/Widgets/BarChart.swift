import InceptionCore

/// Horizontal bars for comparing counts (naive against reduced, FC against
/// GAP): each bar is its value's share of a common scale, in whole cells, with
/// a glyph that stays readable without colour and in ASCII.
public enum BarChart {
    /// The two looks a bar can have, so two series differ without colour.
    public enum Series: Sendable {
        case first, second

        func glyph(_ theme: Theme) -> Unicode.Scalar {
            switch self {
            case .first: theme.asciiOnly ? "=" : "░"
            case .second: theme.asciiOnly ? "#" : "█"
            }
        }

        func style(_ theme: Theme) -> Style {
            guard theme.capabilities.color != .none else { return .plain }
            return self == .first ? Style(fg: .yellow) : Style(fg: .green)
        }
    }

    /// Draws `value` as a bar of `width` cells at full `scale` from (x, y),
    /// then its compact figure; a non-zero value always gets at least one cell.
    public static func bar(into canvas: inout Canvas, x: Int, y: Int, width: Int, value: Int, scale: Int,
                           series: Series, theme: Theme, clip: Rect) {
        let fraction = scale <= 0 ? 0 : Double(value) / Double(scale)
        bar(into: &canvas, x: x, y: y, width: width, fraction: fraction, label: NumberText.compact(value), series: series, theme: theme, clip: clip)
    }

    /// Draws a bar `fraction` (0...1) of `width` minus room for the label, then the label.
    public static func bar(into canvas: inout Canvas, x: Int, y: Int, width: Int, fraction: Double, label: String,
                           series: Series, theme: Theme, clip: Rect) {
        let barWidth = max(0, width - label.count - 1)
        let cells = fraction > 0 ? max(1, Int((min(1, fraction) * Double(barWidth)).rounded())) : 0
        let glyph = String(Character(series.glyph(theme)))
        let end = canvas.text(String(repeating: glyph, count: min(barWidth, cells)), x: x, y: y, style: series.style(theme), clip: clip)
        if !label.isEmpty { canvas.text(" " + label, x: end, y: y, style: theme.text, clip: clip) }
    }

    /// Rows `count` items fit in when each takes `rowsEach` rows of `capacity`,
    /// centred on `selected` where the list is longer.
    public static func window(count: Int, capacity: Int, selected: Int) -> Range<Int> {
        let capacity = max(1, capacity)
        let first = min(max(0, selected - capacity / 2), max(0, count - capacity))
        return first..<min(count, first + capacity)
    }
}
