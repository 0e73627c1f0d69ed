import Foundation
import InceptionCore

/// The cost explorer (tab 3): the current network's modules with their six
/// widths, parameters and multiplies for the 1x1-reduced and the naive design,
/// a bar chart of both, and the article's worked example. Every number comes
/// from `CostModel` and `WorkedExample`; the view only keeps what the learner
/// chose (preset, widths, factorisations, convention, unit, whole-naive, reduce width).
public struct CostsView: ExplorerView {
    public let id = ViewID.costs

    /// Which panel the editing keys act on.
    public enum Focus: Sendable, Equatable { case modules, example }

    public private(set) var network: NetworkDescription
    /// Earlier networks, the latest last: `u` goes back one.
    public private(set) var history: [NetworkDescription] = []
    public private(set) var convention: Convention = .paper
    public private(set) var unit: CostUnit = .macs
    public private(set) var wholeNaive = false
    /// The selected module (index into `network.modules`) and width (index into `InceptionWidths.fieldNames`).
    public private(set) var module = 0
    public private(set) var field = 0
    public private(set) var focus = Focus.modules
    public private(set) var example = WorkedExample.article
    /// Training the widths on screen (`t`) and the variants trained so far (`v`).
    public private(set) var retrain: RetrainPanel
    /// Why the last change was refused, shown in an error box until the next key
    /// (the status line is too narrow for the longer reasons at 80 columns).
    public private(set) var refusal: String?

    static let editTag = "costs.width"
    static let reduceTag = "costs.reduce"

    public init(preset: Preset = .tiny, retrain: RetrainPanel = RetrainPanel(store: nil)) {
        network = preset.description
        self.retrain = retrain
    }

    /// The preset the current network started from.
    public var preset: Preset { Preset(rawValue: network.preset) ?? .tiny }

    /// What `table costs` needs to print what this view shows.
    public var request: TableRequest {
        TableRequest(kind: .costs, preset: preset, assignments: network.widthAssignments(from: preset.description),
                     convention: convention, unit: unit, wholeNaive: wholeNaive)
    }

    public var exampleRequest: TableRequest { TableRequest(kind: .example, example: example) }

    public var keyBindings: [KeyBinding] {
        [KeyBinding("↑↓←→", "select"), KeyBinding("+-<>", "change"), KeyBinding("Enter", "type"),
         KeyBinding("u", "undo"), KeyBinding("r", "reset"), KeyBinding("p", "preset"),
         KeyBinding("c", "convention"), KeyBinding("f", "unit"), KeyBinding("w", "whole naive"),
         KeyBinding("F", "factorize"), KeyBinding("e", "example"), KeyBinding("t", "train"),
         TableExport.binding]
    }

    var selectedModule: InceptionSpec { network.modules[module] }
    var selectedField: String { InceptionWidths.fieldNames[field] }
    var selectedName: String { "\(selectedModule.name.short).\(selectedField)" }

    public mutating func handle(_ input: ViewInput, area: Rect) -> [ViewCommand] {
        if case .job(let update) = input { return retrain.collect(update) }
        guard case .key(let key) = input else { return [] }
        refusal = nil
        switch key {
        case .character("t"): return retrain.start(network)
        case .character("v"): return retrain.toggle()
        case .escape where retrain.visible || retrain.isTraining: return retrain.escape()
        case _ where retrain.visible && (key == .character("o") || key.direction == .up || key.direction == .down):
            return retrain.handle(key)
        case .character("+"), .character("="): return change { $0 + 1 }
        case .character("-"): return change { $0 - 1 }
        case .character(">"): return change { $0 * 2 }
        case .character("<"): return change { $0 / 2 }
        case .enter:
            let prompt = focus == .modules
                ? TextPrompt(label: "New \(selectedName)", initial: "\(selectedModule.widths.all[field])", tag: Self.editTag)
                : TextPrompt(label: "Reduce width (1 up)", initial: "\(example.reduce)", tag: Self.reduceTag)
            return [.openTextField(prompt)]
        case .character("u"):
            guard let last = history.popLast() else { return [.message("nothing to undo")] }
            network = last
            clampSelection()
            return []
        case .character("r"):
            if focus == .example {
                example = .article
                return []
            }
            return replace(with: preset.description, saying: "reset to \(preset.rawValue)")
        case .character("p"):
            return replace(with: preset.next.description, saying: "preset \(preset.next.rawValue)")
        case .character("c"): convention = convention.next
        case .character("f"): unit = unit.next
        case .character("w"): wholeNaive.toggle()
        case .character("e"): focus = focus == .modules ? .example : .modules
        case .character("F"): return cycleFactorization()
        case .character("x"): return TableExport.begin()
        default:
            guard focus == .modules, let direction = key.direction else { return [] }
            switch direction {
            case .up: module = max(0, module - 1)
            case .down: module = min(network.modules.count - 1, module + 1)
            case .left: field = max(0, field - 1)
            case .right: field = min(InceptionWidths.fieldNames.count - 1, field + 1)
            }
        }
        return []
    }

    public mutating func textEntered(_ text: String, tag: String, area: Rect) -> [ViewCommand] {
        if let export = TableExport.answer(text, tag: tag, name: focus == .modules ? "costs" : "example", table: {
            try (focus == .modules ? request : exampleRequest).table()
        }) {
            return export
        }
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        guard let value = Int(trimmed) else { return refuse("'\(trimmed)' is not a whole number") }
        switch tag {
        case Self.editTag: return setWidth(value)
        case Self.reduceTag: return setReduce(value)
        default: return []
        }
    }

    /// Applies `step` to the selected width (or the example's reduce width).
    private mutating func change(_ step: (Int) -> Int) -> [ViewCommand] {
        switch focus {
        case .modules: return setWidth(step(selectedModule.widths.all[field]))
        case .example: return setReduce(step(example.reduce))
        }
    }

    /// Sets the selected width through the network's own validation: a bad
    /// value leaves everything as it was and says why.
    private mutating func setWidth(_ value: Int) -> [ViewCommand] {
        do {
            let next = try network.setting(module: selectedModule.name.short, field: selectedField, to: value)
            guard next != network else { return [.message("\(selectedName) is already \(value)")] }
            return replace(with: next, saying: "\(selectedName) = \(value)")
        } catch {
            return refuse("\(error)")
        }
    }

    /// `F`: the selected module's (or the example's) next `Factorization`.
    private mutating func cycleFactorization() -> [ViewCommand] {
        do {
            switch focus {
            case .modules:
                let next = selectedModule.factorize.next
                let name = selectedModule.name.short
                return replace(with: try network.setting(module: name, factorize: next), saying: "\(name).factorize = \(next.rawValue)")
            case .example:
                example = try example.with(factorize: example.factorize.next)
                return [.message("example: factorize = \(example.factorize.rawValue)")]
            }
        } catch {
            return refuse("\(error)")
        }
    }

    private mutating func refuse(_ reason: String) -> [ViewCommand] {
        refusal = reason
        return [.message(reason)]
    }

    private mutating func setReduce(_ value: Int) -> [ViewCommand] {
        do {
            example = try WorkedExample(inChannels: example.inChannels, outChannels: example.outChannels, reduce: value,
                                        size: example.size, kernel: example.kernel, factorize: example.factorize)
            return []
        } catch {
            return refuse("reduce width: \(error)")
        }
    }

    private mutating func replace(with next: NetworkDescription, saying message: String) -> [ViewCommand] {
        if next != network { history.append(network) }
        network = next
        clampSelection()
        return [.message(message)]
    }

    private mutating func clampSelection() {
        module = min(module, network.modules.count - 1)
    }
}

