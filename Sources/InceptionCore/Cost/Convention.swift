/// How parameters and operations are counted. Tools disagree, so every table
/// names the convention it uses; each one is a formula over `CostBreakdown`.
///
/// Batch norm (torchvision only) is counted as each tool counts it:
/// - `paper`: free, and its parameters are not counted (the paper has no batch
///   norm; at inference it folds into the convolution's weights).
/// - `torchinfo`: its 2 parameters per channel once per image, because torchinfo
///   multiplies a non-convolution layer's parameters by the batch size only.
/// - `fvcore`: 2 per output element (fvcore's `batchnorm_flop_jit` in eval mode
///   with an affine transform); without batch norm this is exactly the paper's count.
/// - `ptflops`: 2 per output element (ptflops' batch-norm hook with `affine`).
/// Every convention but `paper` counts batch norm's parameters, as PyTorch does.
public enum Convention: String, NamedChoice, Sendable {
    public static let choiceKind = "convention"

    /// Conv and linear weights x output positions; no bias; pooling and ReLU free;
    /// parameters without bias.
    case paper
    /// paper + one per bias per output element; parameters with bias.
    case torchinfo
    /// paper's multiplies; parameters with bias.
    case fvcore
    /// torchinfo + one per ReLU output element + one per pooling input element.
    case ptflops

    /// One line for table notes: what this convention counts.
    public var summary: String {
        switch self {
        case .paper: "paper: conv and linear weights x output positions; bias, pooling and ReLU free; parameters without bias"
        case .torchinfo: "torchinfo: paper + one per bias per output element (+ 2 per batch-norm channel); parameters with bias"
        case .fvcore: "fvcore: paper's multiply-adds (+ 2 per batch-norm element); parameters with bias"
        case .ptflops: "ptflops: torchinfo + one per ReLU output element + one per pooling input element (+ 2 per batch-norm element); parameters with bias"
        }
    }

    /// Trainable parameters under this convention.
    public func parameters(_ c: CostBreakdown) -> Int {
        switch self {
        case .paper: c.weights
        case .torchinfo, .fvcore, .ptflops: c.weights + c.biases + c.batchNormParameters
        }
    }

    /// Operations under this convention in `unit`. In FLOPs only the conv and linear
    /// multiply-adds double (a multiply and an add); the other counted operations
    /// (bias additions, ReLU, pooling and batch-norm elements) are single
    /// operations already and are counted once.
    public func operations(_ c: CostBreakdown, unit: CostUnit) -> Int {
        let core = unit == .flops ? 2 * c.multiplyAdds : c.multiplyAdds
        switch self {
        case .paper: return core
        case .torchinfo: return core + c.biasOperations + c.batchNormParameters
        case .fvcore: return core + 2 * c.batchNormElements
        case .ptflops: return core + c.biasOperations + c.reluElements + c.poolElements + 2 * c.batchNormElements
        }
    }
}

extension Convention {
    /// The share of the naive design's operations that the reduced design saves
    /// (0.54 saves 54%; negative when the reduced design costs more); nil when
    /// the naive design does no operations.
    public func saving(reduced: CostBreakdown, naive: CostBreakdown, unit: CostUnit) -> Double? {
        let n = operations(naive, unit: unit)
        return n == 0 ? nil : 1 - Double(operations(reduced, unit: unit)) / Double(n)
    }
}
