extension WidgetDefinition {
    /// `::: table1`: GoogLeNet's Table 1 as printed beside what its own widths give,
    /// the disagreeing rows flagged (`Table1Comparison`).
    public static let table1 = WidgetDefinition(
        name: "table1",
        summary: "GoogLeNet's Table 1: the paper's printed parameters and operations beside the computed ones, differences flagged.",
        arguments: [],
        compute: { _ in
            let comparison = Table1Comparison()
            let rows = comparison.rows.filter { $0.weights > 0 }.map { r in
                [r.layer, NumberText.decimal(r.printedParamsK, places: 1, grouped: true),
                 NumberText.decimal(r.computedParamsK, places: 1, grouped: true),
                 NumberText.decimal(r.printedOpsM, places: 0, grouped: true),
                 // Two decimals below 10M, so the linear row shows the 1.02 its flag is about.
                 NumberText.decimal(r.computedOpsM, places: r.computedOpsM < 10 ? 2 : 1, grouped: true),
                 r.flagged ? "DIFFERS" : "ok"]
            }
            let flagged = comparison.rows.filter(\.flagged).map(\.layer)
            return .table(WidgetTable(
                title: "GoogLeNet Table 1: printed vs computed from the paper's own widths",
                columns: [.init("layer"), .init("params K", .right), .init("computed", .right),
                          .init("ops M", .right), .init("computed", .right), .init("check")],
                rows: rows,
                notes: ["Params in K = 1,024 weights without bias; ops in M = 1,000,000 multiply-adds. A printed figure agrees when within 1% of the computed one.",
                        "Rows that differ: " + (flagged.isEmpty ? "none" : flagged.joined(separator: ", ")) + ". Pools and dropout have no weights and are left out."]
                    + comparison.rows.compactMap(\.reading)))
        }
    )
}
