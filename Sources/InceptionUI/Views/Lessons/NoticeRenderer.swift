import InceptionCore

/// A titled text, such as an experiment that has not been run yet.
struct NoticeRenderer: WidgetRenderer {
    var notice: WidgetNotice

    var title: String { notice.title }

    func height(width: Int) -> Int { lines(width: width).count }

    func render(into canvas: inout Canvas, area: Rect, theme: Theme) {
        for (row, line) in lines(width: area.width).prefix(area.height).enumerated() {
            canvas.text(line.text, x: area.x, y: area.y + row, style: line.isTitle ? theme.title : theme.text, clip: area)
        }
    }

    private func lines(width: Int) -> [(text: String, isTitle: Bool)] {
        let wrap = { (text: String) in TextWrap.wrap(text, width: max(width, 1)) }
        return wrap(notice.title).map { ($0, true) } + notice.paragraphs.flatMap(wrap).map { ($0, false) }
    }
}
