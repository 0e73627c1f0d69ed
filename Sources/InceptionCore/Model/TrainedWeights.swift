/// Finds and loads the shipped trained weights of the tiny network: `--weights FILE`
/// when given, otherwise `Weights/tiny.safetensors` in the package the binary was
/// built from (so a built binary finds them from any directory).
public enum TrainedWeights {
    /// `Weights/tiny.safetensors` in the source tree this file was compiled from.
    public static let packagePath = PackageRoot.appending("Weights/tiny.safetensors")

    /// The network `description` with the parameters stored in the safetensors file
    /// at `path`; a `UserError` names the file and the first problem (missing file,
    /// corrupt file, a tensor missing or of the wrong shape).
    public static func load(_ description: NetworkDescription, path: String) throws -> InceptionNetwork {
        let file = try SafeTensors.read(path: path)
        var parameters = Parameters()
        for named in file.tensors { parameters.append(named.name, named.tensor) }
        do {
            return try InceptionNetwork(description, parameters: parameters)
        } catch let error as UserError {
            throw UserError("\(path): \(error.message)")
        }
    }
}
