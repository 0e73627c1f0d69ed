/// A key press in the project's own terms. The curses backend translates its
/// key codes into this at the border; nothing else sees curses codes.
public enum Key: Hashable, Sendable {
    case up, down, left, right
    case pageUp, pageDown, home, end
    case enter, escape, tab, backTab, backspace
    case ctrlC
    case character(Character)

    /// The direction this key moves in, counting the vi keys h j k l alongside
    /// the arrows. Views that use those letters for something else check the
    /// arrows themselves.
    public var direction: Direction? {
        switch self {
        case .up, .character("k"): .up
        case .down, .character("j"): .down
        case .left, .character("h"): .left
        case .right, .character("l"): .right
        default: nil
        }
    }
}

/// One of the four movement directions.
public enum Direction: Sendable {
    case up, down, left, right
}
