import Foundation

/// One measured column of an experiment's table; `places` 0 shows a whole number.
public struct ExperimentColumn: Hashable, Codable, Sendable {
    public var name: String
    public var places: Int

    public init(_ name: String, places: Int = 0) {
        self.name = name
        self.places = places
    }
}

/// One variant trained (or timed) with one seed: a value per column, nil where
/// it does not apply.
public struct ExperimentRow: Hashable, Codable, Sendable {
    /// The varied parameter's value as text (`4`, `naive`, `fc`).
    public var variant: String
    public var seed: Int
    public var values: [Double?]

    public init(variant: String, seed: Int, values: [Double?]) {
        self.variant = variant
        self.seed = seed
        self.values = values
    }
}

/// When and how a result was computed, so a cached result says where it came from.
public struct ExperimentProvenance: Hashable, Codable, Sendable {
    /// ISO 8601, UTC.
    public var computedAt: String
    public var seconds: Double
    public var seeds: Int
    /// `TrainingBudget.summary` of the budget used.
    public var budget: String
    public var testImages: Int
    public var version: Int
    /// A hash of the network description(s) the experiment starts from.
    public var networkHash: String

    public init(computedAt: String, seconds: Double, seeds: Int, budget: String, testImages: Int, version: Int, networkHash: String) {
        self.computedAt = computedAt
        self.seconds = seconds
        self.seeds = seeds
        self.budget = budget
        self.testImages = testImages
        self.version = version
        self.networkHash = networkHash
    }

    /// One line: "computed 2026-11-27T04:00:00Z in 212.3 s, " then `how(experiment)`.
    public func summary(_ experiment: ExperimentName) -> String {
        "computed \(computedAt) in \(duration), \(how(experiment))"
    }

    /// `212.3 s`; under a second to two decimals (`0.05 s`), not a bare `0.0 s`.
    public var duration: String {
        NumberText.decimal(seconds, places: seconds < 1 ? 2 : 1, grouped: false) + " s"
    }

    /// How, without when: "3 seeds, 2000 test images; <budget>; version 1, network <hash>"
    /// ("one pass per size" for the experiment where seeds do not apply; no test
    /// images for the one that times kernels).
    public func how(_ experiment: ExperimentName) -> String {
        let images = experiment == .sparseTiming ? "" : ", \(testImages) test images"
        return "\(experiment.runs(seeds: seeds))\(images); \(budget); version \(version), network \(networkHash)"
    }
}

/// What an experiment found: its rows (one per variant and seed), a chart and the
/// conclusion drawn from its own numbers.
public struct ExperimentFindings: Hashable, Codable, Sendable {
    public var title: String
    /// The name of the varied parameter (`width`, `design`, `head`).
    public var variantColumn: String
    public var columns: [ExperimentColumn]
    public var rows: [ExperimentRow]
    public var chart: ExperimentChart
    public var conclusion: String
    public var notes: [String]

    public init(title: String, variantColumn: String, columns: [ExperimentColumn], rows: [ExperimentRow],
                chart: ExperimentChart, conclusion: String = "", notes: [String] = []) {
        self.title = title
        self.variantColumn = variantColumn
        self.columns = columns
        self.rows = rows
        self.chart = chart
        self.conclusion = conclusion
        self.notes = notes
    }

    /// The variants in the order they first appear.
    public var variants: [String] {
        var seen: [String] = []
        for row in rows where !seen.contains(row.variant) { seen.append(row.variant) }
        return seen
    }

    /// Every seed's value of `column` for `variant`.
    public func values(_ column: String, variant: String) -> [Double] {
        guard let index = columns.firstIndex(where: { $0.name == column }) else { return [] }
        return rows.filter { $0.variant == variant }.compactMap { $0.values[index] }
    }

    /// The mean and spread of `column` over the seeds of `variant`.
    public func statistics(_ column: String, variant: String) -> SeedStatistics {
        SeedStatistics(values(column, variant: variant))
    }
}

/// An experiment's findings with how they were computed: what the cache stores
/// and what the table, the JSON and the Experiments view are made from.
public struct ExperimentOutcome: Hashable, Codable, Sendable {
    public var experiment: ExperimentName
    public var findings: ExperimentFindings
    public var provenance: ExperimentProvenance

    public init(experiment: ExperimentName, findings: ExperimentFindings, provenance: ExperimentProvenance) {
        self.experiment = experiment
        self.findings = findings
        self.provenance = provenance
    }
}
