/// The experiments that put the article's claims to the test, by their
/// command-line names (`inception-explorer experiment bottleneck`).
public enum ExperimentName: String, CaseIterable, Codable, Sendable, NamedChoice {
    case bottleneck
    case naiveVsReduced = "naive-vs-reduced"
    case gapVsFc = "gap-vs-fc"
    case auxHeads = "aux-heads"
    case correlation
    case scale
    case sparseTiming = "sparse-timing"
    case factorization
    case inputSize = "input-size"

    public static let choiceKind = "experiment"

    /// The question the experiment answers, in one line.
    public var question: String {
        switch self {
        case .bottleneck: "Why not reduce to a single feature map? Reduce widths 1 to 16 against accuracy and cost."
        case .naiveVsReduced: "Does the 1x1 reduction cost accuracy? Naive modules against reduced ones."
        case .gapVsFc: "Does global average pooling overfit less than a fully connected head?"
        case .auxHeads: "Does the auxiliary head send more gradient to the early layers, and help accuracy?"
        case .correlation: "Do correlated output channels end up grouped in the same branch?"
        case .scale: "Does the 5x5 branch answer to larger objects?"
        case .sparseTiming: "Do sparse structures pay off on today's hardware?"
        case .factorization: "Do Inception-v3's factorised kernels (two 3x3, 1xk + kx1) keep accuracy for fewer multiplies?"
        case .inputSize: "The GAP head runs at any input size: does the network still classify at 24 to 96 pixels?"
        }
    }

    /// How a result's repetitions read: "3 seeds", or one pass where nothing is random.
    public func runs(seeds: Int) -> String {
        self == .inputSize ? "one pass per size" : "\(seeds) seed\(seeds == 1 ? "" : "s")"
    }

    /// How many networks the experiment trains for `seeds` seeds (0: it only times kernels).
    public func trainings(seeds: Int) -> Int {
        switch self {
        case .bottleneck: BottleneckExperiment.widths.count * seeds
        case .naiveVsReduced, .gapVsFc, .auxHeads: 2 * seeds
        case .factorization: Factorization.allCases.count * seeds
        case .correlation, .scale: seeds
        case .sparseTiming, .inputSize: 0
        }
    }
}
