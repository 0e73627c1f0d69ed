import Foundation

/// Every experiment result the program can show: the user's own (the cache) first,
/// then the result shipped with the package (`Results/`) when its key still matches.
/// So a learner meets every result on first run, and `--rerun` or `R` puts their
/// own result in its place.
public struct ExperimentLibrary: ExperimentResultSource {
    public let cache: ExperimentCache?
    public let shipped: ShippedResults?

    public init(cache: ExperimentCache?, shipped: ShippedResults?) {
        self.cache = cache
        self.shipped = shipped
    }

    /// The user's cache for this environment (none without a home) and the package's `Results/`.
    public static func process(environment: [String: String] = ProcessInfo.processInfo.environment) -> ExperimentLibrary {
        ExperimentLibrary(cache: try? ExperimentCache(environment: environment), shipped: ShippedResults())
    }

    /// The result for exactly `key`: the user's, else the shipped one (with its file).
    public func outcome(for key: ExperimentKey) throws -> (outcome: ExperimentOutcome, shipped: ShippedResult?)? {
        if let own = try cache?.cached(key) { return (own, nil) }
        guard let found = try shipped?.result(for: key) else { return nil }
        return (found.outcome, found)
    }

    /// The result a view shows for `name`: the user's for `settings`, else the shipped
    /// one computed with `settings`, else the user's newest with any settings. A quick
    /// run with other settings (`--steps 20`) is kept apart and never hides a result
    /// computed with the full settings.
    public func outcome(_ name: ExperimentName, settings: ExperimentSettings) throws -> (outcome: ExperimentOutcome, shipped: ShippedResult?)? {
        if let found = try outcome(for: ExperimentKey(name, settings)) { return found }
        return try cache?.newest(name).map { ($0, nil) }
    }

    /// The newest result of the user's, else the shipped one, as lessons show it.
    public func lookup(name: String) throws -> ExperimentResult? {
        try outcome(try ExperimentName.named(name), settings: ExperimentSettings())
            .map { $0.outcome.lessonResult(shippedBy: $0.shipped?.command) }
    }

    public var location: String { cache?.location ?? "the cache (set XDG_CACHE_HOME or HOME)" }
}
