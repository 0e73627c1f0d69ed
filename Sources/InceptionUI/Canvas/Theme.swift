/// The styles and glyphs every view draws with, derived from the terminal's
/// capabilities so that a monochrome or ASCII terminal gets a readable screen
/// (attributes instead of colours, `+-|` instead of box drawing).
public struct Theme: Sendable, Equatable {
    public let capabilities: Capabilities
    public let box: BoxGlyphs
    public let text: Style
    public let dim: Style
    public let emphasis: Style
    public let border: Style
    public let title: Style
    public let headerBar: Style
    public let activeTab: Style
    public let inactiveTab: Style
    public let statusBar: Style
    public let statusKey: Style
    public let error: Style
    public let selection: Style

    public init(_ capabilities: Capabilities) {
        self.capabilities = capabilities
        box = capabilities.unicode ? .unicode : .ascii
        text = .plain
        emphasis = Style(attributes: .bold)
        selection = Style(attributes: .reverse)
        switch capabilities.color {
        case .none:
            dim = Style(attributes: .dim)
            border = .plain
            title = Style(attributes: .bold)
            headerBar = .plain
            activeTab = Style(attributes: [.reverse, .bold])
            inactiveTab = .plain
            statusBar = Style(attributes: .reverse)
            statusKey = Style(attributes: [.reverse, .bold])
            error = Style(attributes: [.bold, .underline])
        case .eight, .palette256:
            dim = Style(fg: .white, attributes: .dim)
            border = Style(fg: .cyan)
            title = Style(fg: .yellow, attributes: .bold)
            headerBar = Style(fg: .white, bg: .blue)
            activeTab = Style(fg: .black, bg: .yellow, attributes: .bold)
            inactiveTab = Style(fg: .white, bg: .blue)
            statusBar = Style(fg: .black, bg: .cyan)
            statusKey = Style(fg: .black, bg: .cyan, attributes: .bold)
            error = Style(fg: .red, attributes: .bold)
        }
    }

    public var asciiOnly: Bool { !capabilities.unicode }

    /// A blank canvas of `size` that enforces this theme's ASCII restriction.
    public func canvas(_ size: Size) -> Canvas {
        Canvas(width: size.width, height: size.height, asciiOnly: asciiOnly)
    }
}
