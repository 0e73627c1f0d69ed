extension WidgetDefinition {
    /// `::: costs preset=googlenet convention=paper`: every layer's output, parameters
    /// and multiplies, the naive design beside it, and the network's totals.
    public static let costs = WidgetDefinition(
        name: "costs",
        summary: "Every layer's parameters and multiplies, with the naive design beside it and the totals.",
        arguments: [
            .optional("preset", .preset, default: "tiny", help: "the network to count"),
            .optional("convention", .choice(Convention.allCases.map(\.rawValue)), default: "paper",
                      help: "how parameters and operations are counted (see `table costs --help`)"),
            .optional("whole-naive", .boolean, default: "false",
                      help: "naive modules everywhere, so each one reads the wider output of the one before"),
        ],
        compute: { arguments in
            let network = try arguments.network()
            let convention = try Convention.named(try arguments.string("convention"))
            let wholeNaive = try arguments.boolean("whole-naive")
            let model = CostModel(network)
            let layers = model.layers(wholeNaive: wholeNaive)
            let ops = { (c: CostBreakdown) in NumberText.integer(convention.operations(c, unit: .macs), grouped: true) }
            let params = { (c: CostBreakdown) in NumberText.integer(convention.parameters(c), grouped: true) }
            var rows = layers.map { [$0.layer.name, $0.output.description, params($0.reduced), ops($0.reduced), ops($0.naive)] }
            let (reduced, naive) = model.totals(wholeNaive: wholeNaive)
            rows.append(["total", "", params(reduced), ops(reduced), ops(naive)])
            let ratio = Double(convention.operations(naive, unit: .macs)) / Double(max(1, convention.operations(reduced, unit: .macs)))
            let reading = wholeNaive
                ? "Naive: every module naive, each reading the wider output of the one before."
                : "Naive: each module made naive on its own, reading the same input."
            return .table(WidgetTable(
                title: "Costs of the \(network.preset) network (\(convention.rawValue) convention)",
                columns: [.init("layer"), .init("output", .right), .init("params", .right),
                          .init("multiplies", .right), .init("naive mult.", .right)],
                rows: rows,
                notes: [reading + " The naive design needs \(NumberText.decimal(ratio, places: 1, grouped: true)) times the multiplies.",
                        "Counting: " + convention.summary + "."] + CostModel.presetNotes(network)))
        }
    )
}
