import InceptionCore

/// One map the Network view draws as a heatmap (a feature map channel, a
/// kernel, the input), with the scale it is drawn on and where. Rendering and
/// `e` (save the maps on screen) both use the same list of tiles, so what is
/// saved is exactly what is shown.
struct MapTile: Sendable {
    /// For the saved file's name, e.g. `3a-3x3-c05`.
    let name: String
    let rows: Int
    let columns: Int
    /// (rows, columns), row-major, at full resolution.
    let values: [Float]
    let range: ValueRange
    /// The cells the heatmap covers.
    let rect: Rect

    var heatmap: Heatmap {
        Heatmap(rows: rows, columns: columns, values: values, low: range.low, high: range.high)
    }

    /// The map as an 8-bit PGM on its own scale: `low` black, `high` white.
    func pgm() -> [UInt8] {
        let span = range.high - range.low
        let pixels = values.map { span > 0 ? ($0 - range.low) / span : 0 }
        return pixels.withUnsafeBufferPointer { Array(PGMWriter.encode(width: columns, height: rows, pixels: $0)) }
    }
}

/// How `count` maps of the same size are laid out as a grid in a rectangle:
/// the shrink factor, the cells one map covers, and how many fit per row and
/// per column (one page). Each map may have a label row above it.
struct TileGrid: Equatable, Sendable {
    let factor: Int
    let cells: Size
    let perRow: Int
    let perColumn: Int
    let labelled: Bool

    var perPage: Int { perRow * perColumn }

    /// The smallest shrink factor that shows at least `min(count, wanted)` maps
    /// of `rows` x `columns` pixels in `area` (half-block cells hold two pixel
    /// rows). Labels (when wanted) are added when a map is tall enough for one
    /// row to be cheap.
    static func plan(rows: Int, columns: Int, count: Int, in area: Size, halfBlocks: Bool, wanted: Int = 4,
                     labels: Bool = true) -> TileGrid {
        var previous: Size?
        var best: TileGrid?
        for factor in 1...max(1, max(rows, columns)) {
            let cells = Heatmap.cells(rows: rows, columns: columns, factor: factor, halfBlocks: halfBlocks)
            let (w, cellRows) = (cells.width, cells.height)
            if cells == previous { continue }
            previous = cells
            let labelled = labels && cellRows >= 6
            let perRow = (area.width + 1) / (w + 1)
            let perColumn = (area.height + 1) / (cellRows + 1 + (labelled ? 1 : 0))
            let grid = TileGrid(factor: factor, cells: cells, perRow: perRow, perColumn: perColumn, labelled: labelled)
            if best == nil, grid.perPage > 0 { best = grid }
            if grid.perPage >= min(count, wanted) { return grid }
        }
        return best ?? TileGrid(factor: 1, cells: Size(width: 0, height: 0), perRow: 0, perColumn: 0, labelled: false)
    }

    /// Where map `slot` (0..<perPage) of a page goes in `area`: its label row
    /// (when labelled) and its heatmap.
    func place(_ slot: Int, in area: Rect) -> (label: Rect?, map: Rect) {
        let col = slot % max(1, perRow), row = slot / max(1, perRow)
        let x = area.x + col * (cells.width + 1)
        let y = area.y + row * (cells.height + 1 + (labelled ? 1 : 0))
        let map = Rect(x: x, y: y + (labelled ? 1 : 0), width: cells.width, height: cells.height)
        return (labelled ? Rect(x: x, y: y, width: cells.width, height: 1) : nil, map)
    }

    /// The number of pages `count` maps take (at least 1).
    func pages(_ count: Int) -> Int { perPage > 0 ? max(1, ceilDiv(count, perPage)) : 1 }

    /// The maps on page `page` (clamped to the last page).
    func range(page: Int, count: Int) -> Range<Int> {
        guard perPage > 0 else { return 0..<0 }
        let first = min(page, pages(count) - 1) * perPage
        return first..<min(count, first + perPage)
    }
}
