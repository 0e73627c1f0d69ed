extension WidgetDefinition {
    /// `::: factorization preset=googlenet module=3a`: one module at its real widths
    /// as GoogLeNet built it, with the 5x5 as two stacked 3x3, and with every k x k
    /// as 1 x k then k x 1: each kernel branch's weights and receptive field, the
    /// module's parameters and multiplies, and the change against `none`.
    public static let factorization = WidgetDefinition(
        name: "factorization",
        summary: "One module with its kernels factorised (none, stacked, asymmetric) at its real widths.",
        arguments: [
            .optional("preset", .preset, default: "googlenet", help: "the network the module belongs to"),
            .optional("module", .module, default: "3a", help: "the module, e.g. 3a (also inception_3a)"),
        ],
        compute: { arguments in
            let network = try arguments.network()
            let (index, module) = try arguments.module(in: network)
            let input = network.shapedLayers()[index].input
            let model = CostModel(network)
            let number = { (n: Int) in NumberText.integer(n, grouped: true) }
            var rows: [[String]] = []
            var plain = 0
            for kind in Factorization.allCases {
                var spec = module
                spec.factorize = kind
                let saving = model.factorizationSaving(spec, input: input)
                if kind == .none { plain = Convention.paper.parameters(saving.factorized) }
                let branch = { (b: KernelBranch) -> [String] in
                    let convs = model.branchConvolutions(spec, b, inChannels: input.c).filter { $0.isFactor || $0.kernelHeight > 1 }
                    guard !convs.isEmpty else { return ["-", "-"] }
                    let weights = convs.reduce(0) { $0 + $1.inChannels * $1.outChannels * $1.kernelHeight * $1.kernelWidth }
                    let field = (1 + convs.reduce(0) { $0 + $1.kernelHeight - 1 }, 1 + convs.reduce(0) { $0 + $1.kernelWidth - 1 })
                    return [number(weights), "\(field.0)x\(field.1)"]
                }
                let params = Convention.paper.parameters(saving.factorized)
                let change = kind == .none ? ""
                    : NumberText.decimal(100 * Double(params - plain) / Double(max(1, plain)), places: 1, grouped: false) + "%"
                rows.append([kind.rawValue] + branch(.b3x3) + branch(.b5x5)
                            + [number(params), number(Convention.paper.operations(saving.factorized, unit: .macs)),
                               change.hasPrefix("-") || change.isEmpty ? change : "+" + change])
            }
            let w = module.widths
            return .table(WidgetTable(
                title: "\(module.name.row) of \(network.preset) factorised (reads \(input), weights only)",
                columns: [.init("factorize"), .init("3x3 kernel", .right), .init("field", .right), .init("5x5 kernel", .right),
                          .init("field", .right), .init("module params", .right), .init("multiplies", .right), .init("vs none", .right)],
                rows: rows,
                notes: ["3x3 branch: \(w.n3x3red) -> \(w.n3x3) after its reduce; 5x5 branch: \(w.n5x5red) -> \(w.n5x5). "
                        + "Stacked: 3x3 \(w.n5x5red)->\(w.n5x5) then 3x3 \(w.n5x5)->\(w.n5x5); asymmetric: 1xk r->r then kx1 r->output.",
                        "field: the receptive field of the branch's kernels (each k x k adds k-1 rows and columns)."]
                    + CostModel.presetNotes(network)))
        }
    )
}
