/// A number a check question's answer can point at instead of typing it in
/// (`answer=@tiny.3a.output`), so the expected value is always what the tool computes.
///
/// References:
/// - `@PRESET.MODULE.FIELD`: a width of a module (`n1x1`, `n3x3red`, `n3x3`, `n5x5red`,
///   `n5x5`, `poolproj`) or its `output` channels, e.g. `@googlenet.3a.output`.
/// - `@worked-example.direct` / `@worked-example.reduced`: the multiplies of the article's
///   worked example (192 to 256 channels at 32x32, 3x3, reduced to 96) without and with
///   the 1x1 reduction; `@worked-example.percent` is reduced as a percentage of direct.
/// - `@PRESET.MODULE.naive-output`: the module's output channels when every module
///   is naive (the pool branch passes its input on, so the growth compounds).
/// - `@costs.PRESET.FIELD`: network totals (`ComputedValue.costFields`).
/// - `@heads.PRESET.gap` / `.fc`: the parameters (with bias) of either head.
/// - `@sparse-demo.METHOD`: multiplies of `dense`, `sparse`, `blocks`, `padded` on the
///   article's matrix; `@sparse-demo.missed`: positions the blocks method misses.
/// - `@table1.differing`: rows of the printed Table 1 that disagree with the widths.
/// - `@PRESET.MODULE.share`, `.input`, `.5x5-percent`, `.per-input-channel`: values
///   derived from a module (`derivedModuleFields`).
/// - `@budget.FIELD`: GoogLeNet's budget and its first layer (`budgetFields`);
///   `@aux-heads.PRESET.weights`: the weights of the first auxiliary classifier.
/// - `@input-size.SIDE`: the shipped network's test accuracy (percent) at SIDE x SIDE,
///   from the `input-size` result (the user's, else the shipped one).
///
/// A new kind of reference is one more case in `resolve`.
public struct ComputedValue: Hashable, Sendable {
    public var value: Double
    /// What the number is, in words, shown when the answer is revealed.
    public var meaning: String

    public static let marker: Character = "@"

    /// The value a reference (without the `@`) stands for, or a one-line problem.
    public static func resolve(_ reference: String) throws(LessonDiagnosticMessage) -> ComputedValue {
        let parts = reference.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
        if parts.first == "worked-example" {
            let example = WorkedExample.article
            switch parts.dropFirst().joined(separator: ".") {
            case "direct": return ComputedValue(value: Double(example.directMultiplies), meaning: "multiplies of the direct 3x3 convolution in the worked example")
            case "reduced": return ComputedValue(value: Double(example.reducedMultiplies), meaning: "multiplies with the 1x1 reduction in the worked example")
            case "percent": return ComputedValue(value: 100 * example.ratio, meaning: "the reduced multiplies as a percentage of the direct ones")
            default: throw LessonDiagnosticMessage("unknown value '@\(reference)' (worked-example has direct, reduced, percent)")
            }
        }
        switch parts.first {
        case "costs", "heads", "sparse-demo", "table1": return try resolveTotal(parts, reference: reference)
        case "budget", "aux-heads": return try resolveBudget(parts, reference: reference)
        case "input-size": return try resolveInputSize(parts, reference: reference)
        default: break
        }
        guard parts.count == 3 else {
            throw LessonDiagnosticMessage("unknown value '@\(reference)' (use @PRESET.MODULE.FIELD, e.g. @tiny.3a.output, or @worked-example.direct)")
        }
        let network: NetworkDescription
        do { network = try Preset.named(parts[0]).description } catch { throw LessonDiagnosticMessage("@\(reference): \(error)") }
        guard let (index, module) = network.module(named: parts[1]) else {
            let known = network.modules.map(\.name.short).joined(separator: ", ")
            throw LessonDiagnosticMessage("@\(reference): no module '\(parts[1])' in preset \(network.preset) (modules: \(known))")
        }
        let where_ = "of \(module.name.short) in the \(network.preset) network"
        if parts[2] == "output" {
            return ComputedValue(value: Double(module.widths.outChannels), meaning: "the output channels \(where_)")
        }
        if parts[2] == "naive-output" {
            let naive = CostModel(network).layers(wholeNaive: true).first { $0.layer.name == module.name.row }!
            return ComputedValue(value: Double(naive.naiveOutput.c), meaning: "the output channels \(where_) with naive modules everywhere")
        }
        if let derived = derived(parts[2], module: index, of: network) { return derived }
        guard let width = module.widths[field: parts[2]] else {
            let fields = (InceptionWidths.fieldNames + ["output", "naive-output"] + derivedModuleFields.map(\.name)).joined(separator: ", ")
            throw LessonDiagnosticMessage("@\(reference): no field '\(parts[2])' (fields: \(fields))")
        }
        return ComputedValue(value: Double(width), meaning: "\(parts[2]) \(where_)")
    }
}

