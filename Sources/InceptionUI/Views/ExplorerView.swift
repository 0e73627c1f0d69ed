import InceptionCore

/// What a view receives: a key, a click (screen coordinates, inside the view's
/// area), a tick about ten times a second for work that runs on its own, or an
/// update from a background job the view started.
public enum ViewInput: Hashable, Sendable {
    case key(Key)
    case click(x: Int, y: Int)
    case tick
    case job(JobUpdate)
}

/// What a view asks the shell to do after an input.
public enum ViewCommand: Equatable, Sendable {
    /// A side effect for the backend to perform (quit, write a file).
    case effect(Effect)
    /// Opens a single-line text field; the text confirmed with Enter comes back
    /// through `textEntered(_:tag:area:)` with the same tag.
    case openTextField(TextPrompt)
    /// A one-line message for the status line (e.g. the path of a saved file).
    case message(String)
    /// Shows a retrained variant in the Network view and switches to it.
    case showVariant(TrainedVariant)
}

/// One view of the explorer (a tab). Views are values: `handle` changes the
/// view's own state and returns what the shell should do, so the whole app's
/// update stays a pure function of (state, event). A new view plugs in by
/// conforming to this protocol and taking its place in `AppState.views`.
public protocol ExplorerView: Sendable {
    /// Which tab this view fills.
    var id: ViewID { get }
    /// The keys this view understands, for the status line and the help overlay.
    var keyBindings: [KeyBinding] { get }
    /// Reacts to an input; `area` is where the view is drawn.
    mutating func handle(_ input: ViewInput, area: Rect) -> [ViewCommand]
    /// Receives the text confirmed in a field this view opened.
    mutating func textEntered(_ text: String, tag: String, area: Rect) -> [ViewCommand]
    /// Receives a variant another view asked to show (`ViewCommand.showVariant`).
    mutating func show(_ variant: TrainedVariant) -> [ViewCommand]
    /// Draws the view into `area` of `canvas`.
    func render(into canvas: inout Canvas, area: Rect, theme: Theme)
}

extension ExplorerView {
    public mutating func handle(_ input: ViewInput, area: Rect) -> [ViewCommand] { [] }
    public mutating func textEntered(_ text: String, tag: String, area: Rect) -> [ViewCommand] { [] }
    public mutating func show(_ variant: TrainedVariant) -> [ViewCommand] { [] }
}
