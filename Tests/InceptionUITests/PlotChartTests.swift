import Testing
import InceptionCore
@testable import InceptionUI

/// Line charts at braille resolution, their ASCII fallback, and the axes.
@Suite struct PlotChartTests {
    /// Unicode's braille block: dots 1–8 are bits 0–7 of U+2800 + n, dots 1 2 3 7
    /// down the left column and 4 5 6 8 down the right.
    @Test func dotsAreBrailleBits() {
        var dots = BrailleDots(width: 2, height: 1)
        dots.set(0, 0)
        dots.set(1, 3)
        #expect(dots.glyph(column: 0, row: 0) == "\u{2881}")  // dots 1 and 8
        #expect(dots.glyph(column: 1, row: 0) == nil)
        dots.line(from: (x: 0, y: 0), to: (x: 3, y: 3))  // the diagonal: one dot per row
        #expect(dots.glyph(column: 0, row: 0) == "\u{2891}")  // dots 1, 5 and 8: 0x01 + 0x10 + 0x80
        #expect(dots.glyph(column: 1, row: 0) == "\u{2884}")  // dots 3 and 8: 0x04 + 0x80
    }

    @Test func aLineIsDrawnInBrailleAndInASCIIWithDots() {
        let chart = PlotChart(xLabel: "step", yLabel: "loss", series: [
            ChartSeries(name: "loss", points: (0..<20).map { ChartPoint(x: Double($0), y: Double(20 - $0)) }),
        ], joined: true)
        var unicode = Canvas(width: 40, height: 10)
        chart.render(into: &unicode, area: unicode.bounds, theme: Theme(.full))
        let braille = unicode.cells.filter { (0x2801...0x28FF).contains($0.glyph.value) }
        #expect(braille.count >= 20)
        var ascii = Canvas(width: 40, height: 10, asciiOnly: true)
        chart.render(into: &ascii, area: ascii.bounds, theme: Theme(Capabilities(color: .none, unicode: false)))
        #expect(ascii.cells.allSatisfy { $0.glyph.isASCII })
        #expect(ascii.lines().joined().contains("."))
    }

    /// One point: the axis is its value ± a tenth (3.2M to 4.0M), not a range of one value.
    @Test func aSinglePointGetsARangeAroundIt() {
        let chart = PlotChart(xLabel: "multiplies", yLabel: "test accuracy",
                              series: [ChartSeries(name: "variants", points: [ChartPoint(x: 3_600_000, y: 0.97)])],
                              joined: false, yRange: 0...1)
        var canvas = Canvas(width: 50, height: 10)
        chart.render(into: &canvas, area: canvas.bounds, theme: Theme(.full))
        let text = canvas.lines().joined(separator: "\n")
        #expect(text.contains("3.2M") && text.contains("4.0M"))
        #expect(text.contains("1.000") && text.contains("0.000"))
    }
}
