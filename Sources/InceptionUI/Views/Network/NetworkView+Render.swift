import InceptionCore

/// What one paint of the Network view put on screen: the maps (for `e`) and the
/// number of channel pages of the main panel (for `]`).
struct PaintedMaps {
    var tiles: [MapTile] = []
    var pages = 1
}

extension NetworkView {
    public func render(into canvas: inout Canvas, area: Rect, theme: Theme) {
        _ = paint(into: &canvas, area: area, theme: theme)
    }

    /// Lays the view out in `area` without a screen: what `]` and `e` need.
    func painted(area: Rect) -> PaintedMaps {
        var scratch = theme.canvas(Size(width: area.maxX, height: area.maxY))
        return paint(into: &scratch, area: area, theme: theme)
    }

    /// The layer list's width: room for shapes when the screen is wide.
    static func listWidth(_ area: Rect) -> Int { area.width >= 150 ? 42 : 24 }

    /// Draws the view and returns what it drew.
    func paint(into canvas: inout Canvas, area: Rect, theme: Theme) -> PaintedMaps {
        let (list, main) = area.splitLeft(Self.listWidth(area))
        // mainInner(area) and firstStepRow(area) say where clicks land: keep them in step with this layout.
        paintList(into: &canvas, area: list, theme: theme)
        var painted = PaintedMaps()
        let title: String
        if let gallery {
            title = "Choose the input"
            gallery.render(into: &canvas, area: InputGallery.area(in: area), entries: galleryEntries, theme: theme)
        } else if showKernels, let step = shownStep {
            title = "\(run.displayName(step)) \(branchName.map { $0 + " branch " } ?? "")learned kernels"
            painted = paintKernels(into: &canvas, area: main.inset(by: 1), step: step, theme: theme)
        } else if let result = shownResult, let step = shownStep {
            title = "\(run.displayName(step)) output"
            let inner = main.inset(by: 1)
            let cost = result.multiplies > 0 ? "\(NumberText.compact(result.multiplies)) mult  " : ""
            canvas.text(run.summary(step) + "   " + cost + timeText(result), x: inner.x, y: inner.y, style: theme.emphasis, clip: inner)
            let body = Rect(x: inner.x, y: inner.y + 1, width: inner.width, height: inner.height - 1)
            if !result.branches.isEmpty {
                painted = paintModule(into: &canvas, area: body, step: step, result: result, theme: theme)
            } else if result.output.shape.count == 4 {
                painted = paintChannels(into: &canvas, area: body, name: run.displayName(step), tensor: result.output, theme: theme)
            } else if step == run.stepCount - 1 {
                paintProbabilities(into: &canvas, area: body, probabilities: result.output.data, theme: theme)
            } else if case .linear? = run.layer(step)?.layer {
                paintLogits(into: &canvas, area: body, logits: result.output.data, theme: theme)
            } else {
                paintVector(into: &canvas, area: body, step: step, values: result.output.data, theme: theme)
            }
        } else {
            title = "Input"
            painted = paintInput(into: &canvas, area: main.inset(by: 1), theme: theme)
        }
        canvas.box(main, glyphs: theme.box, style: theme.border, title: title, titleStyle: theme.title)
        return painted
    }

    func timeText(_ result: StepResult) -> String {
        let ms = (fixedSeconds ?? result.seconds) * 1000
        return NumberText.decimal(ms, places: ms < 10 ? 2 : 1, grouped: false) + "ms"
    }

    // MARK: - Layer list

    private func paintList(into canvas: inout Canvas, area: Rect, theme: Theme) {
        canvas.box(area, glyphs: theme.box, style: theme.border, title: weights.trained ? "Layers" : "Layers: UNTRAINED",
                   titleStyle: weights.trained ? theme.title : theme.error)
        let inner = area.inset(by: 1)
        let wide = inner.width >= 36
        var y = inner.y
        if wide {  // as firstStepRow says
            canvas.text(" step    output        mult     time", x: inner.x, y: y, style: theme.dim, clip: inner)
            y += 1
        }
        for step in 0..<run.stepCount where y < inner.maxY {
            let isNext = step == run.next
            let done = step < run.next
            var line = (isNext ? ">" : " ") + pad(run.displayName(step), 7)
            if wide { line += " " + pad(run.layer(step).map { outputText($0.output, step: step) } ?? "10", 9) }
            if done {
                let result = run.results[step]
                line += leftPad(NumberText.compact(result.multiplies), wide ? 8 : 6) + leftPad(timeText(result), wide ? 9 : 7)
            }
            let style = isNext ? theme.selection : step == shownStep ? theme.emphasis : done ? theme.text : theme.dim
            canvas.text(line, x: inner.x, y: y, style: style, clip: inner)
            y += 1
        }
        if run.isComplete, y < inner.maxY {
            canvas.text(" done (r resets)", x: inner.x, y: y, style: theme.dim, clip: inner)
            y += 1
        }
        y += 1
        guard y < inner.maxY else { return }
        canvas.text(run.input.title, x: inner.x, y: y, style: theme.text, clip: inner)
        y += 1
        let noteLines = TextWrap.lines(weights.text, width: inner.width)
        let room = Rect(x: inner.x, y: y, width: inner.width, height: inner.maxY - y)
        let input = run.input.tensor
        let thumbnail = Heatmap(rows: input.shape[2], columns: input.shape[3], values: input.data, low: 0, high: 1)
        let cells = thumbnail.fit(in: Size(width: room.width, height: room.height), theme: theme).cells
        if cells.height > 0, cells.height <= room.height {
            thumbnail.render(into: &canvas, area: room, theme: theme)
            y += cells.height
        }
        for line in noteLines where y < inner.maxY {
            canvas.text(line, x: inner.x, y: y, style: weights.trained ? theme.dim : theme.error, clip: inner)
            y += 1
        }
    }

