import Testing
@testable import InceptionUI

@Suite struct HeatmapTests {
    let monochrome = Theme(Capabilities(color: .none, unicode: true))

    /// 4x4 into 2x2 cells: factor 2, each cell the mean of a 2x2 block. Levels
    /// on 0...1 with the 10-step ramp " .:-=+*#%@" are floor(10 t), capped at 9.
    @Test func averagesByAreaNotBySampling() {
        let map = Heatmap(rows: 4, columns: 4, values: [
            0, 0, 1, 1,
            0, 0, 1, 1,
            1, 1, 0.5, 0.5,
            1, 0, 0.5, 0.5,
        ], low: 0, high: 1)
        var canvas = Canvas(width: 2, height: 2)
        let scale = map.render(into: &canvas, area: canvas.bounds, theme: monochrome)
        // top-left mean 0 -> " ", top-right 1 -> "@",
        // bottom-left (1+1+1+0)/4 = 0.75 -> level 7 "#" (sampling would give "@"),
        // bottom-right 0.5 -> level 5 "+"
        #expect(canvas.lines() == [" @", "#+"])
        #expect(scale.description == "1:2")
    }

    /// 3x3 into 2x2: the right and bottom blocks are partial and are averaged
    /// over the pixels they hold.
    @Test func edgeBlocksAverageOnlyTheirOwnPixels() {
        let map = Heatmap(rows: 3, columns: 3, values: [
            0.2, 0.2, 0.9,
            0.2, 0.2, 0.9,
            0.0, 0.4, 0.35,
        ], low: 0, high: 1)
        var canvas = Canvas(width: 2, height: 2)
        map.render(into: &canvas, area: canvas.bounds, theme: monochrome)
        // 0.2 -> ":", 0.9 -> "@", (0 + 0.4)/2 = 0.2 -> ":", 0.35 -> "-"
        #expect(canvas.lines() == [":@", ":-"])
    }

    @Test func nanAndOutOfScaleValuesDoNotTrap() {
        let map = Heatmap(rows: 2, columns: 2, values: [.nan, 5, -3, .infinity], low: 0, high: 1)
        var canvas = Canvas(width: 2, height: 2)
        map.render(into: &canvas, area: canvas.bounds, theme: monochrome)
        // NaN and below-scale draw as the lowest level, above-scale as the highest
        #expect(canvas.lines() == [" @", " @"])
        // NaN is left out of an average: (NaN, 5, -3, +inf) shrinks to mean(5, -3) = 1 -> "@"
        var one = Canvas(width: 1, height: 1)
        map.render(into: &one, area: one.bounds, theme: monochrome)
        #expect(one.lines() == ["@"])
        let flat = Heatmap(rows: 1, columns: 1, values: [.nan], low: 1, high: 1)
        flat.render(into: &one, area: one.bounds, theme: monochrome)
        #expect(one.lines() == [""])
    }

    /// With colour and Unicode, one cell holds two pixel rows: the upper-half
    /// block with the top pixel as foreground and the bottom one as background.
    @Test func halfBlocksCarryTwoPixelsPerCell() {
        let map = Heatmap(rows: 3, columns: 1, values: [0, 1, 0.5], low: 0, high: 1)
        var canvas = Canvas(width: 1, height: 2)
        let scale = map.render(into: &canvas, area: canvas.bounds, theme: Theme(.full))
        #expect(scale.factor == 1)
        #expect(canvas[0, 0] == Cell("▀", style: Style(fg: Color(index: 232), bg: Color(index: 255))))
        // 0.5 of 24 grays is level 12 (palette 244); the missing bottom pixel keeps the default background
        #expect(canvas[0, 1] == Cell("▀", style: Style(fg: Color(index: 244), bg: .default)))
    }

    @Test func a32x32MapFits24RowsWithHalfBlocksAndIsHalvedInASCII() {
        let map = Heatmap(rows: 32, columns: 32, values: Array(repeating: 0, count: 1024), low: 0, high: 1)
        let area = Size(width: 40, height: 20)
        let half = map.fit(in: area, theme: Theme(.full))
        #expect(half.scale.factor == 1 && half.cells == Size(width: 32, height: 16))
        let ascii = map.fit(in: area, theme: Theme(Capabilities(color: .palette256, unicode: false)))
        #expect(ascii.scale.factor == 2 && ascii.cells == Size(width: 16, height: 16))
    }

    @Test func eightColourFallbackRamp() {
        let map = Heatmap(rows: 2, columns: 1, values: [0, 1], low: 0, high: 1)
        var canvas = Canvas(width: 1, height: 1)
        map.render(into: &canvas, area: canvas.bounds, theme: Theme(Capabilities(color: .eight, unicode: true)))
        #expect(canvas[0, 0].style == Style(fg: .black, bg: .white))
    }
}
