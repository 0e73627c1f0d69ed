extension WidgetDefinition {
    /// `::: module-widths preset=tiny module=3a`: the six widths of one module and the
    /// channels its concatenated output has.
    public static let moduleWidths = WidgetDefinition(
        name: "module-widths",
        summary: "The six widths of one Inception module (Table 1 columns) and its output channels.",
        arguments: [
            .optional("preset", .preset, default: "tiny", help: "the network the module belongs to"),
            .required("module", .module, help: "the module, e.g. 3a (also inception_3a)"),
        ],
        compute: { arguments in
            let network = try arguments.network()
            let (index, module) = try arguments.module(in: network)
            let shaped = network.shapedLayers()[index]
            let w = module.widths
            let columns = InceptionWidths.fieldNames.map { WidgetTable.Column($0, .right) } + [.init("output", .right)]
            let sum = [w.n1x1, w.n3x3, w.n5x5, w.poolProj].map(String.init).joined(separator: " + ")
            return .table(WidgetTable(
                title: "Widths of \(module.name.row) in the \(network.preset) network",
                columns: columns,
                rows: [w.all.map(String.init) + [String(w.outChannels)]],
                notes: [
                    "Output channels = n1x1 + n3x3 + n5x5 + poolproj = \(sum) = \(w.outChannels); "
                        + "the reduce widths only feed the 3x3 and 5x5 convolutions.",
                    "The module reads \(shaped.input) and writes \(shaped.output).",
                ]
            ))
        }
    )
}
