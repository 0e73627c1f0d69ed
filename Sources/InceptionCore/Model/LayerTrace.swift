/// The tensors one Inception module computed, branch by branch (nil for a removed
/// branch). Every tensor is (n, channels, h, w) and already passed its ReLU.
public struct ModuleTrace: Sendable {
    public var branch1x1: Tensor?
    /// The 3x3 and 5x5 branches, each convolution's output (`KernelBranchTrace`).
    public var kernel3x3: KernelBranchTrace?
    public var kernel5x5: KernelBranchTrace?
    public var reduce3x3: Tensor? { kernel3x3?.reduced }
    public var branch3x3: Tensor? { kernel3x3?.output }
    public var reduce5x5: Tensor? { kernel5x5?.reduced }
    public var branch5x5: Tensor? { kernel5x5?.output }
    /// The module input after the branch's 3x3/1 max pool.
    public var pooled: Tensor?
    public var poolProj: Tensor?
    /// The branch pool's winners (`maxPool2dForward`), kept by training passes.
    var poolWinners: [Int32]?

    /// The branch outputs in concatenation order; a naive module's pool branch
    /// contributes the pooled input itself.
    public var concatenatedParts: [Tensor] {
        [branch1x1, branch3x3, branch5x5, poolProj ?? pooled].compactMap { $0 }
    }
}

/// What one layer computed: kept by a training forward pass for the backward
/// pass, and shown by the step-by-step view.
public struct LayerTrace: Sendable {
    /// (n, c, h, w) for feature maps, (n, features) after GAP or flatten.
    public let input: Tensor
    public let output: Tensor
    /// The branches, for an Inception module.
    public let module: ModuleTrace?
    /// A conv row with `reduce`: its 1x1 convolution's output, which the second
    /// convolution read.
    var reduced: Tensor? = nil
    /// A dropout layer in training: its mask (0, or 1/(1 - rate) for a kept element).
    var dropoutMask: Tensor? = nil
    /// A max-pool layer's winners (`maxPool2dForward`), kept by training passes.
    var poolWinners: [Int32]? = nil
}

/// What an auxiliary head computed in a training forward pass.
struct AuxTrace: Sendable {
    let pooled: Tensor
    let conv: Tensor
    let hidden: Tensor
    let mask: Tensor
    let dropped: Tensor
    let logits: Tensor
}

/// A whole forward pass: every layer's trace, the logits and (in training) the
/// auxiliary heads' logits.
public struct ForwardPass: Sendable {
    public let layers: [LayerTrace]
    let aux: [AuxTrace]
    /// (n, classes) from the main head.
    public var logits: Tensor { layers.last!.output }
    /// (n, classes) from each auxiliary head; empty in evaluation.
    public var auxLogits: [Tensor] { aux.map(\.logits) }
}
