/// The raw counts of one layer or branch, before any counting convention is
/// applied. Each convention (`Convention`) is a formula over these fields, so
/// switching conventions never recounts the network.
public struct CostBreakdown: Hashable, Sendable {
    /// Convolution and linear weights.
    public var weights = 0
    /// Convolution and linear biases.
    public var biases = 0
    /// Batch-norm scale and shift: 2 trainable parameters per channel.
    public var batchNormParameters = 0
    /// Convolution and linear multiply-adds: every weight at every output position.
    public var multiplyAdds = 0
    /// One addition per bias per output element.
    public var biasOperations = 0
    /// Output elements of the ReLUs (one after every convolution and hidden linear layer).
    public var reluElements = 0
    /// Input elements of the pooling layers (max, average and global average).
    public var poolElements = 0
    /// Output elements of the batch norms.
    public var batchNormElements = 0

    public init() {}

    public static let zero = CostBreakdown()

    public static func + (a: CostBreakdown, b: CostBreakdown) -> CostBreakdown {
        var s = a
        s.weights += b.weights
        s.biases += b.biases
        s.batchNormParameters += b.batchNormParameters
        s.multiplyAdds += b.multiplyAdds
        s.biasOperations += b.biasOperations
        s.reluElements += b.reluElements
        s.poolElements += b.poolElements
        s.batchNormElements += b.batchNormElements
        return s
    }

    public static func += (a: inout CostBreakdown, b: CostBreakdown) { a = a + b }

    /// A convolution from `inChannels` to `outChannels` with a `kernel` x `kernel`
    /// window (`kernel` x `kernelWidth` when given: 1x7, 7x1), evaluated at
    /// `positions` output positions, followed by ReLU (and batch norm before it,
    /// as torchvision's `BasicConv2d`).
    public static func conv(inChannels: Int, outChannels: Int, kernel: Int, kernelWidth: Int? = nil, positions: Int,
                            bias: Bool, batchNorm: Bool) -> CostBreakdown {
        var c = CostBreakdown()
        c.weights = inChannels * outChannels * kernel * (kernelWidth ?? kernel)
        c.biases = bias ? outChannels : 0
        c.batchNormParameters = batchNorm ? 2 * outChannels : 0
        c.multiplyAdds = c.weights * positions
        c.biasOperations = c.biases * positions
        c.reluElements = outChannels * positions
        c.batchNormElements = batchNorm ? outChannels * positions : 0
        return c
    }

    /// A linear layer with bias (every preset's classifiers have one), with or
    /// without a ReLU after it.
    public static func linear(inFeatures: Int, outFeatures: Int, relu: Bool) -> CostBreakdown {
        var c = CostBreakdown()
        c.weights = inFeatures * outFeatures
        c.biases = outFeatures
        c.multiplyAdds = c.weights
        c.biasOperations = outFeatures
        c.reluElements = relu ? outFeatures : 0
        return c
    }

    /// A pooling window over `input`: no parameters, one operation per input
    /// element in the conventions that count pooling.
    public static func pool(input: FeatureShape) -> CostBreakdown {
        var c = CostBreakdown()
        c.poolElements = input.count
        return c
    }
}
