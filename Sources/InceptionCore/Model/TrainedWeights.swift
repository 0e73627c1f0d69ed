import Foundation

/// The tiny network as lessons run it: the trained weights when the file loads,
/// otherwise seeded random weights and a note saying the maps are untrained (so a
/// lesson still renders before training has produced the weights).
public enum TrainedWeights {
    /// `Weights/tiny.safetensors` in the package this file was compiled from.
    public static let packagePath = WeightsLocator.shippedPath

    /// The seed of the stand-in network used when no trained weights load.
    public static let fallbackSeed: UInt64 = 1

    /// The tiny network from `path`, or the seeded stand-in with a note why.
    public static func tiny(path: String) -> (network: InceptionNetwork, note: String?) {
        do {
            guard FileManager.default.fileExists(atPath: path) else { throw UserError("no file \(path)") }
            return (try NetworkFile.load(path: path), nil)
        } catch {
            let reason = (error as? UserError)?.message ?? "\(error)"
            // The tiny preset always builds, so the seeded network cannot fail.
            let network = try! InceptionNetwork(Preset.tiny.description, seed: fallbackSeed)
            return (network, "untrained: random weights (seed \(fallbackSeed)) because the trained weights did not load (\(reason)); train them with `inception-explorer train`")
        }
    }
}
