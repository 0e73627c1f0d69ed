/// The experiments a lesson can embed, with what running each one takes, so a
/// lesson can say so before anything is cached (issue 6 lists them).
public struct ExperimentInfo: Hashable, Sendable {
    public var name: String
    /// The question the experiment answers.
    public var question: String
    /// Networks trained per seed (0 when it only measures or reads the trained network).
    public var variants: Int
    /// What it does besides training, for the placeholder.
    public var work: String

    /// The command that computes and caches it.
    public var command: String { "inception-explorer experiment \(name)" }

    /// What running it takes with the default seed count, in one sentence.
    public func cost(seeds: Int = ExperimentInfo.defaultSeeds) -> String {
        guard variants > 0 else { return work }
        let runs = variants * seeds
        return "it trains \(variants) variant\(variants == 1 ? "" : "s") of the tiny network x \(seeds) seeds = \(runs) training runs with the standard budget, then \(work)"
    }

    public static let defaultSeeds = 3

    /// Every experiment, in the order of issue 6.
    public static let all: [ExperimentInfo] = [
        ExperimentInfo(name: "bottleneck", question: "How narrow can the 1x1 reduction get before accuracy suffers?",
                       variants: 5, work: "compares test accuracy and multiplies at reduce widths 1, 2, 4, 8 and 16"),
        ExperimentInfo(name: "naive-vs-reduced", question: "Does the 1x1 reduction cost accuracy?",
                       variants: 2, work: "compares accuracy, parameters, multiplies and time per step"),
        ExperimentInfo(name: "gap-vs-fc", question: "Does a global-average-pooling head overfit less than a fully connected one?",
                       variants: 2, work: "compares parameters, train and test accuracy"),
        ExperimentInfo(name: "aux-heads", question: "Does the auxiliary classifier help the gradient reach the early layers?",
                       variants: 2, work: "compares the gradient norm at the stem and 3a, and final accuracy"),
        ExperimentInfo(name: "correlation", question: "Are a module's channels more correlated within a branch than between branches?",
                       variants: 1, work: "runs each trained network over the test set and correlates every module's output channels across every image and position"),
        ExperimentInfo(name: "scale", question: "Does the 5x5 branch answer more strongly to larger objects?",
                       variants: 1, work: "runs each trained network on test images with objects from small to large and measures each branch's activation energy"),
        ExperimentInfo(name: "sparse-timing", question: "Does skipping zeros pay off on real hardware?",
                       variants: 0, work: "it times the dense, sparse and block methods on random block-sparse matrices at densities from 1% to 50%"),
    ]

    public static func named(_ name: String) -> ExperimentInfo? { all.first { $0.name == name } }
}
