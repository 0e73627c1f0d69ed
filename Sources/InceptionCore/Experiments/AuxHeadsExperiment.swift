/// `aux-heads`: the tiny network trained with and without its auxiliary head
/// (after 3b, loss weight from the budget): the gradient norm reaching the stem
/// and 3a during training, and the final accuracy.
enum AuxHeadsExperiment {
    static let watched = ["stem.", "inception3a."]
    /// Points per curve on the chart (steps are averaged in buckets).
    static let chartPoints = 40

    static func run(_ context: ExperimentContext) throws -> ExperimentFindings {
        let with = Preset.tiny.description
        var without = with
        without.auxHeads = []
        let variants = [(name: "with", description: with), (name: "without", description: without)]
        var curves: [String: [[Double]]] = [:]
        let rows = try context.rows(variants, watching: watched) { v, _, run in
            curves[variants[v].name, default: []].append(run.gradientNorms.map { $0[0] })
            let mean = { (k: Int) in run.gradientNorms.reduce(0) { $0 + $1[k] } / Double(max(1, run.gradientNorms.count)) }
            return [mean(0), mean(1), ExperimentEvaluation.multiplies(variants[v].description),
                    run.accuracy]
        }
        var f = ExperimentFindings(
            title: "Auxiliary head: gradient reaching the early layers, and accuracy", variantColumn: "aux",
            columns: [ExperimentColumn("grad_norm_stem", places: 5), ExperimentColumn("grad_norm_3a", places: 5),
                      ExperimentColumn("multiplies"), ExperimentColumn("accuracy", places: 4)],
            rows: rows,
            chart: .lines(x: "step", y: "stem gradient norm", series: variants.map { v in
                ChartSeries(name: v.name, points: bucketed(mean(curves[v.name] ?? [])))
            }),
            notes: ["grad_norm_*: L2 norm of the training loss's gradient with respect to the stem's (3a's) parameters, mean over every step",
                    "with: main loss + \(NumberText.decimal(Double(context.budget.auxWeight), places: 1, grouped: false)) x the auxiliary head's loss; the head is dropped at test time",
                    "multiplies: the network at test time (the auxiliary head does not run)"])
        let stem = (f.statistics("grad_norm_stem", variant: "with"), f.statistics("grad_norm_stem", variant: "without"))
        let m3a = (f.statistics("grad_norm_3a", variant: "with"), f.statistics("grad_norm_3a", variant: "without"))
        let acc = (f.statistics("accuracy", variant: "with"), f.statistics("accuracy", variant: "without"))
        let verdict = stem.0.differs(from: stem.1) && stem.0.mean > stem.1.mean
            ? "The auxiliary head sends more gradient to the stem" : "The auxiliary head does not send measurably more gradient to the stem"
        f.conclusion = "\(verdict): \(stem.0.comparison("with", against: stem.1, "without", what: "stem gradient norm", places: 5)); "
            + "\(m3a.0.comparison("with", against: m3a.1, "without", what: "3a gradient norm", places: 5)); "
            + "\(acc.0.comparison("with", against: acc.1, "without", what: "accuracy", places: 4))."
        return f
    }

    /// The element-wise mean of equally long curves.
    static func mean(_ curves: [[Double]]) -> [Double] {
        guard let n = curves.map(\.count).min(), n > 0 else { return [] }
        return (0..<n).map { i in curves.reduce(0) { $0 + $1[i] } / Double(curves.count) }
    }

    /// At most `chartPoints` points: the mean of each bucket of steps, at its last step.
    static func bucketed(_ curve: [Double]) -> [ChartPoint] {
        let size = max(1, (curve.count + chartPoints - 1) / chartPoints)
        return stride(from: 0, to: curve.count, by: size).map { start in
            let part = curve[start..<min(curve.count, start + size)]
            return ChartPoint(x: Double(start + part.count), y: part.reduce(0, +) / Double(part.count))
        }
    }
}
