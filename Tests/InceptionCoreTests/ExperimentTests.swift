import Foundation
import Testing
@testable import InceptionCore

/// Every experiment on a reduced budget (one step, a few images): the table's
/// shape and invariants, never the learned numbers.
@Suite struct ExperimentTests {
    static let quick = ExperimentSettings(seeds: 2, steps: 1, testImages: 12, trainImages: 32, sparseSize: 64)

    static func run(_ name: ExperimentName, _ settings: ExperimentSettings = quick) throws -> ExperimentOutcome {
        try ExperimentRunner.run(name, context: ExperimentContext(settings: settings))
    }

    /// The rows of the JSON rendering, parsed back.
    static func jsonRows(_ outcome: ExperimentOutcome) throws -> (rows: [[String: Any]], conclusion: String) {
        let object = try JSONSerialization.jsonObject(with: Data(outcome.table.rendered(as: .json).utf8)) as! [String: Any]
        return (object["rows"] as! [[String: Any]], object["conclusion"] as! String)
    }

    func column(_ o: ExperimentOutcome, _ name: String, _ variant: String) -> [Double] {
        o.findings.values(name, variant: variant)
    }

    @Test func bottleneckMultipliesGrowWithWidth() throws {
        let o = try Self.run(.bottleneck)
        #expect(o.findings.variants == ["1", "2", "4", "8", "16"])
        #expect(o.findings.rows.count == 5 * 2)
        let multiplies = o.findings.variants.map { column(o, "multiplies", $0)[0] }
        #expect(zip(multiplies, multiplies.dropFirst()).allSatisfy { $0 < $1 })
        // Width 1, by hand: stem 147,456; 3a 632 x 256; 3b 1,716 x 256; 4a 3,376 x 64; classifier 880.
        #expect(multiplies[0] == 965_488)
        let (rows, conclusion) = try Self.jsonRows(o)
        #expect(rows.count == 10)
        #expect(rows.allSatisfy { $0["width"] is Int && $0["multiplies"] is Int && ($0["accuracy"] as? Double).map { (0...1).contains($0) } == true })
        #expect(!conclusion.isEmpty)
        let table = o.table
        #expect(table.rows.count == 10 + 2 * 5)
        #expect(table.column("seed").filter { $0 == .text("mean") }.count == 5)
        if case .scatter(_, _, let series) = o.findings.chart { #expect(series.count == 5) } else { Issue.record("not a scatter") }
    }

    @Test func naiveModulesRunAndCostMore() throws {
        let o = try Self.run(.naiveVsReduced, ExperimentSettings(seeds: 1, steps: 1, testImages: 8, trainImages: 32, sparseSize: 64))
        // 23,542 and 104,414 parameters: the hand counts of CostModelTests and NaiveModuleTests.
        #expect(column(o, "parameters", "reduced") == [23_542])
        #expect(column(o, "parameters", "naive") == [104_414])
        #expect(column(o, "multiplies", "naive")[0] > column(o, "multiplies", "reduced")[0])
        #expect(column(o, "ms_per_step", "naive")[0] > 0)
        #expect(o.findings.notes.contains { $0.hasPrefix("one seed") })
    }

    /// By hand from tiny's 23,542 parameters and 3,556,208 multiplies. Stacked: the
    /// 5x5 kernels change by +64, -240, +256 weights (3a, 3b, 4a; see KernelBenchTests)
    /// and add 8 + 12 + 16 biases: 23,658; multiplies 3,527,536. Asymmetric: the 3x3
    /// and 5x5 kernels lose 576 + 560, 1,536 + 1,600 and 2,304 + 2,240 weights and gain
    /// the reduce widths' biases 8 + 4 + 16 + 8 + 16 + 8: 14,786; multiplies
    /// 3,556,208 - 1,136 x 256 - 3,136 x 256 - 4,544 x 64 = 2,171,760.
    @Test func factorizationCountsEveryVariant() throws {
        let o = try Self.run(.factorization, ExperimentSettings(seeds: 1, steps: 1, testImages: 8, trainImages: 32, sparseSize: 64))
        #expect(o.findings.variants == ["none", "stacked", "asymmetric"])
        #expect(["none", "stacked", "asymmetric"].map { column(o, "parameters", $0) } == [[23_542], [23_658], [14_786]])
        #expect(["none", "stacked", "asymmetric"].map { column(o, "multiplies", $0) } == [[3_556_208], [3_527_536], [2_171_760]])
        #expect(column(o, "ms_per_step", "asymmetric")[0] > 0)
        #expect(o.findings.conclusion.hasPrefix("stacked ") && o.findings.conclusion.contains("; asymmetric "))
    }

    @Test func gapAgainstFc() throws {
        let o = try Self.run(.gapVsFc)
        // fc: the classifier reads 88 x 8 x 8 = 5,632 features: 56,330 parameters instead of 890.
        #expect(column(o, "parameters", "fc") == [78_982, 78_982])
        for v in ["gap", "fc"] {
            for (row, gap) in zip(zip(column(o, "train_accuracy", v), column(o, "accuracy", v)), column(o, "overfit_gap", v)) {
                #expect(abs(row.0 - row.1 - gap) < 1e-12)
            }
        }
        // The headline says what the comparison after it says (fc's gap against gap's).
        let first = String(o.findings.conclusion.prefix { $0 != ";" })
        let headline = first.contains(": not different") ? "No measurable difference in overfitting"
            : first.hasSuffix(": higher") ? "The fully connected head overfits more" : "The GAP head overfits more"
        #expect(first.hasPrefix(headline + ": train-test gap of fc"), "\(first)")
    }

    @Test func auxHeadsMeasureGradients() throws {
        let o = try Self.run(.auxHeads)
        #expect(o.findings.variants == ["with", "without"])
        #expect(column(o, "grad_norm_stem", "with").allSatisfy { $0 > 0 })
        #expect(column(o, "grad_norm_3a", "without").allSatisfy { $0 > 0 })
        guard case .lines(_, _, let series) = o.findings.chart else { Issue.record("not lines"); return }
        #expect(series.map(\.name) == ["with", "without"])
        #expect(series.allSatisfy { $0.points.count == 1 })
    }

    @Test func correlationMatrixIsSymmetricWithUnitDiagonal() throws {
        let o = try Self.run(.correlation)
        #expect(o.findings.variants == ["3a", "3b", "4a"])
        #expect(column(o, "channels", "3b") == [64, 64])
        guard case .matrix(let m) = o.findings.chart else { Issue.record("not a matrix"); return }
        let dead = column(o, "dead_channels", "3b")[0]
        #expect(Double(m.side) == 64 - dead)
        #expect(m.groups == ["1x1", "3x3", "5x5", "pool"])
        for i in 0..<m.side {
            #expect(m[i, i] == 1)
            for j in 0..<m.side {
                #expect(m[i, j] == m[j, i])
                #expect(abs(m[i, j]) <= 1)
            }
        }
        for v in o.findings.variants {
            #expect(column(o, "within_abs_corr", v).allSatisfy { (0...1).contains($0) })
        }
    }

    @Test func channelCorrelationByHand() {
        // Channels over four positions: a, 2a, reversed a, and one that never fires.
        var c = ChannelCorrelation(channels: 4)
        let data: [Float] = [1, 2, 3, 4, 2, 4, 6, 8, 4, 3, 2, 1, 0, 0, 0, 0]
        c.add([Tensor(shape: [1, 4, 2, 2], data: data)])
        #expect(c.samples == 4)
        #expect(abs(c.correlation(0, 1) - 1) < 1e-12)
        #expect(abs(c.correlation(0, 2) + 1) < 1e-12)
        #expect(c.dead == [3])
    }

    @Test func scaleEnergies() throws {
        let o = try Self.run(.scale)
        #expect(o.findings.variants == ["0.6", "0.8", "1.0", "1.2", "1.4"])
        for v in o.findings.variants {
            #expect(column(o, "energy_5x5", v).allSatisfy { $0 >= 0 })
            #expect(column(o, "share_5x5", v).allSatisfy { (0...1).contains($0) })
        }
        guard case .lines(_, _, let series) = o.findings.chart else { Issue.record("not lines"); return }
        #expect(series.map(\.name) == ["1x1", "3x3", "5x5", "pool"])
        #expect(series.allSatisfy { $0.points.map(\.x) == [0.6, 0.8, 1.0, 1.2, 1.4].map { Double(Float($0)) } })
    }

    @Test func sparseTimingCountsUsefulMultiplies() throws {
        let o = try Self.run(.sparseTiming)
        #expect(o.findings.rows.count == 6 * 2)
        for seed in [1, 2] {
            let useful = o.findings.rows.filter { $0.seed == seed }.map { $0.values[2]! }
            #expect(zip(useful, useful.dropFirst()).allSatisfy { $0 <= $1 })
        }
        // Useful products are the non-zeros times the kernel's 9 entries at most; never more than the dense count.
        #expect(o.findings.rows.allSatisfy { $0.values[2]! <= $0.values[1]! && $0.values[0]! > 0 && $0.values[0]! < 1 })
        let (rows, _) = try Self.jsonRows(o)
        #expect(rows.allSatisfy { $0["accuracy"] is NSNull && $0["density"] is Double })
    }

    @Test func cancelledRunsStop() {
        let flag = CancellationFlag()
        flag.cancel()
        #expect(throws: UserError("experiment cancelled")) {
            try ExperimentRunner.run(.gapVsFc, context: ExperimentContext(settings: Self.quick, cancellation: flag))
        }
    }

