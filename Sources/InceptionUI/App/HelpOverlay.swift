/// The `?` overlay: every key of the explorer, global ones first, then the
/// current view's, then the text field's. Scrolls when it does not fit.
enum HelpOverlay {
    /// The overlay's box inside the body: as tall as its lines, at most the body less a margin.
    static func frame(for view: any ExplorerView, in body: Rect) -> Rect {
        body.centered(width: min(body.width - 4, 72), height: min(body.height - 2, lines(for: view).count + 2))
    }

    /// The lines inside the box.
    static func lines(for view: any ExplorerView) -> [(text: String, heading: Bool)] {
        var lines: [(String, Bool)] = [("Everywhere", true)]
        lines += GlobalKeys.bindings.map { (row($0), false) }
        lines.append(("", false))
        lines.append(("In \(view.id.title)", true))
        lines += view.keyBindings.isEmpty ? [("  (no keys of its own yet)", false)] : view.keyBindings.map { (row($0), false) }
        lines.append(("", false))
        lines.append(("In a text field", true))
        lines += GlobalKeys.textFieldBindings.map { (row($0), false) }
        lines.append(("", false))
        lines.append(("In this help", true))
        lines += GlobalKeys.helpBindings.map { (row($0), false) }
        return lines
    }

    private static func row(_ binding: KeyBinding) -> String {
        let keys = binding.keys + String(repeating: " ", count: max(0, 22 - binding.keys.count))
        return "  \(keys)  \(binding.action)"
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
            canvas.text(line.text, x: inner.x + 1, y: inner.y + row, style: line.heading ? theme.emphasis : theme.text, clip: inner)
        }
    }
}
