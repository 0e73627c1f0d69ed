import Foundation

/// What widgets read besides their arguments: the trained tiny network's weights
/// and the cached experiment results. The explorer and `lessons show` build it from
/// the command line and the environment; tests point it at temporary folders.
public struct WidgetEnvironment: Sendable {
    /// The safetensors file of the trained tiny network (it may not exist yet).
    public var weightsPath: String
    public var experiments: any ExperimentResultSource
    /// torchvision's GoogLeNet as `Scripts/export-googlenet.py` writes it (it may not exist).
    public var googlenetPath: String

    /// Where the README's export command writes the ImageNet weights.
    public static let googlenetPackagePath = PackageDirectory.path("Weights/googlenet-imagenet.safetensors")

    public init(weightsPath: String, experiments: any ExperimentResultSource, googlenetPath: String = googlenetPackagePath) {
        self.weightsPath = weightsPath
        self.experiments = experiments
        self.googlenetPath = googlenetPath
    }

    /// `--weights` when given, else the package's `Weights/tiny.safetensors`; results
    /// from the cache under `$XDG_CACHE_HOME` (or `~/.cache`; none without a home),
    /// else the ones shipped in the package's `Results/`.
    public static func process(weights: String? = nil,
                               environment: [String: String] = ProcessInfo.processInfo.environment) -> WidgetEnvironment {
        WidgetEnvironment(weightsPath: weights ?? TrainedWeights.packagePath, experiments: ExperimentLibrary.process(environment: environment))
    }
}
