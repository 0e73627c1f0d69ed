import Foundation
import Testing
import InceptionCore
@testable import InceptionUI
import TestScratch

/// The Experiments view on the test backend: cached results, a background run
/// that leaves the keys working, cancellation, and an unreadable cache.
@Suite struct ExperimentsViewTests {
    static let quick = ExperimentSettings(seeds: 1, steps: 1, testImages: 8, trainImages: 32, sparseSize: 64)

    /// A training that takes many slow steps, so a test can act while it runs.
    static let slowTraining: NetworkTraining = { request, onStep in
        for step in 1...100_000 {
            try onStep(step)
            usleep(1_000)
        }
        return TrainedNetwork(network: try InceptionNetwork(request.description, seed: 1), accuracy: 0, secondsPerStep: 0, gradientNorms: [])
    }

    func app(_ view: ExperimentsView, size: Size = Size(width: 80, height: 24)) -> TestBackend {
        var views: [any ExplorerView] = ViewID.allCases.map { BlankView($0) }
        views[5] = view
        var app = TestBackend(size: size, views: views)
        app.type("6")
        return app
    }

    func cache() throws -> ExperimentCache {
        ExperimentCache(directory: try TestScratch.directory("experiments-view"))
    }

    /// Ticks until the running job ends (or 60 s pass).
    func waitForJob(_ app: inout TestBackend) { app.waitForJobs() }

    func view(_ app: TestBackend) -> ExperimentsView { app.state.views[5] as! ExperimentsView }

    @Test func keysKeepWorkingWhileARunGoesAndEscCancels() throws {
        let c = try cache()
        var app = app(ExperimentsView(cache: c, settings: Self.quick, training: Self.slowTraining))
        app.press(.down, .down)
        #expect(view(app).experiment == .gapVsFc)
        app.type("R")
        #expect(view(app).isRunning)
        // Wait for the run to report training progress, then check the screen shows it.
        let deadline = Date().addingTimeInterval(30)
        while view(app).progress?.message.contains("step") != true && Date() < deadline {
            usleep(5_000)
            app.send(.tick)
        }
        #expect(app.screen.contains("(Esc cancels)"))
        #expect(app.screen.contains("gap-vs-fc"))
        // The keys still move the selection and a second R is refused while it runs.
        app.press(.down)
        #expect(view(app).experiment == .auxHeads)
        app.type("R")
        #expect(app.state.message?.contains("still running") == true)
        app.press(.up)
        app.press(.escape)
        waitForJob(&app)
        #expect(!view(app).isRunning)
        #expect(app.state.message == "experiment cancelled")
        #expect(view(app).outcomes[.gapVsFc] == nil)
        let files = (try? FileManager.default.contentsOfDirectory(atPath: c.directory + "/experiments")) ?? []
        #expect(files.isEmpty)
    }

    @Test func aFinishedRunIsShownAndCached() throws {
        let c = try cache()
        var app = app(ExperimentsView(cache: c, settings: Self.quick))
        for _ in 0..<6 { app.press(.down) }
        #expect(view(app).experiment == .sparseTiming)
        #expect(app.screen.contains("Not run yet"))
        app.type("R")
        waitForJob(&app)
        #expect(app.state.message?.hasPrefix("sparse-timing done in") == true)
        #expect(app.screen.contains("Conclusion: Sparse storage"))
        #expect(app.screen.contains("ns per useful multiply"))
        #expect(try c.cached(ExperimentKey(.sparseTiming, Self.quick)) == view(app).outcomes[.sparseTiming])
        // A new view reads it back from the cache.
        let again = ExperimentsView(cache: c, settings: Self.quick)
        #expect(again.outcomes[.sparseTiming] == view(app).outcomes[.sparseTiming])
    }

