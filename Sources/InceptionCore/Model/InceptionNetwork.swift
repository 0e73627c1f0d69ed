// The network type: a description, its parameters and their layout, and the check
// an input must pass. Running it is spread over files named after what they hold,
// each forward beside its backward: InceptionNetwork+Layers (one layer of any
// kind), +ForwardBackward (the whole network, auxiliary heads included), +Logits
// (a batch in parts on threads) and +Loss; a module's branches are in
// InceptionModule+ForwardBackward and KernelChain, an auxiliary head's layers in
// AuxHead+ForwardBackward, the tensor-level kernels in LayerKernels.

/// A network description with its parameters: runs forward (evaluation, or
/// training with auxiliary heads and dropout) and backward.
///
/// Any description runs: any widths, removed branches, factorised modules, either
/// head, the `reduce` conv row and auxiliary heads. Batch norm is not a layer of
/// its own: torchvision files have it folded into the convolutions at load, and
/// seeded weights are refused for such a network (it could not be trained here).
public struct InceptionNetwork: Sendable {
    public let description: NetworkDescription
    /// Set only inside the module: the layout's offsets index these values.
    public internal(set) var parameters: Parameters
    let layout: ParameterLayout

    // Both initialisers touch `AllocatorTuning.applied` first: see there why.

    /// A network with seeded He-normal weights (std sqrt(2 / fan_in)) and zero biases.
    public init(_ description: NetworkDescription, seed: UInt64) throws {
        AllocatorTuning.applied
        guard !description.batchNorm else {
            throw UserError("preset \(description.preset) uses batch norm, which the engine only runs from trained weights (--weights); use tiny or googlenet")
        }
        var rng = SeededGenerator(seed: seed)
        var params = Parameters()
        layout = try ParameterLayout(description) { name, shape, fanIn in
            let count = shape.reduce(1, *)
            let std = fanIn > 0 ? (2 / Float(fanIn)).squareRoot() : 0
            let data = (0..<count).map { _ in fanIn > 0 ? rng.nextNormal() * std : 0 }
            return params.append(name, Tensor(shape: shape, data: data))
        }
        self.description = description
        self.parameters = params
    }

    /// A network with given parameters, which must hold exactly the tensors the
    /// description needs, with the right shapes (the message names the first problem).
    public init(_ description: NetworkDescription, parameters: Parameters) throws {
        AllocatorTuning.applied
        var problem: String?
        var used = Set<String>()
        layout = try ParameterLayout(description) { name, shape, _ in
            used.insert(name)
            guard let e = parameters.entry(name) else {
                problem = problem ?? "missing tensor \(name) (shape \(shape))"
                return 0
            }
            if e.shape != shape { problem = problem ?? "tensor \(name) has shape \(e.shape), expected \(shape)" }
            return e.offset
        }
        if let extra = parameters.names.first(where: { !used.contains($0) }) {
            problem = problem ?? "unexpected tensor \(extra) for this network"
        }
        if let problem { throw UserError(problem) }
        self.description = description
        self.parameters = parameters
    }

    /// Throws a `UserError` unless images of `shape` can run through the network:
    /// the channel count must match, every layer must keep at least one position,
    /// and a fully connected head (whose weights fix the size) needs the trained size.
    public func validateInput(_ shape: FeatureShape) throws {
        let expected = description.input
        guard shape.c == expected.c else {
            throw UserError("the network reads \(expected.c)-channel images, not \(shape.c)-channel ones")
        }
        guard description.head == .gap || (shape.h == expected.h && shape.w == expected.w) else {
            throw UserError("the fully connected head needs \(expected.w)x\(expected.h) images, not \(shape.w)x\(shape.h); only the GAP head takes other sizes")
        }
        var resized = description
        resized.input = shape
        if let empty = resized.shapedLayers().first(where: { $0.output.h < 1 || $0.output.w < 1 }) {
            throw UserError("a \(shape.w)x\(shape.h) image is too small: nothing is left after \(empty.layer.name)")
        }
    }
}
