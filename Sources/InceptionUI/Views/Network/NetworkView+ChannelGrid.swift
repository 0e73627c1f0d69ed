import InceptionCore

// The channels of one tensor (a convolution's or pool's output, the input) as a
// paged grid of heatmaps.
extension NetworkView {


    /// The channels of `tensor` (1, c, h, w) as a paged grid of heatmaps.
    func paintChannels(into canvas: inout Canvas, area: Rect, name: String, tensor: Tensor, theme: Theme) -> PaintedMaps {
        let whole = ValueRange(tensor.data)
        let shared: ValueRange? = switch scale {
        case .channel: nil
        case .branch, .module: whole
        case .global: run.globalRange
        }
        let (c, h, w) = (tensor.shape[1], tensor.shape[2], tensor.shape[3])
        // A single map (the input) needs no channel numbers or pages: its scale goes on the scale line.
        let single = c == 1
        let mapsArea = Rect(x: area.x, y: area.y + (single ? 1 : 2), width: area.width, height: area.height - (single ? 1 : 2))
        let grid = TileGrid.plan(rows: h, columns: w, count: c, in: Size(width: mapsArea.width, height: mapsArea.height),
                                 halfBlocks: Heatmap.usesHalfBlocks(theme), labels: !single)
        let shown = grid.range(page: page, count: c)
        canvas.text(scaleLine(shared) + (single ? "  \(HeatmapScale(factor: grid.factor))" : ""), x: area.x, y: area.y, style: theme.text, clip: area)
        if !single {
            let header = shown.isEmpty ? "no room for a map" : "channels \(shown.lowerBound)-\(shown.upperBound - 1) of \(c)  \(HeatmapScale(factor: grid.factor))  page \(min(page, grid.pages(c) - 1) + 1)/\(grid.pages(c)) ([ ])"
            canvas.text(header, x: area.x, y: area.y + 1, style: theme.dim, clip: area)
        }
        var painted = PaintedMaps(pages: grid.pages(c))
        for (slot, channel) in shown.enumerated() {
            let values = Array(tensor.data[channel * h * w..<(channel + 1) * h * w])
            let (label, rect) = grid.place(slot, in: mapsArea)
            if let label { canvas.text("c\(channel)", x: label.x, y: label.y, style: theme.dim, clip: label) }
            let tile = MapTile(name: "\(name)-c\(pad2(channel))", rows: h, columns: w, values: values,
                               range: shared ?? ValueRange(values), rect: rect)
            tile.heatmap.render(into: &canvas, area: rect, theme: theme)
            painted.tiles.append(tile)
        }
        return painted
    }
}
