/// The mean and spread of one measurement over the seeds, and the rule every
/// conclusion uses: two means differ only when they are further apart than the
/// sum of their standard deviations.
public struct SeedStatistics: Hashable, Sendable {
    public let mean: Double
    /// The sample standard deviation (n - 1); 0 for a single seed.
    public let sd: Double
    public let count: Int

    public init(_ values: [Double]) {
        let m = values.isEmpty ? 0 : values.reduce(0, +) / Double(values.count)
        let squares = values.reduce(0) { $0 + ($1 - m) * ($1 - m) }
        count = values.count
        mean = m
        sd = values.count > 1 ? (squares / Double(values.count - 1)).squareRoot() : 0
    }

    /// Whether the two means differ by more than the sum of the standard deviations.
    public func differs(from other: SeedStatistics) -> Bool {
        abs(mean - other.mean) > sd + other.sd
    }

    /// `0.931 ± 0.004` with `places` decimals.
    public func text(places: Int) -> String {
        NumberText.decimal(mean, places: places, grouped: false) + " ± " + NumberText.decimal(sd, places: places, grouped: false)
    }

    /// A sentence part comparing `self` (called `a`) with `other` (called `b`) on `what`.
    public func comparison(_ a: String, against other: SeedStatistics, _ b: String, what: String, places: Int) -> String {
        let verdict = differs(from: other)
            ? (mean > other.mean ? "higher" : "lower")
            : "not different (the means are within the sum of their standard deviations)"
        return "\(what) of \(a) \(text(places: places)) against \(b) \(other.text(places: places)): \(verdict)"
    }
}
