/// `sparse-timing`: the Sparse view's four methods timed on random block-sparse
/// matrices at densities from 1% to 50%: time per useful multiply (a product with
/// a non-zero matrix entry). Seeds draw different matrices.
enum SparseTimingExperiment {
    static let densities = [0.01, 0.02, 0.05, 0.1, 0.2, 0.5]
    static let repeats = 5

    static func run(_ context: ExperimentContext) throws -> ExperimentFindings {
        let methods = SparseDemo.Method.allCases
        var rows: [ExperimentRow] = []
        let total = Double(densities.count * context.settings.seeds)
        for (i, density) in densities.enumerated() {
            for seed in context.settings.seedValues {
                try context.checkCancelled()
                context.say("timing density \(label(density)), seed \(seed)", fraction: Double(i * context.settings.seeds + seed - 1) / total)
                let problem = try BlockSparseProblem(.init(size: context.settings.sparseSize, density: density, seed: UInt64(seed)))
                let timing = SparseTiming(problem: problem, repeats: repeats)
                let dense = timing.rows.first { $0.method == .dense }!, sparse = timing.rows.first { $0.method == .sparse }!
                // What one product costs in each method: the price of skipping zeros.
                let perProduct = { (r: SparseTiming.Row) in r.seconds / Double(max(1, r.multiplies)) }
                let side = Double(context.settings.sparseSize)
                rows.append(ExperimentRow(variant: label(density), seed: seed,
                                          values: [Double(timing.nonZeros) / (side * side), Double(dense.multiplies), Double(dense.usefulMultiplies)]
                                              + methods.map { m in timing.rows.first { $0.method == m }?.nanosecondsPerUseful }
                                              + [perProduct(sparse) / max(1e-15, perProduct(dense))]))
            }
        }
        var f = ExperimentFindings(
            title: "Sparse against dense: time per useful multiply as the density grows", variantColumn: "density",
            columns: [ExperimentColumn("matrix_density", places: 4), ExperimentColumn("multiplies"), ExperimentColumn("useful_multiplies")]
                + methods.map { ExperimentColumn("ns_per_useful_" + $0.rawValue, places: 3) } + [ExperimentColumn("sparse_overhead", places: 2)],
            rows: rows,
            chart: .lines(x: "density", y: "ns per useful multiply", series: []),
            notes: ["\(context.settings.sparseSize)x\(context.settings.sparseSize) matrix, 4 diagonal blocks, 3x3 kernel; density: chance that an entry inside a block is non-zero",
                    "multiplies: the dense method's products; useful: products with a non-zero entry; median of \(repeats) runs",
                    "matrix_density: non-zeros / all entries; sparse_overhead: time of one sparse product / time of one dense product",
                    "no network is trained: accuracy does not apply"])
        f.chart = .lines(x: "density", y: "ns per useful multiply", series: methods.map { m in
            ChartSeries(name: m.rawValue, points: densities.map { d in
                ChartPoint(x: d, y: f.statistics("ns_per_useful_" + m.rawValue, variant: label(d)).mean)
            })
        })
        let pays = densities.filter { d in
            let sparse = f.statistics("ns_per_useful_sparse", variant: label(d)), dense = f.statistics("ns_per_useful_dense", variant: label(d))
            return sparse.differs(from: dense) && sparse.mean < dense.mean
        }
        let high = label(densities.last!)
        let last = (f.statistics("ns_per_useful_sparse", variant: high), f.statistics("ns_per_useful_dense", variant: high))
        // At the densest matrices the products dominate the fixed costs of each run.
        let overhead = f.statistics("sparse_overhead", variant: high)
        f.conclusion = (pays.isEmpty ? "Sparse storage pays off at none of the densities"
                        : pays.count == densities.count ? "Sparse storage pays off at every density tested"
                        : "Sparse storage pays off only at densities \(pays.map(label).joined(separator: ", "))")
            + "; at density \(high): \(last.0.comparison("sparse", against: last.1, "dense", what: "ns per useful multiply", places: 3)). "
            + "At that density each sparse product costs \(overhead.text(places: 2))x a dense one, so sparse storage stops paying off above a matrix density of about "
            + "\(NumberText.decimal(100 / max(1, overhead.mean), places: 0, grouped: false))% (the densest matrix here has \(NumberText.decimal(100 * f.statistics("matrix_density", variant: high).mean, places: 1, grouped: false))% non-zeros)."
        return f
    }

    static func label(_ density: Double) -> String { NumberText.decimal(density, places: 2, grouped: false) }
}
