/// `bottleneck`: the 3x3 and 5x5 reduce widths of every module set to 1, 2, 4, 8
/// and 16, against accuracy and multiplies ("why not reduce to a single feature map?").
enum BottleneckExperiment {
    static let widths = [1, 2, 4, 8, 16]

    /// The tiny network with every module's n3x3red and n5x5red set to `width`.
    static func description(width: Int) throws -> NetworkDescription {
        let base = Preset.tiny.description
        return try base.applying(assignments: base.modules.flatMap {
            ["\($0.name.short).n3x3red=\(width)", "\($0.name.short).n5x5red=\(width)"]
        })
    }

    static func run(_ context: ExperimentContext) throws -> ExperimentFindings {
        let variants = try widths.map { (name: String($0), description: try description(width: $0)) }
        let rows = try context.rows(variants) { v, _, run in
            let d = variants[v].description
            return [ExperimentEvaluation.parameters(d), ExperimentEvaluation.multiplies(d),
                    run.accuracy]
        }
        var findings = ExperimentFindings(
            title: "Bottleneck: 3x3 and 5x5 reduce widths of every module against accuracy",
            variantColumn: "width",
            columns: [ExperimentColumn("parameters"), ExperimentColumn("multiplies"), ExperimentColumn("accuracy", places: 4)],
            rows: rows, chart: .scatter(x: "multiplies", y: "accuracy", series: []),
            notes: ["width: n3x3red = n5x5red = width in 3a, 3b and 4a of the tiny network; accuracy on the test split",
                    "multiplies: multiply-adds of one image (weights x output positions)"])
        findings.chart = findings.scatter(x: "multiplies", y: "accuracy")
        findings.conclusion = conclusion(findings)
        return findings
    }

    static func conclusion(_ f: ExperimentFindings) -> String {
        let stats = f.variants.map { f.statistics("accuracy", variant: $0) }
        guard let best = stats.indices.max(by: { stats[$0].mean < stats[$1].mean }), let first = f.variants.first else { return "" }
        let single = stats[0]
        let bestName = f.variants[best]
        let cheapest = f.variants.indices.first { !stats[$0].differs(from: stats[best]) } ?? best
        let cost = { (i: Int) in f.statistics("multiplies", variant: f.variants[i]).mean }
        let share = NumberText.decimal(100 * cost(cheapest) / max(1, cost(best)), places: 0, grouped: false)
        let head = single.differs(from: stats[best]) && single.mean < stats[best].mean
            ? "Reducing to \(first) map costs accuracy"
            : "Reducing to \(first) map does not cost measurable accuracy here"
        return "\(head): \(single.comparison("width \(first)", against: stats[best], "width \(bestName) (the best)", what: "accuracy", places: 4)). "
            + "The narrowest width not different from the best is \(f.variants[cheapest]), at \(share)% of the best one's multiplies."
    }
}
