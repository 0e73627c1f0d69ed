import Foundation
import Testing
@testable import InceptionCore
import TestScratch

/// The results shipped in `Results/`: one per experiment under the key the code
/// computes now, labelled as shipped wherever shown, and replaced by the user's own.
@Suite struct ShippedResultsTests {
    static let package = ShippedResults()

    /// Fails when a change to the budget, the network, the settings or
    /// `ExperimentRunner.version` leaves a shipped result behind, and when an
    /// experiment (a new one too) has none: regenerate with
    /// `inception-explorer experiment --all --rerun --ship`.
    @Test(arguments: ExperimentName.allCases)
    func everyExperimentShipsAResultUnderTheCurrentKey(_ name: ExperimentName) throws {
        let key = ExperimentKey(name, ExperimentSettings())
        let file = try #require(try Self.package.file(name), "no \(Self.package.path(for: name)): run `inception-explorer experiment --all --ship`")
        #expect(file.key == key.text, "stale \(name.rawValue): run `inception-explorer experiment \(name.rawValue) --rerun --ship`")
        #expect(file.command == "inception-explorer experiment \(name.rawValue)")
        let p = file.outcome.provenance
        #expect(file.outcome.experiment == name)
        #expect(p.seeds == 3 && p.testImages == 2000 && p.budget == key.budget && p.networkHash == key.networkHash)
        #expect(p.version == ExperimentRunner.version)
        #expect(ISO8601DateFormatter().date(from: p.computedAt) != nil && p.seconds > 0)
        #expect(!file.outcome.findings.rows.isEmpty && !file.outcome.findings.conclusion.isEmpty)
        #expect(try Self.package.result(for: key) == file)
    }

    @Test func commandsNameEverySettingThatDiffersFromTheDefault() {
        #expect(ExperimentKey(.scale, ExperimentSettings()).command == "inception-explorer experiment scale")
        #expect(ExperimentKey(.bottleneck, ExperimentSettings(seeds: 5, steps: 100)).command
                == "inception-explorer experiment bottleneck --seeds 5 --steps 100")
    }

    /// A shipped result is shown only under its own key: other settings or an edited
    /// key find nothing, and an unreadable file is one clear error.
    @Test func aStaleOrCorruptShippedResultIsNeverShown() throws {
        let real = try #require(try Self.package.file(.gapVsFc))
        let shipped = ShippedResults(directory: try TestScratch.directory("shipped-results"))
        let key = ExperimentKey(.gapVsFc, ExperimentSettings())
        try shipped.ship(real.outcome, key: key)
        #expect(try shipped.result(for: key) == real)
        #expect(try shipped.result(for: ExperimentKey(.gapVsFc, ExperimentSettings(seeds: 2))) == nil)
        let path = shipped.path(for: .gapVsFc)
        let text = try String(contentsOfFile: path, encoding: .utf8)
        try text.replacingOccurrences(of: "version=\(ExperimentRunner.version)", with: "version=0").write(toFile: path, atomically: true, encoding: .utf8)
        #expect(try shipped.result(for: key) == nil)
        let library = ExperimentLibrary(cache: ExperimentCache(directory: try TestScratch.directory("shipped-results")), shipped: shipped)
        #expect(try library.lookup(name: "gap-vs-fc") == nil)
        try Data("{".utf8).write(to: URL(fileURLWithPath: path))
        #expect(throws: UserError("the shipped result \(path) is corrupt; regenerate it with `inception-explorer experiment gap-vs-fc --ship`")) {
            try shipped.file(.gapVsFc)
        }
    }

    /// With an empty cache the lesson widget shows the shipped result and says so; a
    /// quick run with other settings does not replace it; once the user has computed
    /// their own with the full settings, theirs is shown, unlabelled.
    @Test func shippedIsLabelledAndTheUsersOwnResultTakesPrecedence() throws {
        let real = try #require(try Self.package.file(.bottleneck))
        let shipped = ShippedResults(directory: try TestScratch.directory("shipped-results"))
        let cache = ExperimentCache(directory: try TestScratch.directory("shipped-results"))
        let key = ExperimentKey(.bottleneck, ExperimentSettings())
        try shipped.ship(real.outcome, key: key)
        let library = ExperimentLibrary(cache: cache, shipped: shipped)
        let registry = WidgetRegistry.standard.with(environment: WidgetEnvironment(weightsPath: WeightsLocator.shippedPath, experiments: library))
        func widget() throws -> WidgetTable {
            let directive = try WidgetDirective.parse("::: experiment name=bottleneck"[...], file: "t.md", line: 1)
            guard case .success(.table(let table)) = registry.evaluate(directive) else { throw UserError("no table") }
            return table
        }
        let before = try widget()
        #expect(before.notes.contains { $0.hasPrefix("Shipped with the package: computed \(real.outcome.provenance.computedAt)")
            && $0.contains("by `inception-explorer experiment bottleneck`; R in the Experiments tab") })
        #expect(before.notes.contains("Conclusion: " + real.outcome.findings.conclusion))
        #expect(try library.outcome(for: key)?.shipped == real)
        // A quick run with other settings, newer than everything, is kept apart.
        var quick = real.outcome
        quick.findings.conclusion = "a 20-step run"
        quick.provenance.computedAt = "2031-01-01T00:00:00Z"
        try cache.store(quick, key: ExperimentKey(.bottleneck, ExperimentSettings(seeds: 1, steps: 20)))
        #expect(try widget().notes.contains("Conclusion: " + real.outcome.findings.conclusion))

        var own = real.outcome
        own.findings.conclusion = "computed on this machine"
        own.provenance.computedAt = "2030-01-01T00:00:00Z"
        try cache.store(own, key: key)
        let after = try widget()
        #expect(after.notes.contains("Conclusion: computed on this machine"))
        #expect(!after.notes.contains { $0.contains("Shipped") })
        #expect(after.notes.contains { $0.hasPrefix("Computed 2030-01-01T00:00:00Z") })
        let found = try #require(try library.outcome(for: key))
        #expect(found.outcome == own && found.shipped == nil)
    }

    /// The done-when of issue 10: with an empty cache, no lesson says "not run yet".
    @Test func everyLessonShowsAResultOnFirstRun() throws {
        let library = ExperimentLibrary(cache: ExperimentCache(directory: try TestScratch.directory("shipped-results")), shipped: Self.package)
        let registry = WidgetRegistry.standard.with(environment: WidgetEnvironment(weightsPath: WeightsLocator.shippedPath, experiments: library))
        let lessons = try LessonLibrary(directory: LessonLocator.packageDirectory)
        var experiments = 0
        for lesson in lessons.lessons {
            let document = try lessons.document(for: lesson)
            experiments += document.directives.filter { $0.name == "experiment" }.count
            let lines = LessonTextRenderer(width: 100, registry: registry).render(document)
            #expect(!lines.contains { $0.contains("not run yet") }, "\(lesson.fileName)")
        }
        #expect(experiments >= 6)
    }
}