    private func outputText(_ shape: FeatureShape, step: Int) -> String {
        run.results.indices.contains(step) && run.results[step].output.shape.count == 2 ? "\(shape.c)" : shape.description
    }

    // MARK: - Scales

    /// The scale line: which scale is in use and, when one range covers every map, its min/max.
    func scaleLine(_ shared: ValueRange?) -> String {
        let range = shared.map { "  \($0.text)" } ?? (scale == .channel ? " (each map its own min..max)" : " (min..max in the headers)")
        return "scale (s): \(scale.label)\(range)"
    }

    // MARK: - Channels of one tensor (conv, pool, input)

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

    private func paintInput(into canvas: inout Canvas, area: Rect, theme: Theme) -> PaintedMaps {
        var y = area.y
        canvas.text("input: \(run.input.title)  \(FeatureShape(c: 1, h: 32, w: 32))   Space runs \(run.displayName(0)), i chooses another input",
                    x: area.x, y: y, style: theme.emphasis, clip: area)
        y += 1
        for line in TextWrap.lines(weights.text, width: area.width) where y < area.maxY {
            canvas.text(line, x: area.x, y: y, style: weights.trained ? theme.dim : theme.error, clip: area)
            y += 1
        }
        return paintChannels(into: &canvas, area: Rect(x: area.x, y: y, width: area.width, height: area.maxY - y),
                             name: "input", tensor: run.input.tensor, theme: theme)
    }

    // MARK: - Inception module

