import Foundation
import Testing
@testable import InceptionCore
import TestScratch

/// The experiment cache: keys, a round trip, the lessons' view of it, and files
/// that cannot be read or written.
@Suite struct ExperimentCacheTests {
    func outcome(_ name: ExperimentName = .bottleneck, at stamp: String = "2026-11-27T05:00:00Z", accuracy: Double = 0.5) -> ExperimentOutcome {
        let findings = ExperimentFindings(
            title: "t", variantColumn: "width", columns: [ExperimentColumn("multiplies"), ExperimentColumn("accuracy", places: 4)],
            rows: [ExperimentRow(variant: "1", seed: 1, values: [10, accuracy]), ExperimentRow(variant: "2", seed: 1, values: [20, nil])],
            chart: .matrix(MatrixChart(title: "m", groups: ["a"], groupSizes: [1], values: [1])), conclusion: "c", notes: ["n"])
        return ExperimentOutcome(experiment: name, findings: findings, provenance: ExperimentProvenance(
            computedAt: stamp, seconds: 1.5, seeds: 1, budget: "b", testImages: 5, version: ExperimentRunner.version, networkHash: "h"))
    }

    @Test func keysChangeWithEverythingTheyDependOn() {
        let base = ExperimentKey(.bottleneck, ExperimentSettings())
        let others = [ExperimentKey(.gapVsFc, ExperimentSettings()), ExperimentKey(.bottleneck, ExperimentSettings(seeds: 4)),
                      ExperimentKey(.bottleneck, ExperimentSettings(steps: 10)), ExperimentKey(.bottleneck, ExperimentSettings(testImages: 10))]
        #expect(Set(others.map(\.digest)).count == others.count)
        #expect(!others.map(\.digest).contains(base.digest))
        #expect(base.text.contains(TrainingBudget.standard.summary))
        #expect(base.digest == ExperimentKey(.bottleneck, ExperimentSettings()).digest)
        // FNV-1a 64 of the empty string and of "a" (published test vectors).
        #expect(ExperimentKey.hash("") == "cbf29ce484222325")
        #expect(ExperimentKey.hash("a") == "af63dc4c8601ec8c")
    }

    /// The provenance line names seeds only where the experiment has any (the
    /// input-size experiment runs the shipped weights once per size) and test images
    /// only where it evaluates (sparse-timing times kernels).
    @Test func provenanceNamesSeedsOnlyWhereTheyApply() {
        let provenance = outcome().provenance
        #expect(provenance.how(.bottleneck) == "1 seed, 5 test images; b; version \(ExperimentRunner.version), network h")
        #expect(provenance.how(.inputSize) == "one pass per size, 5 test images; b; version \(ExperimentRunner.version), network h")
        #expect(provenance.summary(.inputSize) == "computed 2026-11-27T05:00:00Z in 1.5 s, " + provenance.how(.inputSize))
        #expect(provenance.how(.sparseTiming) == "1 seed; b; version \(ExperimentRunner.version), network h")
        var quick = provenance
        quick.seconds = 0.046
        #expect(quick.summary(.sparseTiming).hasPrefix("computed 2026-11-27T05:00:00Z in 0.05 s, 1 seed; b;"))
        var outcome = outcome(.sparseTiming)
        outcome.provenance = quick
        #expect(outcome.lessonResult(shippedBy: nil).settings.hasPrefix("in 0.05 s, 1 seed; b;"))
    }

    @Test func roundTripAndNewestForLessons() throws {
        let cache = ExperimentCache(directory: try TestScratch.directory("experiment-cache"))
        let key = ExperimentKey(.bottleneck, ExperimentSettings(seeds: 1))
        #expect(try cache.cached(key) == nil)
        #expect(try cache.lookup(name: "bottleneck") == nil)
        try cache.store(outcome(), key: key)
        #expect(try cache.cached(key) == outcome())
        let newer = outcome(at: "2026-11-27T05:30:00Z", accuracy: 0.75)
        try cache.store(newer, key: ExperimentKey(.bottleneck, ExperimentSettings(seeds: 2)))
        let lesson = try #require(try cache.lookup(name: "bottleneck"))
        #expect(lesson.conclusion == "c")
        #expect(lesson.table.column("accuracy").first == .decimal(0.75, places: 4))
        #expect(lesson.computedAt == ISO8601DateFormatter().date(from: "2026-11-27T05:30:00Z"))
        let files = try FileManager.default.contentsOfDirectory(atPath: cache.directory + "/experiments")
        #expect(files.count == 2 && files.allSatisfy { $0.hasSuffix(".json") && !$0.hasPrefix(".") })
    }

    @Test func corruptFilesAreReportedAndLeftAlone() throws {
        let cache = ExperimentCache(directory: try TestScratch.directory("experiment-cache"))
        let key = ExperimentKey(.scale, ExperimentSettings())
        try cache.store(outcome(.scale), key: key)
        let path = cache.path(for: key)
        try Data("{\"key\": 3".utf8).write(to: URL(fileURLWithPath: path))
        #expect(throws: UserError("the cached result \(path) is corrupt; use --rerun to replace it")) { try cache.cached(key) }
        #expect(throws: UserError.self) { try cache.lookup(name: "scale") }
        #expect(FileManager.default.fileExists(atPath: path))
        // --rerun stores over it.
        try cache.store(outcome(.scale), key: key)
        #expect(try cache.cached(key) == outcome(.scale))
    }

    @Test func unwritableCacheIsAUserErrorWithNothingLeftBehind() throws {
        let root = try TestScratch.directory("experiment-cache")
        let folder = root + "/inception-explorer/experiments"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        try FileManager.default.setAttributes([.posixPermissions: 0o500], ofItemAtPath: folder)
        defer { try? FileManager.default.setAttributes([.posixPermissions: 0o700], ofItemAtPath: folder) }
        guard !FileManager.default.isWritableFile(atPath: folder) else { return } // running as root: nothing to test
        let cache = ExperimentCache(directory: root + "/inception-explorer")
        #expect(throws: UserError.self) { try cache.store(outcome(), key: ExperimentKey(.bottleneck, ExperimentSettings())) }
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder).isEmpty)
    }

    @Test func locationFollowsXDGThenHome() throws {
        #expect(try ExperimentCache(environment: ["XDG_CACHE_HOME": "/c", "HOME": "/h"]).directory == "/c/inception-explorer")
        #expect(try ExperimentCache(environment: ["XDG_CACHE_HOME": "relative", "HOME": "/h"]).directory == "/h/.cache/inception-explorer")
        #expect(throws: UserError.self) { try ExperimentCache(environment: [:]) }
    }
}
