/// Greedy word wrapping of styled text, shared by the plain-text renderer and the
/// terminal UI so both break lines in the same places.
///
/// Widths count characters (`Character`), which is the terminal column count for the
/// text lessons use; a word longer than the width is cut into width-sized pieces.
public enum TextWrap {
    /// `spans` broken into lines of at most `width` characters; runs of blanks collapse
    /// to one space, and the space between two words of the same style keeps that style.
    public static func wrap(_ spans: [InlineSpan], width: Int) -> [[InlineSpan]] {
        let width = max(width, 1)
        var lines: [[InlineSpan]] = []
        var line: [InlineSpan] = []
        var lineLength = 0
        for word in words(spans) {
            for piece in cut(word, width: width) {
                let length = piece.reduce(0) { $0 + $1.text.count }
                if lineLength > 0 && lineLength + 1 + length > width {
                    lines.append(line)
                    line = []
                    lineLength = 0
                }
                if lineLength > 0, let last = line.last, let first = piece.first {
                    let shared = last.style == first.style && last.url == first.url
                    line.append(shared ? InlineSpan(" ", style: last.style, url: last.url) : InlineSpan(" "))
                    lineLength += 1
                }
                line.append(contentsOf: piece)
                lineLength += length
            }
        }
        if !line.isEmpty { lines.append(line) }
        return lines.map(merged)
    }

    /// Plain text wrapped to `width`.
    public static func wrap(_ text: String, width: Int) -> [String] {
        wrap([InlineSpan(text)], width: width).map(\.plainText)
    }

    /// Plain text wrapped paragraph by paragraph, for sentences in panels: each
    /// newline starts a line and an empty paragraph stays an empty line. Nothing
    /// for a width below 1 (a panel with no room).
    public static func lines(_ text: String, width: Int) -> [String] {
        guard width > 0 else { return [] }
        return text.split(separator: "\n", omittingEmptySubsequences: false).flatMap { paragraph in
            let wrapped = wrap(String(paragraph), width: width)
            return wrapped.isEmpty ? [""] : wrapped
        }
    }

    /// Adjacent spans with the same style and URL joined into one.
    public static func merged(_ spans: [InlineSpan]) -> [InlineSpan] {
        var result: [InlineSpan] = []
        for span in spans where !span.text.isEmpty {
            if let last = result.last, last.style == span.style, last.url == span.url {
                result[result.count - 1].text += span.text
            } else {
                result.append(span)
            }
        }
        return result
    }

    /// The words of `spans`: maximal runs of non-blank characters, which may cross
    /// span boundaries (`**bold**,` is one word of two spans).
    private static func words(_ spans: [InlineSpan]) -> [[InlineSpan]] {
        var words: [[InlineSpan]] = []
        var word: [InlineSpan] = []
        for span in spans {
            var run = ""
            for c in span.text {
                if c == " " || c == "\t" || c == "\n" {
                    if !run.isEmpty { word.append(InlineSpan(run, style: span.style, url: span.url)) }
                    run = ""
                    if !word.isEmpty { words.append(word) }
                    word = []
                } else {
                    run.append(c)
                }
            }
            if !run.isEmpty { word.append(InlineSpan(run, style: span.style, url: span.url)) }
        }
        if !word.isEmpty { words.append(word) }
        return words
    }

    /// A word split into pieces of at most `width` characters.
    private static func cut(_ word: [InlineSpan], width: Int) -> [[InlineSpan]] {
        var pieces: [[InlineSpan]] = [[]]
        var length = 0
        for span in word {
            for c in span.text {
                if length == width {
                    pieces.append([])
                    length = 0
                }
                pieces[pieces.count - 1].append(InlineSpan(String(c), style: span.style, url: span.url))
                length += 1
            }
        }
        return pieces.map(merged)
    }
}
