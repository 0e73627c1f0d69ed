/// Everything that can happen to the explorer: a key, a mouse click at a cell
/// (0-based, screen coordinates), a new terminal size, a tick about ten times a
/// second while no key arrives, the outcome of a file the backend wrote, or
/// what a background job reported.
public enum Event: Hashable, Sendable {
    case key(Key)
    case click(x: Int, y: Int)
    case resize(Size)
    case tick
    case fileWritten(path: String, error: String?)
    case job(JobUpdate)
}
