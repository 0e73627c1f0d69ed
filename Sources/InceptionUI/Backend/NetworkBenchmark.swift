import InceptionCore

/// The Network view's benchmarks for `bench`: `network_step_ms` (one Inception
/// step computed and its frame rendered) and `render_frame_200x60_ms` (a full
/// frame of the view showing a module), both at 200x60 on the given network.
public struct NetworkBenchmark: Sendable {
    let state: AppState
    let size: Size

    /// The explorer on the Network view at `width` x `height`, stepped up to
    /// (not including) module 3a, on test image 0.
    public init(network: InceptionNetwork, width: Int = 200, height: Int = 60) {
        let view = NetworkView(network: network, weights: .init(trained: true, text: "benchmark"), input: .testSample(0),
                               theme: Theme(.full))
        self.init(view: view, width: width, height: height)
    }

    /// With the weights the explorer would use (the shipped file, or the seeded fallback).
    public static func shipped(width: Int = 200, height: Int = 60) -> NetworkBenchmark {
        NetworkBenchmark(view: NetworkView.load(options: ExplorerOptions(capabilities: .full)), width: width, height: height)
    }

    private init(view start: NetworkView, width: Int, height: Int) {
        size = Size(width: width, height: height)
        let options = ExplorerOptions(capabilities: .full)
        var view = start
        let area = Layout(size: size).body
        while let layer = view.run.layer(view.run.next)?.layer {
            if case .inception = layer { break }
            _ = view.handle(.key(.character(" ")), area: area)
        }
        var views = StandardViews.make(options: options, environment: [:])
        views[ViewID.network.rawValue - 1] = view
        var state = AppState(options: options, size: size, views: views)
        state.current = .network
        self.state = state
    }

    /// One Inception step: the key press that computes the module, then the
    /// frame that shows it. Returns a checksum so the work is not optimised away.
    public func inceptionStep() -> UInt32 {
        let (next, _) = App.update(state, .key(.character(" ")))
        return checksum(App.render(next, size: size))
    }

    /// The state after the Inception step, for timing frames alone.
    public func afterStep() -> RenderBenchmark {
        RenderBenchmark(state: App.update(state, .key(.character(" "))).0, size: size)
    }

    private func checksum(_ canvas: Canvas) -> UInt32 {
        canvas.cells.reduce(0) { $0 &+ $1.glyph.value }
    }
}
