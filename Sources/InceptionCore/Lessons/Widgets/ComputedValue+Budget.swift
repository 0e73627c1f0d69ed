extension ComputedValue {
    /// The fields of `@budget.FIELD` (`ComputeBudget`, GoogLeNet only), with what each one is.
    public static let budgetFields: [(name: String, meaning: String)] = [
        ("table1-ops", "Table 1's printed ops column summed, in millions of multiply-adds"),
        ("plain", "GoogLeNet's multiply-adds with a plain 7x7 first layer"),
        ("separable", "GoogLeNet's multiply-adds with a depthwise-separable 7x7 first layer"),
        ("conv1-plain-weights", "weights of a plain 7x7 conv1"),
        ("conv1-separable-weights", "weights of a depthwise-separable 7x7 conv1 (depth multiplier 8)"),
        ("conv1-plain-multiplies", "multiply-adds of a plain 7x7 conv1"),
        ("conv1-separable-multiplies", "multiply-adds of a depthwise-separable 7x7 conv1"),
    ]

    /// `@budget.FIELD`, and `@aux-heads.PRESET.weights`: the weights (no bias, paper
    /// convention) of the network's first auxiliary classifier.
    static func resolveBudget(_ parts: [String], reference: String) throws(LessonDiagnosticMessage) -> ComputedValue {
        if parts[0] == "aux-heads" {
            let network: NetworkDescription
            do { network = try Preset.named(parts.count > 1 ? parts[1] : "").description } catch { throw LessonDiagnosticMessage("@\(reference): \(error)") }
            guard parts.count == 3, parts[2] == "weights" else { throw LessonDiagnosticMessage("@\(reference): use @aux-heads.PRESET.weights") }
            guard let head = CostModel(network).auxHeads().first else { throw LessonDiagnosticMessage("@\(reference): \(network.preset) has no auxiliary classifier") }
            return ComputedValue(value: Double(Convention.paper.parameters(head.total)),
                                 meaning: "weights (no bias) of \(network.preset)'s auxiliary classifier after \(head.spec.after.short)")
        }
        guard parts.count == 2, let meaning = budgetFields.first(where: { $0.name == parts[1] })?.meaning else {
            throw LessonDiagnosticMessage("@\(reference): fields are " + budgetFields.map(\.name).joined(separator: ", "))
        }
        let budget = ComputeBudget(), stem = budget.stem
        let value: Double = switch parts[1] {
        case "table1-ops": budget.printedOpsM
        case "plain": Double(budget.plainMultiplies)
        case "separable": Double(budget.separableMultiplies)
        case "conv1-plain-weights": Double(stem.plainWeights)
        case "conv1-separable-weights": Double(stem.separableWeights)
        case "conv1-plain-multiplies": Double(stem.plainMultiplies)
        default: Double(stem.separableMultiplies)
        }
        return ComputedValue(value: value, meaning: meaning)
    }
}
