import InceptionCore

/// A widget folded behind a gated prediction: one framed line saying how to open it.
struct FoldedRenderer: WidgetRenderer {
    var title: String { "Folded" }

    static let message = "Answer the question above, or press s to skip."

    func height(width: Int) -> Int { TextWrap.wrap(Self.message, width: max(width - 4, 1)).count + 2 }

    func render(into canvas: inout Canvas, area: Rect, theme: Theme) {
        guard area.width >= 6, area.height >= 2 else { return }
        canvas.box(area, glyphs: theme.box, style: theme.border, title: "Folded until you predict", titleStyle: theme.dim)
        let inner = Rect(x: area.x + 2, y: area.y + 1, width: area.width - 4, height: area.height - 2)
        for (row, line) in TextWrap.wrap(Self.message, width: max(inner.width, 1)).prefix(inner.height).enumerated() {
            canvas.text(line, x: inner.x, y: inner.y + row, style: theme.dim, clip: inner)
        }
    }
}
