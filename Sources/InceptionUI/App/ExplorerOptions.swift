/// What the command line chose for this run of the explorer.
public struct ExplorerOptions: Sendable, Equatable {
    public var capabilities: Capabilities
    /// `--lessons DIR`, for the lesson browser.
    public var lessonsDirectory: String?
    /// `--image FILE`, the network view's own input.
    public var imagePath: String?
    /// `--weights FILE`, the network view's weights instead of the shipped ones.
    public var weightsPath: String?
    /// Whether `weightsPath` holds a photo network (torchvision's GoogLeNet), which
    /// only the Network view runs: the lessons and the Heads view keep the tiny one.
    public var photoWeights: Bool

    public init(capabilities: Capabilities, lessonsDirectory: String? = nil, imagePath: String? = nil, weightsPath: String? = nil,
                photoWeights: Bool = false) {
        self.capabilities = capabilities
        self.lessonsDirectory = lessonsDirectory
        self.imagePath = imagePath
        self.weightsPath = weightsPath
        self.photoWeights = photoWeights
    }

    /// The weights the lessons and the Heads view run: `--weights` unless it is a photo network.
    public var tinyWeightsPath: String? { photoWeights ? nil : weightsPath }
}
