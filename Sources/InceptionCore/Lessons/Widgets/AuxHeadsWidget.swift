extension WidgetDefinition {
    /// `::: aux-heads preset=googlenet`: where the auxiliary classifiers attach and
    /// what each of their layers costs (they run only while training).
    public static let auxHeads = WidgetDefinition(
        name: "aux-heads",
        summary: "The auxiliary classifiers: the module each one reads, its layers, parameters and multiplies.",
        arguments: [
            .optional("preset", .preset, default: "tiny", help: "the network whose auxiliary classifiers are shown"),
        ],
        compute: { arguments in
            let model = CostModel(try arguments.network())
            let table = model.auxTable(convention: .torchinfo, unit: .macs)
            let total = model.totals().reduced
            let heads = model.auxHeads().map { "\($0.spec.name) reads the \($0.input) output of \($0.spec.after.short)" }
            let summary = heads.isEmpty ? [] : [heads.joined(separator: "; ") + ". The main network has \(NumberText.integer(Convention.torchinfo.parameters(total), grouped: true)) parameters with biases."]
            let main = Convention.paper.parameters(total)
            let weights = model.auxHeads().map { head in
                let w = Convention.paper.parameters(head.total)
                return "\(head.spec.name) \(NumberText.integer(w, grouped: true)) (\(NumberText.decimal(100 * Double(w) / Double(main), places: 0, grouped: false))%)"
            }
            let paper = weights.isEmpty ? [] : ["Weights without biases, as the paper counts: " + weights.joined(separator: ", ")
                + " of the main network's \(NumberText.integer(main, grouped: true))."]
            return .table(WidgetTable(table, columns: ["layer", "type", "out_c", "out_h", "out_w", "params", "multiplies"],
                                      titles: ["out_c": "ch", "out_h": "h", "out_w": "w"],
                                      notes: summary + paper + ["Used while training only; parameters include biases."]))
        }
    )
}
