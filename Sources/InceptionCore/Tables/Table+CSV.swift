import Foundation

extension Table {
    /// CSV as RFC 4180 quotes it: a field holding a comma, a double quote or a line
    /// break is quoted and its quotes doubled. Header row first; plain integers;
    /// empty fields where a value does not apply. Lines end with LF (as most tools
    /// write and every RFC 4180 reader accepts). Title and notes are left out so
    /// the file is pure data.
    func renderCSV() -> String {
        let lines = [columns.map(Self.csvField)] + gridRows.map { $0.map { Self.csvField($0.plain) } }
        return lines.map { $0.joined(separator: ",") }.joined(separator: "\n") + "\n"
    }

    static func csvField(_ text: String) -> String {
        guard text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