    private func paintModule(into canvas: inout Canvas, area: Rect, step: Int, result: StepResult, theme: Theme) -> PaintedMaps {
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
    private func branchTitle(_ branch: BranchStep) -> String {
        switch branch.tensors.first?.label {
        case "reduce"?: "\(branch.name) (red \(branch.tensors[0].tensor.shape[1]))"
        case "pooled"?: "\(branch.name)+proj"
        default: branch.name
        }
    }

    /// The module's output: one cell per channel (its mean), with each branch's channel range marked.
    private func paintConcat(into canvas: inout Canvas, area: Rect, result: StepResult, theme: Theme) {
        let (c, hw) = (result.output.shape[1], result.output.shape[2] * result.output.shape[3])
        let means = (0..<c).map { k in result.output.data[k * hw..<(k + 1) * hw].reduce(0, +) / Float(hw) }
        let range = ValueRange(means)
        let widths = result.branches.map { "\($0.width)" }.joined(separator: "+")
        canvas.text("output \(c) = \(widths) channels, means: \(range.text)", x: area.x, y: area.y, style: theme.text, clip: area)
        // Each channel as wide as the panel allows (whole cells), or averaged down when there are more channels than cells.
        let cellsEach = max(1, area.width / max(1, c))
        let strip = Self.strip(means.flatMap { Array(repeating: $0, count: cellsEach) }, range: range, theme: theme)
        let scale = strip.render(into: &canvas, area: Rect(x: area.x, y: area.y + 1, width: area.width, height: 1), theme: theme)
        var start = 0
        for branch in result.branches {
            let first = start * cellsEach / scale.factor, last = ((start + branch.width) * cellsEach - 1) / scale.factor
            let segment = Rect(x: area.x + first, y: area.y + 2, width: last - first + 1, height: 1)
            let full = "\(branch.name) \(start)-\(start + branch.width - 1)"
            let label = full.count <= segment.width - 2 ? full : branch.name
            let inner = segment.width >= 2 ? String(repeating: "─", count: segment.width - 2) : ""
            canvas.text(segment.width >= 2 ? "├" + inner + "┤" : "|", x: segment.x, y: segment.y, style: theme.border, clip: segment)
            if segment.width >= 2 {
                canvas.text(label, x: segment.x + 1, y: segment.y, style: theme.dim, clip: Rect(x: segment.x + 1, y: segment.y, width: segment.width - 2, height: 1))
            }
            start += branch.width
        }
    }

    // MARK: - Kernels

    private func paintKernels(into canvas: inout Canvas, area: Rect, step: Int, theme: Theme) -> PaintedMaps {
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
                let rowsPerPage = max(1, (remaining.height + 1) / (cells.height + 1))
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
                y = area.maxY
            }
        }
        return painted
    }

    // MARK: - Vectors: GAP, logits, probabilities

    /// The GAP output: one cell per feature, grouped by the branch of the module before it.
    private func paintVector(into canvas: inout Canvas, area: Rect, step: Int, values: [Float], theme: Theme) {
        let range = ValueRange(values)
        canvas.text("\(values.count) features, one per channel: \(range.text)", x: area.x, y: area.y, style: theme.text, clip: area)
        let previous = step > 0 ? run.results[step - 1].branches : []
        let groups = previous.isEmpty ? [("all", values.count)] : previous.map { ($0.name, $0.width) }
        var y = area.y + 2
        var start = 0
        for (name, width) in groups where y < area.maxY {
            let part = Array(values[start..<start + width])
            let label = "\(name) \(start)-\(start + width - 1)"
            canvas.text(label, x: area.x, y: y, style: theme.dim, clip: area)
            Self.strip(part, range: range, theme: theme).render(into: &canvas, area: Rect(x: area.x + 12, y: y, width: area.width - 12, height: 1), theme: theme)
            y += 2
            start += width
        }
        if y < area.maxY {
            canvas.text("next, linear weighs these \(values.count) into 10 class scores", x: area.x, y: y, style: theme.dim, clip: area)
        }
    }

    private func paintLogits(into canvas: inout Canvas, area: Rect, logits: [Float], theme: Theme) {
        canvas.text("logits (before softmax), bars from zero:", x: area.x, y: area.y, style: theme.text, clip: area)
        let biggest = max(1e-6, logits.map(abs).max() ?? 1)
        let half = max(1, (area.width - 20) / 2)
        let axis = area.x + 18 + half
        for (k, value) in logits.enumerated() where area.y + 2 + k < area.maxY {
            let y = area.y + 2 + k
            canvas.text(pad(ShapeClass(rawValue: k)?.name ?? "\(k)", 11) + leftPad(ValueRange.format(value), 6), x: area.x, y: y, style: theme.text, clip: area)
            let share = abs(value) / biggest, length = share.isFinite ? Int((min(share, 1) * Float(half)).rounded()) : 0
            let bar = String(repeating: barGlyph(theme), count: length)
            canvas.text(bar, x: value < 0 ? axis - length : axis + 1, y: y, style: value < 0 ? theme.dim : theme.emphasis, clip: area)
            canvas.text(theme.asciiOnly ? "|" : "│", x: axis, y: y, style: theme.border, clip: area)
        }
    }

    private func paintProbabilities(into canvas: inout Canvas, area: Rect, probabilities: [Float], theme: Theme) {
        let predicted = probabilities.indices.max { probabilities[$0] < probabilities[$1] } ?? 0
        let name = ShapeClass(rawValue: predicted)?.name ?? "\(predicted)"
        let verdict: String
        if let label = run.input.label {
            verdict = label.rawValue == predicted ? "RIGHT" : "WRONG: it is a \(label.name)"
        } else {
            verdict = "true class unknown (a file)"
        }
        let percent = { (p: Float) in NumberText.decimal(Double(p) * 100, places: 1, grouped: false) + "%" }
        canvas.text("predicted \(name) \(percent(probabilities[predicted]))  \(verdict)", x: area.x, y: area.y,
                    style: run.input.label.map { $0.rawValue == predicted ? theme.emphasis : theme.error } ?? theme.text, clip: area)
        // Room after the bar for the true class's mark.
        let barWidth = max(1, area.width - 20 - 13)
        for (k, p) in probabilities.enumerated() where area.y + 2 + k < area.maxY {
            let y = area.y + 2 + k
            let isTrue = run.input.label?.rawValue == k
            let marker = k == predicted ? ">" : " "
            canvas.text(marker + pad(ShapeClass(rawValue: k)?.name ?? "\(k)", 11) + leftPad(percent(p), 7), x: area.x, y: y,
                        style: k == predicted ? theme.emphasis : theme.text, clip: area)
            // An overflowing logit gives NaN probabilities: no bar rather than a trap.
            let length = p.isFinite ? Int((min(max(p, 0), 1) * Float(barWidth)).rounded()) : 0
            let end = canvas.text(String(repeating: barGlyph(theme), count: length), x: area.x + 20, y: y,
                                  style: k == predicted ? theme.emphasis : theme.text, clip: area)
            if isTrue { canvas.text(" (true class)", x: end, y: y, style: theme.dim, clip: area) }
        }
    }

    /// A one-row heatmap of `values` (both pixel rows of a half-block cell alike).
    static func strip(_ values: [Float], range: ValueRange, theme: Theme) -> Heatmap {
        let rows = Heatmap.usesHalfBlocks(theme) ? 2 : 1
        return Heatmap(rows: rows, columns: values.count, values: rows == 2 ? values + values : values, low: range.low, high: range.high)
    }

    private func barGlyph(_ theme: Theme) -> String { theme.asciiOnly ? "#" : "█" }
}

private func pad(_ text: String, _ width: Int) -> String {
    text.count >= width ? text : text + String(repeating: " ", count: width - text.count)
}

private func leftPad(_ text: String, _ width: Int) -> String {
    text.count >= width ? text : String(repeating: " ", count: width - text.count) + text
}

/// Two-digit channel numbers, so saved files sort in channel order.
private func pad2(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
