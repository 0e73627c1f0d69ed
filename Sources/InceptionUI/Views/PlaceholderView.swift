/// Stands in for a view that is not built yet: says in a sentence or two what
/// will be there.
public struct PlaceholderView: ExplorerView {
    public let id: ViewID

    public init(_ id: ViewID) { self.id = id }

    public var keyBindings: [KeyBinding] { [] }

    public func render(into canvas: inout Canvas, area: Rect, theme: Theme) {
        canvas.box(area, glyphs: theme.box, style: theme.border, title: id.title, titleStyle: theme.title)
        let inner = area.inset(by: 1).inset(by: 1)
        let width = min(inner.width, 70)
        let lines = TextWrap.lines(id.plannedContent, width: width) + ["", "(coming in a later version)"]
        let top = inner.y + max(0, (inner.height - lines.count) / 2)
        let left = inner.x + (inner.width - width) / 2
        for (row, line) in lines.enumerated() where top + row < inner.maxY {
            canvas.text(line, x: left, y: top + row, style: row == lines.count - 1 ? theme.dim : theme.text, clip: inner)
        }
    }
}
