extension WidgetContent {
    /// The content as plain-text lines for `lessons show`, pipes and screen readers.
    public func textLines(width: Int) -> [String] {
        switch self {
        case .table(let table): table.textLines(width: width)
        case .question(let question): question.textLines(width: width)
        case .featureMaps(let panel): panel.textLines(width: width)
        case .notice(let notice): notice.textLines(width: width)
        }
    }
}

extension CheckQuestion {
    /// The prompt and the choices; the answer stays hidden (predict, then check it in
    /// the explorer). A gated prediction says that the widget below answers it: a
    /// printout cannot wait, so the widget follows anyway.
    public func textLines(width: Int) -> [String] {
        let choiceLines = choices.enumerated().flatMap { index, choice in
            TextWrap.wrap("\(index + 1). \(choice)", width: max(width - 2, 1)).map { "  " + $0 }
        }
        let how = gates
            ? "(Predict before reading on: the widget below answers it. The explorer keeps it folded until you answer.)"
            : "(Answer it in the explorer: open the lesson, press n to reach the question, then Enter.)"
        return TextWrap.wrap((gates ? "Predict: " : "Question: ") + prompt, width: width) + choiceLines
            + TextWrap.wrap(how, width: width)
    }
}

extension WidgetTable {
    /// The title, the aligned table, then the notes wrapped to `width`.
    public func textLines(width: Int) -> [String] {
        TextWrap.wrap(title, width: width)
            + TextTable.lines(header: columns.map(\.title), alignments: columns.map(\.alignment), rows: rows, width: width)
            + notes.flatMap { TextWrap.wrap($0, width: width) }
    }
}

extension WidgetNotice {
    /// The title, then each paragraph wrapped to `width`.
    public func textLines(width: Int) -> [String] {
        TextWrap.wrap(title, width: width) + paragraphs.flatMap { TextWrap.wrap($0, width: width) }
    }
}
