import InceptionCore

// The vectors after the last maps: the GAP features and the logits.
extension NetworkView {


    /// The GAP output: one cell per feature, grouped by the branch of the module before it.
    func paintVector(into canvas: inout Canvas, area: Rect, step: Int, values: [Float], theme: Theme) {
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
            canvas.text("next, linear weighs these \(values.count) into \(run.network.description.classes) class scores", x: area.x, y: y, style: theme.dim, clip: area)
        }
    }

    /// The logits with bars from zero: a few classes in index order, else the largest
    /// that fit, largest first.
    func paintLogits(into canvas: inout Canvas, area: Rect, logits: [Float], theme: Theme) {
        let rows = max(0, area.height - 2)
        let fits = logits.count <= Self.listedClasses
        let order = fits ? Array(logits.indices.prefix(rows)) : Array(logits.indices.sorted { logits[$0] > logits[$1] }.prefix(rows))
        canvas.text("logits (before softmax), bars from zero" + (fits ? ":" : ", the largest \(order.count) of \(logits.count):"),
                    x: area.x, y: area.y, style: theme.text, clip: area)
        let nameWidth = min(max(11, order.map { run.classNames[$0].count }.max() ?? 0), max(11, area.width / 3))
        let biggest = max(1e-6, logits.map(abs).max() ?? 1)
        let half = max(1, (area.width - nameWidth - 9) / 2)
        let axis = area.x + nameWidth + 7 + half
        for (row, k) in order.enumerated() {
            let (y, value) = (area.y + 2 + row, logits[k])
            canvas.text(pad(String(run.classNames[k].prefix(nameWidth)), nameWidth) + leftPad(ValueRange.format(value), 6), x: area.x, y: y, style: theme.text, clip: area)
            let share = abs(value) / biggest, length = share.isFinite ? Int((min(share, 1) * Float(half)).rounded()) : 0
            let bar = String(repeating: barGlyph(theme), count: length)
            canvas.text(bar, x: value < 0 ? axis - length : axis + 1, y: y, style: value < 0 ? theme.dim : theme.emphasis, clip: area)
            canvas.text(theme.asciiOnly ? "|" : "│", x: axis, y: y, style: theme.border, clip: area)
        }
    }
}
