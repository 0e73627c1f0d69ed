import Foundation
import InceptionCore

/// The sparse-to-dense demo (tab 4): the article's 6x6 block-sparse matrix and
/// 2x2 kernel, the window stepped over its 25 positions with each method's
/// products there, the four outputs side by side, and, below, four real
/// kernels timed on a random block-sparse matrix. Every number comes from
/// `SparseDemo` and `SparseTiming`.
public struct SparseView: ExplorerView {
    public let id = ViewID.sparse

    /// Which panel the keys act on: the demo (stepping, editing) or the timing.
    public enum Focus: Sendable, Equatable { case demo, editing, timing }

    public private(set) var demo = SparseDemo.article
    /// Index into `demo.positions`: the window's top-left corner.
    public private(set) var position = 0
    public private(set) var focus = Focus.demo
    /// The matrix cell being edited, [row, column].
    public private(set) var cursor = SparseDemo.Position(0, 0)
    public private(set) var parameters = BlockSparseProblem.Parameters()
    public private(set) var timing: SparseTiming?
    public private(set) var sweep: SparseDensitySweep?
    /// Whether a timing job is running (asked for and not yet finished).
    public private(set) var isTiming = false
    /// Runs per method; the median is shown.
    let repeats: Int

    static let entryTag = "sparse.entry"
    static let parametersTag = "sparse.parameters"

    public init(repeats: Int = 5) { self.repeats = repeats }

    public var windowPosition: SparseDemo.Position { demo.positions[position] }

    public var keyBindings: [KeyBinding] {
        switch focus {
        case .demo:
            return [KeyBinding("↑↓←→", "move window"), KeyBinding("Space", "next"), KeyBinding("e", "edit cells"),
                    KeyBinding("r", "reset"), KeyBinding("t", "timing"), TableExport.binding]
        case .editing:
            return [KeyBinding("↑↓←→", "select cell"), KeyBinding("Enter", "type value"), KeyBinding("+-", "change"),
                    KeyBinding("e/Esc", "done"), KeyBinding("r", "reset")]
        case .timing:
            return [KeyBinding("g", "generate and time"), KeyBinding("Enter", "parameters"), KeyBinding("t", "back"), TableExport.binding]
        }
    }

    public mutating func handle(_ input: ViewInput, area: Rect) -> [ViewCommand] {
        switch input {
        case .job(let update): return collectTiming(update)
        case .tick, .click: return []
        case .key(let key): return pressed(key)
        }
    }

    private mutating func pressed(_ key: Key) -> [ViewCommand] {
        switch (focus, key) {
        case (_, .character("x")) where focus != .editing:
            return TableExport.begin()
        case (.demo, .character("t")), (.timing, .character("t")):
            focus = focus == .timing ? .demo : .timing
        case (.demo, .character("e")):
            focus = .editing
            cursor = windowPosition
        case (.editing, .character("e")), (.editing, .escape):
            focus = .demo
        case (.demo, .character("r")), (.editing, .character("r")):
            demo = .article
            return [.message("the article's matrix again")]
        case (.demo, .character(" ")):
            position = (position + 1) % demo.positions.count
        case (.editing, .enter):
            let value = demo.matrix[cursor.row][cursor.column]
            return [.openTextField(TextPrompt(label: "Entry [\(cursor.row), \(cursor.column)] (0-9)", initial: "\(value)", tag: Self.entryTag))]
        case (.editing, .character("+")), (.editing, .character("=")):
            return setEntry(demo.matrix[cursor.row][cursor.column] + 1)
        case (.editing, .character("-")):
            return setEntry(demo.matrix[cursor.row][cursor.column] - 1)
        case (.timing, .enter):
            return [.openTextField(TextPrompt(label: "Parameters", initial: parameters.text, tag: Self.parametersTag))]
        case (.timing, .character("g")):
            return startTiming()
        default:
            guard let direction = key.direction, focus != .timing else { return [] }
            move(direction)
        }
        return []
    }

    public mutating func textEntered(_ text: String, tag: String, area: Rect) -> [ViewCommand] {
        let timingFocused = focus == .timing
        if let export = TableExport.answer(text, tag: tag, name: timingFocused ? "sparse-timing" : "sparse", table: {
            if timingFocused {
                guard let timing else { throw UserError("nothing timed yet: press g first") }
                return timing.table()
            }
            return demo.table()
        }) {
            return export
        }
        switch tag {
        case Self.entryTag:
            let trimmed = text.trimmingCharacters(in: .whitespaces)
            guard let value = Int(trimmed) else { return [.message("'\(trimmed)' is not a whole number")] }
            return setEntry(value)
        case Self.parametersTag:
            do {
                let next = try BlockSparseProblem.Parameters(parsing: text, base: parameters)
                try next.validate()
                parameters = next
                return startTiming()
            } catch {
                return [.message("\(error)")]
            }
        default:
            return []
        }
    }

    private mutating func move(_ direction: Direction) {
        if focus == .editing {
            let rows = demo.matrix.count, columns = demo.matrix[0].count
            switch direction {
            case .up: cursor.row = max(0, cursor.row - 1)
            case .down: cursor.row = min(rows - 1, cursor.row + 1)
            case .left: cursor.column = max(0, cursor.column - 1)
            case .right: cursor.column = min(columns - 1, cursor.column + 1)
            }
            return
        }
        var p = windowPosition
        switch direction {
        case .up: p.row = max(0, p.row - 1)
        case .down: p.row = min(demo.outputRows - 1, p.row + 1)
        case .left: p.column = max(0, p.column - 1)
        case .right: p.column = min(demo.outputColumns - 1, p.column + 1)
        }
        position = p.row * demo.outputColumns + p.column
    }

    private mutating func setEntry(_ value: Int) -> [ViewCommand] {
        do {
            demo = try demo.setting(row: cursor.row, column: cursor.column, to: value)
            return []
        } catch {
            return [.message("\(error)")]
        }
    }

    private mutating func startTiming() -> [ViewCommand] {
        guard !isTiming else { return [.message("a timing run is still going")] }
        isTiming = true
        return [.effect(.startJob(Self.timingJob(parameters, repeats: repeats))), .message("timing \(parameters.text) ...")]
    }

    private mutating func collectTiming(_ update: JobUpdate) -> [ViewCommand] {
        guard case .finished(let result) = update.kind else { return [] }
        isTiming = false
        switch result {
        case .success(let value):
            guard let value = value as? TimingResult else { return [] }
            timing = value.timing
            sweep = value.sweep
            return [.message("timed the four methods, median of \(repeats) runs")]
        case .failure(let error):
            return [.message(error.message)]
        }
    }
}
