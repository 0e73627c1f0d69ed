import Foundation

extension Table {
    /// GitHub-flavoured Markdown: a bold title, a pipe table with number columns
    /// right-aligned (`---:`), notes as a list. A pipe in a cell is escaped and a
    /// line break becomes `<br>`, so one row stays one line.
    func renderMarkdown() -> String {
        let cells = gridRows
        let numeric = columns.indices.map { i in cells.contains { $0[i].isNumeric } }
        func line(_ fields: [String]) -> String {
            "| " + fields.map { $0.replacingOccurrences(of: "|", with: "\\|").replacingOccurrences(of: "\n", with: "<br>") }.joined(separator: " | ") + " |"
        }
        var out = ["**\(title)**", "", line(columns)]
        out.append("|" + numeric.map { $0 ? " ---: |" : " --- |" }.joined())
        out += cells.map { line($0.map(\.plain)) }
        if !notes.isEmpty { out += [""] + notes.map { "- " + $0 } }
        return out.joined(separator: "\n") + "\n"
    }
}
