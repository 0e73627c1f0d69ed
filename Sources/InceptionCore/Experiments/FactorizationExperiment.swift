/// `factorization`: the tiny network with every module `none`, `stacked` and
/// `asymmetric` (Inception-v3's factorised kernels), at the same widths.
enum FactorizationExperiment {
    static func run(_ context: ExperimentContext) throws -> ExperimentFindings {
        let base = Preset.tiny.description
        let variants = Factorization.allCases.map { (name: $0.rawValue, description: base.withFactorization($0)) }
        let rows = try context.rows(variants) { v, _, run in
            let d = variants[v].description
            return [ExperimentEvaluation.parameters(d), ExperimentEvaluation.multiplies(d),
                    run.secondsPerStep * 1000, run.accuracy]
        }
        var f = ExperimentFindings(
            title: "Factorised kernels: none, stacked 3x3 and asymmetric 1xk + kx1 in every module",
            variantColumn: "factorize",
            columns: [ExperimentColumn("parameters"), ExperimentColumn("multiplies"),
                      ExperimentColumn("ms_per_step", places: 2), ExperimentColumn("accuracy", places: 4)],
            rows: rows, chart: .scatter(x: "multiplies", y: "accuracy", series: []),
            notes: ["stacked: each 5x5 is two 3x3 (reduce -> n5x5 -> n5x5); "
                        + "asymmetric: each kxk of the 3x3 and 5x5 branches is 1xk (reduce -> reduce) then kx1 (-> output)",
                    "the same widths in every variant, so the branch outputs are as wide as without factorisation",
                    "ms_per_step: wall-clock time of one training step (batch \(context.budget.batchSize), forward + backward + update)"])
        f.chart = f.scatter(x: "multiplies", y: "accuracy")
        f.conclusion = conclusion(f)
        return f
    }

    static func conclusion(_ f: ExperimentFindings) -> String {
        let none = f.statistics("accuracy", variant: Factorization.none.rawValue)
        let cost = { (column: String, v: String) in f.statistics(column, variant: v).mean }
        let parts = [Factorization.stacked, .asymmetric].map { kind -> String in
            let v = kind.rawValue, acc = f.statistics("accuracy", variant: v)
            let verdict = acc.differs(from: none)
                ? (acc.mean < none.mean ? "costs accuracy" : "gains accuracy")
                : "does not change accuracy measurably"
            let ratio = { (column: String) in
                NumberText.decimal(100 * cost(column, v) / max(1e-12, cost(column, "none")), places: 0, grouped: false) + "%"
            }
            return "\(kind.rawValue) \(verdict) (\(acc.comparison(v, against: none, "none", what: "accuracy", places: 4))) "
                + "with \(ratio("multiplies")) of the multiplies, \(ratio("parameters")) of the parameters "
                + "and \(ratio("ms_per_step")) of the time per step"
        }
        return parts.joined(separator: "; ") + "."
    }
}
