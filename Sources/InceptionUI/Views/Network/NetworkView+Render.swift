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

    // MARK: - Scales

    /// The scale line: which scale is in use and, when one range covers every map, its min/max.
    func scaleLine(_ shared: ValueRange?) -> String {
        let range = shared.map { "  \($0.text)" } ?? (scale == .channel ? " (each map its own min..max)" : " (min..max in the headers)")
        return "scale (s): \(scale.label)\(range)"
    }

    /// A one-row heatmap of `values` (both pixel rows of a half-block cell alike).
    static func strip(_ values: [Float], range: ValueRange, theme: Theme) -> Heatmap {
        let rows = Heatmap.usesHalfBlocks(theme) ? 2 : 1
        return Heatmap(rows: rows, columns: values.count, values: rows == 2 ? values + values : values, low: range.low, high: range.high)
    }

    func barGlyph(_ theme: Theme) -> String { theme.asciiOnly ? "#" : "█" }
}
