/// One named part of a layer's cost: a branch of an Inception module
/// (`3x3 reduce`, `pool proj`, ...) or, for every other layer, the layer itself.
public struct BranchCost: Hashable, Sendable {
    public var name: String
    public var cost: CostBreakdown
}

/// The cost of one layer in the 1x1-reduced design and in the naive design.
public struct LayerCost: Hashable, Sendable {
    public var layer: LayerSpec
    /// Shapes in the reduced network.
    public var input: FeatureShape
    public var output: FeatureShape
    /// Shapes in the naive reading: the same input as the reduced network (per
    /// module), or the compounding whole-naive network's.
    public var naiveInput: FeatureShape
    public var naiveOutput: FeatureShape
    /// Branches of the reduced design; removed branches (width 0) are absent.
    public var branches: [BranchCost]
    /// Branches of the naive design: 1x1, 3x3 and 5x5 read the module input and
    /// the pool branch passes it through.
    public var naiveBranches: [BranchCost]

    public var reduced: CostBreakdown { branches.reduce(.zero) { $0 + $1.cost } }
    public var naive: CostBreakdown { naiveBranches.reduce(.zero) { $0 + $1.cost } }

    /// The `type` column of the costs table.
    public var kind: String {
        switch layer {
        case .conv: "conv"
        case .maxPool: "maxpool"
        case .avgPool, .globalAvgPool: "avgpool"
        case .inception: "inception"
        case .flatten: "flatten"
        case .dropout: "dropout"
        case .linear: "linear"
        }
    }
}

/// One layer of an auxiliary classifier.
public struct AuxLayerCost: Hashable, Sendable {
    public var name: String
    /// The `type` column: avgpool, conv, linear, dropout.
    public var kind: String
    public var output: FeatureShape
    public var cost: CostBreakdown
}

/// The cost of one auxiliary classifier, layer by layer.
public struct AuxHeadCost: Hashable, Sendable {
    public var spec: AuxHeadSpec
    /// The module output the head reads.
    public var input: FeatureShape
    public var layers: [AuxLayerCost]

    public var total: CostBreakdown { layers.reduce(.zero) { $0 + $1.cost } }
}
