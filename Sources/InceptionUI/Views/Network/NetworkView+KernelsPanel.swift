import InceptionCore

// A layer's or branch's learned kernels (`k`).
extension NetworkView {
    func paintKernels(into canvas: inout Canvas, area: Rect, step: Int, theme: Theme) -> PaintedMaps {
        let kernels = run.kernelsShown(step: step, branch: branchName)
        var painted = PaintedMaps()
        var y = area.y
        canvas.text("each tensor on its own symmetric scale: 0 is mid-gray   ↑↓ branch  [ ] page  k feature maps",
                    x: area.x, y: y, style: theme.dim, clip: area)
        y += 1
        let name = run.displayName(step) + (branchName.map { "-" + $0 } ?? "")
        for (index, kernel) in kernels.enumerated() where y < area.maxY - 1 {
            // kh x kw: square, or 1xk / kx1 in a factorised branch.
            let (oc, ic, kh, kw) = (kernel.tensor.shape[0], kernel.tensor.shape[1], kernel.tensor.shape[2], kernel.tensor.shape[3])
            let range = ValueRange(kernel.tensor.data).symmetric
            let remaining = Rect(x: area.x, y: y + 1, width: area.width, height: area.maxY - y - 1)
            if kh * kw == 1 {
                // A 1x1 convolution is a matrix: one weight per (output, input) channel pair.
                let map = Heatmap(rows: oc, columns: ic, values: kernel.tensor.data, low: range.low, high: range.high)
                let share = index == kernels.count - 1 ? remaining.height : min(remaining.height, max(2, remaining.height / 2))
                let fit = map.fit(in: Size(width: remaining.width, height: share), theme: theme)
                canvas.text("\(kernel.label) 1x1: \(oc) out x \(ic) in (rows x columns)  ±\(ValueRange.format(range.high))  \(fit.scale)",
                            x: area.x, y: y, style: theme.emphasis, clip: area)
                let rect = Rect(x: area.x, y: y + 1, width: fit.cells.width, height: fit.cells.height)
                let tile = MapTile(name: "\(name)-\(kernel.label)-kernels", rows: oc, columns: ic, values: kernel.tensor.data, range: range, rect: rect)
                tile.heatmap.render(into: &canvas, area: rect, theme: theme)
                painted.tiles.append(tile)
                y += 2 + fit.cells.height
            } else {
                // One row per output channel, its kernels over each input channel side by side.
                let cells = Size(width: kw, height: Heatmap.usesHalfBlocks(theme) ? (kh + 1) / 2 : kh)
                let perRow = ic == 1 ? max(1, (remaining.width + 1) / (cells.width + 1)) : 1
                // A factorised branch's two kernels (1x3 then 3x1) share the height left.
                let height = remaining.height / (kernels.count - index)
                let rowsPerPage = max(1, (height + 1) / (cells.height + 1))
                let outsPerPage = rowsPerPage * perRow
                let pages = max(1, (oc + outsPerPage - 1) / outsPerPage)
                painted.pages = max(painted.pages, pages)
                let first = min(page, pages - 1) * outsPerPage
                let outs = first..<min(oc, first + outsPerPage)
                let visibleIn = ic == 1 ? 1 : min(ic, max(1, (remaining.width - 4 + 1) / (cells.width + 1)))
                let more = visibleIn < ic ? ", first \(visibleIn) shown" : ""
                canvas.text("\(kernel.label): \(oc) out x \(ic) in\(more), out \(outs.lowerBound)-\(outs.upperBound - 1)  ±\(ValueRange.format(range.high))  page \(min(page, pages - 1) + 1)/\(pages)",
                            x: area.x, y: y, style: theme.emphasis, clip: area)
                for (slot, out) in outs.enumerated() {
                    let row = slot / perRow, col = slot % perRow
                    let top = remaining.y + row * (cells.height + 1)
                    let left = remaining.x + col * (cells.width + 1) + (ic == 1 ? 0 : 4)
                    if ic > 1 { canvas.text("o\(out)", x: remaining.x, y: top, style: theme.dim, clip: remaining) }
                    for input in 0..<visibleIn {
                        let offset = (out * ic + input) * kh * kw
                        let rect = Rect(x: left + input * (cells.width + 1), y: top, width: cells.width, height: cells.height)
                        let tile = MapTile(name: "\(name)-\(kernel.label)-o\(pad2(out))-i\(pad2(input))", rows: kh, columns: kw,
                                           values: Array(kernel.tensor.data[offset..<offset + kh * kw]), range: range, rect: rect)
                        tile.heatmap.render(into: &canvas, area: rect, theme: theme)
                        painted.tiles.append(tile)
                    }
                }
                y = remaining.y + rowsPerPage * (cells.height + 1)
            }
        }
        return painted
    }
}
