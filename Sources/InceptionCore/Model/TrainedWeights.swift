import Foundation

/// The trained tiny network: `--weights FILE` when given, otherwise
/// `Weights/tiny.safetensors` in the package the binary was built from (so a built
/// binary finds them from any directory). Lessons and the Network view fall back
/// to seeded random weights, with a note saying so, while the file is missing.
public enum TrainedWeights {
    /// `Weights/tiny.safetensors` in the package this file was compiled from.
    public static let packagePath = PackageRoot.appending("Weights/tiny.safetensors")

    /// The seed of the stand-in network used when no trained weights load.
    public static let fallbackSeed: UInt64 = 1

    /// The network `description` with the parameters stored in the safetensors file
    /// at `path`; a `UserError` names the file and the first problem (missing file,
    /// corrupt file, a tensor missing or of the wrong shape).
    public static func load(_ description: NetworkDescription, path: String) throws -> InceptionNetwork {
        guard FileManager.default.fileExists(atPath: path) else { throw UserError("no file \(path)") }
        var parameters = Parameters()
        for t in try SafeTensors.read(path: path).tensors { parameters.append(t.name, t.tensor) }
        do {
            return try InceptionNetwork(description, parameters: parameters)
        } catch let error as UserError {
            throw UserError("\(path): \(error.message)")
        }
    }

    /// The tiny network from `path`, or the seeded stand-in with a note why.
    public static func tiny(path: String) -> (network: InceptionNetwork, note: String?) {
        let description = Preset.tiny.description
        do {
            return (try load(description, path: path), nil)
        } catch {
            let reason = (error as? UserError)?.message ?? "\(error)"
            // The tiny preset always builds, so the seeded network cannot fail.
            let network = try! InceptionNetwork(description, seed: fallbackSeed)
            return (network, "untrained: random weights (seed \(fallbackSeed)) because the trained weights did not load (\(reason)); train them with `inception-explorer train`")
        }
    }
}