extension ComputedValue {
    /// The fields of `@costs.PRESET.FIELD`, with what each one is.
    public static let costFields: [(name: String, meaning: String)] = [
        ("params", "weights without bias (paper convention)"),
        ("pytorch-params", "trainable parameters with bias and batch norm, as PyTorch counts them"),
        ("multiplies", "multiply-adds of one image (paper convention)"),
        ("naive-multiplies", "multiply-adds with each module made naive on its own"),
        ("whole-naive-multiplies", "multiply-adds with naive modules everywhere"),
        ("whole-naive-ratio", "how many times the multiply-adds of the reduced network the whole-naive one needs"),
    ]

    /// `@costs...`, `@heads...`, `@sparse-demo...` and `@table1...`: totals of whole tables.
    private static func resolveTotal(_ parts: [String], reference: String) throws(LessonDiagnosticMessage) -> ComputedValue {
        let unknown = LessonDiagnosticMessage("unknown value '@\(reference)' (use costs.PRESET.FIELD, heads.PRESET.gap or .fc, sparse-demo.METHOD or .missed, table1.differing)")
        switch (parts[0], parts.count) {
        case ("sparse-demo", 2):
            let demo = SparseDemo.article
            if parts[1] == "missed" {
                return ComputedValue(value: Double(demo.missed.count), meaning: "output positions the blocks method misses")
            }
            guard let method = SparseDemo.Method(rawValue: parts[1]) else {
                throw LessonDiagnosticMessage("@\(reference): use dense, sparse, blocks, padded or missed")
            }
            return ComputedValue(value: Double(demo.multiplies(method)), meaning: "multiplies of the \(method.rawValue) method on the article's matrix")
        case ("table1", 2) where parts[1] == "differing":
            return ComputedValue(value: Double(Table1Comparison().rows.filter(\.flagged).count),
                                 meaning: "rows of the printed Table 1 that disagree with the paper's widths")
        case ("costs", 3), ("heads", 3):
            let network: NetworkDescription
            do { network = try Preset.named(parts[1]).description } catch { throw LessonDiagnosticMessage("@\(reference): \(error)") }
            if parts[0] == "heads" {
                let heads = HeadsComparison(network: network)
                guard let head = ["gap": heads.gap, "fc": heads.fc][parts[2]] else {
                    throw LessonDiagnosticMessage("@\(reference): use gap or fc")
                }
                return ComputedValue(value: Double(head.cost.weights + head.cost.biases),
                                     meaning: "parameters of the \(parts[2]) head of \(network.preset), biases included")
            }
            let model = CostModel(network)
            let totals = model.totals(), whole = model.totals(wholeNaive: true)
            let macs = { (c: CostBreakdown) in Double(Convention.paper.operations(c, unit: .macs)) }
            let value: Double? = switch parts[2] {
            case "params": Double(Convention.paper.parameters(totals.reduced))
            case "pytorch-params": Double(Convention.torchinfo.parameters(totals.reduced))
            case "multiplies": macs(totals.reduced)
            case "naive-multiplies": macs(totals.naive)
            case "whole-naive-multiplies": macs(whole.naive)
            case "whole-naive-ratio": macs(whole.naive) / macs(whole.reduced)
            default: nil
            }
            guard let value, let meaning = costFields.first(where: { $0.name == parts[2] })?.meaning else {
                throw LessonDiagnosticMessage("@\(reference): fields are " + costFields.map(\.name).joined(separator: ", "))
            }
            return ComputedValue(value: value, meaning: meaning + " of the \(network.preset) network")
        default:
            throw unknown
        }
    }
}

/// A problem as one line, before it is located at a lesson's `file:line`.
public struct LessonDiagnosticMessage: Error, Hashable, Sendable {
    public var text: String
    public init(_ text: String) { self.text = text }
}
