/// Global average pooling + linear against flatten + fully connected, on the
/// last feature maps of a network (GoogLeNet: 7x7x1024 -> 1000). The GAP head's
/// weights do not depend on the spatial size; the FC head's grow with H x W.
public struct HeadsComparison: Sendable {
    /// One head's counts.
    public struct Head: Hashable, Sendable {
        public var kind: HeadKind
        public var inFeatures: Int
        public var cost: CostBreakdown
        /// The whole network's counts with this head.
        public var network: CostBreakdown
    }

    public let network: NetworkDescription
    /// The feature maps the head reads.
    public let features: FeatureShape
    public let gap: Head
    public let fc: Head

    public init(network: NetworkDescription) {
        self.network = network
        let shaped = network.shapedLayers()
        let headIndex = shaped.firstIndex {
            switch $0.layer {
            case .globalAvgPool, .flatten: true
            default: false
            }
        }
        let features = headIndex.map { shaped[$0].input } ?? network.input
        self.features = features
        let classes = network.classes
        gap = Head(kind: .gap, inFeatures: features.c,
                   cost: .pool(input: features) + .linear(inFeatures: features.c, outFeatures: classes, relu: false),
                   network: CostModel(network.withHead(.gap)).totals().reduced)
        fc = Head(kind: .fc, inFeatures: features.count,
                  cost: .linear(inFeatures: features.count, outFeatures: classes, relu: false),
                  network: CostModel(network.withHead(.fc)).totals().reduced)
    }

    /// How many times the FC head's parameters the GAP head's are (H x W when
    /// biases are not counted); 0 when the GAP head has none.
    public func parameterRatio(convention: Convention) -> Double {
        let gapParams = convention.parameters(gap.cost)
        return gapParams == 0 ? 0 : Double(convention.parameters(fc.cost)) / Double(gapParams)
    }

    /// `part` as a percentage of `whole` (0 when `whole` is 0).
    public static func share(_ part: Int, of whole: Int) -> Double {
        whole == 0 ? 0 : 100 * Double(part) / Double(whole)
    }

    public func table(convention: Convention, unit: CostUnit) -> Table {
        let rows: [[TableCell]] = [gap, fc].map { h in
            let params = convention.parameters(h.cost)
            let total = convention.parameters(h.network)
            return [.text(h.kind == .gap ? "gap + linear" : "flatten + fc"),
                    .integer(h.inFeatures), .integer(network.classes),
                    .integer(h.cost.weights), .integer(h.cost.weights + h.cost.biases),
                    .integer(convention.operations(h.cost, unit: unit)),
                    .integer(total), .decimal(Self.share(params, of: total), places: 1)]
        }
        return Table(title: "Heads of \(network.preset): \(features.h)x\(features.w)x\(features.c) -> \(network.classes)",
                     columns: ["head", "in_features", "out_features", "params", "params_with_bias",
                               "multiplies", "network_params", "share_percent"],
                     rows: rows,
                     notes: ["share_percent: the head's parameters (\(convention.rawValue)) as a share of the whole network's with that head",
                             "the GAP head's weights do not depend on the input size; the FC head's grow with H x W",
                             "convention " + convention.summary, "unit: \(unit.label)"])
    }
}
