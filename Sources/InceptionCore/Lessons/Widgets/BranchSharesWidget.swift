extension WidgetDefinition {
    /// `::: branch-shares preset=googlenet`: each module's 3x3 and 5x5 output channels as
    /// a share of its output, so a learner can check §4's intention (the share "should
    /// increase as we move to higher layers") against the widths the network really has.
    public static let branchShares = WidgetDefinition(
        name: "branch-shares",
        summary: "Each module's 3x3 and 5x5 output channels as a share of its output, and how often it grows.",
        arguments: [
            .optional("preset", .preset, default: "tiny", help: "the network whose modules are compared"),
        ],
        compute: { arguments in
            let network = try arguments.network()
            let shares = network.modules.map { (name: $0.name.short, widths: $0.widths, share: $0.widths.largeKernelShare) }
            let rows = shares.map { m in
                [m.name, String(m.widths.n3x3), String(m.widths.n5x5), String(m.widths.outChannels),
                 NumberText.decimal(100 * m.share, places: 1, grouped: false)]
            }
            let steps = Array(zip(shares, shares.dropFirst()))
            let rises = steps.filter { $1.share > $0.share }.count
            let falls = steps.filter { $1.share < $0.share }.map { "\($0.name) to \($1.name)" }
            var notes = ["Share = (n3x3 + n5x5) / output channels of the module."]
            if !steps.isEmpty {
                notes.append("From one module to the next the share rises \(rises) of \(shares.count - 1) times"
                             + (falls.isEmpty ? "." : "; it falls from " + falls.joined(separator: ", ") + "."))
            }
            return .table(WidgetTable(
                title: "The 3x3 and 5x5 branches' share of each module's output (\(network.preset))",
                columns: [.init("module"), .init("n3x3", .right), .init("n5x5", .right), .init("output", .right), .init("share %", .right)],
                rows: rows, notes: notes))
        }
    )
}

extension InceptionWidths {
    /// The 3x3 and 5x5 branches' fraction of the output channels.
    public var largeKernelShare: Double { Double(n3x3 + n5x5) / Double(outChannels) }
}
