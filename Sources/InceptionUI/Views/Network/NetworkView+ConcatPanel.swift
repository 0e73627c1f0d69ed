import InceptionCore

// The concatenation strip under a module: one cell per output channel.
extension NetworkView {
    /// The module's output: one cell per channel (its mean), with each branch's channel range marked.
    func paintConcat(into canvas: inout Canvas, area: Rect, result: StepResult, theme: Theme) {
        let (c, hw) = (result.output.shape[1], result.output.shape[2] * result.output.shape[3])
        let means = (0..<c).map { k in result.output.data[k * hw..<(k + 1) * hw].reduce(0, +) / Float(hw) }
        let range = ValueRange(means)
        let widths = result.branches.map { "\($0.width)" }.joined(separator: "+")
        let full = "output \(c) = \(widths) channels, means: \(range.text)"
        let short = "output \(c) = \(widths), means \(ValueRange.format(range.low))..\(ValueRange.format(range.high))"
        canvas.text(full.count <= area.width ? full : short, x: area.x, y: area.y, style: theme.text, clip: area)
        // Each channel as wide as the panel allows (whole cells), or averaged down when there are more channels than cells.
        let cellsEach = max(1, area.width / max(1, c))
        let strip = Self.strip(means.flatMap { Array(repeating: $0, count: cellsEach) }, range: range, theme: theme)
        let scale = strip.render(into: &canvas, area: Rect(x: area.x, y: area.y + 1, width: area.width, height: 1), theme: theme)
        var start = 0
        for branch in result.branches {
            let first = start * cellsEach / scale.factor, last = ((start + branch.width) * cellsEach - 1) / scale.factor
            let segment = Rect(x: area.x + first, y: area.y + 2, width: last - first + 1, height: 1)
            // Name and channels where they fit, else the channels (the branches run in the
            // columns' order above), else the name.
            let channels = "\(start)-\(start + branch.width - 1)"
            let label = [branch.name + " " + channels, channels].first { $0.count <= segment.width - 2 } ?? branch.name
            let inner = segment.width >= 2 ? String(repeating: "─", count: segment.width - 2) : ""
            canvas.text(segment.width >= 2 ? "├" + inner + "┤" : "|", x: segment.x, y: segment.y, style: theme.border, clip: segment)
            if segment.width >= 2 {
                canvas.text(label, x: segment.x + 1, y: segment.y, style: theme.dim, clip: Rect(x: segment.x + 1, y: segment.y, width: segment.width - 2, height: 1))
            }
            start += branch.width
        }
    }
}
