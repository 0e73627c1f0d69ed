extension CostModel {
    /// The columns of `table costs`, in the order scripts rely on.
    public static let costColumns = [
        "layer", "type", "in_c", "out_h", "out_w", "out_c",
        "n1x1", "n3x3red", "n3x3", "n5x5red", "n5x5", "poolproj",
        "params", "multiplies", "naive_params", "naive_multiplies", "convention", "unit",
    ]

    /// Every layer of the network with its widths, the reduced and naive costs,
    /// and a `total` row. With `wholeNaive`, `in_c`/`out_c` and the naive columns
    /// are those of the compounding whole-naive network.
    public func costsTable(convention: Convention, unit: CostUnit, wholeNaive: Bool) -> Table {
        let layers = layers(wholeNaive: wholeNaive)
        func numbers(_ reduced: CostBreakdown, _ naive: CostBreakdown) -> [TableCell] {
            [.integer(convention.parameters(reduced)), .integer(convention.operations(reduced, unit: unit)),
             .integer(convention.parameters(naive)), .integer(convention.operations(naive, unit: unit)),
             .text(convention.rawValue), .text(unit.rawValue)]
        }
        var rows: [[TableCell]] = layers.flatMap { l in
            let inC = wholeNaive ? l.naiveInput.c : l.input.c
            let outC = wholeNaive ? l.naiveOutput.c : l.output.c
            let head: [TableCell] = [.text(l.layer.name), .text(l.kind), .integer(inC),
                                     .integer(l.output.h), .integer(l.output.w), .integer(outC)]
            return [head + Self.widthCells(l.layer) + numbers(l.reduced, l.naive)]
                + factorRows(l, convention: convention, unit: unit)
        }
        let total = layers.reduce((CostBreakdown.zero, CostBreakdown.zero)) { ($0.0 + $1.reduced, $0.1 + $1.naive) }
        rows.append([.text("total"), .text("total")] + Array(repeating: .empty, count: 10) + numbers(total.0, total.1))
        let reading = wholeNaive
            ? "naive: the whole naive network, channel growth compounding (in_c/out_c are its own)"
            : "naive: each module on its own, reading the same input as the reduced design"
        return Table(title: "Costs of \(network.preset) (\(convention.rawValue), \(unit.label))",
                     columns: Self.costColumns, rows: rows,
                     notes: ["convention " + convention.summary, "unit: \(unit.label)", reading]
                        + Self.presetNotes(network) + factorizationNotes(convention: convention, unit: unit))
    }

    /// The auxiliary classifiers, layer by layer with a total per head.
    public func auxTable(convention: Convention, unit: CostUnit) -> Table {
        var rows: [[TableCell]] = []
        for head in auxHeads() {
            for l in head.layers {
                rows.append([.text(l.name), .text(l.kind), .text(head.spec.after.row), .integer(l.output.c),
                             .integer(l.output.h), .integer(l.output.w),
                             .integer(convention.parameters(l.cost)), .integer(convention.operations(l.cost, unit: unit))])
            }
            rows.append([.text(head.spec.name + " total"), .text("total"), .text(head.spec.after.row), .empty, .empty, .empty,
                         .integer(convention.parameters(head.total)), .integer(convention.operations(head.total, unit: unit))])
        }
        let notes = rows.isEmpty
            ? ["\(network.preset) has no auxiliary classifier"]
            : ["used in training only: not part of the network totals", "convention " + convention.summary, "unit: \(unit.label)"]
        return Table(title: "Auxiliary classifiers of \(network.preset) (\(convention.rawValue), \(unit.label))",
                     columns: ["layer", "type", "after", "out_c", "out_h", "out_w", "params", "multiplies"],
                     rows: rows, notes: notes)
    }

    /// The six width cells: a module's widths, or for a conv row with a 1x1
    /// reduce (GoogLeNet's conv2) its reduce and output width in the 3x3 or 5x5
    /// columns, as the paper's Table 1 prints them.
    static func widthCells(_ layer: LayerSpec) -> [TableCell] {
        switch layer {
        case .inception(let m):
            return m.widths.all.map(TableCell.integer)
        case .conv(let s):
            guard let r = s.reduce, s.kernel == 3 || s.kernel == 5 else { break }
            let pair: [TableCell] = [.integer(r), .integer(s.outChannels)]
            let none = [TableCell.empty, .empty]
            return [.empty] + (s.kernel == 3 ? pair + none : none + pair) + [.empty]
        default:
            break
        }
        return Array(repeating: .empty, count: 6)
    }

    /// What sets this network apart from the paper's design, stated in the notes.
    static func presetNotes(_ network: NetworkDescription) -> [String] {
        var notes: [String] = []
        if !network.convBias { notes.append("convolutions have no bias") }
        if network.batchNorm { notes.append("batch norm after every convolution: 2 parameters per channel") }
        if network.branch5x5Kernel != 5 {
            notes.append("the \"5x5\" branch uses a \(network.branch5x5Kernel)x\(network.branch5x5Kernel) kernel (kept for weight compatibility)")
        }
        return notes
    }
}
