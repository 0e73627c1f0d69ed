extension CostModel {
    /// The rows a factorised module adds under its own row in `table costs`:
    /// one per convolution of a factorised kernel (type `branch`, named after
    /// its tensor: `inception_3a.branch5x5_1`), counted in the module's total.
    func factorRows(_ l: LayerCost, convention: Convention, unit: CostUnit) -> [[TableCell]] {
        guard case .inception(let m) = l.layer, m.factorize != .none else { return [] }
        return factorizationSaving(m, input: l.input).addedRows.map { added in
            let c = added.conv
            return [.text(m.name.row + "." + c.tensorName), .text("branch"), .integer(c.inChannels),
                    .integer(l.output.h), .integer(l.output.w), .integer(c.outChannels)]
                + Array(repeating: .empty, count: 6)
                + [.integer(convention.parameters(added.cost)), .integer(convention.operations(added.cost, unit: unit)),
                   .empty, .empty, .text(convention.rawValue), .text(unit.rawValue)]
        }
    }

    /// One note per factorised module: its convolutions and its saving against `none`.
    func factorizationNotes(convention: Convention, unit: CostUnit) -> [String] {
        factorizationSavings().map { s in
            let (params, ops) = s.saving(convention, unit: unit)
            let percent = { (x: Double?) -> String in
                guard let x else { return "n/a" }
                return (x < 0 ? "adds " : "saves ") + NumberText.decimal(100 * abs(x), places: 1, grouped: false) + "%"
            }
            return "\(s.module.name.row) factorize=\(s.module.factorize.rawValue) (\(s.addedSummary)): "
                + "\(NumberText.integer(convention.parameters(s.factorized), grouped: true)) params, "
                + "\(NumberText.integer(convention.operations(s.factorized, unit: unit), grouped: true)) \(unit.rawValue) "
                + "against \(NumberText.integer(convention.parameters(s.unfactorized), grouped: true)) and "
                + "\(NumberText.integer(convention.operations(s.unfactorized, unit: unit), grouped: true)) with none: "
                + "\(percent(params)) parameters, \(percent(ops)) \(unit.rawValue)"
        }
    }
}
