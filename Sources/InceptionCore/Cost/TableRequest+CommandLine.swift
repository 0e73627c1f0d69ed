extension TableRequest {
    /// The `inception-explorer table ...` command that prints this table, so a
    /// learner can reproduce from a script what the explorer showed. Options at
    /// their default are left out; `format` is added when it is not text.
    public func commandLine(format: TableFormat = .text) -> String {
        var words = ["inception-explorer", "table", kind.rawValue]
        switch kind {
        case .example:
            let defaults = WorkedExample.article
            let options: [(String, Int, Int)] = [
                ("--in", example.inChannels, defaults.inChannels), ("--out", example.outChannels, defaults.outChannels),
                ("--reduce", example.reduce, defaults.reduce), ("--size", example.size, defaults.size),
                ("--kernel", example.kernel, defaults.kernel),
            ]
            for (name, value, standard) in options where value != standard { words += [name, "\(value)"] }
            if example.factorize != .none { words += ["--factorize", example.factorize.rawValue] }
        case .sparse:
            break
        case .timing, .sweep:
            if sparse != BlockSparseProblem.Parameters() { words += ["--sparse", "'\(sparse.text)'"] }
            if repeats != Self.defaultRepeats { words += ["--repeats", "\(repeats)"] }
        case .costs, .table1, .heads, .aux:
            if let preset { words += ["--preset", preset.rawValue] }
            words += assignments.flatMap { ["--set", $0] }
            if convention != .paper { words += ["--convention", convention.rawValue] }
            if unit != .macs { words += ["--unit", unit.rawValue] }
            if wholeNaive { words.append("--whole-naive") }
            if let head { words += ["--head", head.rawValue] }
        }
        if format != .text { words += ["--format", format.rawValue] }
        return words.joined(separator: " ")
    }
}
