import Foundation
import InceptionCore

/// Series of points on two axes, drawn in a terminal rectangle, axis ranges
/// labelled at their ends and a legend on the last line. A scatter marks each
/// point with its series' glyph (readable without colour and in ASCII); a line
/// chart joins the points in x order with braille dots, 2 x 4 per cell (with
/// `--ascii`, dots per cell and the glyphs). An axis whose positive values span
/// more than 100x is drawn on a log scale. All series share the axes: quantities
/// of different scales go in charts of their own.
public struct PlotChart: Sendable, Equatable {
    public var xLabel: String
    public var yLabel: String
    public var series: [ChartSeries]
    /// Points of a series joined in x order (a line chart) or left alone (a scatter).
    public var joined: Bool
    /// A fixed y range (0...1 for an accuracy) instead of the data's.
    public var yRange: ClosedRange<Double>?

    public init(xLabel: String, yLabel: String, series: [ChartSeries], joined: Bool, yRange: ClosedRange<Double>? = nil) {
        self.xLabel = xLabel
        self.yLabel = yLabel
        self.series = series
        self.joined = joined
        self.yRange = yRange
    }

    static let glyphs: [Character] = ["●", "▲", "■", "◆", "○", "△", "□", "◇"]
    static let asciiGlyphs: [Character] = ["o", "+", "x", "*", "#", "@", "%", "&"]

    /// The glyph of series `index`.
    public static func glyph(_ index: Int, theme: Theme) -> Character {
        let set = theme.asciiOnly ? asciiGlyphs : glyphs
        return set[index % set.count]
    }

    /// One axis: its range, and whether it is logarithmic.
    struct Axis {
        let low: Double, high: Double, log: Bool

        init(_ values: [Double]) {
            let finite = values.filter(\.isFinite)
            let (lo, hi) = (finite.min() ?? 0, finite.max() ?? 1)
            log = lo > 0 && hi / lo > 100
            let (a, b) = log ? (Foundation.log10(lo), Foundation.log10(hi)) : (lo, hi)
            // A flat range gets room of a tenth of its value each side, so its points
            // sit in the middle and the labels still say where (3.2M to 4.0M, not 3.6M to 3.6M).
            let room = a == 0 ? 1 : abs(a) / 10
            (low, high) = a == b ? (a - room, b + room) : (a, b)
        }

        /// A fixed linear range.
        init(fixed range: ClosedRange<Double>) {
            (low, high, log) = (range.lowerBound, range.upperBound, false)
        }

        /// Where v falls in 0...1.
        func fraction(_ v: Double) -> Double { ((log ? Foundation.log10(v) : v) - low) / (high - low) }

        /// The value at an end, for the labels.
        func value(atEnd high: Bool) -> Double {
            let v = high ? self.high : low
            return log ? pow(10, v) : v
        }
    }

    /// A short label: 1.2M, 0.931, 37.8K.
    static func label(_ v: Double) -> String {
        if abs(v) >= 1000 { return NumberText.compact(Int(v.rounded())) }
        if abs(v) >= 10 { return NumberText.decimal(v, places: 1, grouped: false) }
        return NumberText.decimal(v, places: 3, grouped: false)
    }

