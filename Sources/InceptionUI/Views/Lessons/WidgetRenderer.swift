import InceptionCore

/// Draws one kind of widget content inside a lesson and in its full view. The page
/// asks for the height at a width before placing it, then draws it into exactly
/// that many rows.
protocol WidgetRenderer {
    /// The title of the full view.
    var title: String { get }
    func height(width: Int) -> Int
    func render(into canvas: inout Canvas, area: Rect, theme: Theme)
}

/// What a widget's drawing depends on besides its content.
struct WidgetContext: Sendable {
    /// The learner's saved answer, for a question.
    var result: QuestionResult?
    /// Whether the question can be answered here (Enter opens the field).
    var selected: Bool
    /// What the terminal can draw, for renderers whose height depends on it (heatmaps
    /// pack two pixel rows per cell with colour and Unicode).
    var capabilities: Capabilities = .full
}

/// The one place that maps content to its renderer: a new kind of content (heatmap,
/// bar chart, line chart) is one case here and one `WidgetRenderer` type.
enum WidgetRenderers {
    static func renderer(for slot: WidgetSlot, context: WidgetContext) -> any WidgetRenderer {
        switch slot.content {
        case .success(.table(let table)): TableRenderer(table: table)
        case .success(.question(let question)): QuestionRenderer(question: question, context: context)
        case .success(.featureMaps(let panel)): FeatureMapsRenderer(panel: panel, capabilities: context.capabilities)
        case .success(.notice(let notice)): NoticeRenderer(notice: notice)
        case .failure(let problem): ErrorRenderer(box: ErrorBox(location: "\(problem.file):\(problem.line)", message: problem.message))
        }
    }
}

/// An error box in place of a widget that could not be computed.
struct ErrorRenderer: WidgetRenderer {
    var box: ErrorBox
    var title: String { "error" }
    func height(width: Int) -> Int { box.height(width: width) }
    func render(into canvas: inout Canvas, area: Rect, theme: Theme) { box.render(into: &canvas, area: area, theme: theme) }
}
