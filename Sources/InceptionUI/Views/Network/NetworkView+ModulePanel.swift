import InceptionCore

// An Inception module's four branches side by side, paged together.
extension NetworkView {
    func paintModule(into canvas: inout Canvas, area: Rect, step: Int, result: StepResult, theme: Theme) -> PaintedMaps {
        let moduleRange = ValueRange(result.output.data)
        let shared: ValueRange? = switch scale {
        case .channel, .branch: nil
        case .module: moduleRange
        case .global: run.globalRange
        }
        canvas.text(scaleLine(shared), x: area.x, y: area.y, style: theme.text, clip: area)
        let concatRows = area.height >= 14 ? 3 : 0
        let columnsArea = Rect(x: area.x, y: area.y + 1, width: area.width, height: area.height - 1 - concatRows - (concatRows > 0 ? 1 : 0))
        let count = result.branches.count
        let columnWidth = Self.branchColumnWidth(columnsArea.width, count: count)
        let headerRows = 4
        let mapsHeight = columnsArea.height - headerRows
        // One grid for every branch: they share the map size, so pages line up.
        let (h, w) = (result.output.shape[2], result.output.shape[3])
        let widest = result.branches.map(\.width).max() ?? 1
        let grid = TileGrid.plan(rows: h, columns: w, count: widest, in: Size(width: columnWidth, height: mapsHeight),
                                 halfBlocks: Heatmap.usesHalfBlocks(theme), wanted: 2)
        var painted = PaintedMaps(pages: grid.pages(widest))
        let name = run.displayName(step)
        for (index, branch) in result.branches.enumerated() {
            let x = columnsArea.x + index * (columnWidth + 1)
            let column = Rect(x: x, y: columnsArea.y, width: columnWidth, height: columnsArea.height)
            let output = branch.tensors.last!.tensor
            let shown = grid.range(page: page, count: branch.width)
            let maps = shown.map { Array(output.data[$0 * h * w..<($0 + 1) * h * w]) }
            let range: ValueRange = shared ?? (scale == .branch ? ValueRange(output.data) : maps.reduce(into: ValueRange([])) { $0.include($1) })
            let share = result.multiplies > 0 ? Double(branch.multiplies) * 100 / Double(result.multiplies) : 0
            let headers = [
                branchTitle(branch),
                "w\(branch.width) \(NumberText.compact(branch.multiplies)) \(NumberText.decimal(share, places: 0, grouped: false))%",
                shown.isEmpty ? "-" : "c\(shown.lowerBound)-\(shown.upperBound - 1)/\(branch.width) \(HeatmapScale(factor: grid.factor))",
                range.isEmpty ? "" : "\(ValueRange.format(range.low))..\(ValueRange.format(range.high))",
            ]
            for (row, text) in headers.enumerated() {
                let style = row == 0 ? (index == min(self.branch, count - 1) ? theme.selection : theme.emphasis) : theme.dim
                canvas.text(text, x: x, y: column.y + row, style: style, clip: column)
            }
            let mapsArea = Rect(x: x, y: column.y + headerRows, width: columnWidth, height: mapsHeight)
            for (slot, (channel, values)) in zip(shown, maps).enumerated() {
                let (label, rect) = grid.place(slot, in: mapsArea)
                if let label { canvas.text("c\(channel)", x: label.x, y: label.y, style: theme.dim, clip: label) }
                let tile = MapTile(name: "\(name)-\(branch.name)-c\(pad2(channel))", rows: h, columns: w, values: values,
                                   range: scale == .channel ? ValueRange(values) : range, rect: rect)
                tile.heatmap.render(into: &canvas, area: rect, theme: theme)
                painted.tiles.append(tile)
            }
        }
        if concatRows > 0 {
            paintConcat(into: &canvas, area: Rect(x: area.x, y: area.maxY - concatRows, width: area.width, height: concatRows),
                        result: result, theme: theme)
        }
        return painted
    }

    /// The width of each of `count` branch columns side by side in `width` cells, one apart.
    static func branchColumnWidth(_ width: Int, count: Int) -> Int {
        (width - (count - 1)) / max(1, count)
    }

    /// The main panel's inside: where everything but the layer list goes.
    static func mainInner(_ area: Rect) -> Rect {
        area.splitLeft(listWidth(area)).1.inset(by: 1)
    }

    /// The first row of the layer list's steps (below the header row when wide).
    static func firstStepRow(_ area: Rect) -> Int {
        let list = area.splitLeft(listWidth(area)).0.inset(by: 1)
        return list.y + (list.width >= 36 ? 1 : 0)
    }

    /// `1x1`, `3x3 (red 8)`, `pool+proj`: the branch and what runs before its last convolution.
    func branchTitle(_ branch: BranchStep) -> String {
        switch branch.tensors.first?.label {
        case "reduce"?: "\(branch.name) (red \(branch.tensors[0].tensor.shape[1]))"
        case "pooled"?: "\(branch.name)+proj"
        default: branch.name
        }
    }
}
