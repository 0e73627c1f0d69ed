import InceptionCore
/// A framed error in place of something that could not be drawn (a bad lesson
/// widget, an unreadable file): where it happened and what is wrong. Drawing
/// an error is never a crash, so views use this instead of failing.
public struct ErrorBox: Sendable, Equatable {
    /// Where, e.g. `Lessons/03-reduce.md:12`; nil when there is no place to name.
    public var location: String?
    public var message: String

    public init(location: String? = nil, message: String) {
        self.location = location
        self.message = message
    }

    /// The rows the box needs at `width` columns (frame included).
    public func height(width: Int) -> Int {
        bodyLines(width: width).count + 2
    }

    public func render(into canvas: inout Canvas, area: Rect, theme: Theme) {
        guard area.width >= 4, area.height >= 2 else { return }
        canvas.fill(area)
        canvas.box(area, glyphs: theme.box, style: theme.error, title: "error", titleStyle: theme.error)
        let inner = Rect(x: area.x + 2, y: area.y + 1, width: area.width - 4, height: area.height - 2)
        for (row, line) in bodyLines(width: area.width).prefix(inner.height).enumerated() {
            canvas.text(line, x: inner.x, y: inner.y + row, style: row == 0 && location != nil ? theme.emphasis : theme.text, clip: inner)
        }
    }

    private func bodyLines(width: Int) -> [String] {
        let inner = max(1, width - 4)
        return (location.map { TextWrap.lines($0, width: inner) } ?? []) + TextWrap.lines(message, width: inner)
    }
}
