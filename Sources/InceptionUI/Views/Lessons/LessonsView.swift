import InceptionCore

/// Tab 1: the lessons listed on the left (seen mark, check questions answered right),
/// the open lesson on the right with its widgets computed live, a full view of one
/// widget on top, and check questions answered through the shell's text field.
///
/// Everything it shows was read when the explorer started (`LessonCatalog`), so its
/// `handle` is pure; saving progress is an `Effect` the backend performs.
public struct LessonsView: ExplorerView {
    public let id = ViewID.lessons
    let catalog: LessonCatalog
    let registry: WidgetRegistry
    /// Where progress is saved; nil when there is nowhere (then it lasts for this run).
    let progressPath: String?
    var progress: LessonProgress
    /// Why saved progress could not be used, shown under the list.
    let notice: String?
    /// What the terminal draws, so widgets are measured as they will be drawn.
    let capabilities: Capabilities
    /// The highlighted lesson in the list.
    var selected = 0
    var focus = Focus.list
    var open: OpenLesson?
    var overlay: Overlay?

    enum Focus { case list, lesson }

    /// The lesson on the right: its widgets (computed when opened), where it is
    /// scrolled to, and the widget `n`/`N` selected.
    struct OpenLesson {
        var index: Int
        var slots: [WidgetSlot]
        var scroll = 0
        var widget: Int?
    }

    /// One widget at full size over the view.
    struct Overlay {
        var slot: Int
        var scroll = 0
    }

    public init(catalog: LessonCatalog, registry: WidgetRegistry = .standard, progressPath: String?,
                progress: LessonProgress = LessonProgress(), notice: String? = nil, capabilities: Capabilities = .full) {
        self.catalog = catalog
        self.registry = registry
        self.progressPath = progressPath
        self.progress = progress
        self.notice = notice
        self.capabilities = capabilities
    }

    /// The view for this run: lessons from `--lessons` or the usual places, progress
    /// from `$XDG_STATE_HOME` (or `~/.local/state`), experiment results from
    /// `$XDG_CACHE_HOME` (or `~/.cache`).
    public static func load(options: ExplorerOptions, environment: [String: String]) -> LessonsView {
        let catalog = LessonCatalog.load(option: options.lessonsDirectory, environment: environment)
        let registry = WidgetRegistry.standard.with(environment: .process(weights: options.tinyWeightsPath, environment: environment))
        guard let store = try? ProgressStore(environment: environment) else {
            return LessonsView(catalog: catalog, registry: registry, progressPath: nil,
                               notice: "progress is not saved: neither XDG_STATE_HOME nor HOME is set",
                               capabilities: options.capabilities)
        }
        let (progress, warning) = store.load()
        return LessonsView(catalog: catalog, registry: registry, progressPath: store.path, progress: progress,
                           notice: warning, capabilities: options.capabilities)
    }

    public var keyBindings: [KeyBinding] {
        if overlay != nil { return [KeyBinding("↑↓ PgUp/Dn", "scroll"), KeyBinding("Esc", "close")] }
        switch focus {
        case .list: return [KeyBinding("↑↓ jk", "select"), KeyBinding("Enter →", "open lesson"), KeyBinding("c", "clear its answers")]
        case .lesson:
            return [KeyBinding("↑↓ PgUp/Dn", "scroll"), KeyBinding("n/N", "next/prev widget"),
                    KeyBinding("Enter", "open widget/answer"), KeyBinding("s", "skip a prediction"), KeyBinding("← Esc", "lessons list"),
                    KeyBinding("x", "export the widget's table")]
        }
    }

    // MARK: - Input

    public mutating func handle(_ input: ViewInput, area: Rect) -> [ViewCommand] {
        switch input {
        case .tick, .job: return []
        case .click(let x, let y): return click(x: x, y: y, area: area)
        case .key(let key):
            if overlay != nil { return overlayKey(key, area: area) }
            switch focus {
            case .list: return listKey(key, area: area)
            case .lesson: return lessonKey(key, area: area)
            }
        }
    }

