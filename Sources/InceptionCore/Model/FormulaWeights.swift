/// The deterministic weights and input of `googlenet_reference.py` (the bench's
/// reference script), so the full torchvision GoogLeNet exists without a 26 MB file:
/// tensor t (state_dict order, `num_batches_tracked` skipped), element j, gets
/// `u = (splitmix64((t << 32 | j) ^ seed) >> 40) / 2^24` and a value by the tensor's role.
public enum FormulaWeights {
    /// splitmix64's output function, wrapping.
    static func splitmix64(_ x: UInt64) -> UInt64 {
        var z = x &+ 0x9E37_79B9_7F4A_7C15
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// u in [0, 1) for element j of tensor t.
    static func uniform(t: UInt64, j: UInt64, seed: UInt64) -> Double {
        Double(splitmix64(((t << 32) | j) ^ seed) >> 40) / Double(1 << 24)
    }

    /// torchvision's GoogLeNet state_dict (`aux_logits=False`) as the formula makes it.
    public static func stateDict(seed: UInt64) throws -> SafeTensors {
        let entries = try TorchvisionStateDict.tensorNames(TorchvisionStateDict.inferenceDescription)
        let tensors = entries.enumerated().map { t, entry in
            let count = entry.shape.reduce(1, *)
            let role = value(for: entry.name, shape: entry.shape)
            let data = (0..<count).map { j in Float(role(uniform(t: UInt64(t), j: UInt64(j), seed: seed))) }
            return NamedTensor(name: entry.name, tensor: Tensor(shape: entry.shape, data: data))
        }
        return SafeTensors(tensors: tensors, metadata: [TorchvisionStateDict.weightsKey:
            "formula weights (googlenet_reference.py), seed \(seed): not trained, the classes mean nothing"])
    }

    /// The normalised input [1, 3, 224, 224]: s = 2u - 1 with t = 1,000,000.
    public static func input(seed: UInt64) -> Tensor {
        let count = 3 * 224 * 224
        let data = (0..<count).map { j in Float(2 * uniform(t: 1_000_000, j: UInt64(j), seed: seed) - 1) }
        return Tensor(shape: [1, 3, 224, 224], data: data)
    }

    /// The value of one element from its u, by the tensor's role.
    private static func value(for name: String, shape: [Int]) -> (Double) -> Double {
        if name.hasSuffix("running_var") { return { 0.75 + 0.5 * $0 } }
        if name.hasSuffix("running_mean") || name.hasSuffix("bn.bias") { return { 0.1 * (2 * $0 - 1) } }
        if name.hasSuffix("bn.weight") { return { 1 + 0.1 * (2 * $0 - 1) } }
        if shape.count == 1 { return { 0.01 * (2 * $0 - 1) } }
        let fanIn = Double(shape.dropFirst().reduce(1, *))
        let bound = (6 / fanIn).squareRoot()
        return { (2 * $0 - 1) * bound }
    }
}
