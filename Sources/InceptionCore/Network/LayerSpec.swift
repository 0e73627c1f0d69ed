/// A convolution row. With `reduce` set it is the paper's two-layer row
/// ("conv 1x1 64 then 3x3 192" in GoogLeNet's Table 1): a 1x1 convolution to
/// `reduce` channels, then this kernel. ReLU follows every convolution.
public struct ConvSpec: Hashable, Codable, Sendable {
    public var name: String
    public var outChannels: Int
    public var kernel: Int
    public var stride: Int
    public var padding: Int
    public var reduce: Int?

    public init(name: String, outChannels: Int, kernel: Int, stride: Int = 1, padding: Int = 0, reduce: Int? = nil) {
        self.name = name
        self.outChannels = outChannels
        self.kernel = kernel
        self.stride = stride
        self.padding = padding
        self.reduce = reduce
    }
}

/// A max or average pooling window. Padding counts as -inf for max pooling and
/// as zero (included in the divisor, as PyTorch's default) for average pooling.
public struct PoolSpec: Hashable, Codable, Sendable {
    public var name: String
    public var kernel: Int
    public var stride: Int
    public var padding: Int
    /// PyTorch's `ceil_mode`: round the output size up instead of down.
    public var ceilMode: Bool

    public init(name: String, kernel: Int, stride: Int, padding: Int = 0, ceilMode: Bool = false) {
        self.name = name
        self.kernel = kernel
        self.stride = stride
        self.padding = padding
        self.ceilMode = ceilMode
    }

    /// Output extent along one axis, with PyTorch's rule that the last window
    /// must start inside the input or its left padding.
    public func outputSize(_ size: Int) -> Int {
        let span = size + 2 * padding - kernel
        guard span >= 0 else { return 0 }
        var out = (ceilMode ? (span + stride - 1) / stride : span / stride) + 1
        if ceilMode && (out - 1) * stride >= size + padding { out -= 1 }
        return out
    }
}

/// An Inception module: four branches read the same input and their outputs are
/// concatenated along channels (1x1 | 1x1 reduce -> 3x3 | 1x1 reduce -> 5x5 |
/// 3x3/1 max pool -> 1x1 projection).
///
/// A `naive` module is the paper's Figure 2(a): 1x1, 3x3 and 5x5 read the input
/// directly (the reduce widths are ignored) and the pool branch passes every input
/// channel through, so its output is `naiveOutChannels(inChannels:)` wide.
///
/// `factorize` rebuilds the large kernels as Inception-v3 does (`Factorization`,
/// `convolutions(of:kernel:inChannels:)`); the widths and the output are unchanged.
public struct InceptionSpec: Hashable, Codable, Sendable {
    public var name: ModuleName
    public var widths: InceptionWidths
    public var naive: Bool
    public var factorize: Factorization

    public init(name: ModuleName, widths: InceptionWidths, naive: Bool = false, factorize: Factorization = .none) {
        self.name = name
        self.widths = widths
        self.naive = naive
        self.factorize = factorize
    }

    private enum CodingKeys: String, CodingKey { case name, widths, naive, factorize }

    // `naive` and `factorize` are written only when set, so descriptions saved
    // before they existed (weights files, caches) read and hash the same.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        name = try c.decode(ModuleName.self, forKey: .name)
        widths = try c.decode(InceptionWidths.self, forKey: .widths)
        naive = try c.decodeIfPresent(Bool.self, forKey: .naive) ?? false
        factorize = try c.decodeIfPresent(Factorization.self, forKey: .factorize) ?? .none
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(name, forKey: .name)
        try c.encode(widths, forKey: .widths)
        if naive { try c.encode(naive, forKey: .naive) }
        if factorize != .none { try c.encode(factorize, forKey: .factorize) }
    }

    /// Output channels for an input of `inChannels`.
    public func outChannels(inChannels: Int) -> Int {
        naive ? widths.naiveOutChannels(inChannels: inChannels) : widths.outChannels
    }
}

/// One row of a network: what runs and what is counted.
public enum LayerSpec: Hashable, Codable, Sendable {
    case conv(ConvSpec)
    case maxPool(PoolSpec)
    case avgPool(PoolSpec)
    case inception(InceptionSpec)
    /// The mean over every spatial position of each channel (the GAP head).
    case globalAvgPool(name: String)
    /// C,H,W order into one vector (the fully connected head).
    case flatten(name: String)
    /// Zeroes a fraction of the features in training; the identity otherwise.
    case dropout(name: String, rate: Double)
    case linear(name: String, outFeatures: Int)

    /// The row name of this layer in tables (`inception_3a` for modules).
    public var name: String {
        switch self {
        case .conv(let s): s.name
        case .maxPool(let s), .avgPool(let s): s.name
        case .inception(let s): s.name.row
        case .globalAvgPool(let n), .flatten(let n), .dropout(let n, _), .linear(let n, _): n
        }
    }
}

/// An auxiliary classifier attached to a module's output, used in training only:
/// avg pool k/s -> 1x1 conv -> ReLU -> flatten -> linear -> ReLU -> dropout -> linear.
public struct AuxHeadSpec: Hashable, Codable, Sendable {
    /// Tensor-name prefix: `aux` in the tiny network, `aux1`/`aux2` in GoogLeNet.
    public var name: String
    /// The module whose output feeds the head.
    public var after: ModuleName
    public var poolKernel: Int
    public var poolStride: Int
    public var convOut: Int
    public var hidden: Int
    public var dropout: Double

    public init(name: String, after: ModuleName, poolKernel: Int = 5, poolStride: Int = 3,
                convOut: Int, hidden: Int, dropout: Double) {
        self.name = name
        self.after = after
        self.poolKernel = poolKernel
        self.poolStride = poolStride
        self.convOut = convOut
        self.hidden = hidden
        self.dropout = dropout
    }

    /// The pooling window in front of the head's convolution.
    public var pool: PoolSpec { PoolSpec(name: name + ".pool", kernel: poolKernel, stride: poolStride) }
}
