/// The paper's printed Table 1 (Szegedy et al., "Going deeper with convolutions",
/// 2014) beside what the cost model computes for the `googlenet` preset, in the
/// paper's convention: params in K = 1,024 weights, ops in M = 10^6 multiply-adds.
///
/// A printed figure agrees when it is within 1% of the computed one. The formula
/// is never adjusted to match: where the paper's own widths give another number,
/// the row is flagged and both figures are shown with their difference.
public struct Table1Comparison: Sendable {
    /// One row of Table 1.
    public struct Row: Hashable, Sendable {
        public var layer: String
        public var printedParamsK: Double
        public var printedOpsM: Double
        /// Weights (no bias) and multiply-adds computed from the widths.
        public var weights: Int
        public var multiplies: Int

        public var computedParamsK: Double { Double(weights) / 1024 }
        public var computedOpsM: Double { Double(multiplies) / 1_000_000 }
        public var paramsAgree: Bool { Table1Comparison.agrees(printedParamsK, computedParamsK) }
        public var opsAgree: Bool { Table1Comparison.agrees(printedOpsM, computedOpsM) }
        public var flagged: Bool { !paramsAgree || !opsAgree }
    }

    /// The printed figures by row name; pools and dropout are printed as 0 (the
    /// paper's softmax row has no layer in the network and is left out).
    public static let printed: [String: (paramsK: Double, opsM: Double)] = [
        "conv1": (2.7, 34), "conv2": (112, 360),
        "inception_3a": (159, 128), "inception_3b": (380, 304),
        "inception_4a": (364, 73), "inception_4b": (437, 88), "inception_4c": (463, 100),
        "inception_4d": (580, 119), "inception_4e": (840, 170),
        "inception_5a": (1072, 54), "inception_5b": (1388, 71),
        "linear": (1000, 1),
    ]

    public let rows: [Row]

    /// Compares `network` (the googlenet preset, possibly with `--set` changes) with the printed table.
    public init(network: NetworkDescription = Preset.googlenet.description) {
        rows = CostModel(network).layers().map { l in
            let printed = Self.printed[l.layer.name] ?? (0, 0)
            return Row(layer: l.layer.name, printedParamsK: printed.paramsK, printedOpsM: printed.opsM,
                       weights: Convention.paper.parameters(l.reduced),
                       multiplies: Convention.paper.operations(l.reduced, unit: .macs))
        }
    }

    /// Within 1% of the computed figure (a printed 0 agrees only with 0).
    public static func agrees(_ printed: Double, _ computed: Double) -> Bool {
        abs(printed - computed) <= 0.01 * abs(computed)
    }

    public func table() -> Table {
        let cells: [[TableCell]] = rows.map { r in
            let flags = [r.paramsAgree ? nil : "params", r.opsAgree ? nil : "ops"].compactMap { $0 }
            return [.text(r.layer),
                    .decimal(r.printedParamsK, places: 1), .decimal(r.computedParamsK, places: 1),
                    r.paramsAgree ? .empty : .decimal(r.computedParamsK - r.printedParamsK, places: 1),
                    .decimal(r.printedOpsM, places: 0), .decimal(r.computedOpsM, places: 2),
                    r.opsAgree ? .empty : .decimal(r.computedOpsM - r.printedOpsM, places: 2),
                    flags.isEmpty ? .text("agrees") : .text("DIFFERS: " + flags.joined(separator: ", "))]
        }
        let flagged = rows.filter(\.flagged).map(\.layer)
        return Table(title: "GoogLeNet Table 1: printed vs computed from the paper's widths",
                     columns: ["layer", "printed_params_k", "computed_params_k", "params_diff_k",
                               "printed_ops_m", "computed_ops_m", "ops_diff_m", "check"],
                     rows: cells,
                     notes: ["params in K = 1,024 weights (no bias); ops in M = 1,000,000 multiply-adds (paper convention)",
                             "a printed figure agrees when within 1% of the computed one; diff = computed - printed",
                             "rows that differ: " + (flagged.isEmpty ? "none" : flagged.joined(separator: ", "))]
                        + rows.compactMap(\.reading))
    }
}

extension Table1Comparison.Row {
    /// Why a flagged row differs, as far as arithmetic can tell: conv1's figures are
    /// those of a depthwise-separable 7x7 (`SeparableStem`), a row within rounding of
    /// its printed whole number is rounding, and any other row is only set side by
    /// side (the paper explains none of them). Nil for a row that agrees.
    public var reading: String? {
        guard flagged else { return nil }
        let k = { (x: Double) in NumberText.decimal(x, places: 1, grouped: true) + "K" }
        let m = { (x: Double) in NumberText.decimal(x, places: 1, grouped: true) + "M" }
        if layer == "conv1", let stem = SeparableStem(),
           Table1Comparison.agrees(printedOpsM, Double(stem.separableMultiplies) / 1e6) {
            return "conv1: printed \(k(printedParamsK)) / \(m(printedOpsM)) is a depthwise-separable 7x7 (multiplier \(SeparableStem.depthMultiplier)): \(NumberText.integer(stem.separableWeights, grouped: true)) weights, \(m(Double(stem.separableMultiplies) / 1e6)); the plain 7x7 the row names has \(NumberText.integer(stem.plainWeights, grouped: true)) and \(m(computedOpsM))."
        }
        if paramsAgree, computedOpsM.rounded() == printedOpsM {
            return "\(layer): \(NumberText.decimal(computedOpsM, places: 3, grouped: true))M printed as \(NumberText.decimal(printedOpsM, places: 0, grouped: true))M, rounded to whole millions."
        }
        return "\(layer): printed \(k(printedParamsK)) / \(m(printedOpsM)), computed \(k(computedParamsK)) / \(m(computedOpsM)); the paper gives no cause."
    }
}
