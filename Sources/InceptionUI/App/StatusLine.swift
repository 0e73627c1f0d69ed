/// The bottom row: the keys that work right now (the open text field's, the
/// help's, or the current view's followed by the global ones), and the latest
/// message at the right; only keys that fit whole before it are shown.
enum StatusLine {
    static func render(into canvas: inout Canvas, state: AppState, area: Rect) {
        let theme = state.theme
        canvas.fill(area, with: Cell(" ", style: theme.statusBar))
        if let (prompt, _) = state.prompt {
            let hint = "  Enter confirm  Esc cancel "
            // A long label (an unreadable answer quoted back) gives way: the field keeps 8 columns.
            let room = max(4, area.width - hint.count - 8)
            let label = " \(prompt.label): "
            let shown = label.count <= room ? label : String(label.prefix(room - 3)) + "…: "
            let end = canvas.text(shown, x: area.x, y: area.y, style: theme.statusKey, clip: area)
            let fieldWidth = max(1, area.maxX - end - hint.count)
            prompt.field.render(into: &canvas, area: Rect(x: end, y: area.y, width: fieldWidth, height: 1), style: theme.text, cursorStyle: theme.selection)
            canvas.text(hint, x: end + fieldWidth, y: area.y, style: theme.statusBar, clip: area)
            return
        }
        let bindings = state.helpScroll != nil
            ? GlobalKeys.helpStatusBindings
            : state.currentView.keyBindings + GlobalKeys.statusBindings
        // The message first, at the right; the keys that fit whole before it.
        var keysEnd = area.maxX
        if let message = state.message {
            let width = min(Canvas.displayWidth(message) + 2, area.width - 1)
            let box = Rect(x: area.maxX - width, y: area.y, width: width, height: 1)
            canvas.text(" \(Self.fitted(message, width: width - 2)) ", x: box.x, y: box.y, style: theme.statusKey, clip: box)
            keysEnd = box.x - 1
        }
        var x = area.x + 1
        for binding in bindings {
            let width = binding.keys.count + binding.action.count + 3
            guard x + width <= keysEnd else { break }
            x = canvas.text(binding.keys, x: x, y: area.y, style: theme.statusKey, clip: area)
            x = canvas.text(" \(binding.action)  ", x: x, y: area.y, style: theme.statusBar, clip: area)
        }
    }

    /// `message` in `width` columns: a long one loses its middle, not its end, where a
    /// reason usually is ("could not write …/exports does not exist").
    static func fitted(_ message: String, width: Int) -> String {
        guard Canvas.displayWidth(message) > width, width > 3 else { return message }
        let keep = width - 1
        return String(message.prefix(keep / 3)) + "…" + String(message.suffix(keep - keep / 3))
    }
}
