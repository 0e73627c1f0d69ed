import InceptionCore

/// A widget of the open lesson, computed once when the lesson is opened: its content,
/// or the diagnostic drawn as an error box in its place. Parse errors in the lesson
/// (`LessonBlock.Kind.error`) are slots too, so `n` also visits them.
struct WidgetSlot: Sendable {
    var line: Int
    var content: Result<WidgetContent, LessonDiagnostic>

    /// The widget and error blocks of `blocks` (block quotes included) in source order:
    /// the order slots are numbered in, and the order `LessonPage` meets them.
    static func slots(for blocks: [LessonBlock], registry: WidgetRegistry) -> [WidgetSlot] {
        blocks.flatMap { block -> [WidgetSlot] in
            switch block.kind {
            case .widget(let directive): [WidgetSlot(line: block.line, content: registry.evaluate(directive))]
            case .error(let problem): [WidgetSlot(line: block.line, content: .failure(problem))]
            case .quote(let inner): slots(for: inner, registry: registry)
            default: []
            }
        }
    }

    /// The question this slot asks, if it is one.
    var question: CheckQuestion? {
        if case .success(.question(let question)) = content { return question }
        return nil
    }
}
