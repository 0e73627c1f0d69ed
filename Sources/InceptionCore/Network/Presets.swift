/// The networks the explorer knows by name.
public enum Preset: String, CaseIterable, Sendable, NamedChoice {
    /// The small network this project trains and runs: 1x32x32 in, 10 classes.
    case tiny
    /// Table 1 of Szegedy et al., "Going deeper with convolutions" (2014).
    case googlenet
    /// GoogLeNet as torchvision builds it: no conv bias, batch norm, a 3x3 "5x5" branch.
    case torchvision

    public static let choiceKind = "preset"

    public var description: NetworkDescription {
        switch self {
        case .tiny: Self.tinyNetwork
        case .googlenet: Self.googlenetNetwork
        case .torchvision: Self.torchvisionNetwork
        }
    }

    private static func module(_ short: String, _ w: InceptionWidths) -> LayerSpec {
        .inception(InceptionSpec(name: ModuleName(short), widths: w))
    }

    // Table 1's module widths and aux heads (§5), shared by the paper's network and torchvision's.
    private static let googlenetStage3 = [
        module("3a", InceptionWidths(64, 96, 128, 16, 32, 32)),
        module("3b", InceptionWidths(128, 128, 192, 32, 96, 64)),
    ]
    private static let googlenetStage4 = [
        module("4a", InceptionWidths(192, 96, 208, 16, 48, 64)),
        module("4b", InceptionWidths(160, 112, 224, 24, 64, 64)),
        module("4c", InceptionWidths(128, 128, 256, 24, 64, 64)),
        module("4d", InceptionWidths(112, 144, 288, 32, 64, 64)),
        module("4e", InceptionWidths(256, 160, 320, 32, 128, 128)),
    ]
    private static let googlenetStage5 = [
        module("5a", InceptionWidths(256, 160, 320, 32, 128, 128)),
        module("5b", InceptionWidths(384, 192, 384, 48, 128, 128)),
    ]
    private static let googlenetAuxHeads = [
        AuxHeadSpec(name: "aux1", after: ModuleName("4a"), convOut: 128, hidden: 1024, dropout: 0.7),
        AuxHeadSpec(name: "aux2", after: ModuleName("4d"), convOut: 128, hidden: 1024, dropout: 0.7),
    ]

    private static let tinyNetwork = NetworkDescription(
        preset: "tiny",
        input: FeatureShape(c: 1, h: 32, w: 32),
        classes: 10,
        layers: [
            .conv(ConvSpec(name: "stem", outChannels: 16, kernel: 3, padding: 1)),
            .maxPool(PoolSpec(name: "pool1", kernel: 3, stride: 2, padding: 1)),
            module("3a", InceptionWidths(8, 8, 16, 4, 8, 8)),
            module("3b", InceptionWidths(16, 16, 24, 8, 12, 12)),
            .maxPool(PoolSpec(name: "pool2", kernel: 3, stride: 2, padding: 1)),
            module("4a", InceptionWidths(24, 16, 32, 8, 16, 16)),
            .globalAvgPool(name: "gap"),
            .linear(name: "classifier", outFeatures: 10),
        ],
        auxHeads: [AuxHeadSpec(name: "aux", after: ModuleName("3b"), convOut: 32, hidden: 64, dropout: 0.5)]
    )

    /// The paper's Table 1: every pool 3x3/2 pad 1 in floor mode (224 -> 112 -> 56 -> 28 -> 14 -> 7).
    private static let googlenetNetwork = NetworkDescription(
        preset: "googlenet",
        input: FeatureShape(c: 3, h: 224, w: 224),
        classes: 1000,
        layers: [
            .conv(ConvSpec(name: "conv1", outChannels: 64, kernel: 7, stride: 2, padding: 3)),
            .maxPool(PoolSpec(name: "pool1", kernel: 3, stride: 2, padding: 1)),
            .conv(ConvSpec(name: "conv2", outChannels: 192, kernel: 3, padding: 1, reduce: 64)),
            .maxPool(PoolSpec(name: "pool2", kernel: 3, stride: 2, padding: 1)),
        ] + googlenetStage3 + [
            .maxPool(PoolSpec(name: "pool3", kernel: 3, stride: 2, padding: 1)),
        ] + googlenetStage4 + [
            .maxPool(PoolSpec(name: "pool4", kernel: 3, stride: 2, padding: 1)),
        ] + googlenetStage5 + [
            .globalAvgPool(name: "avgpool"),
            .dropout(name: "dropout", rate: 0.4),
            .linear(name: "linear", outFeatures: 1000),
        ],
        auxHeads: googlenetAuxHeads
    )

    /// torchvision.models.googlenet: the stem's 1x1 and 3x3 are separate layers,
    /// pools use ceil mode, pool 4 is 2x2/2, dropout is 0.2, the classifier is `fc`.
    private static let torchvisionNetwork = NetworkDescription(
        preset: "torchvision",
        input: FeatureShape(c: 3, h: 224, w: 224),
        classes: 1000,
        layers: [
            .conv(ConvSpec(name: "conv1", outChannels: 64, kernel: 7, stride: 2, padding: 3)),
            .maxPool(PoolSpec(name: "maxpool1", kernel: 3, stride: 2, ceilMode: true)),
            .conv(ConvSpec(name: "conv2", outChannels: 64, kernel: 1)),
            .conv(ConvSpec(name: "conv3", outChannels: 192, kernel: 3, padding: 1)),
            .maxPool(PoolSpec(name: "maxpool2", kernel: 3, stride: 2, ceilMode: true)),
        ] + googlenetStage3 + [
            .maxPool(PoolSpec(name: "maxpool3", kernel: 3, stride: 2, ceilMode: true)),
        ] + googlenetStage4 + [
            .maxPool(PoolSpec(name: "maxpool4", kernel: 2, stride: 2, ceilMode: true)),
        ] + googlenetStage5 + [
            .globalAvgPool(name: "avgpool"),
            .dropout(name: "dropout", rate: 0.2),
            .linear(name: "fc", outFeatures: 1000),
        ],
        auxHeads: googlenetAuxHeads,
        convBias: false,
        batchNorm: true,
        branch5x5Kernel: 3,
        transformInput: true
    )
}
