import InceptionCore

// The main panel before the first step: the input as the network reads it.
extension NetworkView {
    func paintInput(into canvas: inout Canvas, area: Rect, theme: Theme) -> PaintedMaps {
        var y = area.y
        canvas.text("input: \(run.input.title)  \(FeatureShape(c: run.input.tensor.shape[1], h: run.input.tensor.shape[2], w: run.input.tensor.shape[3]))   Space runs \(run.displayName(0)), i chooses another input",
                    x: area.x, y: y, style: theme.emphasis, clip: area)
        y += 1
        for line in TextWrap.lines(weights.text, width: area.width) where y < area.maxY {
            canvas.text(line, x: area.x, y: y, style: weights.trained ? theme.dim : theme.error, clip: area)
            y += 1
        }
        return paintChannels(into: &canvas, area: Rect(x: area.x, y: y, width: area.width, height: area.maxY - y),
                             name: "input", tensor: run.input.tensor, theme: theme)
    }
}
