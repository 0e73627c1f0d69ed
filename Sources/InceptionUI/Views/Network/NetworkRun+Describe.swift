import InceptionCore

extension NetworkRun {
    /// The name of step `index` in the layer list: `stem`, `pool1`, `3a`, `GAP`, `linear`, `softmax`.
    func displayName(_ index: Int) -> String {
        switch layer(index)?.layer {
        case .inception(let m)?: m.name.short
        case .globalAvgPool?: "GAP"
        case .linear?: "linear"
        case .some(let other): other.name
        case nil: "softmax"
        }
    }

    /// What step `index` does, in a few words with its shapes: `3x3 conv + ReLU 1x32x32 → 16x32x32`.
    func summary(_ index: Int) -> String {
        guard let shaped = layer(index) else { return "softmax: logits → class probabilities" }
        let io = "\(shaped.input) → \(shaped.output.description)"
        let what: String
        switch shaped.layer {
        case .conv(let s): what = "\(s.kernel)x\(s.kernel) conv + ReLU"
        case .maxPool(let p): what = "\(p.kernel)x\(p.kernel)/\(p.stride) max pool"
        case .avgPool(let p): what = "\(p.kernel)x\(p.kernel)/\(p.stride) avg pool"
        case .inception: what = "Inception module"
        case .globalAvgPool: return "GAP: mean of each \(shaped.input.h)x\(shaped.input.w) map, \(shaped.input) → \(shaped.output.c)"
        case .flatten: return "flatten \(shaped.input) → \(shaped.output.count)"
        case .dropout: return "dropout (off when evaluating)"
        case .linear(_, let o): return "linear: \(shaped.input.count) features → \(o) logits"
        }
        return "\(displayName(index)): \(what)  \(io)"
    }

    /// The learned kernels behind step `index` (all of a conv layer, one branch of a module).
    func kernelsShown(step index: Int?, branch: String?) -> [(label: String, tensor: Tensor)] {
        guard let index, index < network.layerCount else { return [] }
        return network.kernels(layer: index, branch: branch)
    }
}
