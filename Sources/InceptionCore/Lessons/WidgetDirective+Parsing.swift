extension WidgetDirective {
    /// Whether `line` is meant as a directive (it starts with `:::` after indentation),
    /// so that a malformed one is reported instead of shown as a paragraph.
    static func isDirectiveLine(_ line: Substring) -> Bool {
        line.drop { $0 == " " || $0 == "\t" }.hasPrefix(marker)
    }

    /// Parses one directive line, or throws a diagnostic saying what is malformed.
    public static func parse(_ text: Substring, file: String, line: Int) throws(LessonDiagnostic) -> WidgetDirective {
        func fail(_ message: String) -> LessonDiagnostic {
            LessonDiagnostic(file: file, line: line, message: message)
        }
        var rest = text.drop { $0 == " " || $0 == "\t" }
        guard rest.hasPrefix(marker) else { throw fail("a widget line starts with '\(marker)'") }
        rest = rest.dropFirst(marker.count)
        guard rest.first == " " || rest.first == "\t" else {
            throw fail("expected a space and a widget name after '\(marker)'")
        }
        var tokens = try tokenize(rest, fail: fail)
        guard !tokens.isEmpty, !tokens[0].contains("=") else {
            throw fail("expected a widget name after '\(marker)', e.g. '\(marker) module-widths module=3a'")
        }
        let name = tokens.removeFirst()
        var arguments: [Argument] = []
        for token in tokens {
            guard let equals = token.firstIndex(of: "=") else {
                throw fail("\(name): argument '\(token)' needs a value, as in \(token)=VALUE")
            }
            let key = String(token[..<equals])
            guard !key.isEmpty else { throw fail("\(name): an argument has no name before '='") }
            arguments.append(Argument(key: key, value: String(token[token.index(after: equals)...])))
        }
        return WidgetDirective(name: name, arguments: arguments, file: file, line: line)
    }

    /// Splits on blanks outside quotes; quotes are removed and escapes resolved, so
    /// `prompt="a \"b\""` becomes the token `prompt=a "b"`.
    private static func tokenize(_ text: Substring, fail: (String) -> LessonDiagnostic) throws(LessonDiagnostic) -> [String] {
        var tokens: [String] = []
        var current = ""
        var inToken = false
        var iterator = text.makeIterator()
        while let c = iterator.next() {
            switch c {
            case " ", "\t":
                if inToken { tokens.append(current) }
                current = ""
                inToken = false
            case "\"":
                inToken = true
                var closed = false
                while let q = iterator.next() {
                    if q == "\"" { closed = true; break }
                    if q == "\\" {
                        guard let escaped = iterator.next() else { break }
                        current.append(escaped)
                    } else {
                        current.append(q)
                    }
                }
                guard closed else { throw fail("unterminated quoted value (a '\"' has no closing '\"')") }
            default:
                inToken = true
                current.append(c)
            }
        }
        if inToken { tokens.append(current) }
        return tokens
    }
}
