extension WidgetDefinition {
    /// `::: branch-maps module=3a sample=ring-large`: the input image and the most
    /// active feature maps of each branch of a module, computed by the tiny network.
    public static let branchMaps = WidgetDefinition(
        name: "branch-maps",
        summary: "Each branch's feature maps (the most active channels) on a real input, as heatmaps.",
        arguments: ModuleRun.arguments + [
            .optional("maps", .integer(1...16), default: "4", help: "how many channels to show per branch (the most active ones)"),
        ],
        compute: { arguments in
            let run = try ModuleRun(arguments)
            let perBranch = try arguments.integer("maps")
            let side = GrayImage.networkSide
            let image = FeatureMapPanel.Map(label: "image", rows: side, columns: side, values: run.image.pixels)
            var groups = [FeatureMapPanel.Group(title: "The input image (\(side)x\(side))", maps: [image], low: 0, high: 1)]
            var offset = 0
            for branch in run.step.branches {
                let out = branch.tensors.last!.tensor  // (1, width, h, w)
                let (c, h, w) = (out.shape[1], out.shape[2], out.shape[3])
                let maps = (0..<c).map { k in
                    FeatureMapPanel.Map(label: "ch \(offset + k)", rows: h, columns: w,
                                        values: Array(out.data[(k * h * w)..<((k + 1) * h * w)]))
                }
                let mean = { (m: FeatureMapPanel.Map) in m.values.reduce(0, +) / Float(m.values.count) }
                let strongest = maps.enumerated().sorted { (mean($0.element), $1.offset) > (mean($1.element), $0.offset) }
                    .prefix(perBranch).map(\.element)
                let high = out.data.max() ?? 0
                let via = branch.tensors.count > 1 ? " (" + branch.tensors.map(\.label).joined(separator: " then ") + ")" : ""
                groups.append(FeatureMapPanel.Group(
                    title: "\(branch.name) branch\(via): channels \(offset)-\(offset + c - 1) of the output, \(strongest.count) most active of \(c), scale 0 to \(NumberText.decimal(Double(high), places: 2, grouped: false))",
                    maps: strongest, low: 0, high: high))
                offset += c
            }
            var notes = ["Each branch has its own scale (0 to its largest value), so faint branches stay visible; \(run.module.name.short) concatenates all \(offset) channels into its \(run.step.output.shape[2])x\(run.step.output.shape[3]) output."]
            if let untrained = run.untrainedNote { notes.append(untrained) }
            return .featureMaps(FeatureMapPanel(
                title: "Branches of \(run.module.name.short) on a \(try arguments.string("sample")) image (\(run.weightsWord) weights)",
                groups: groups, notes: notes))
        }
    )
}
