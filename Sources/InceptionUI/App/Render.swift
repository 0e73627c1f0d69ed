import InceptionCore
extension App {
    /// The whole frame for `state` on a screen of `size`: header, the current
    /// view, status line, and the help overlay on top when it is open. Below
    /// the minimum size, only a centred request to enlarge the terminal.
    public static func render(_ state: AppState, size: Size) -> Canvas {
        let theme = state.theme
        var canvas = theme.canvas(size)
        let layout = Layout(size: size)
        guard layout.fits else {
            renderTooSmall(into: &canvas, size: size, theme: theme, fieldOpen: state.prompt != nil)
            return canvas
        }
        renderHeader(into: &canvas, layout: layout, current: state.current, theme: theme)
        state.currentView.render(into: &canvas, area: layout.body, theme: theme)
        if let scroll = state.helpScroll {
            HelpOverlay.render(into: &canvas, view: state.currentView, body: layout.body, scroll: scroll, theme: theme)
        }
        StatusLine.render(into: &canvas, state: state, area: layout.status)
        return canvas
    }

    /// The request for room, and the one key that acts meanwhile (`App.update`).
    private static func renderTooSmall(into canvas: inout Canvas, size: Size, theme: Theme, fieldOpen: Bool) {
        let lines = TextWrap.lines("enlarge the terminal to at least \(Layout.minimumSize.width)x\(Layout.minimumSize.height)", width: size.width)
            + TextWrap.lines("(now \(size.width)x\(size.height); \(fieldOpen ? "Esc closes the text field" : "q quits"))", width: size.width)
        let top = max(0, (size.height - lines.count) / 2)
        for (row, line) in lines.enumerated() {
            canvas.centeredText(line, in: canvas.bounds, y: top + row, style: row == 0 ? theme.emphasis : theme.dim)
        }
    }

    private static func renderHeader(into canvas: inout Canvas, layout: Layout, current: ViewID, theme: Theme) {
        canvas.fill(layout.header, with: Cell(" ", style: theme.headerBar))
        for (view, rect) in zip(ViewID.allCases, layout.tabs) {
            let style = view == current ? theme.activeTab : theme.inactiveTab
            canvas.text(" \(view.tabLabel) ", x: rect.x, y: rect.y, style: style, clip: rect)
        }
        if let name = layout.appName {
            canvas.text(" \(Layout.appName) ", x: name.x, y: name.y, style: theme.headerBar.with(.bold), clip: name)
        }
    }
}
