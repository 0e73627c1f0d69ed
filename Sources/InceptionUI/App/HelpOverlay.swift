/// The `?` overlay: every key of the explorer, global ones first, then the
/// current view's, then the text field's. Scrolls when it does not fit.
enum HelpOverlay {
    enum Line {
        case heading(String)
        case binding(KeyBinding)
        case note(String)
        case blank
    }

    /// Where the actions start, counted from the box's inner left edge.
    static let actionColumn = 26

    /// The overlay's box inside the body: as tall as its lines (with a margin
    /// when there is room), at most the body.
    static func frame(for view: any ExplorerView, in body: Rect) -> Rect {
        let wanted = lines(for: view).count + 2
        let height = wanted <= body.height - 2 ? wanted : min(wanted, body.height)
        let centred = body.centered(width: min(body.width - 4, 72), height: height)
        // Round the vertical centring down the screen, so a box one row
        // shorter than the body leaves the view's title visible.
        return Rect(x: centred.x, y: body.y + (body.height - centred.height + 1) / 2, width: centred.width, height: centred.height)
    }

    static func lines(for view: any ExplorerView) -> [Line] {
        var lines: [Line] = [.heading("Everywhere")]
        lines += GlobalKeys.bindings.map(Line.binding)
        lines += [.blank, .heading("In \(view.id.title)")]
        lines += view.keyBindings.map(Line.binding)
        lines += [.blank, .heading("In a text field")]
        lines += GlobalKeys.textFieldBindings.map(Line.binding)
        lines += [.blank, .heading("In this help")]
        lines += GlobalKeys.helpBindings.map(Line.binding)
        return lines
    }

    /// The largest scroll offset that still fills the box.
    static func maxScroll(for view: any ExplorerView, body: Rect) -> Int {
        max(0, lines(for: view).count - frame(for: view, in: body).inset(by: 1).height)
    }

    static func render(into canvas: inout Canvas, view: any ExplorerView, body: Rect, scroll: Int, theme: Theme) {
        let frame = frame(for: view, in: body)
        canvas.fill(frame)
        let all = lines(for: view)
        let inner = frame.inset(by: 1)
        let more = all.count > inner.height ? " (\(scroll + 1)-\(min(all.count, scroll + inner.height)) of \(all.count))" : ""
        canvas.box(frame, glyphs: theme.box, style: theme.border, title: "Keys\(more)", titleStyle: theme.title)
        for (row, line) in all.dropFirst(scroll).prefix(inner.height).enumerated() {
            let y = inner.y + row
            switch line {
            case .heading(let text): canvas.text(text, x: inner.x + 1, y: y, style: theme.emphasis, clip: inner)
            case .note(let text): canvas.text(text, x: inner.x + 3, y: y, style: theme.dim, clip: inner)
            case .blank: break
            case .binding(let binding):
                canvas.text(binding.keys, x: inner.x + 3, y: y, style: theme.emphasis, clip: inner)
                canvas.text(binding.action, x: inner.x + actionColumn, y: y, style: theme.text, clip: inner)
            }
        }
    }
}
