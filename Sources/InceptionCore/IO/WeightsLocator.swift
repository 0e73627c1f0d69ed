import Foundation

/// Finds the weights file: `--weights FILE` if given, else the shipped
/// `Weights/tiny.safetensors` of the package the binary was built from (found as
/// `LessonLocator` finds `Lessons/`), so a built binary works from any directory.
public enum WeightsLocator {
    /// `Weights/tiny.safetensors` in the source tree the binary was built from.
    public static let shippedPath = PackageDirectory.path("Weights/tiny.safetensors")

    /// The path to read: the option, or the shipped file (which must exist).
    public static func locate(option: String?, shipped: String = shippedPath) throws -> String {
        if let option { return option }
        guard FileManager.default.fileExists(atPath: shipped) else {
            throw UserError("no shipped weights at \(shipped): pass --weights FILE (train one with `inception-explorer train`)")
        }
        return shipped
    }

    /// The network in the located file; it must read the dataset's images.
    public static func network(option: String?) throws -> InceptionNetwork {
        let path = try locate(option: option)
        let network = try NetworkFile.load(path: path)
        try network.description.checkReadsDataset(path)
        return network
    }

    /// The network in the located file, whatever images it reads (a photo network
    /// runs on photos, not on the dataset), with what the file says its weights are.
    public static func anyNetwork(option: String?) throws -> (network: InceptionNetwork, origin: String) {
        let path = try locate(option: option)
        let file = try SafeTensors.read(path: path)
        return (try NetworkFile.network(from: file, source: path), NetworkFile.origin(of: file, source: path))
    }
}