    @Test func cachedResultsAtBothSizesAndAnUnreadableFile() throws {
        let c = try cache()
        let matrix = MatrixChart(title: "3b", groups: ["1x1", "3x3"], groupSizes: [1, 1], values: [1, 0.5, 0.5, 1])
        let findings = ExperimentFindings(
            title: "correlation", variantColumn: "module", columns: [ExperimentColumn("within_abs_corr", places: 4)],
            rows: [ExperimentRow(variant: "3a", seed: 1, values: [0.25])], chart: .matrix(matrix), conclusion: "3a: grouped by branch")
        let outcome = ExperimentOutcome(experiment: .correlation, findings: findings, provenance: ExperimentProvenance(
            computedAt: "2026-11-27T05:00:00Z", seconds: 2, seeds: 1, budget: "b", testImages: 8, version: 1, networkHash: "h"))
        try c.store(outcome, key: ExperimentKey(.correlation, Self.quick))
        let broken = c.path(for: ExperimentKey(.scale, Self.quick))
        try "not json".write(toFile: broken, atomically: true, encoding: .utf8)
        var app = app(ExperimentsView(cache: c, settings: Self.quick))
        #expect(app.screen.contains("* correlation"))
        #expect(app.screen.contains("! scale"))
        for _ in 0..<4 { app.press(.down) }
        #expect(app.screen.contains("Conclusion: 3a:"))
        #expect(app.screen.contains("module  seed"))
        app.resize(to: Size(width: 200, height: 60))
        #expect(app.screen.contains("branches: 1x1"))
        app.press(.down)
        #expect(app.screen.contains("is corrupt; use --rerun to replace it"))
    }

    /// A shipped result is marked and labelled until `R` computes the user's own,
    /// which then replaces it (and is what a new view reads back).
    @Test func aShippedResultIsLabelledUntilRRunsItHere() throws {
        let c = try cache()
        let shipped = ShippedResults(directory: c.directory + "-shipped")
        let real = try #require(try ShippedResults().file(.sparseTiming))
        try shipped.ship(real.outcome, key: ExperimentKey(.sparseTiming, Self.quick))
        var app = app(ExperimentsView(cache: c, shipped: shipped, settings: Self.quick), size: Size(width: 200, height: 60))
        #expect(app.screen.contains("s sparse-timing") && app.screen.contains("s shipped"))
        for _ in 0..<6 { app.press(.down) }
        #expect(view(app).experiment == .sparseTiming)
        // The command is the key's: these settings are not the default ones.
        #expect(app.screen.contains("Shipped: computed with 3 seeds by `inception-explorer experiment sparse-timing --seeds 1 --steps 1`; R reruns it here."))
        #expect(view(app).outcomes[.sparseTiming] == real.outcome)
        app.type("R")
        waitForJob(&app)
        #expect(!app.screen.contains("Shipped:") && app.screen.contains("* sparse-timing"))
        let own = try #require(try c.cached(ExperimentKey(.sparseTiming, Self.quick)))
        #expect(view(app).outcomes[.sparseTiming] == own && own != real.outcome)
        let again = ExperimentsView(cache: c, shipped: shipped, settings: Self.quick)
        #expect(again.outcomes[.sparseTiming] == own && again.shipped[.sparseTiming] == nil)
    }

    /// `x` writes the selected result as `experiment NAME --format csv` prints it; with
    /// no result there is nothing to export, and the view says so.
    @Test func xExportsTheSelectedResult() throws {
        let c = try cache()
        let real = try #require(try ShippedResults().file(.bottleneck))
        var full = app(ExperimentsView(cache: c, shipped: ShippedResults()))
        #expect(view(full).experiment == .bottleneck)
        full.type("x")
        full.answer("csv")
        let path = try TestScratch.directory("experiments-view") + "/bottleneck.csv"
        full.answer(path)
        full.performEffects()
        #expect(try String(contentsOfFile: path, encoding: .utf8) == real.outcome.table.rendered(as: .csv))
        var empty = app(ExperimentsView(cache: try cache()))
        empty.type("x")
        #expect(empty.state.prompt == nil && empty.state.message == "bottleneck has no result to export yet: R runs it")
    }

