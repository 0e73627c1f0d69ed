/// ASCII stand-ins for the few non-ASCII characters the explorer's own text
/// uses, so `--ascii` never draws anything outside ASCII.
enum ASCIIFallback {
    static func replacement(for scalar: Unicode.Scalar) -> String {
        switch scalar {
        case "—", "–", "─", "━": return "-"
        case "‘", "’": return "'"
        case "“", "”": return "\""
        case "…": return "..."
        case "×": return "x"
        case "→": return "->"
        case "←": return "<-"
        case "↑": return "^"
        case "↓": return "v"
        case "•", "·": return "*"
        case "│", "┃": return "|"
        case "\u{2500}"..."\u{257F}": return "+"  // other box drawing: corners and tees
        case "≤": return "<="
        case "≥": return ">="
        case "±": return "+-"
        default: return "?"
        }
    }
}