    public mutating func textEntered(_ text: String, tag: String, area: Rect) -> [ViewCommand] {
        if let export = TableExport.answer(text, tag: tag, name: "widget", table: {
            guard let table = selectedWidgetTable else { throw UserError("select a widget with a table first (n)") }
            return table.table
        }) {
            return export
        }
        guard let open, let slot = Self.slot(fromTag: tag), let question = open.slots[safe: slot]?.question else { return [] }
        let fileName = catalog.lessons[open.index].entry.fileName
        switch question.check(text) {
        case .unreadable(let problem):
            // The reason goes in the prompt: the open field covers the status line.
            return [.openTextField(Self.answerPrompt(slot: slot, initial: text, problem: problem))]
        case let verdict:
            let correct = verdict == .right
            progress.record(QuestionResult(answer: text.trimmingCharacters(in: .whitespaces), correct: correct),
                            question: question.id, lesson: fileName)
            showWholeQuestion(slot, area: area)
            return saveProgress() + [.message(correct ? "right!" : "not right: the answer is shown in the lesson")]
        }
    }

    /// The table of the selected widget of the open lesson, if it has one.
    var selectedWidgetTable: WidgetTable? {
        guard let open, let slot = open.widget, foldedSlots[slot] == nil,
              case .success(.table(let table)) = open.slots[safe: slot]?.content else { return nil }
        return table
    }

    private mutating func listKey(_ key: Key, area: Rect) -> [ViewCommand] {
        let count = catalog.lessons.count
        switch key {
        case .home: selected = 0
        case .end: selected = max(0, count - 1)
        case .enter: return openSelected()
        case .character("c"):
            guard catalog.lessons.indices.contains(selected) else { return [] }
            let lesson = catalog.lessons[selected]
            guard progress.lessons[lesson.entry.fileName].map({ !$0.questions.isEmpty || !$0.skipped.isEmpty }) == true else {
                return [.message("lesson \(selected + 1) has no answers to clear")]
            }
            progress.clearAnswers(lesson: lesson.entry.fileName)
            return saveProgress() + [.message("cleared lesson \(selected + 1)'s answers: its questions can be answered again")]
        default:
            switch key.direction {
            case .up: selected = max(0, selected - 1)
            case .down: selected = min(max(0, count - 1), selected + 1)
            case .right: return openSelected()
            default: break
            }
        }
        return []
    }

    private mutating func lessonKey(_ key: Key, area: Rect) -> [ViewCommand] {
        guard var lesson = open else {
            if key == .escape || key.direction == .left { focus = .list }
            return []
        }
        let panels = Self.panels(area), text = panels.text
        let page = self.page(panels)
        let limit = max(0, (page?.lines.count ?? 0) - text.height)
        let pageStep = max(1, text.height - 1)
        switch key {
        case .pageUp: lesson.scroll -= pageStep
        case .pageDown, .character(" "): lesson.scroll += pageStep
        case .home: lesson.scroll = 0
        case .end: lesson.scroll = limit
        case .escape: focus = .list
        case .character("n"), .character("N"):
            guard let page else { return [] }
            if let next = Self.nextWidget(after: key == .character("n"), page: page, current: lesson.widget, scroll: lesson.scroll, height: text.height) {
                lesson.widget = next
                let rows = page.widgetRows[next]
                if rows.lowerBound < lesson.scroll || rows.upperBound > lesson.scroll + text.height {
                    lesson.scroll = rows.lowerBound
                }
            }
        case .character("s"):
            return skipPrediction(area: area)
        case .character("x"):
            return selectedWidgetTable == nil ? [.message("n selects a widget with a table, x exports it")] : TableExport.begin()
        case .enter:
            guard let slot = lesson.widget else { return [.message("n selects a widget, Enter opens it")] }
            if let question = lesson.slots[slot].question {
                // The answer is shown once given, so a second try would only game the score.
                if progress.lessons[catalog.lessons[lesson.index].entry.fileName]?.questions[question.id] != nil {
                    return [.message("already answered: the answer and why are shown; only a first answer counts")]
                }
                return [.openTextField(Self.answerPrompt(slot: slot, initial: ""))]
            }
            if foldedSlots[slot] != nil { return [.message("answer the question above first, or press s to skip it")] }
            overlay = Overlay(slot: slot)
        default:
            switch key.direction {
            case .up: lesson.scroll -= 1
            case .down: lesson.scroll += 1
            case .left: focus = .list
            default: break
            }
        }
        lesson.scroll = min(max(0, lesson.scroll), limit)
        open = lesson
        return []
    }

