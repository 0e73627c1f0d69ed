import InceptionCore

extension LessonsView {
    // MARK: - Layout

    /// The list panel, the lesson panel, the rows of the list, and the lesson's text
    /// area (one column of gutter marks the selected widget). Prose keeps to
    /// `readingWidth`; a table may use the panel's whole width (`tableWidth`), so a
    /// wide experiment table stays a table on a wide screen.
    struct Panels {
        var list: Rect
        var listRows: Rect
        var lesson: Rect
        var gutterX: Int
        var text: Rect
        var tableWidth: Int
    }

    /// Lines longer than this are hard to read, so wide screens leave a margin.
    static let readingWidth = 100

    static func panels(_ area: Rect) -> Panels {
        let (list, lesson) = area.splitLeft(min(34, max(24, area.width / 4)))
        let listInner = list.inset(by: 1)
        let inner = lesson.inset(by: 1)
        return Panels(list: list, listRows: Rect(x: listInner.x, y: listInner.y, width: listInner.width, height: listInner.height - 2),
                      lesson: lesson, gutterX: inner.x,
                      text: Rect(x: inner.x + 2, y: inner.y, width: min(inner.width - 3, readingWidth), height: inner.height),
                      tableWidth: inner.width - 3)
    }

    static func overlayContent(_ area: Rect) -> Rect {
        let inner = area.inset(by: 1)
        return Rect(x: inner.x + 1, y: inner.y, width: inner.width - 2, height: inner.height)
    }

    /// The first lesson shown, so the selected one is always in the list's rows.
    func listOffset(rows: Int) -> Int {
        max(0, selected - max(1, rows) + 1)
    }

    // MARK: - Widgets and pages

    func context(_ slot: Int) -> WidgetContext {
        guard let open else { return WidgetContext(result: nil, selected: false, capabilities: capabilities) }
        let result = open.slots[slot].question.flatMap {
            progress.lessons[catalog.lessons[open.index].entry.fileName]?.questions[$0.id]
        }
        return WidgetContext(result: result, selected: open.widget == slot, capabilities: capabilities)
    }

    func renderer(_ slot: Int) -> (any WidgetRenderer)? {
        guard let open, open.slots.indices.contains(slot) else { return nil }
        if foldedSlots[slot] != nil { return FoldedRenderer() }
        return WidgetRenderers.renderer(for: open.slots[slot], context: context(slot))
    }

    /// The columns slot `slot` may take beyond the prose width: tables take the panel's.
    func extraWidth(_ slot: Int, panels: Panels) -> Int {
        guard let open, foldedSlots[slot] == nil, case .success(.table) = open.slots[safe: slot]?.content else { return 0 }
        return max(0, panels.tableWidth - panels.text.width)
    }

    /// The open lesson laid out in `panels`, nil when none is open or it is unreadable.
    func page(_ panels: Panels) -> LessonPage? {
        guard let open, case .success(let document) = catalog.lessons[open.index].document else { return nil }
        return LessonPage(document: document, width: panels.text.width) { slot, width in
            renderer(slot)?.height(width: width + extraWidth(slot, panels: panels)) ?? 1
        }
    }

    /// Check questions answered right in a lesson, and how many it has.
    func score(_ lesson: LessonCatalog.Lesson) -> (right: Int, total: Int) {
        let record = progress.lessons[lesson.entry.fileName]
        let right = lesson.questionIDs.filter { record?.questions[$0]?.correct == true }.count
        return (right, lesson.questionIDs.count)
    }
}
