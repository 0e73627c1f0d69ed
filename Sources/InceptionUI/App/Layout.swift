/// Where everything goes on a screen of a given size: a pure function from the
/// terminal size to named rectangles, so it is tested without a terminal.
public struct Layout: Equatable, Sendable {
    /// The smallest screen the explorer draws on; below it, a message asks for more.
    public static let minimumSize = Size(width: 80, height: 24)
    static let appName = "Inception Explorer"

    public let size: Size
    /// False below 80x24: then only the "enlarge" message is drawn.
    public let fits: Bool
    /// The top row: the tabs and the app name.
    public let header: Rect
    /// One rectangle per tab, in `ViewID.allCases` order: where a click selects it.
    public let tabs: [Rect]
    /// The app name at the right of the header, when there is room for it.
    public let appName: Rect?
    /// Everything between header and status line: the current view's area.
    public let body: Rect
    /// The bottom row: the keys of the current view, messages, an open text field.
    public let status: Rect

    public init(size: Size) {
        self.size = size
        fits = size.width >= Layout.minimumSize.width && size.height >= Layout.minimumSize.height
        let screen = Rect(x: 0, y: 0, width: size.width, height: size.height)
        let (header, rest) = screen.splitTop(1)
        let (body, status) = rest.splitBottom(1)
        self.header = header
        self.body = body
        self.status = status
        var x = 1
        var tabs: [Rect] = []
        for view in ViewID.allCases {
            let width = view.tabLabel.count + 2
            tabs.append(Rect(x: x, y: 0, width: width, height: 1))
            x += width + 1
        }
        self.tabs = tabs
        let nameWidth = Layout.appName.count + 2
        appName = size.width - nameWidth >= x ? Rect(x: size.width - nameWidth, y: 0, width: nameWidth, height: 1) : nil
    }

    /// The view whose tab is at (x, y), if any.
    public func tab(atX x: Int, y: Int) -> ViewID? {
        tabs.firstIndex { $0.contains(x: x, y: y) }.map { ViewID.allCases[$0] }
    }

    /// The named rectangles, for drawing the layout as boxes in tests.
    public var namedRects: [(name: String, rect: Rect)] {
        [("header", header), ("body", body), ("status", status)]
            + zip(ViewID.allCases, tabs).map { ("tab \($0.rawValue)", $1) }
            + (appName.map { [("name", $0)] } ?? [])
    }
}