    /// At 80x24 the whole conclusion shows, and ←→ bring the table's hidden columns
    /// into view while the variant and seed columns stay put.
    @Test func narrowScreensReachEveryColumnAndTheWholeConclusion() throws {
        let real = try #require(try ShippedResults().file(.gapVsFc))
        var app = app(ExperimentsView(cache: try cache(), shipped: ShippedResults()))
        app.press(.down, .down)
        #expect(view(app).experiment == .gapVsFc)
        // The panel's text, right of the list, read as words.
        let panel = app.lines.map { String($0.dropFirst(ExperimentsView.listWidth + 1)) }.joined(separator: " ")
        let words = panel.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        #expect(words.contains(real.outcome.findings.conclusion.split(separator: " ").suffix(6).joined(separator: " ")))
        #expect(!app.screen.contains("overfit_gap"))
        // Each → scrolls one whole column: every header word stays a whole column name.
        let columns = real.outcome.table(withSummaryNotes: false).columns
        for _ in 0..<10 {
            app.press(.right)
            let header = try #require(app.lines.first { $0.contains("head  seed") })
            let words = header.dropFirst(ExperimentsView.listWidth + 1).split(separator: " ").map(String.init)
            #expect(words.allSatisfy(columns.contains), "\(words)")
        }
        #expect(app.lines.contains { $0.contains("head  seed") && $0.hasSuffix("overfit_gap") })
        #expect(app.lines.contains { $0.contains("gap      1") && $0.hasSuffix("0.0157") })
        for _ in 0..<10 { app.press(.left) }
        #expect(view(app).columnScroll == 0 && !app.screen.contains("overfit_gap"))
        // PgDn pages by the rows shown, so every row of the table is seen on the way down,
        // and stops once the last one is in view; PgUp comes straight back.
        var seen = Set(app.lines)
        for _ in 0..<20 {
            app.press(.pageDown)
            seen.formUnion(app.lines)
        }
        for label in ["gap      1", "gap      2", "gap      3", "fc       1", "fc       2", "fc       3", "gap   mean", "gap     sd", "fc    mean", "fc      sd"] {
            #expect(seen.contains { $0.contains(label) }, "\(label) never shown")
        }
        let bottom = view(app).scroll
        #expect(bottom > 0)
        app.press(.pageDown)
        #expect(view(app).scroll == bottom)
        app.press(.pageUp)
        #expect(view(app).scroll < bottom)
        // A table without a title, or without rows, draws without trapping.
        let bare = Table(title: "", columns: ["a", "b", "c", "d"], rows: [[.integer(1), .integer(2), .integer(3), .integer(4)]])
        #expect(ExperimentsView.tableLines(bare, width: 5, columnScroll: 3).count == 4)
        #expect(ExperimentsView.tableLines(Table(title: "", columns: []), width: 5, columnScroll: 1).count == 3)
    }

    @Test func plotChartPutsTheEndsInTheCorners() {
        let theme = Theme(.full)
        var canvas = theme.canvas(Size(width: 30, height: 10))
        let chart = PlotChart(xLabel: "x", yLabel: "y",
                              series: [ChartSeries(name: "s", points: [ChartPoint(x: 0, y: 0), ChartPoint(x: 1, y: 1)])], joined: true)
        chart.render(into: &canvas, area: Rect(x: 0, y: 0, width: 30, height: 10), theme: theme)
        let lines = canvas.lines()
        // The plot starts after an 8-column label and the axis, rows 1...7: the line
        // starts with braille dots at the bottom left, its glyph marks the last point.
        let braille = { (c: Character) in (0x2801...0x28FF).contains(c.unicodeScalars.first!.value) }
        #expect(braille(Array(lines[7])[9]))
        #expect(Array(lines[1])[29] == "●")
        #expect(lines[4].contains(where: braille))
        #expect(lines[9].hasPrefix("● s"))
        #expect(lines[1].hasPrefix("   1.000"))
    }
}
