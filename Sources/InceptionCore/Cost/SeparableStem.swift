/// GoogLeNet's first convolution two ways: the plain `7x7` the paper's Table 1 names,
/// and a depthwise-separable `7x7` (each input channel filtered by `depthMultiplier`
/// kernels of its own, then a `1x1` to the output channels), whose weights and
/// multiply-adds are exactly what Table 1 prints for conv1 (2.7K, 34M).
///
/// The multiplier is not in the 2014 paper: Chollet's Xception paper says the first
/// layers of Inception V1 and V2 were depthwise separable, and TF-slim's
/// `inception_v2.py` builds its stem that way with multiplier 8.
/// Everything else is read from the network, so the counts follow the preset.
public struct SeparableStem: Hashable, Sendable {
    public static let depthMultiplier = 8

    public let inChannels: Int
    public let outChannels: Int
    public let kernel: Int
    /// Output positions of the layer (112 x 112 for GoogLeNet).
    public let positions: Int

    /// The first convolution of `network`; nil when its first layer is not one.
    public init?(network: NetworkDescription = Preset.googlenet.description) {
        guard let first = network.shapedLayers().first, case .conv(let conv) = first.layer, conv.reduce == nil else { return nil }
        inChannels = first.input.c
        outChannels = conv.outChannels
        kernel = conv.kernel
        positions = first.output.h * first.output.w
    }

    public var plainWeights: Int { inChannels * outChannels * kernel * kernel }
    /// Depthwise `in x multiplier` kernels of `k x k`, then a `1x1` from those maps to `out`.
    public var separableWeights: Int {
        let depthwise = inChannels * Self.depthMultiplier
        return depthwise * kernel * kernel + depthwise * outChannels
    }

    /// Every weight is used once per output position (the depthwise maps have the
    /// same size as the output).
    public var plainMultiplies: Int { plainWeights * positions }
    public var separableMultiplies: Int { separableWeights * positions }
}
