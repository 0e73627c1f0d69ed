/// A labelled text field opened by a view, with the tag that tells the view
/// which question the answer belongs to.
public struct TextPrompt: Equatable, Sendable {
    public var label: String
    public var field: TextField
    public var tag: String

    public init(label: String, initial: String = "", tag: String) {
        self.label = label
        self.field = TextField(initial)
        self.tag = tag
    }
}
