/// `gap-vs-fc`: the tiny network's GAP head against a fully connected head on the
/// flattened last feature maps: parameters, train and test accuracy, and the gap
/// between them (overfitting).
enum GapVsFcExperiment {
    static func run(_ context: ExperimentContext) throws -> ExperimentFindings {
        let gap = Preset.tiny.description
        let variants = [(name: "gap", description: gap), (name: "fc", description: gap.withHead(.fc))]
        let rows = try context.rows(variants) { v, _, run in
            let d = variants[v].description
            let trainAccuracy = Evaluation(network: run.network, data: context.trainData).accuracy
            let testAccuracy = run.accuracy
            return [ExperimentEvaluation.parameters(d), ExperimentEvaluation.multiplies(d), trainAccuracy, testAccuracy,
                    trainAccuracy - testAccuracy]
        }
        var f = ExperimentFindings(
            title: "GAP head against a fully connected head", variantColumn: "head",
            columns: [ExperimentColumn("parameters"), ExperimentColumn("multiplies"), ExperimentColumn("train_accuracy", places: 4),
                      ExperimentColumn("accuracy", places: 4), ExperimentColumn("overfit_gap", places: 4)],
            rows: rows, chart: .scatter(x: "parameters", y: "overfit_gap", series: []),
            notes: ["accuracy: the first \(context.settings.testImages) test images; train_accuracy: the \(context.settings.trainImages) training images",
                    "overfit_gap: train_accuracy - accuracy"])
        f.chart = f.scatter(x: "parameters", y: "overfit_gap")
        let overfit = (f.statistics("overfit_gap", variant: "fc"), f.statistics("overfit_gap", variant: "gap"))
        let accuracy = (f.statistics("accuracy", variant: "gap"), f.statistics("accuracy", variant: "fc"))
        let params = f.statistics("parameters", variant: "fc").mean / max(1, f.statistics("parameters", variant: "gap").mean)
        let verdict = !overfit.0.differs(from: overfit.1) ? "No measurable difference in overfitting"
            : overfit.0.mean > overfit.1.mean ? "The fully connected head overfits more" : "The GAP head overfits more"
        f.conclusion = "\(verdict): \(overfit.0.comparison("fc", against: overfit.1, "gap", what: "train-test gap", places: 4)); "
            + "\(accuracy.0.comparison("gap", against: accuracy.1, "fc", what: "test accuracy", places: 4)); "
            + "the fc head has \(NumberText.decimal(params, places: 1, grouped: false))x the parameters."
        return f
    }
}
