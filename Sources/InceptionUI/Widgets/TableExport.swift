import Foundation
import InceptionCore

/// The `x` dialog every view shares: a field asks for the format (text,
/// markdown, csv, json), a second for the path (default `./<name>.<ext>` in the
/// current directory); the table is then written atomically as an `Effect`, and
/// the written path or the error comes back to the status line.
public enum TableExport {
    static let formatTag = "export.format"
    static let pathTagPrefix = "export.path."

    public static let binding = KeyBinding("x", "export the table")

    /// Opens the format question.
    public static func begin() -> [ViewCommand] {
        let names = TableFormat.allCases.map(\.rawValue).joined(separator: ", ")
        return [.openTextField(TextPrompt(label: "Export format (\(names))", initial: TableFormat.text.rawValue, tag: formatTag))]
    }

    /// Answers the text confirmed in an export field. Returns nil when `tag` is
    /// not an export question (the view's own field). `table` is asked for only
    /// when the file is written, so it shows the view as it is then.
    public static func answer(_ text: String, tag: String, name: String, table: () throws -> Table) -> [ViewCommand]? {
        let text = text.trimmingCharacters(in: .whitespaces)
        if tag == formatTag {
            do {
                let format = try TableFormat.named(text)
                return [.openTextField(TextPrompt(label: "Export \(format.rawValue) to", initial: "./\(name).\(format.fileExtension)",
                                                  tag: pathTagPrefix + format.rawValue))]
            } catch {
                return [.message("\(error)")]
            }
        }
        guard tag.hasPrefix(pathTagPrefix), let format = TableFormat(rawValue: String(tag.dropFirst(pathTagPrefix.count))) else {
            return nil
        }
        guard !text.isEmpty else { return [.message("nothing exported: no path given")] }
        do {
            let contents = try table().rendered(as: format)
            let path = NSString(string: text).expandingTildeInPath
            return [.effect(.writeFile(path: path, contents: Array(contents.utf8)))]
        } catch {
            return [.message("\(error)")]
        }
    }
}
