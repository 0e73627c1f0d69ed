import InceptionCore

extension LessonsView {
    public func render(into canvas: inout Canvas, area: Rect, theme: Theme) {
        let panels = Self.panels(area)
        renderList(into: &canvas, panels: panels, theme: theme)
        renderLesson(into: &canvas, panels: panels, theme: theme)
        if let overlay, let renderer = renderer(overlay.slot) {
            renderOverlay(renderer, scroll: overlay.scroll, into: &canvas, area: area, theme: theme)
        }
    }

    private func frameStyle(_ focused: Bool, theme: Theme) -> Style {
        focused ? theme.title : theme.border
    }

    private func renderList(into canvas: inout Canvas, panels: Panels, theme: Theme) {
        let seen = catalog.lessons.filter { progress.isSeen($0.entry.fileName) }.count
        let title = catalog.lessons.isEmpty ? "Lessons" : "Lessons \(seen)/\(catalog.lessons.count) seen"
        canvas.box(panels.list, glyphs: theme.box, style: frameStyle(focus == .list && overlay == nil, theme: theme), title: title, titleStyle: theme.title)
        let rows = panels.listRows
        guard !catalog.lessons.isEmpty else {
            canvas.text("(no lessons)", x: rows.x + 1, y: rows.y, style: theme.dim, clip: rows)
            return
        }
        let digits = String(catalog.lessons.count).count
        let offset = listOffset(rows: rows.height)
        for (row, index) in (offset..<catalog.lessons.count).prefix(rows.height).enumerated() {
            let lesson = catalog.lessons[index]
            let y = rows.y + row
            let line = Rect(x: rows.x, y: y, width: rows.width, height: 1)
            let isSelected = index == selected
            let base = isSelected ? (focus == .list ? theme.selection : theme.emphasis) : theme.text
            canvas.fill(line, with: Cell(" ", style: base))
            let mark = progress.isSeen(lesson.entry.fileName) ? Self.seenMark(theme) : Self.unseenMark(theme)
            let number = String(repeating: " ", count: digits - String(index + 1).count) + String(index + 1)
            let score = score(lesson)
            let scoreText = score.total > 0 ? " \(score.right)/\(score.total)" : ""
            let titleWidth = max(1, rows.width - 4 - digits - scoreText.count)
            var x = canvas.text(" \(mark) ", x: rows.x, y: y, style: base, clip: line)
            x = canvas.text("\(number) ", x: x, y: y, style: base, clip: line)
            canvas.text(Self.clipped(lesson.entry.title, to: titleWidth), x: x, y: y, style: base, clip: line)
            if !scoreText.isEmpty {
                let style = score.right == score.total ? base.with(.bold) : base
                canvas.text(scoreText, x: line.maxX - scoreText.count, y: y, style: style, clip: line)
            }
        }
        let legend = Rect(x: rows.x, y: rows.maxY, width: rows.width, height: 2)
        let legendLines = notice.map { TextWrap.wrap($0, width: legend.width) }
            ?? ["\(Self.seenMark(theme)) seen  \(Self.unseenMark(theme)) not yet", "n/m questions right"]
        for (row, line) in legendLines.suffix(legend.height).enumerated() {
            canvas.text(line, x: legend.x, y: legend.y + row, style: notice == nil ? theme.dim : theme.error, clip: legend)
        }
    }

    private func renderLesson(into canvas: inout Canvas, panels: Panels, theme: Theme) {
        let frame = frameStyle(focus == .lesson && overlay == nil, theme: theme)
        guard let open else {
            canvas.box(panels.lesson, glyphs: theme.box, style: frame, title: "Lesson", titleStyle: theme.title)
            renderMessage(into: &canvas, panels: panels, theme: theme)
            return
        }
        let lesson = catalog.lessons[open.index]
        canvas.box(panels.lesson, glyphs: theme.box, style: frame, title: "\(open.index + 1). \(lesson.entry.title)", titleStyle: theme.title)
        let text = panels.text
        guard let page = page(panels) else {
            let problem = (try? lesson.document.get()) == nil ? Self.problem(lesson.document) : "cannot lay out the lesson"
            Self.renderError(ErrorBox(location: lesson.entry.path, message: problem), at: text, into: &canvas, theme: theme)
            return
        }
        let scroll = min(open.scroll, max(0, page.lines.count - text.height))
        let styles = LessonStyles(theme: theme)
        var drawn: [Int: Canvas] = [:]
        for row in 0..<min(text.height, page.lines.count - scroll) {
            let y = text.y + row
            switch page.lines[scroll + row] {
            case .text(let runs):
                draw(runs, at: text.x, y: y, clip: text, styles: styles, into: &canvas)
            case .widget(let slot, let widgetRow, let prefix):
                let x = draw(prefix, at: text.x, y: y, clip: text, styles: styles, into: &canvas)
                if drawn[slot] == nil, let renderer = renderer(slot) {
                    var widget = theme.canvas(Size(width: text.maxX - x + extraWidth(slot, panels: panels), height: page.widgetRows[slot].count))
                    renderer.render(into: &widget, area: widget.bounds, theme: theme)
                    drawn[slot] = widget
                }
                if let widget = drawn[slot], widgetRow < widget.height {
                    for column in 0..<widget.width { canvas[x + column, y] = widget[column, widgetRow] }
                }
                if slot == open.widget { canvas[panels.gutterX, y] = Cell("┃", style: theme.title) }
            }
        }
        if page.lines.count > text.height {
            let position = " \(scroll + 1)-\(min(page.lines.count, scroll + text.height)) of \(page.lines.count) "
            canvas.text(position, x: panels.lesson.maxX - 2 - position.count, y: panels.lesson.maxY - 1, style: frame, clip: panels.lesson)
        }
    }

