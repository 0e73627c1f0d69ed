/// The frame-rendering benchmark (`render_frame_200x60_ms` in `bench`): builds
/// the explorer on the Network view at a given size once, then renders full
/// frames from it.
public struct RenderBenchmark: Sendable {
    let state: AppState
    let size: Size

    /// `views` default to the views the explorer opens with.
    public init(width: Int = 200, height: Int = 60, views: [any ExplorerView]? = nil) {
        size = Size(width: width, height: height)
        let options = ExplorerOptions(capabilities: .full)
        var state = AppState(options: options, size: size, views: views ?? StandardViews.make(options: options, environment: [:]))
        state.current = .network
        self.state = state
    }

    /// Frames of an explorer already in `state` (e.g. the Network view showing a module).
    init(state: AppState, size: Size) {
        self.state = state
        self.size = size
    }

    /// Renders one full frame and returns a checksum of its glyphs, so the
    /// work cannot be optimised away.
    public func renderFrame() -> UInt32 {
        App.render(state, size: size).cells.reduce(0) { $0 &+ $1.glyph.value }
    }
}
