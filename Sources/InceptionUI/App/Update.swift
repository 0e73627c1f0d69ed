/// The explorer's behaviour and looks as two pure functions over `AppState`.
public enum App {
    /// The next state after `event`, and the side effects the backend must
    /// perform. Global keys (q, ?, Tab, Shift-Tab, 1-6, Ctrl-C) come first,
    /// except while a text field or the help overlay is open; everything else
    /// goes to the current view.
    public static func update(_ state: AppState, _ event: Event) -> (AppState, [Effect]) {
        var state = state
        switch event {
        case .resize(let size):
            state.size = size
            if let scroll = state.helpScroll {
                state.helpScroll = min(scroll, HelpOverlay.maxScroll(for: state.currentView, body: state.layout.body))
            }
            return (state, [])
        case .tick:
            var effects: [Effect] = []
            for id in ViewID.allCases {
                effects += state.send(.tick, to: id)
            }
            return (state, effects)
        case .job(let update):
            let effects = state.send(.job(update), to: update.id.view)
            return (state, effects)
        case .fileWritten(let path, let error):
            state.message = error.map { "could not write \(path): \($0)" } ?? "wrote \(path)"
            return (state, [])
        case .click(let x, let y):
            let effects = state.click(x: x, y: y)
            return (state, effects)
        case .key(let key):
            return state.pressed(key)
        }
    }
}

extension AppState {
    fileprivate mutating func click(x: Int, y: Int) -> [Effect] {
        guard layout.fits, prompt == nil else { return [] }
        if helpScroll != nil {
            helpScroll = nil
        } else if let tab = layout.tab(atX: x, y: y) {
            current = tab
        } else if layout.body.contains(x: x, y: y) {
            return send(.click(x: x, y: y), to: current)
        }
        return []
    }

    fileprivate func pressed(_ key: Key) -> (AppState, [Effect]) {
        var state = self
        if key == .ctrlC { return (state, [.quit(status: 130)]) }
        // Only the "enlarge" message is drawn: a key must not change what is unseen. Esc
        // still closes an open text field, and q quits when none is open.
        guard state.layout.fits else {
            if state.prompt != nil {
                if key == .escape { state.prompt = nil }
                return (state, [])
            }
            return (state, key == .character("q") ? [.quit(status: 0)] : [])
        }
        state.message = nil
        if let (prompt, owner) = state.prompt {
            var edited = prompt
            switch edited.field.handle(key) {
            case .editing:
                state.prompt = (edited, owner)
                return (state, [])
            case .cancelled:
                state.prompt = nil
                return (state, [])
            case .confirmed(let text):
                state.prompt = nil
                let effects = state.deliver(text, tag: prompt.tag, to: owner)
                return (state, effects)
            }
        }
        if let scroll = state.helpScroll {
            let body = state.layout.body
            let page = max(1, HelpOverlay.frame(for: state.currentView, in: body).height - 3)
            let limit = HelpOverlay.maxScroll(for: state.currentView, body: body)
            switch key {
            case .character("q"): return (state, [.quit(status: 0)])
            case .character("?"), .escape: state.helpScroll = nil
            case .pageUp: state.helpScroll = max(0, scroll - page)
            case .pageDown: state.helpScroll = min(limit, scroll + page)
            case .home: state.helpScroll = 0
            case .end: state.helpScroll = limit
            default:
                if key.direction == .up { state.helpScroll = max(0, scroll - 1) }
                if key.direction == .down { state.helpScroll = min(limit, scroll + 1) }
            }
            return (state, [])
        }
        switch key {
        case .character("q"): return (state, [.quit(status: 0)])
        case .character("?"): state.helpScroll = 0
        case .tab: state.current = state.current.advanced(by: 1)
        case .backTab: state.current = state.current.advanced(by: -1)
        case .character(let c) where c.isASCII && ViewID(rawValue: c.wholeNumberValue ?? 0) != nil:
            state.current = ViewID(rawValue: c.wholeNumberValue ?? 0) ?? state.current
        default:
            let effects = state.send(.key(key), to: state.current)
            return (state, effects)
        }
        return (state, [])
    }

    /// Lets view `id` handle `input` and carries out what it asks of the shell.
    fileprivate mutating func send(_ input: ViewInput, to id: ViewID) -> [Effect] {
        var view = views[id.rawValue - 1]
        let commands = view.handle(input, area: layout.body)
        views[id.rawValue - 1] = view
        return apply(commands, from: id)
    }

    fileprivate mutating func deliver(_ text: String, tag: String, to id: ViewID) -> [Effect] {
        var view = views[id.rawValue - 1]
        let commands = view.textEntered(text, tag: tag, area: layout.body)
        views[id.rawValue - 1] = view
        return apply(commands, from: id)
    }

    private mutating func apply(_ commands: [ViewCommand], from id: ViewID) -> [Effect] {
        var effects: [Effect] = []
        for command in commands {
            switch command {
            case .effect(let effect): effects.append(effect)
            case .openTextField(let prompt): self.prompt = (prompt, id)
            case .message(let text): message = text
            case .showVariant(let variant):
                var view = views[ViewID.network.rawValue - 1]
                let answer = view.show(variant)
                views[ViewID.network.rawValue - 1] = view
                current = .network
                effects += apply(answer, from: .network)
            }
        }
        return effects
    }
}
