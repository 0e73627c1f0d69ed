/// What each head meets when the network reads an input larger (or smaller)
/// than it was built for: the feature maps before the head grow with the
/// input, GAP still reduces them to one value per channel, and the fully
/// connected layer receives more features than it has weights for.
public struct HeadInputCheck: Hashable, Sendable {
    /// The input side the check is for.
    public let inputSize: Int
    /// The head's input at the network's own input size, and at `inputSize`.
    public let trained: FeatureShape
    public let given: FeatureShape

    /// The accepted input sides.
    public static let sizes = 16...512

    public init(network: NetworkDescription, inputSize: Int) throws {
        guard Self.sizes.contains(inputSize) else {
            throw UserError("input size \(inputSize): must be between \(Self.sizes.lowerBound) and \(Self.sizes.upperBound)")
        }
        var resized = network
        resized.input = FeatureShape(c: network.input.c, h: inputSize, w: inputSize)
        let given = HeadsComparison(network: resized).features
        guard given.h > 0, given.w > 0 else {
            throw UserError("input size \(inputSize) is too small for \(network.preset): the feature maps vanish before the head")
        }
        self.inputSize = inputSize
        trained = HeadsComparison(network: network).features
        self.given = given
    }

    /// Features the GAP head's linear layer reads: one per channel, whatever the size.
    public var gapFeatures: Int { given.c }
    /// The features the FC layer has weights for, and the features it would receive.
    public var fcExpects: Int { trained.count }
    public var fcReceives: Int { given.count }
    /// The GAP head's linear layer fits any size; the FC layer only its own.
    public var gapFits: Bool { given.c == trained.c }
    public var fcFits: Bool { fcReceives == fcExpects }
}
