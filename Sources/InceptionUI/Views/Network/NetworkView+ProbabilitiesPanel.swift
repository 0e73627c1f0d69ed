import InceptionCore

// The last step: the class probabilities and the prediction.
extension NetworkView {
    /// Networks with at most this many classes list them all, in index order.
    static let listedClasses = 20

    /// Every class in index order for a few classes (the tiny network's ten), else the
    /// five most probable (GoogLeNet's 1000), each with a bar; the true class is marked when known.
    func paintProbabilities(into canvas: inout Canvas, area: Rect, probabilities: [Float], theme: Theme) {
        let names = run.classNames
        let listed = probabilities.count <= Self.listedClasses
        let top = names.top(listed ? probabilities.count : 5, of: probabilities)
        let predicted = top.first?.index ?? 0
        let shown = listed ? probabilities.indices.map { k in top.first { $0.index == k }! } : top
        let verdict: String
        if let label = run.input.label, probabilities.count == ShapeClass.count {
            verdict = label.rawValue == predicted ? "RIGHT" : "WRONG: it is a \(label.name)"
        } else {
            verdict = "true class unknown (a file)"
        }
        let percent = { (p: Float) in NumberText.decimal(Double(p) * 100, places: 1, grouped: false) + "%" }
        let heading = shown.count < probabilities.count ? "  (top \(shown.count) of \(probabilities.count) classes)" : ""
        canvas.text("predicted \(names[predicted]) \(percent(probabilities[predicted]))  \(verdict)\(heading)", x: area.x, y: area.y,
                    style: run.input.label.map { $0.rawValue == predicted ? theme.emphasis : theme.error } ?? theme.text, clip: area)
        let nameWidth = min(max(11, shown.map(\.name.count).max() ?? 0), max(11, area.width / 3))
        let barX = nameWidth + 9
        // Room after the bar for the true class's mark.
        let barWidth = max(1, area.width - barX - 13)
        for (row, entry) in shown.enumerated() where area.y + 2 + row < area.maxY {
            let (k, p, y) = (entry.index, entry.probability, area.y + 2 + row)
            let isTrue = run.input.label?.rawValue == k && probabilities.count == ShapeClass.count
            let marker = k == predicted ? ">" : " "
            canvas.text(marker + pad(String(entry.name.prefix(nameWidth)), nameWidth) + leftPad(percent(p), 7), x: area.x, y: y,
                        style: k == predicted ? theme.emphasis : theme.text, clip: area)
            // An overflowing logit gives NaN probabilities: no bar rather than a trap.
            let length = p.isFinite ? Int((min(max(p, 0), 1) * Float(barWidth)).rounded()) : 0
            let end = canvas.text(String(repeating: barGlyph(theme), count: length), x: area.x + barX, y: y,
                                  style: k == predicted ? theme.emphasis : theme.text, clip: area)
            if isTrue { canvas.text(" (true class)", x: end, y: y, style: theme.dim, clip: area) }
        }
    }
}
