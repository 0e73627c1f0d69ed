extension WidgetDefinition {
    /// `::: naive-growth preset=tiny`: output channels stage by stage with 1x1
    /// reductions and with naive modules everywhere, where the pool branch passes
    /// every input channel on and the growth compounds.
    public static let naiveGrowth = WidgetDefinition(
        name: "naive-growth",
        summary: "Channels after every layer with reduced modules and with naive modules everywhere (growth compounds).",
        arguments: [
            .optional("preset", .preset, default: "tiny", help: "the network to follow"),
        ],
        compute: { arguments in
            let network = try arguments.network()
            let model = CostModel(network)
            let layers = model.layers(wholeNaive: true)
            let macs = { (c: CostBreakdown) in Convention.paper.operations(c, unit: .macs) }
            let rows = layers.filter { $0.output.h > 1 || $0.output.w > 1 }.map { l in
                [l.layer.name, String(l.output.c), String(l.naiveOutput.c),
                 NumberText.integer(macs(l.reduced), grouped: true), NumberText.integer(macs(l.naive), grouped: true)]
            }
            let (reduced, naive) = model.totals(wholeNaive: true)
            let lastModule = layers.last { if case .inception = $0.layer { true } else { false } }
            let growth = lastModule.map {
                "After the last module the naive network carries \($0.naiveOutput.c) channels where the reduced one has \($0.output.c)."
            } ?? "The network has no Inception module."
            return .table(WidgetTable(
                title: "Channels stage by stage in the \(network.preset) network: reduced vs naive everywhere",
                columns: [.init("layer"), .init("channels", .right), .init("naive ch.", .right),
                          .init("multiplies", .right), .init("naive mult.", .right)],
                rows: rows,
                notes: [growth,
                        "Whole network: \(NumberText.integer(macs(reduced), grouped: true)) multiplies reduced, \(NumberText.integer(macs(naive), grouped: true)) naive (\(NumberText.decimal(Double(macs(naive)) / Double(max(1, macs(reduced))), places: 1, grouped: true)) times as many).",
                        "Multiplies are multiply-adds of convolutions and linear layers (paper convention)."]))
        }
    )
}
