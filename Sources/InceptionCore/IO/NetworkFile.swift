import Foundation

/// A network and its weights as a safetensors file: the tensors under their PyTorch
/// `state_dict` names, the description as JSON under the metadata key
/// `inception_explorer.network`.
///
/// A file without that key (one PyTorch wrote) is read as the tiny preset with the
/// widths, the classes and the head its tensor shapes imply: `classifier.weight`
/// [10, 88] means GAP over 88 channels, [10, 5632] flatten of 88x8x8. Auxiliary head
/// tensors are optional when reading (only training needs them).
public enum NetworkFile {
    public static let metadataKey = "inception_explorer.network"
    /// Where the training that made the weights is described (informative only).
    public static let trainingKey = "inception_explorer.training"

    /// The file's contents for `network`; `training` describes how it was trained.
    public static func contents(of network: InceptionNetwork, training: String? = nil) throws -> SafeTensors {
        let params = network.parameters
        let tensors = params.names.map { NamedTensor(name: $0, tensor: params[$0]!) }
        var metadata = [metadataKey: try descriptionJSON(network.description)]
        if let training { metadata[trainingKey] = training }
        return SafeTensors(tensors: tensors, metadata: metadata)
    }

    /// Writes `network` to `path` atomically.
    public static func write(_ network: InceptionNetwork, to path: String, training: String? = nil) throws {
        try contents(of: network, training: training).write(to: path)
    }

    /// Reads the network at `path`; every problem is a one-line `UserError` naming the file.
    public static func load(path: String) throws -> InceptionNetwork {
        try network(from: SafeTensors.read(path: path), source: path)
    }

    /// The network a file's tensors and metadata describe.
    public static func network(from file: SafeTensors, source: String) throws -> InceptionNetwork {
        if file.metadata[metadataKey] == nil && TorchvisionStateDict.recognizes(file) {
            return try TorchvisionStateDict.network(from: file, source: source)
        }
        var description: NetworkDescription
        if let json = file.metadata[metadataKey] {
            guard let decoded = try? JSONDecoder().decode(NetworkDescription.self, from: Data(json.utf8)) else {
                throw UserError("\(source): metadata \(metadataKey) is not a valid network description")
            }
            description = decoded
        } else {
            description = try inferredDescription(file, source: source)
        }
        for module in description.modules {
            do { try NetworkDescription.validate(module.widths, module: module.name) } catch let error as UserError {
                throw UserError("\(source): \(error.message)")
            }
        }
        // Auxiliary heads train the network; a file without their tensors still runs it.
        description.auxHeads.removeAll { head in !file.tensors.contains { $0.name.hasPrefix(head.name + ".") } }
        // A NaN or infinite weight would make every probability NaN downstream.
        if let bad = file.tensors.first(where: { !$0.tensor.data.allSatisfy(\.isFinite) }) {
            throw UserError("\(source): tensor \(bad.name) holds a NaN or infinite value")
        }
        var params = Parameters()
        for named in file.tensors { params.append(named.name, named.tensor) }
        do {
            return try InceptionNetwork(description, parameters: params)
        } catch let error as UserError {
            throw UserError("\(source): \(error.message)")
        }
    }

    /// What the file says its weights are (the export script's note, or how the explorer
    /// trained them), or that nothing is known of them.
    public static func origin(of file: SafeTensors, source: String) -> String {
        file.metadata[TorchvisionStateDict.weightsKey] ?? file.metadata[trainingKey]
            ?? "weights from \(source), origin unknown"
    }

    /// The description as one line of JSON (keys sorted, so equal networks give equal files).
    static func descriptionJSON(_ description: NetworkDescription) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return String(decoding: try encoder.encode(description), as: UTF8.self)
    }

    /// The tiny preset with the widths, classes, head and auxiliary head the tensor shapes imply
    /// (a removed branch has no tensors, so its reduce width reads as 0).
    static func inferredDescription(_ file: SafeTensors, source: String) throws -> NetworkDescription {
        func rows(_ name: String) -> Int? { file[name].flatMap { $0.shape.first } }
        guard let classifier = file["classifier.weight"], classifier.shape.count == 2 else {
            throw UserError("\(source): no 2-d classifier.weight, and no \(metadataKey) metadata: not a weights file of the explorer's network")
        }
        var description = Preset.tiny.description
        description.classes = classifier.shape[0]
        description.layers = description.layers.map { layer in
            switch layer {
            case .conv(var spec):
                spec.outChannels = rows(spec.name + ".weight") ?? spec.outChannels
                return .conv(spec)
            case .inception(let spec):
                let prefix = spec.name.tensor + "."
                // A factorised kernel's last convolution is `_2` (`InceptionSpec.convolutions`).
                let width = { (branch: String) in rows(prefix + branch + ".weight") ?? rows(prefix + branch + "_2.weight") ?? 0 }
                let widths = InceptionWidths(width("branch1x1"), width("branch3x3_reduce"), width("branch3x3"),
                                             width("branch5x5_reduce"), width("branch5x5"), width("pool_proj"))
                // Stacked 3x3 or a 1 x k first; only asymmetric factorises the 3x3 branch.
                let factorize: Factorization = file[prefix + "branch5x5_1.weight"]
                    .map { $0.shape.count == 4 && $0.shape[2] == 1 ? .asymmetric : .stacked }
                    ?? (file[prefix + "branch3x3_1.weight"] == nil ? .none : .asymmetric)
                return .inception(InceptionSpec(name: spec.name, widths: widths, factorize: factorize))
            case .linear(let name, _):
                return .linear(name: name, outFeatures: classifier.shape[0])
            default:
                return layer
            }
        }
        let features = classifier.shape[1]
        let candidates = HeadKind.allCases.map { kind in
            let shaped = description.withHead(kind).shapedLayers()
            return (kind, shaped[shaped.count - 2].output.count)
        }
        guard let head = candidates.first(where: { $0.1 == features })?.0 else {
            let expected = candidates.map { "\($0.1) (\($0.0.rawValue))" }.joined(separator: " or ")
            throw UserError("\(source): classifier.weight has \(features) inputs; these widths need \(expected)")
        }
        description = description.withHead(head)
        description.auxHeads = description.auxHeads.map { head in
            var copy = head
            copy.convOut = rows(head.name + ".conv.weight") ?? head.convOut
            copy.hidden = rows(head.name + ".fc1.weight") ?? head.hidden
            return copy
        }
        return description
    }
}
