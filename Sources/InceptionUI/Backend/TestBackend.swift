import Foundation

/// Runs the explorer without a terminal: events go through `App.update`, the
/// frame is rendered into a canvas kept in memory, and the screen is read back
/// as text. Every screen of the explorer is tested through this. Background jobs
/// start and cancel as soon as they are asked for and report on `.tick`, as in
/// the curses loop; file writes and saved progress wait for `performEffects()`,
/// so a test can look at what was asked first.
public struct TestBackend: Sendable {
    public private(set) var state: AppState
    /// Every effect `update` asked for and `performEffects()` has not performed, in order.
    public private(set) var effects: [Effect] = []
    /// A home where nothing can ever be saved or found (`/dev/null` is not a folder).
    public static let emptyHome = ["HOME": "/dev/null"]

    /// The same performer as the curses loop's.
    let performer = EffectPerformer()

    /// Starts at `size`, as the real backend does: with a resize event. `views`
    /// default to the standard views as a user without saved files sees them.
    public init(options: ExplorerOptions = ExplorerOptions(capabilities: .full), size: Size, views: [any ExplorerView]? = nil) {
        state = AppState(options: options, size: size, views: views ?? StandardViews.make(options: options, environment: Self.emptyHome))
        send(.resize(size))
    }

    public mutating func send(_ event: Event) {
        let (next, newEffects) = App.update(state, event)
        state = next
        for effect in newEffects {
            switch effect {
            case .startJob, .cancelJob: _ = performer.perform(effect)
            default: effects.append(effect)
            }
        }
        if event == .tick {
            for update in performer.jobEvents() { send(update) }
        }
    }

    /// Ticks every 5 ms until no background job is running and every update
    /// has been delivered, or `seconds` pass.
    public mutating func waitForJobs(seconds: Double = 60) {
        let deadline = ContinuousClock.now + .milliseconds(Int(seconds * 1000))
        repeat {
            usleep(5_000)
            send(.tick)
        } while !performer.jobsIdle && ContinuousClock.now < deadline
        send(.tick)
    }

    public mutating func press(_ keys: Key...) {
        for key in keys { send(.key(key)) }
    }

    /// Types each character of `text` as a key.
    public mutating func type(_ text: String) {
        for character in text { send(.key(.character(character))) }
    }

    /// Performs the file writes and progress saves asked for so far (as the
    /// curses loop does) and sends their outcomes back as events; `.quit` stays.
    public mutating func performEffects() {
        let pending = effects
        effects = pending.filter { if case .quit = $0 { true } else { false } }
        for effect in pending {
            for event in performer.perform(effect) { send(event) }
        }
    }

    public mutating func resize(to size: Size) { send(.resize(size)) }

    /// The current frame.
    public var canvas: Canvas { App.render(state, size: state.size) }

    /// The current frame as text, one string per row.
    public var lines: [String] { canvas.lines() }

    /// The current frame as one string, rows joined by newlines.
    public var screen: String { lines.joined(separator: "\n") }
}
