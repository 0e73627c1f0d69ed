/// What the command line chose for this run of the explorer.
public struct ExplorerOptions: Sendable, Equatable {
    public var capabilities: Capabilities
    /// `--lessons DIR`, for the lesson browser.
    public var lessonsDirectory: String?
    /// `--image FILE`, the network view's own input.
    public var imagePath: String?
    /// `--weights FILE`, the network view's weights instead of the shipped ones.
    public var weightsPath: String?

    public init(capabilities: Capabilities, lessonsDirectory: String? = nil, imagePath: String? = nil, weightsPath: String? = nil) {
        self.capabilities = capabilities
        self.lessonsDirectory = lessonsDirectory
        self.imagePath = imagePath
        self.weightsPath = weightsPath
    }
}
