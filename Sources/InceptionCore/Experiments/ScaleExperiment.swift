/// `scale`: the mean activation energy (mean squared output after ReLU) of each
/// branch of module 3b as every object in the test images grows from small to large.
enum ScaleExperiment {
    static let scales: [Float] = [0.6, 0.8, 1.0, 1.2, 1.4]
    static let module = ModuleName("3b")
    static let branchNames = ["1x1", "3x3", "5x5", "pool"]

    /// Mean squared activation of each branch (in `branchNames` order) and the accuracy
    /// on the first `count` test images drawn with objects at `scale`.
    static func energies(_ network: InceptionNetwork, scale: Float, count: Int) -> (energy: [Double], accuracy: Double) {
        let data = Dataset(split: .test, objectScale: scale)
        var sums = [Double](repeating: 0, count: branchNames.count)
        var counts = [Int](repeating: 0, count: branchNames.count)
        let accuracy = ExperimentEvaluation.moduleTraces(network, module: module, data, count: count) { trace in
            for (name, tensor) in ExperimentEvaluation.branches(trace) {
                let b = branchNames.firstIndex(of: name)!
                sums[b] += tensor.data.reduce(0) { $0 + Double($1) * Double($1) }
                counts[b] += tensor.count
            }
        }
        return (zip(sums, counts).map { $1 > 0 ? $0 / Double($1) : 0 }, accuracy)
    }

    static func run(_ context: ExperimentContext) throws -> ExperimentFindings {
        let d = Preset.tiny.description
        let multiplies = ExperimentEvaluation.multiplies(d)
        var rows: [ExperimentRow] = []
        _ = try context.rows([(name: "tiny", description: d)]) { _, seed, run in
            for scale in scales {
                let (energy, accuracy) = energies(run.network, scale: scale, count: context.settings.testImages)
                let total = energy.reduce(0, +)
                rows.append(ExperimentRow(variant: label(scale), seed: seed,
                                          values: energy + [total > 0 ? energy[2] / total : 0, accuracy, multiplies]))
            }
            return []
        }
        rows.sort { (Float($0.variant)!, $0.seed) < (Float($1.variant)!, $1.seed) }
        var f = ExperimentFindings(
            title: "Branch energy of module \(module.short) as the object grows", variantColumn: "object_scale",
            columns: branchNames.map { ExperimentColumn("energy_" + $0, places: 4) }
                + [ExperimentColumn("share_5x5", places: 4), ExperimentColumn("accuracy", places: 4), ExperimentColumn("multiplies")],
            rows: rows, chart: .lines(x: "object scale", y: "energy", series: []),
            notes: ["energy: mean squared activation of the branch's output (after ReLU) over test images, channels and positions",
                    "object_scale: every object drawn at this multiple of its class's nominal size (training drew 0.85 to 1.15)",
                    "share_5x5: energy_5x5 / the sum of the four energies"])
        f.chart = .lines(x: "object scale", y: "energy", series: branchNames.map { name in
            ChartSeries(name: name, points: scales.map { s in
                ChartPoint(x: Double(s), y: f.statistics("energy_" + name, variant: label(s)).mean)
            })
        })
        let (small, large) = (label(scales.first!), label(scales.last!))
        let share = (f.statistics("share_5x5", variant: large), f.statistics("share_5x5", variant: small))
        let growth = branchNames.map { name in
            f.statistics("energy_" + name, variant: large).mean / max(1e-12, f.statistics("energy_" + name, variant: small).mean)
        }
        let fastest = branchNames[growth.indices.max { growth[$0] < growth[$1] }!]
        let verdict = share.0.differs(from: share.1)
            ? (share.0.mean > share.1.mean ? "The 5x5 branch answers more to larger objects" : "The 5x5 branch answers less to larger objects")
            : "The 5x5 branch's share does not change measurably with object size"
        f.conclusion = "\(verdict): \(share.0.comparison("scale \(large)", against: share.1, "scale \(small)", what: "5x5 share of the energy", places: 4)). "
            + "From scale \(small) to \(large) the \(fastest) branch's energy grows most (x\(NumberText.decimal(growth.max()!, places: 2, grouped: false)))."
        return f
    }

    static func label(_ scale: Float) -> String { NumberText.decimal(Double(scale), places: 1, grouped: false) }
}
