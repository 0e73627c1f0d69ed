/// Runs the explorer without a terminal: events go through `App.update`, the
/// frame is rendered into a canvas kept in memory, and the screen is read back
/// as text. Every screen of the explorer is tested through this.
public struct TestBackend: Sendable {
    public private(set) var state: AppState
    /// Every effect `update` asked for, in order.
    public private(set) var effects: [Effect] = []

    /// Starts at `size`, as the real backend does: with a resize event.
    public init(options: ExplorerOptions = ExplorerOptions(capabilities: .full), size: Size, views: [any ExplorerView]? = nil) {
        state = AppState(options: options, size: size, views: views)
        send(.resize(size))
    }

    public mutating func send(_ event: Event) {
        let (next, newEffects) = App.update(state, event)
        state = next
        effects += newEffects
    }

    public mutating func press(_ keys: Key...) {
        for key in keys { send(.key(key)) }
    }

    /// Types each character of `text` as a key.
    public mutating func type(_ text: String) {
        for character in text { send(.key(.character(character))) }
    }

    /// Performs the file writes asked for so far (as the curses loop does)
    /// and sends their outcomes back as events.
    public mutating func performFileWrites() {
        let pending = effects
        effects = []
        for case .writeFile(let path, let contents) in pending {
            send(EffectPerformer.write(path: path, contents: contents))
        }
        effects += pending.filter { if case .writeFile = $0 { false } else { true } }
    }

    public mutating func resize(to size: Size) { send(.resize(size)) }

    /// The current frame.
    public var canvas: Canvas { App.render(state, size: state.size) }

    /// The current frame as text, one string per row.
    public var lines: [String] { canvas.lines() }

    /// The current frame as one string, rows joined by newlines.
    public var screen: String { lines.joined(separator: "\n") }
}
