import Foundation

/// The three measurements that say whether the dataset is as hard as the issue asks:
/// with the standard budget, the tiny preset lands between 93% and 98% test accuracy,
/// its variant whose 3x3 and 5x5 reduce widths are all 1 at least 4 points lower, and
/// a linear classifier on the raw pixels under 60%. Easier data would make every
/// architecture experiment say "it makes no difference".
public enum Calibration {
    /// One of the three networks.
    public enum Subject: String, CaseIterable, Sendable {
        case tiny
        case reduceOne = "reduce-1"
        case linear

        /// What the subject is, for the report.
        public var summary: String {
            switch self {
            case .tiny: "the tiny preset"
            case .reduceOne: "tiny with every 3x3/5x5 reduce width 1"
            case .linear: "softmax regression on the raw pixels"
            }
        }

        /// The network trained for this subject.
        public var description: NetworkDescription {
            let tiny = Preset.tiny.description
            switch self {
            case .tiny:
                return tiny
            case .reduceOne:
                var narrow = tiny
                narrow.layers = tiny.layers.map { layer in
                    guard case .inception(var spec) = layer else { return layer }
                    spec.widths.n3x3red = 1
                    spec.widths.n5x5red = 1
                    return .inception(spec)
                }
                return narrow
            case .linear:
                return NetworkDescription(preset: "linear", input: tiny.input, classes: tiny.classes,
                                          layers: [.flatten(name: "flatten"), .linear(name: "classifier", outFeatures: tiny.classes)])
            }
        }
    }

    /// The tiny preset's target range.
    public static let tinyTarget = 0.93...0.98
    /// How far below the tiny preset the reduce-1 variant must land.
    public static let reduceOneMargin = 0.04
    /// The linear classifier must stay under this.
    public static let linearCeiling = 0.60

    /// Whether the three test accuracies meet the targets, with one line per target.
    public static func verdicts(tiny: Double, reduceOne: Double, linear: Double) -> [(met: Bool, text: String)] {
        func percent(_ x: Double) -> String { String(format: "%.1f%%", 100 * x) }
        return [
            (tinyTarget.contains(tiny), "tiny \(percent(tiny)) within \(percent(tinyTarget.lowerBound))-\(percent(tinyTarget.upperBound))"),
            (reduceOne <= tiny - reduceOneMargin,
             "reduce-1 \(percent(reduceOne)) at least \(Int(100 * reduceOneMargin)) points below tiny (at most \(percent(tiny - reduceOneMargin)))"),
            (linear < linearCeiling, "linear \(percent(linear)) under \(percent(linearCeiling))"),
        ]
    }
}
