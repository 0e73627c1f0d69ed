/// The keys that work in every view, shown in the help overlay and (briefly)
/// in the status line.
enum GlobalKeys {
    static let bindings: [KeyBinding] = [
        KeyBinding("Tab / Shift-Tab", "next / previous view"),
        KeyBinding("1-6", "go to view (or click its tab)"),
        KeyBinding("?", "this help (Esc closes)"),
        KeyBinding("q", "quit"),
    ]

    static let helpBindings: [KeyBinding] = [
        KeyBinding("↑ ↓ / j k", "scroll"),
        KeyBinding("PgUp PgDn Home End", "scroll by page, to top, to end"),
        KeyBinding("? / Esc", "close help"),
    ]

    static let textFieldBindings: [KeyBinding] = [
        KeyBinding("Enter", "confirm"),
        KeyBinding("Esc", "cancel"),
        KeyBinding("← → Home End", "move the cursor"),
        KeyBinding("Backspace", "delete"),
    ]

    static let helpStatusBindings: [KeyBinding] = [
        KeyBinding("↑↓ jk", "scroll"),
        KeyBinding("PgUp PgDn Home End", "page"),
        KeyBinding("?/Esc", "close"),
        KeyBinding("q", "quit"),
    ]

    static let statusBindings: [KeyBinding] = [
        KeyBinding("Tab/1-6", "views"),
        KeyBinding("?", "help"),
        KeyBinding("q", "quit"),
    ]
}
