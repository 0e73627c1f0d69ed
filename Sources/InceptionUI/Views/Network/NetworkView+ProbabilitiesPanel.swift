import InceptionCore

// The last step: the class probabilities and the prediction.
extension NetworkView {
    func paintProbabilities(into canvas: inout Canvas, area: Rect, probabilities: [Float], theme: Theme) {
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
}
