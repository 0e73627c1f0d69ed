/// Turns the text of a paragraph, heading, list item or table cell into styled spans:
/// `*x*`/`_x_` emphasis, `**x**`/`__x__` strong, `` `x` `` code, `[text](url)` links,
/// and backslash escapes. An opener without a matching closer stays literal text, so
/// `2 * 3` and `snake_case` read as written.
enum InlineParser {
    static func parse(_ text: String) -> [InlineSpan] {
        var spans: [InlineSpan] = []
        parse(Array(text)[...], style: [], url: nil, into: &spans)
        return TextWrap.merged(spans)
    }

    private static func parse(_ chars: ArraySlice<Character>, style: InlineStyle, url: String?, into spans: inout [InlineSpan]) {
        var text = ""
        func flush() {
            if !text.isEmpty { spans.append(InlineSpan(text, style: style, url: url)) }
            text = ""
        }
        var i = chars.startIndex
        while i < chars.endIndex {
            let c = chars[i]
            if c == "\\", i + 1 < chars.endIndex, chars[i + 1].isPunctuation || chars[i + 1].isSymbol {
                text.append(chars[i + 1])
                i += 2
            } else if c == "`" {
                let n = run(of: c, in: chars, at: i)
                if let close = closingBackticks(chars, from: i + n, count: n) {
                    flush()
                    spans.append(InlineSpan(codeText(chars[(i + n)..<close]), style: style.union(.code), url: url))
                    i = close + n
                } else {
                    text += String(repeating: "`", count: n)
                    i += n
                }
            } else if c == "*" || c == "_" {
                let n = min(run(of: c, in: chars, at: i), 2)
                if canOpen(chars, at: i, count: n), let close = closingDelimiter(chars, from: i + n, delimiter: c, count: n) {
                    flush()
                    parse(chars[(i + n)..<close], style: style.union(n == 2 ? .strong : .emphasis), url: url, into: &spans)
                    i = close + n
                } else {
                    text += String(repeating: c, count: n)
                    i += n
                }
            } else if c == "[", let (labelEnd, urlEnd) = link(chars, at: i) {
                flush()
                let target = String(chars[(labelEnd + 2)..<urlEnd]).trimmingBlanks
                parse(chars[(i + 1)..<labelEnd], style: style.union(.link), url: target, into: &spans)
                i = urlEnd + 1
            } else {
                text.append(c)
                i += 1
            }
        }
        flush()
    }

    private static func run(of c: Character, in chars: ArraySlice<Character>, at start: Int) -> Int {
        var n = 0
        while start + n < chars.endIndex, chars[start + n] == c { n += 1 }
        return n
    }

    /// CommonMark strips one space on each side when both are there (`` ` `x` ` ``).
    private static func codeText(_ chars: ArraySlice<Character>) -> String {
        if chars.count >= 2, chars.first == " ", chars.last == " " { return String(chars.dropFirst().dropLast()) }
        return String(chars)
    }

    private static func closingBackticks(_ chars: ArraySlice<Character>, from start: Int, count: Int) -> Int? {
        var j = start
        while j < chars.endIndex {
            if chars[j] == "`" {
                let n = run(of: "`", in: chars, at: j)
                if n == count { return j }
                j += n
            } else {
                j += 1
            }
        }
        return nil
    }

    /// An opener is followed by a non-blank; `_` must also not sit inside a word.
    private static func canOpen(_ chars: ArraySlice<Character>, at i: Int, count: Int) -> Bool {
        guard i + count < chars.endIndex, !chars[i + count].isWhitespace else { return false }
        if chars[i] == "_", i > chars.startIndex, chars[i - 1].isLetter || chars[i - 1].isNumber { return false }
        return true
    }

    /// The matching closer: `count` delimiters (not part of a longer run when `count`
    /// is 1) after a non-blank; code spans and escapes in between are skipped.
    private static func closingDelimiter(_ chars: ArraySlice<Character>, from start: Int, delimiter: Character, count: Int) -> Int? {
        var j = start
        while j < chars.endIndex {
            let c = chars[j]
            if c == "\\" {
                j += 2
            } else if c == "`" {
                let n = run(of: c, in: chars, at: j)
                j = closingBackticks(chars, from: j + n, count: n).map { $0 + n } ?? j + n
            } else if c == delimiter {
                let n = run(of: c, in: chars, at: j)
                let afterBlank = j == start || chars[j - 1].isWhitespace
                let end = j + count
                let insideWord = delimiter == "_" && end < chars.endIndex && (chars[end].isLetter || chars[end].isNumber)
                // In `***x***` the strong closer is the last two stars; the first one closes the emphasis inside.
                if !afterBlank && !insideWord && n == count { return j }
                if !afterBlank && count == 2 && n > 2 { return j + n - 2 }
                j += n
            } else {
                j += 1
            }
        }
        return nil
    }

    /// `[label](url)` starting at `i`: the indices of `]` and of `)`.
    private static func link(_ chars: ArraySlice<Character>, at i: Int) -> (Int, Int)? {
        var depth = 0
        var j = i
        while j < chars.endIndex {
            if chars[j] == "[" { depth += 1 }
            if chars[j] == "]" {
                depth -= 1
                if depth == 0 { break }
            }
            j += 1
        }
        guard j + 1 < chars.endIndex, chars[j + 1] == "(" else { return nil }
        guard let close = chars[(j + 2)...].firstIndex(of: ")") else { return nil }
        return (j, close)
    }
}

extension String {
    var trimmingBlanks: String {
        String(drop { $0 == " " || $0 == "\t" }.reversed().drop { $0 == " " || $0 == "\t" }.reversed())
    }
}
