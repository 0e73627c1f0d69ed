/// Everything the explorer shows, as one value: `App.update` makes the next one
/// from an event, `App.render` draws it.
public struct AppState: Sendable {
    public var options: ExplorerOptions
    public var theme: Theme
    /// The last size the terminal reported (used for paging and help scrolling).
    public var size: Size
    /// One view per tab, in `ViewID.allCases` order.
    public var views: [any ExplorerView]
    public var current: ViewID
    /// The help overlay's scroll offset, when it is open.
    public var helpScroll: Int?
    /// The open text field and the view it answers to.
    public var prompt: (prompt: TextPrompt, owner: ViewID)?
    /// A one-line message in the status line, until the next key.
    public var message: String?

    /// A fresh explorer on the first view, with one view per tab in tab order.
    public init(options: ExplorerOptions, size: Size, views: [any ExplorerView]) {
        self.options = options
        theme = Theme(options.capabilities)
        self.size = size
        self.views = views
        precondition(self.views.map(\.id) == ViewID.allCases, "one view per tab, in tab order")
        current = .lessons
        helpScroll = nil
        prompt = nil
        message = nil
    }

    public var currentView: any ExplorerView { views[current.rawValue - 1] }
    public var layout: Layout { Layout(size: size) }
}
