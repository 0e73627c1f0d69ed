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
    /// from the cache under `$XDG_CACHE_HOME` (or `~/.cache`), or none without a home.
    public static func process(weights: String? = nil,
                               environment: [String: String] = ProcessInfo.processInfo.environment) -> WidgetEnvironment {
        let cache: any ExperimentResultSource = (try? ExperimentCache(environment: environment)) ?? NoExperimentResults()
        return WidgetEnvironment(weightsPath: weights ?? TrainedWeights.packagePath, experiments: cache)
    }
}

/// No cache at all (neither XDG_CACHE_HOME nor HOME): every experiment shows its placeholder.
public struct NoExperimentResults: ExperimentResultSource {
    public init() {}
    public func lookup(name: String) throws -> ExperimentResult? { nil }
    public var location: String { "the cache (set XDG_CACHE_HOME or HOME)" }
}
