import Foundation

/// A finished experiment as lessons show it: its table, the conclusion it drew from
/// its own numbers, when it ran and with which settings.
public struct ExperimentResult: Hashable, Sendable {
    public var name: String
    public var table: Table
    /// One or two sentences derived from `table` (never copied from the article).
    public var conclusion: String
    public var computedAt: Date
    /// How it was computed, one line: seeds, training budget, network hash, version.
    public var settings: String
    /// The command that computed it when the result is the one shipped in `Results/`;
    /// nil when it was computed on this machine.
    public var shippedBy: String?

    public init(name: String, table: Table, conclusion: String, computedAt: Date, settings: String, shippedBy: String? = nil) {
        self.name = name
        self.shippedBy = shippedBy
        self.table = table
        self.conclusion = conclusion
        self.computedAt = computedAt
        self.settings = settings
    }
}

extension ExperimentOutcome {
    /// The result as lessons show it; `shippedBy` is the command of a shipped result.
    public func lessonResult(shippedBy: String?) -> ExperimentResult {
        ExperimentResult(name: experiment.rawValue, table: table(withSummaryNotes: false), conclusion: findings.conclusion,
                         computedAt: ISO8601DateFormatter().date(from: provenance.computedAt) ?? Date(timeIntervalSince1970: 0),
                         settings: "in \(provenance.duration), \(provenance.how(experiment))",
                         shippedBy: shippedBy)
    }
}

/// Where lessons look up experiment results. Lessons only read: running an
/// experiment (training) is the `experiment` command's job, never a widget's.
/// The experiments code supplies the real cache by conforming to this protocol.
public protocol ExperimentResultSource: Sendable {
    /// The latest cached result of experiment `name`, or nil when it has not been run.
    func lookup(name: String) throws -> ExperimentResult?
    /// Where results are kept, for the "not run yet" placeholder.
    var location: String { get }
}
