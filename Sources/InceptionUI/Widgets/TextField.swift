/// A single-line text field: while it is open every key goes to it (digits and
/// `q` are text, not commands); Enter confirms, Esc cancels.
public struct TextField: Equatable, Sendable {
    public private(set) var characters: [Character]
    /// The insertion point, 0...characters.count.
    public private(set) var cursor: Int

    public init(_ text: String = "") {
        characters = Array(text)
        cursor = characters.count
    }

    public var text: String { String(characters) }

    /// What a key did to the field.
    public enum Outcome: Equatable, Sendable {
        case editing
        case confirmed(String)
        case cancelled
    }

    public mutating func handle(_ key: Key) -> Outcome {
        switch key {
        case .enter: return .confirmed(text)
        case .escape: return .cancelled
        case .character(let c):
            characters.insert(c, at: cursor)
            cursor += 1
        case .backspace where cursor > 0:
            characters.remove(at: cursor - 1)
            cursor -= 1
        case .left: cursor = max(0, cursor - 1)
        case .right: cursor = min(characters.count, cursor + 1)
        case .home: cursor = 0
        case .end: cursor = characters.count
        default: break
        }
        return .editing
    }

    /// Draws the field in one row of `area`, scrolled so the cursor is visible;
    /// the cursor is a cell in `cursorStyle`.
    public func render(into canvas: inout Canvas, area: Rect, style: Style, cursorStyle: Style) {
        guard area.width > 0, area.height > 0 else { return }
        let first = max(0, cursor - (area.width - 1))
        canvas.fill(Rect(x: area.x, y: area.y, width: area.width, height: 1), with: Cell(" ", style: style))
        let visible = String(characters[first..<min(characters.count, first + area.width)])
        canvas.text(visible, x: area.x, y: area.y, style: style, clip: area)
        let cursorX = area.x + cursor - first
        let under: Unicode.Scalar = cursor < characters.count ? (String(characters[cursor]).unicodeScalars.first ?? " ") : " "
        canvas[cursorX, area.y] = Cell(under, style: cursorStyle)
    }
}