    public func render(into canvas: inout Canvas, area: Rect, theme: Theme) {
        guard area.width >= 20, area.height >= 5 else { return }
        let points = series.flatMap(\.points)
        guard !points.isEmpty else {
            canvas.text("no data", x: area.x, y: area.y, style: theme.dim, clip: area)
            return
        }
        let xAxis = Axis(points.map(\.x)), yAxis = yRange.map { Axis(fixed: $0) } ?? Axis(points.map(\.y))
        let labelWidth = 8
        let plot = Rect(x: area.x + labelWidth + 1, y: area.y + 1, width: area.width - labelWidth - 1, height: area.height - 3)
        canvas.text(yLabel + (yAxis.log ? " (log)" : ""), x: area.x, y: area.y, style: theme.dim, clip: area)
        let vertical: Character = theme.asciiOnly ? "|" : "│"
        for row in 0..<plot.height {
            canvas.text(String(vertical), x: plot.x - 1, y: plot.y + row, style: theme.dim, clip: area)
        }
        for (row, high) in [(0, true), (plot.height - 1, false)] {
            let text = Self.label(yAxis.value(atEnd: high))
            canvas.text(String(text.suffix(labelWidth)), x: plot.x - 1 - min(labelWidth, text.count), y: plot.y + row, style: theme.dim, clip: area)
        }
        let axisY = plot.y + plot.height
        canvas.text((theme.asciiOnly ? "+" : "└") + String(repeating: theme.asciiOnly ? "-" : "─", count: plot.width),
                    x: plot.x - 1, y: axisY, style: theme.dim, clip: area)
        let xLow = Self.label(xAxis.value(atEnd: false)), xHigh = Self.label(xAxis.value(atEnd: true))
        let title = xLabel + (xAxis.log ? " (log)" : "")
        canvas.text(xLow, x: plot.x, y: axisY, style: theme.dim, clip: area)
        canvas.text(title, x: plot.x + max(xLow.count + 1, (plot.width - title.count) / 2), y: axisY, style: theme.dim, clip: area)
        canvas.text(xHigh, x: plot.x + plot.width - xHigh.count, y: axisY, style: theme.dim, clip: area)

        // Position on a grid of `columns` x `rows` (cells, or braille dots), clamped
        // to it, so a point outside a fixed range sits on its edge.
        func position(_ p: ChartPoint, columns: Int, rows: Int) -> (x: Int, y: Int) {
            let fx = min(1, max(0, xAxis.fraction(p.x))), fy = min(1, max(0, yAxis.fraction(p.y)))
            return (Int((fx * Double(columns - 1)).rounded()), Int(((1 - fy) * Double(rows - 1)).rounded()))
        }
        func cell(_ p: ChartPoint) -> (x: Int, y: Int) {
            let at = position(p, columns: plot.width, rows: plot.height)
            return (plot.x + at.x, plot.y + at.y)
        }
        var legend = area.x
        for (index, s) in series.enumerated() {
            let glyph = String(Self.glyph(index, theme: theme))
            let style = Self.style(index, theme: theme)
            if joined && !theme.asciiOnly {
                var dots = BrailleDots(width: plot.width, height: plot.height)
                let sorted = s.points.filter { $0.x.isFinite && $0.y.isFinite }.sorted { $0.x < $1.x }
                    .map { position($0, columns: dots.dotWidth, rows: dots.dotHeight) }
                sorted.first.map { dots.set($0.x, $0.y) }
                for (a, b) in zip(sorted, sorted.dropFirst()) { dots.line(from: a, to: b) }
                for row in 0..<plot.height {
                    for column in 0..<plot.width {
                        if let g = dots.glyph(column: column, row: row) {
                            canvas.text(String(Character(g)), x: plot.x + column, y: plot.y + row, style: style, clip: plot)
                        }
                    }
                }
                // The series' glyph at its last point ties the line to the legend without colour.
                if let last = s.points.filter({ $0.x.isFinite && $0.y.isFinite }).max(by: { $0.x < $1.x }) {
                    let c = cell(last)
                    canvas.text(glyph, x: c.x, y: c.y, style: style, clip: plot)
                }
                legend = canvas.text("\(glyph) \(s.name)  ", x: legend, y: area.y + area.height - 1, style: style, clip: area)
                continue
            }
            if joined {
                let sorted = s.points.filter { $0.x.isFinite && $0.y.isFinite }.sorted { $0.x < $1.x }.map(cell)
                for (a, b) in zip(sorted, sorted.dropFirst()) where b.x - a.x > 1 {
                    for x in (a.x + 1)..<b.x {
                        let y = a.y + Int((Double(b.y - a.y) * Double(x - a.x) / Double(b.x - a.x)).rounded())
                        canvas.text(theme.asciiOnly ? "." : "·", x: x, y: y, style: style, clip: plot)
                    }
                }
            }
            for p in s.points where p.x.isFinite && p.y.isFinite {
                let c = cell(p)
                canvas.text(glyph, x: c.x, y: c.y, style: style, clip: plot)
            }
            legend = canvas.text("\(glyph) \(s.name)  ", x: legend, y: area.y + area.height - 1, style: style, clip: area)
        }
    }

    /// Colours that tell series apart where colour is available.
    static func style(_ index: Int, theme: Theme) -> Style {
        guard theme.capabilities.color != .none else { return .plain }
        let colors: [Color] = [.yellow, .green, .cyan, .magenta, .red, .blue, .white]
        return Style(fg: colors[index % colors.count])
    }
}
