import Foundation

/// torchvision's GoogLeNet `state_dict`, as `safetensors.torch.save_file(model.state_dict(), path)`
/// writes it: every convolution is `NAME.conv.weight` (no bias) followed by batch norm
/// `NAME.bn.{weight,bias,running_mean,running_var}`, and modules name their branches
/// `branch1`, `branch2.0`/`branch2.1`, `branch3.0`/`branch3.1` and `branch4.1`.
///
/// Loading folds each batch norm (eval mode, eps 0.001) into its convolution, so the
/// engine runs plain convolutions with a bias: `w' = w * g / sqrt(var + eps)`,
/// `b' = beta - mean * g / sqrt(var + eps)`.
public enum TorchvisionStateDict {
    /// torchvision's `BatchNorm2d(eps=0.001)` in `BasicConv2d`.
    public static let batchNormEpsilon = 0.001
    /// The metadata key the export script writes to name the weights.
    public static let weightsKey = "inception_explorer.weights"
    /// The metadata key that may turn `transform_input` off (`false`).
    public static let transformInputKey = "transform_input"

    /// The torchvision preset as inference runs it: `aux_logits=False`, so no auxiliary heads.
    public static var inferenceDescription: NetworkDescription {
        var description = Preset.torchvision.description
        description.auxHeads = []
        return description
    }

    /// Whether the file's tensor names are torchvision's (no metadata needed).
    public static func recognizes(_ file: SafeTensors) -> Bool {
        file["conv1.conv.weight"] != nil || file.tensors.contains { $0.name.hasSuffix(".bn.running_var") }
    }

    /// The torchvision name of a convolution of the engine's layout (`inception3a.branch3x3_reduce`
    /// -> `inception3a.branch2.0`); stem convolutions keep their name.
    static func torchName(ofConv name: String) -> String {
        let renames = ["branch1x1": "branch1", "branch3x3_reduce": "branch2.0", "branch3x3": "branch2.1",
                       "branch5x5_reduce": "branch3.0", "branch5x5": "branch3.1", "pool_proj": "branch4.1"]
        let parts = name.split(separator: ".", maxSplits: 1).map(String.init)
        guard parts.count == 2, let branch = renames[parts[1]] else { return name }
        return parts[0] + "." + branch
    }

    /// One convolution or linear layer of the engine's layout, in layout order.
    struct Slot {
        /// The engine's tensor name without `.weight` (`conv1`, `inception3a.branch1x1`, `fc`).
        let name: String
        let shape: [Int]
        var isConv: Bool { shape.count == 4 }
    }

    /// The layers of `description` that hold weights, in state_dict order.
    static func slots(_ description: NetworkDescription) throws -> [Slot] {
        var slots: [Slot] = []
        _ = try ParameterLayout(description) { name, shape, _ in
            if name.hasSuffix(".weight") { slots.append(Slot(name: String(name.dropLast(7)), shape: shape)) }
            return 0
        }
        return slots
    }

    /// The torchvision tensors of `description` in state_dict order (without the
    /// integer `num_batches_tracked` buffers), with their shapes.
    public static func tensorNames(_ description: NetworkDescription) throws -> [(name: String, shape: [Int])] {
        try slots(description).flatMap { slot -> [(name: String, shape: [Int])] in
            guard slot.isConv else { return [(slot.name + ".weight", slot.shape), (slot.name + ".bias", [slot.shape[0]])] }
            let t = torchName(ofConv: slot.name), c = [slot.shape[0]]
            return [(t + ".conv.weight", slot.shape), (t + ".bn.weight", c), (t + ".bn.bias", c),
                    (t + ".bn.running_mean", c), (t + ".bn.running_var", c)]
        }
    }

    /// The torchvision preset run from `file`: its batch norms folded, auxiliary heads
    /// and `num_batches_tracked` ignored (inference needs neither). A missing, misshapen,
    /// non-finite or unknown tensor is a one-line `UserError` naming it.
    public static func network(from file: SafeTensors, source: String) throws -> InceptionNetwork {
        var description = inferenceDescription
        description.transformInput = file.metadata[transformInputKey]?.lowercased() != "false"
        func tensor(_ name: String, _ shape: [Int]) throws -> Tensor {
            guard let t = file[name] else { throw UserError("\(source): missing tensor \(name) (shape \(shape))") }
            guard t.shape == shape else { throw UserError("\(source): tensor \(name) has shape \(t.shape), expected \(shape)") }
            guard t.data.allSatisfy(\.isFinite) else { throw UserError("\(source): tensor \(name) holds a NaN or infinite value") }
            return t
        }
        var params = Parameters()
        for slot in try slots(description) {
            guard slot.isConv else {
                params.append(slot.name + ".weight", try tensor(slot.name + ".weight", slot.shape))
                params.append(slot.name + ".bias", try tensor(slot.name + ".bias", [slot.shape[0]]))
                continue
            }
            let t = torchName(ofConv: slot.name), c = [slot.shape[0]]
            let folded = try fold(weight: tensor(t + ".conv.weight", slot.shape), gamma: tensor(t + ".bn.weight", c),
                                  beta: tensor(t + ".bn.bias", c), mean: tensor(t + ".bn.running_mean", c),
                                  variance: tensor(t + ".bn.running_var", c))
            guard let folded else { throw UserError("\(source): tensor \(t).bn.running_var holds a negative variance") }
            params.append(slot.name + ".weight", folded.weight)
            params.append(slot.name + ".bias", folded.bias)
        }
        // Missing tensors are named first: a misnamed tensor is first of all a missing one.
        let expected = try tensorNames(description)
        let known = Set(expected.map(\.name))
        if let extra = file.tensors.first(where: { t in
            !known.contains(t.name) && !t.name.hasPrefix("aux1.") && !t.name.hasPrefix("aux2.")
        }) {
            throw UserError("\(source): unexpected tensor \(extra.name) for torchvision's GoogLeNet")
        }
        return try InceptionNetwork(description, parameters: params)
    }

    /// Batch norm in eval mode folded into the convolution before it (in double, rounded once).
    static func fold(weight: Tensor, gamma: Tensor, beta: Tensor, mean: Tensor, variance: Tensor) -> (weight: Tensor, bias: Tensor)? {
        let oc = weight.shape[0], perOut = weight.count / oc
        guard variance.data.allSatisfy({ Double($0) + batchNormEpsilon > 0 }) else { return nil }
        let scale = (0..<oc).map { Double(gamma.data[$0]) / (Double(variance.data[$0]) + batchNormEpsilon).squareRoot() }
        let w = weight.data.indices.map { Float(Double(weight.data[$0]) * scale[$0 / perOut]) }
        let b = (0..<oc).map { Float(Double(beta.data[$0]) - Double(mean.data[$0]) * scale[$0]) }
        return (Tensor(shape: weight.shape, data: w), Tensor(shape: [oc], data: b))
    }
}