    private mutating func overlayKey(_ key: Key, area: Rect) -> [ViewCommand] {
        guard var current = overlay, let renderer = renderer(current.slot) else { overlay = nil; return [] }
        let inner = Self.overlayContent(area)
        let limit = max(0, renderer.height(width: inner.width) - inner.height)
        switch key {
        case .escape, .enter: overlay = nil; return []
        case .pageUp: current.scroll -= max(1, inner.height - 1)
        case .pageDown, .character(" "): current.scroll += max(1, inner.height - 1)
        case .home: current.scroll = 0
        case .end: current.scroll = limit
        default:
            switch key.direction {
            case .up: current.scroll -= 1
            case .down: current.scroll += 1
            case .left: overlay = nil; return []
            default: break
            }
        }
        current.scroll = min(max(0, current.scroll), limit)
        overlay = current
        return []
    }

    private mutating func click(x: Int, y: Int, area: Rect) -> [ViewCommand] {
        guard overlay == nil else { return [] }
        let panels = Self.panels(area)
        if panels.list.contains(x: x, y: y) {
            let row = y - panels.listRows.y + listOffset(rows: panels.listRows.height)
            guard panels.listRows.contains(x: x, y: y), catalog.lessons.indices.contains(row) else { return [] }
            selected = row
            return openSelected()
        }
        if panels.lesson.contains(x: x, y: y), open != nil { focus = .lesson }
        return []
    }

    /// Opens the highlighted lesson (keeping its place if it is already open), marks it
    /// seen and saves that.
    private mutating func openSelected() -> [ViewCommand] {
        guard catalog.lessons.indices.contains(selected) else { return [] }
        focus = .lesson
        if open?.index == selected { return [] }
        let lesson = catalog.lessons[selected]
        let slots = (try? lesson.document.get()).map { WidgetSlot.slots(for: $0.blocks, registry: registry) } ?? []
        open = OpenLesson(index: selected, slots: slots)
        guard !progress.isSeen(lesson.entry.fileName) else { return [] }
        progress.markSeen(lesson.entry.fileName)
        return saveProgress()
    }

    func saveProgress() -> [ViewCommand] {
        progressPath.map { [.effect(.saveProgress(path: $0, progress: progress))] } ?? []
    }

    /// The answer field; `problem` says why the last answer could not be read.
    static func answerPrompt(slot: Int, initial: String, problem: String? = nil) -> TextPrompt {
        TextPrompt(label: problem.map { "\($0); your answer" } ?? "Your answer", initial: initial, tag: "answer:\(slot)")
    }

    static func slot(fromTag tag: String) -> Int? {
        tag.hasPrefix("answer:") ? Int(tag.dropFirst("answer:".count)) : nil
    }

    /// `n`: the widget after the selected one, or the first at or below the top of the
    /// screen when the selection is off screen; `N` the same backwards.
    static func nextWidget(after forward: Bool, page: LessonPage, current: Int?, scroll: Int, height: Int) -> Int? {
        let rows = page.widgetRows
        guard !rows.isEmpty else { return nil }
        let visible = { (slot: Int) in rows[slot].upperBound > scroll && rows[slot].lowerBound < scroll + height }
        if let current, visible(current) {
            let next = current + (forward ? 1 : -1)
            return rows.indices.contains(next) ? next : current
        }
        if forward { return rows.indices.first { rows[$0].upperBound > scroll } ?? rows.count - 1 }
        return rows.indices.last { rows[$0].lowerBound < scroll + height } ?? 0
    }
}

extension Array {
    subscript(safe index: Int) -> Element? { indices.contains(index) ? self[index] : nil }
}