    @Test func badSettingsAndNamesAreUserErrors() {
        #expect(throws: UserError("--seeds 0: must be between 1 and 10")) { try ExperimentSettings(seeds: 0).validate() }
        #expect(throws: UserError("--seeds 11: must be between 1 and 10")) { try ExperimentSettings(seeds: 11).validate() }
        #expect(throws: UserError.self) { try ExperimentName.named("inception") }
        #expect(ExperimentName.allCases.map(\.rawValue) == ["bottleneck", "naive-vs-reduced", "gap-vs-fc", "aux-heads", "correlation", "scale", "sparse-timing", "factorization", "input-size"])
    }

    @Test func statisticsAndTheDifferenceRule() {
        let s = SeedStatistics([1, 2, 3])
        #expect(s.mean == 2 && s.sd == 1)
        #expect(SeedStatistics([5]).sd == 0)
        // 0.5 apart: more than 0.2 + 0.2, less than 0.3 + 0.3.
        let a = SeedStatistics([0.8, 1.2]), b = SeedStatistics([1.3, 1.7])
        #expect(abs(a.sd - 0.2 * 2.squareRoot()) < 1e-12)
        #expect(a.differs(from: SeedStatistics([1.5])))
        #expect(!a.differs(from: b))
        #expect(SeedStatistics([1, 1]).differs(from: SeedStatistics([1.1, 1.1])))
    }

    @Test func gradientNormByHand() throws {
        var p = Parameters()
        p.append("stem.weight", Tensor(shape: [2], data: [3, 4]))
        p.append("stem.bias", Tensor(shape: [1], data: [12]))
        p.append("inception3a.branch1x1.weight", Tensor(shape: [1], data: [100]))
        #expect(p.norm(prefix: "stem.") == 13)
    }
}
