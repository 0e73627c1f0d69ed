import InceptionCore

/// How lesson text looks on this terminal: colours where there are any, and
/// attributes alone (bold, underline) without, so a monochrome screen still tells
/// headings, emphasis and code apart.
struct LessonStyles {
    let theme: Theme

    private var colour: Bool { theme.capabilities.color != .none }

    func style(_ role: TextRole) -> Style {
        switch role {
        case .heading(1): colour ? Style(fg: .yellow, attributes: [.bold, .underline]) : Style(attributes: [.bold, .underline])
        case .heading(2): colour ? Style(fg: .cyan, attributes: .bold) : Style(attributes: .bold)
        case .heading: Style(attributes: .bold)
        case .marker: colour ? Style(fg: .cyan) : .plain
        case .codeBlock: colour ? Style(fg: .green) : .plain
        case .quoteBar: colour ? Style(fg: .magenta) : theme.dim
        case .tableHeader: theme.emphasis
        case .tableRule: colour ? theme.border : .plain
        case .body(let inline): body(inline)
        }
    }

    private func body(_ inline: InlineStyle) -> Style {
        var style = Style.plain
        if inline.contains(.strong) { style.attributes.insert(.bold) }
        if inline.contains(.emphasis) || inline.contains(.link) { style.attributes.insert(.underline) }
        if inline.contains(.code) {
            if colour { style.fg = .green } else { style.attributes.insert(.bold) }
        } else if inline.contains(.link), colour {
            style.fg = .blue
        }
        return style
    }
}
