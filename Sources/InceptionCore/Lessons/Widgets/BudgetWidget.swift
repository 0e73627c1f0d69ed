extension WidgetDefinition {
    /// `::: budget`: GoogLeNet's multiply-adds against §1's 1.5 billion, with the first
    /// layer counted plain and depthwise separable (`ComputeBudget`), which explains
    /// both Table 1's conv1 row and why the printed ops column sums to the budget.
    public static let budget = WidgetDefinition(
        name: "budget",
        summary: "GoogLeNet's multiply-adds against the paper's 1.5 billion budget, conv1 plain and depthwise separable.",
        arguments: [],
        compute: { _ in
            let budget = ComputeBudget(), stem = budget.stem
            let count = { (n: Int) in NumberText.integer(n, grouped: true) }
            let millions = { (n: Double) in NumberText.decimal(n, places: 1, grouped: true) + "M" }
            let printed = Table1Comparison.printed["conv1"]!
            let rows = [
                ["conv1, plain 7x7 (the row's name)", count(stem.plainWeights), millions(Double(stem.plainMultiplies) / 1e6)],
                ["conv1, separable 7x7, multiplier \(SeparableStem.depthMultiplier)", count(stem.separableWeights), millions(Double(stem.separableMultiplies) / 1e6)],
                ["conv1 as Table 1 prints it", NumberText.decimal(printed.paramsK, places: 1, grouped: false) + "K", millions(printed.opsM)],
                ["network, plain conv1", "", count(budget.plainMultiplies)],
                ["network, separable conv1", "", count(budget.separableMultiplies)],
                ["Table 1's ops column summed", "", millions(budget.printedOpsM)],
                ["§1's budget", "", count(ComputeBudget.statedMultiplies)],
            ]
            let depthwise = stem.inChannels * SeparableStem.depthMultiplier
            return .table(WidgetTable(
                title: "GoogLeNet's multiply-adds at inference against its budget",
                columns: [.init("what"), .init("weights", .right), .init("multiply-adds", .right)],
                rows: rows,
                notes: [
                    "Separable: each of the \(stem.inChannels) input channels gets \(SeparableStem.depthMultiplier) kernels of \(stem.kernel)x\(stem.kernel) (\(depthwise) maps), then a 1x1 to \(stem.outChannels): \(stem.inChannels)·\(SeparableStem.depthMultiplier)·\(stem.kernel * stem.kernel) + \(depthwise)·\(stem.outChannels) = \(count(stem.separableWeights)) weights, each used at \(count(stem.positions)) positions.",
                    "Table 1's conv1 figures fit the separable layer, and with it the network lands within \(NumberText.decimal(100 * abs(Double(budget.separableMultiplies) / Double(ComputeBudget.statedMultiplies) - 1), places: 1, grouped: false))% of the budget; with the plain 7x7 the row names it is \(NumberText.decimal(100 * (Double(budget.plainMultiplies) / Double(ComputeBudget.statedMultiplies) - 1), places: 1, grouped: false))% over.",
                    "Multiply-adds of convolutions and the linear layer (pools are free in this count); no auxiliary classifiers.",
                ]))
        }
    )
}
