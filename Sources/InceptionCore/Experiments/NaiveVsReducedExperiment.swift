/// `naive-vs-reduced`: every module naive (convolutions on the input, the pool
/// branch passed through, so each output is wider and the next input follows)
/// against the 1x1-reduced tiny network with the same n1x1/n3x3/n5x5.
enum NaiveVsReducedExperiment {
    static func run(_ context: ExperimentContext) throws -> ExperimentFindings {
        let reduced = Preset.tiny.description
        let variants = [(name: "reduced", description: reduced), (name: "naive", description: reduced.withNaiveModules())]
        let rows = try context.rows(variants) { v, _, run in
            let d = variants[v].description
            return [ExperimentEvaluation.parameters(d), ExperimentEvaluation.multiplies(d),
                    run.accuracy,
                    run.secondsPerStep * 1000]
        }
        var f = ExperimentFindings(
            title: "Naive against 1x1-reduced modules (same n1x1, n3x3, n5x5)", variantColumn: "design",
            columns: [ExperimentColumn("parameters"), ExperimentColumn("multiplies"), ExperimentColumn("accuracy", places: 4),
                      ExperimentColumn("ms_per_step", places: 2)],
            rows: rows, chart: .scatter(x: "multiplies", y: "accuracy", series: []),
            notes: ["naive: 1x1, 3x3 and 5x5 read the module input and the pool branch passes its channels through (no projection)",
                    "ms_per_step: wall-clock time of one training step (batch \(context.budget.batchSize), forward + backward + update)"])
        f.chart = f.scatter(x: "multiplies", y: "accuracy")
        let acc = (f.statistics("accuracy", variant: "reduced"), f.statistics("accuracy", variant: "naive"))
        let ratio = { (column: String) in
            NumberText.decimal(f.statistics(column, variant: "naive").mean / max(1e-12, f.statistics(column, variant: "reduced").mean),
                               places: 1, grouped: false)
        }
        let verdict = acc.0.differs(from: acc.1)
            ? (acc.0.mean < acc.1.mean ? "The reduction costs accuracy" : "The reduction does not cost accuracy: the reduced network is more accurate")
            : "The reduction does not cost measurable accuracy"
        f.conclusion = "\(verdict) (\(acc.0.comparison("reduced", against: acc.1, "naive", what: "accuracy", places: 4))), "
            + "while the naive network needs \(ratio("multiplies"))x the multiplies, \(ratio("parameters"))x the parameters "
            + "and \(ratio("ms_per_step"))x the time per step."
        return f
    }
}
