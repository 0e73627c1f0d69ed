/// The `input-size` result as the Heads view shows it: test accuracy at each input
/// side, and where the numbers come from (shipped or computed here).
public struct InputSizeAccuracy: Hashable, Sendable {
    /// Test accuracy (a fraction) at one input side.
    public struct Point: Hashable, Sendable {
        public let side: Int
        public let accuracy: Double
    }

    public let accuracies: [Point]
    /// "shipped" or "your run", for the label.
    public let origin: String

    /// The accuracies in `outcome`, nil if it is not an `input-size` result.
    public init?(_ outcome: ExperimentOutcome, shipped: Bool) {
        guard outcome.experiment == .inputSize else { return nil }
        accuracies = outcome.findings.variants.compactMap { variant in
            Int(variant).map { Point(side: $0, accuracy: outcome.findings.statistics("accuracy", variant: variant).mean) }
        }
        origin = shipped ? "shipped" : "your run"
    }

    /// The user's result, else the shipped one, else nil (never computed here: that is
    /// the `experiment` command's and the Experiments view's job).
    public static func load(_ library: ExperimentLibrary) -> InputSizeAccuracy? {
        guard let found = try? library.outcome(.inputSize, settings: ExperimentSettings()) else { return nil }
        return InputSizeAccuracy(found.outcome, shipped: found.shipped != nil)
    }

    /// One line short enough for the Heads view at 80x24, the side in use in brackets:
    /// "Test accuracy: 24 91.1%, [32 98.8%], … (shipped)".
    public func line(current: Int) -> String {
        "Test accuracy: "
            + accuracies.map { point in
                let text = "\(point.side) " + NumberText.decimal(100 * point.accuracy, places: 1, grouped: false) + "%"
                return point.side == current ? "[\(text)]" : text
            }.joined(separator: ", ") + " (\(origin))"
    }
}
