/// Where the Lessons view's panels go: the same rectangles for drawing, clicks
/// and scrolling.
extension LessonsView {
    /// The list panel, the lesson panel, the rows of the list, and the lesson's text
    /// area (one column of gutter marks the selected widget).
    struct Panels {
        var list: Rect
        var listRows: Rect
        var lesson: Rect
        var gutterX: Int
        var text: Rect
    }

    /// Lines longer than this are hard to read, so wide screens leave a margin.
    static let readingWidth = 100

    static func panels(_ area: Rect) -> Panels {
        let (list, lesson) = area.splitLeft(min(34, max(24, area.width / 4)))
        let listInner = list.inset(by: 1)
        let inner = lesson.inset(by: 1)
        return Panels(list: list, listRows: Rect(x: listInner.x, y: listInner.y, width: listInner.width, height: listInner.height - 2),
                      lesson: lesson, gutterX: inner.x,
                      text: Rect(x: inner.x + 2, y: inner.y, width: min(inner.width - 3, readingWidth), height: inner.height))
    }

    static func overlayContent(_ area: Rect) -> Rect {
        let inner = area.inset(by: 1)
        return Rect(x: inner.x + 1, y: inner.y, width: inner.width - 2, height: inner.height)
    }

    /// The first lesson shown, so the selected one is always in the list's rows.
    func listOffset(rows: Int) -> Int {
        max(0, selected - max(1, rows) + 1)
    }
}
