extension WidgetDefinition {
    /// `::: preset-compare`: two presets side by side, property by property, with
    /// the counts that follow from their differences (GoogLeNet as the paper prints it
    /// against torchvision's implementation by default).
    public static let presetCompare = WidgetDefinition(
        name: "preset-compare",
        summary: "Two presets side by side: 5x5 kernel, batch norm, bias, pooling, dropout, parameters and multiplies.",
        arguments: [
            .optional("left", .choice(Preset.allCases.map(\.rawValue)), default: "googlenet", help: "the first preset"),
            .optional("right", .choice(Preset.allCases.map(\.rawValue)), default: "torchvision", help: "the second preset"),
        ],
        compute: { arguments in
            let left = try Preset.named(try arguments.string("left")).description
            let right = try Preset.named(try arguments.string("right")).description
            let properties = PresetProperties.rows
            let rows = properties.map { [$0.name, $0.value(left), $0.value(right)] }
            let differing = properties.filter { $0.value(left) != $0.value(right) }.map(\.name)
            return .table(WidgetTable(
                title: "The \(left.preset) and \(right.preset) presets side by side",
                columns: [.init("property"), .init(left.preset, .right), .init(right.preset, .right)],
                rows: rows,
                notes: ["They differ in: " + (differing.isEmpty ? "nothing" : differing.joined(separator: "; ")) + ".",
                        "Counts are for the main network (auxiliary classifiers left out); \"with bias and BN\" counts every trainable number, as PyTorch does."]))
        }
    )
}

/// The rows of `preset-compare`: what each network does, read from its description.
enum PresetProperties {
    struct Row: Sendable {
        var name: String
        var value: @Sendable (NetworkDescription) -> String
    }

    static let rows: [Row] = [
        Row(name: "input") { $0.input.description },
        Row(name: "\"5x5\" branch kernel") { "\($0.branch5x5Kernel)x\($0.branch5x5Kernel)" },
        Row(name: "batch norm") { $0.batchNorm ? "yes" : "no" },
        Row(name: "conv bias") { $0.convBias ? "yes" : "no" },
        Row(name: "pool rounding") { n in
            let ceil = n.layers.contains { if case .maxPool(let p) = $0 { p.ceilMode } else { false } }
            return ceil ? "ceil" : "floor"
        },
        Row(name: "dropout before classifier") { n in
            n.layers.compactMap { if case .dropout(_, let rate) = $0 { String(rate) } else { nil } }.first ?? "none"
        },
        Row(name: "auxiliary classifiers") { String($0.auxHeads.count) },
        Row(name: "weights (no bias, no BN)") { count($0) { Convention.paper.parameters($0) } },
        Row(name: "params with bias and BN") { count($0) { Convention.torchinfo.parameters($0) } },
        Row(name: "multiply-adds") { count($0) { Convention.paper.operations($0, unit: .macs) } },
    ]

    private static func count(_ network: NetworkDescription, _ f: (CostBreakdown) -> Int) -> String {
        NumberText.integer(f(CostModel(network).totals().reduced), grouped: true)
    }
}
