/// What running an experiment takes, so that a lesson can say so before anything is cached.
extension ExperimentName {
    /// The seed count `inception-explorer experiment` uses unless told otherwise.
    public static let defaultSeeds = 3

    /// The command that computes and caches it.
    public var command: String { "inception-explorer experiment \(rawValue)" }

    /// What it does besides training, for the placeholder.
    public var work: String {
        switch self {
        case .bottleneck:
            let widths = BottleneckExperiment.widths.map(String.init)
            return "compares test accuracy and multiplies at reduce widths \(widths.dropLast().joined(separator: ", ")) and \(widths.last ?? "")"
        case .naiveVsReduced, .factorization: return "compares accuracy, parameters, multiplies and time per step"
        case .gapVsFc: return "compares parameters, train and test accuracy"
        case .auxHeads: return "compares the gradient norm at the stem and 3a, and final accuracy"
        case .correlation:
            return "runs each trained network over the test set and correlates every module's output channels across every image and position"
        case .scale:
            return "runs each trained network on test images with objects from small to large and measures each branch's activation energy"
        case .sparseTiming:
            return "it times the dense, sparse and block methods on random block-sparse matrices at densities from 1% to 50%"
        case .inputSize:
            let sizes = InputSizeExperiment.sizes.map { "\($0)" }
            return "it evaluates the shipped network on the test split resampled to \(sizes.dropLast().joined(separator: ", ")) and \(sizes.last ?? "") pixels"
        }
    }

    /// What running it takes with `seeds` seeds, in one sentence.
    public func cost(seeds: Int = defaultSeeds) -> String {
        let variants = trainings(seeds: 1)
        guard variants > 0 else { return work }
        return "it trains \(variants) variant\(variants == 1 ? "" : "s") of the tiny network x \(seeds) seeds = \(trainings(seeds: seeds)) training runs with the standard budget, then \(work)"
    }
}
