extension WidgetDefinition {
    /// `::: network-shapes preset=tiny`: every layer with the shape it reads and writes,
    /// derived from the network description (`NetworkDescription.shapedLayers`).
    public static let networkShapes = WidgetDefinition(
        name: "network-shapes",
        summary: "Every layer of a network with its input and output shape (channels x height x width).",
        arguments: [
            .optional("preset", .preset, default: "tiny", help: "the network to describe"),
            .optional("naive", .boolean, default: "false",
                      help: "use the naive module (no 1x1 reduce or projection) everywhere, so channels grow stage by stage"),
        ],
        compute: { arguments in
            let network = try arguments.network()
            let naive = try arguments.boolean("naive")
            let layers = network.shapedLayers(wholeNaive: naive)
            let rows = layers.map { [$0.layer.name, $0.layer.operationSummary, $0.input.description, $0.output.description] }
            let design = naive ? "naive modules" : "modules with 1x1 reductions"
            return .table(WidgetTable(
                title: "Layers of the \(network.preset) network (\(design))",
                columns: [.init("layer"), .init("operation"), .init("input", .right), .init("output", .right)],
                rows: rows,
                notes: ["Shapes are channels x height x width; \(layers.count) rows from a \(network.input) input to \(network.classes) class scores.",
                        "Counted as §5 counts depth, only layers with weights along the longest path (a 1x1 and the kernel after it are two), the network is \(network.weightedDepth(wholeNaive: naive)) layers deep."]
            ))
        }
    )
}

extension LayerSpec {
    /// What the layer does, in the words of the paper's Table 1 (`conv 3x3/1`, `max pool 3x3/2`).
    var operationSummary: String {
        switch self {
        case .conv(let s):
            let conv = "conv \(s.kernel)x\(s.kernel)/\(s.stride)"
            return s.reduce.map { "conv 1x1 \($0), then \(conv)" } ?? conv
        case .maxPool(let p): return "max pool \(p.kernel)x\(p.kernel)/\(p.stride)"
        case .avgPool(let p): return "avg pool \(p.kernel)x\(p.kernel)/\(p.stride)"
        case .inception: return "inception module"
        case .globalAvgPool: return "global avg pool"
        case .flatten: return "flatten"
        case .dropout(_, let rate): return "dropout \(rate)"
        case .linear: return "linear"
        }
    }
}
