import InceptionCore

// The layer list on the left: every step with its output shape, multiplies and
// time, then the input's thumbnail and what the weights are.
extension NetworkView {


    func paintList(into canvas: inout Canvas, area: Rect, theme: Theme) {
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
            if wide { line += " " + pad(run.layer(step).map { outputText($0.output, step: step) } ?? "\(run.network.description.classes)", 9) }
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
        let input = run.input.preview
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

    func outputText(_ shape: FeatureShape, step: Int) -> String {
        run.results.indices.contains(step) && run.results[step].output.shape.count == 2 ? "\(shape.c)" : shape.description
    }
}