    /// What the lesson panel says before a lesson is open: how to start, or why there
    /// is nothing to open.
    private func renderMessage(into canvas: inout Canvas, panels: Panels, theme: Theme) {
        let text = panels.text
        if let problem = catalog.problem {
            Self.renderError(ErrorBox(location: catalog.directory, message: problem), at: text, into: &canvas, theme: theme)
            return
        }
        let message = catalog.lessons.isEmpty
            ? "There are no lessons in \(catalog.directory ?? "the lessons folder"). A lesson is a Markdown file such as 01-topic.md; start the explorer with --lessons DIR to read another folder."
            : "Choose a lesson with ↑ ↓ (or j k) and open it with Enter or →. In a lesson, n and N select a widget and Enter opens it at full size or answers a check question; ← goes back to the list."
        for (row, line) in TextWrap.wrap(message, width: text.width).prefix(text.height).enumerated() {
            canvas.text(line, x: text.x, y: text.y + row, style: theme.text, clip: text)
        }
    }

    private func renderOverlay(_ renderer: any WidgetRenderer, scroll: Int, into canvas: inout Canvas, area: Rect, theme: Theme) {
        canvas.fill(area)
        // The widget's title gives way before "(Esc closes)" does: it is the way out.
        let title = Self.clipped(renderer.title, to: max(0, area.width - 4 - " (Esc closes)".count))
        canvas.box(area, glyphs: theme.box, style: theme.title, title: "\(title) (Esc closes)", titleStyle: theme.title)
        let inner = Self.overlayContent(area)
        let height = renderer.height(width: inner.width)
        var widget = theme.canvas(Size(width: inner.width, height: height))
        renderer.render(into: &widget, area: widget.bounds, theme: theme)
        let scroll = min(scroll, max(0, height - inner.height))
        for row in 0..<min(inner.height, height - scroll) {
            for column in 0..<inner.width { canvas[inner.x + column, inner.y + row] = widget[column, scroll + row] }
        }
        if height > inner.height {
            let position = " \(scroll + 1)-\(min(height, scroll + inner.height)) of \(height) "
            canvas.text(position, x: area.maxX - 2 - position.count, y: area.maxY - 1, style: theme.title, clip: area)
        }
    }

    /// `box` at the top of `area`, as tall as it needs (at most the area).
    private static func renderError(_ box: ErrorBox, at area: Rect, into canvas: inout Canvas, theme: Theme) {
        box.render(into: &canvas, area: Rect(x: area.x, y: area.y, width: area.width, height: min(area.height, box.height(width: area.width))), theme: theme)
    }

    @discardableResult
    private func draw(_ runs: [PageRun], at x: Int, y: Int, clip: Rect, styles: LessonStyles, into canvas: inout Canvas) -> Int {
        var x = x
        for run in runs { x = canvas.text(run.text, x: x, y: y, style: styles.style(run.role), clip: clip) }
        return x
    }

    /// A tick, or `x` on an ASCII terminal (the Unicode tick has no ASCII stand-in).
    static func seenMark(_ theme: Theme) -> String { theme.asciiOnly ? "x" : "✓" }

    static func unseenMark(_ theme: Theme) -> String { theme.asciiOnly ? "." : "·" }

    static func problem(_ document: Result<LessonDocument, UserError>) -> String {
        if case .failure(let error) = document { return error.message }
        return ""
    }

    /// `text` cut to `width` characters, with `…` when cut.
    static func clipped(_ text: String, to width: Int) -> String {
        text.count <= width ? text : String(text.prefix(max(0, width - 1))) + "…"
    }
}
