/// The four ways a `Table` can be written: for people (text, Markdown) and for
/// programs (CSV, JSON).
public enum TableFormat: String, NamedChoice, Sendable {
    case text, markdown, csv, json

    public static let choiceKind = "format"

    /// The usual file extension, for default export names.
    public var fileExtension: String {
        switch self {
        case .text: "txt"
        case .markdown: "md"
        case .csv: "csv"
        case .json: "json"
        }
    }
}
