/// `correlation`: on the test set, how correlated each module's output channels
/// are across (image, y, x), ordered by branch; the mean |correlation| within a
/// branch against between branches. Channels that never fire are listed and left out.
enum CorrelationExperiment {
    /// The module drawn as a heatmap.
    static let shownModule = ModuleName("3b")

    /// What one module's output showed on the test images.
    struct ModuleCorrelation {
        var branchNames: [String]
        var branchSizes: [Int]
        var correlation: ChannelCorrelation

        /// The branch of each channel, by index into `branchNames`.
        var branchOf: [Int] { branchSizes.enumerated().flatMap { Array(repeating: $0.offset, count: $0.element) } }

        /// Mean |correlation| over pairs of live channels in the same branch and in different ones.
        var withinAndBetween: (within: Double, between: Double) {
            let dead = Set(correlation.dead), branch = branchOf
            var (within, between, nw, nb) = (0.0, 0.0, 0, 0)
            for i in 0..<correlation.channels where !dead.contains(i) {
                for j in (i + 1)..<correlation.channels where !dead.contains(j) {
                    let r = abs(correlation.correlation(i, j))
                    if branch[i] == branch[j] { within += r; nw += 1 } else { between += r; nb += 1 }
                }
            }
            return (nw > 0 ? within / Double(nw) : 0, nb > 0 ? between / Double(nb) : 0)
        }

        /// `3x3.5`: the branch and the index inside it.
        func channelName(_ c: Int) -> String {
            let b = branchOf[c]
            return "\(branchNames[b]).\(c - branchSizes[..<b].reduce(0, +))"
        }

        /// The matrix of live channels, ordered by branch.
        var matrix: MatrixChart {
            let dead = Set(correlation.dead), branch = branchOf
            let live = (0..<correlation.channels).filter { !dead.contains($0) }
            let sizes = branchNames.indices.map { b in live.filter { branch[$0] == b }.count }
            return MatrixChart(title: "", groups: branchNames, groupSizes: sizes,
                               values: live.flatMap { i in live.map { correlation.correlation(i, $0) } })
        }
    }

    /// Correlations of every module's output of a trained network on the first `count` test images.
    static func measure(_ network: InceptionNetwork, count: Int) -> (modules: [ModuleName: ModuleCorrelation], accuracy: Double) {
        var result: [ModuleName: ModuleCorrelation] = [:]
        var accuracy = 0.0
        for spec in network.description.modules {
            accuracy = ExperimentEvaluation.moduleTraces(network, module: spec.name, Dataset(split: .test), count: count) { trace in
                let branches = ExperimentEvaluation.branches(trace)
                if result[spec.name] == nil {
                    let sizes = branches.map { $0.tensor.shape[1] }
                    result[spec.name] = ModuleCorrelation(branchNames: branches.map(\.name), branchSizes: sizes,
                                                          correlation: ChannelCorrelation(channels: sizes.reduce(0, +)))
                }
                result[spec.name]!.correlation.add(branches.map(\.tensor))
            }
        }
        return (result, accuracy)
    }

    static func run(_ context: ExperimentContext) throws -> ExperimentFindings {
        let d = Preset.tiny.description
        let costs = CostModel(d).layers()
        var shown: MatrixChart?
        var deadNotes: [String] = []
        var rows: [ExperimentRow] = []
        _ = try context.rows([(name: "tiny", description: d)]) { _, seed, run in
            let (modules, accuracy) = measure(run.network, count: context.settings.testImages)
            for spec in d.modules {
                guard let m = modules[spec.name] else { continue }
                let (within, between) = m.withinAndBetween
                let dead = m.correlation.dead
                if !dead.isEmpty {
                    deadNotes.append("seed \(seed), \(spec.name.short): never fired: \(dead.map(m.channelName).joined(separator: ", "))")
                }
                if spec.name == shownModule && shown == nil {
                    shown = m.matrix
                    shown?.title = "\(spec.name.short) output channels, seed \(seed), ordered by branch (dead channels left out)"
                }
                let multiplies = costs.first { $0.layer == .inception(spec) }.map { Double($0.reduced.multiplyAdds) }
                rows.append(ExperimentRow(variant: spec.name.short, seed: seed,
                                          values: [Double(m.correlation.channels), Double(dead.count), within, between, multiplies, accuracy]))
            }
            return []
        }
        var f = ExperimentFindings(
            title: "Channel correlation of each module's output, within and between branches", variantColumn: "module",
            columns: [ExperimentColumn("channels"), ExperimentColumn("dead_channels"), ExperimentColumn("within_abs_corr", places: 4),
                      ExperimentColumn("between_abs_corr", places: 4), ExperimentColumn("multiplies"), ExperimentColumn("accuracy", places: 4)],
            rows: rows.sorted { ($0.variant, $0.seed) < ($1.variant, $1.seed) },
            chart: .matrix(shown ?? MatrixChart(title: "", groups: [], groupSizes: [], values: [])),
            notes: ["correlation over every (test image, y, x) position of the module's output after ReLU; pairs of live channels only",
                    "multiplies: the module's own multiply-adds; accuracy: the network's on the test split"]
                + (deadNotes.isEmpty ? ["no dead channels"] : deadNotes))
        f.conclusion = d.modules.map { spec -> String in
            let v = spec.name.short
            let within = f.statistics("within_abs_corr", variant: v), between = f.statistics("between_abs_corr", variant: v)
            let verdict = within.differs(from: between) ? (within.mean > between.mean ? "grouped by branch" : "less correlated within branches")
                : "no measurable grouping"
            return "\(v): \(verdict) (within \(within.text(places: 3)), between \(between.text(places: 3)))"
        }.joined(separator: "; ") + "."
        return f
    }
}
