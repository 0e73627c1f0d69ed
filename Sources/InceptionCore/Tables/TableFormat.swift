/// The four ways a `Table` can be written: for people (text, Markdown) and for
/// programs (CSV, JSON).
public enum TableFormat: String, CaseIterable, Sendable {
    case text, markdown, csv, json

    /// The format with this name, or a `UserError` listing the known ones.
    public static func named(_ text: String) throws -> TableFormat {
        guard let format = TableFormat(rawValue: text.lowercased()) else {
            throw UserError("unknown format '\(text)' (formats: \(allCases.map(\.rawValue).joined(separator: ", ")))")
        }
        return format
    }

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
