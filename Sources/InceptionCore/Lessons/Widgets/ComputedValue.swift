/// A number a check question's answer can point at instead of typing it in
/// (`answer=@tiny.3a.output`), so the expected value is always what the tool computes.
///
/// References:
/// - `@PRESET.MODULE.FIELD`: a width of a module (`n1x1`, `n3x3red`, `n3x3`, `n5x5red`,
///   `n5x5`, `poolproj`) or its `output` channels, e.g. `@googlenet.3a.output`.
/// - `@worked-example.direct` / `@worked-example.reduced`: the multiplies of the article's
///   worked example (192 to 256 channels at 32x32, 3x3, reduced to 96) without and with
///   the 1x1 reduction; `@worked-example.percent` is reduced as a percentage of direct.
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
        guard parts.count == 3 else {
            throw LessonDiagnosticMessage("unknown value '@\(reference)' (use @PRESET.MODULE.FIELD, e.g. @tiny.3a.output, or @worked-example.direct)")
        }
        let network: NetworkDescription
        do { network = try Preset.named(parts[0]).description } catch { throw LessonDiagnosticMessage("@\(reference): \(error)") }
        guard let (_, module) = network.module(named: parts[1]) else {
            let known = network.modules.map(\.name.short).joined(separator: ", ")
            throw LessonDiagnosticMessage("@\(reference): no module '\(parts[1])' in preset \(network.preset) (modules: \(known))")
        }
        let where_ = "of \(module.name.short) in the \(network.preset) network"
        if parts[2] == "output" {
            return ComputedValue(value: Double(module.widths.outChannels), meaning: "the output channels \(where_)")
        }
        guard let width = module.widths[field: parts[2]] else {
            let fields = (InceptionWidths.fieldNames + ["output"]).joined(separator: ", ")
            throw LessonDiagnosticMessage("@\(reference): no field '\(parts[2])' (fields: \(fields))")
        }
        return ComputedValue(value: Double(width), meaning: "\(parts[2]) \(where_)")
    }
}

/// A problem as one line, before it is located at a lesson's `file:line`.
public struct LessonDiagnosticMessage: Error, Hashable, Sendable {
    public var text: String
    public init(_ text: String) { self.text = text }
}
