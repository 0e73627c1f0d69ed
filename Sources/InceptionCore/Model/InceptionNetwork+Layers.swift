// One layer of the network, forward and backward: the dispatch from a layer of the
// `ParameterLayout` to its kernels. Feature maps are x (n, c, h, w); after GAP or
// flatten, (n, features). P points at the parameters, G at their gradients.

extension InceptionNetwork {
    /// The number of layers `runLayer` accepts (the description's layers).
    public var layerCount: Int { layout.layers.count }

    /// Runs layer `index` on x: (n, c, h, w), or (n, features) after GAP or flatten.
    /// Call `validateInput` first for images of another size than the description's.
    /// `rng` draws dropout masks, and is only used when `training`.
    public func runLayer(_ index: Int, _ input: Tensor, training: Bool, rng: inout SeededGenerator) -> LayerTrace {
        runLayer(index, input, training: training, keepBranches: true, rng: &rng)
    }

    /// The same; without `keepBranches` (evaluation only) a module's trace is nil and
    /// its branches write the concatenated output in place (`Inception.output`).
    func runLayer(_ index: Int, _ input: Tensor, training: Bool, keepBranches: Bool,
                  rng: inout SeededGenerator) -> LayerTrace {
        precondition(keepBranches || !training, "a training pass keeps every branch for the backward pass")
        let x = index == 0 ? description.transformedInput(input) : input
        return parameters.values.withUnsafeBufferPointer { buffer in
            let P = buffer.baseAddress!
            switch layout.layers[index] {
            case .conv(let convs):
                let first = convs[0].forward(x, P)
                if convs.count == 1 { return LayerTrace(input: x, output: first, module: nil) }
                return LayerTrace(input: x, output: convs[1].forward(first, P), module: nil, reduced: first)
            case .maxPool(let p):
                guard training else { return LayerTrace(input: x, output: pool(x, p, max: true), module: nil) }
                let (out, winners) = maxPoolKeepingWinners(x, p)
                return LayerTrace(input: x, output: out, module: nil, poolWinners: winners)
            case .avgPool(let p):
                return LayerTrace(input: x, output: pool(x, p, max: false), module: nil)
            case .inception(let m):
                guard keepBranches else { return LayerTrace(input: x, output: m.output(x, P), module: nil) }
                let (out, trace) = m.forward(x, training: training, P)
                return LayerTrace(input: x, output: out, module: trace)
            case .globalAvgPool:
                // (n, c, h, w) -> (n, c)
                let out = Tensor(shape: [x.shape[0], x.shape[1]]) { out in
                    globalAvgPoolForward(out: out, inp: x.data, planes: x.shape[0] * x.shape[1],
                                         hw: x.count / (x.shape[0] * x.shape[1]))
                }
                return LayerTrace(input: x, output: out, module: nil)
            case .flatten:
                return LayerTrace(input: x, output: flattened(x), module: nil)
            case .dropout(let rate):
                guard training else { return LayerTrace(input: x, output: x, module: nil) }
                let (out, mask) = dropout(x, rate: rate, rng: &rng)
                return LayerTrace(input: x, output: out, module: nil, dropoutMask: mask)
            case .linear(let l):
                let features = flattened(x)
                precondition(features.shape[1] == l.i, "\(features.shape[1]) features for a linear layer of \(l.i) inputs")
                return LayerTrace(input: x, output: l.forward(features, relu: false, P), module: nil)
            }
        }
    }

    /// Given dout (the gradient of layer `index`'s output, shaped like `t.output`),
    /// adds into the layer's parameter gradients and, unless nil, into dinp (shaped
    /// like `t.input`; nil for layer 0, whose input needs no gradient).
    func layerBackward(_ index: Int, _ t: LayerTrace, dout: [Float], dinp: UnsafeMutablePointer<Float>?,
                       _ P: UnsafePointer<Float>, _ G: UnsafeMutablePointer<Float>) {
        switch layout.layers[index] {
        case .conv(let convs):
            if convs.count == 1 {
                convs[0].backward(dout: dout, inp: t.input, out: t.output, dinp: dinp, P, G)
            } else {
                let mid = t.reduced!
                var dmid = [Float](repeating: 0, count: mid.count)
                convs[1].backward(dout: dout, inp: mid, out: t.output, dinp: &dmid, P, G)
                convs[0].backward(dout: dmid, inp: t.input, out: mid, dinp: dinp, P, G)
            }
        case .maxPool(let p):
            if let dinp {
                poolBackward(dout: dout, x: t.input, out: t.output, p, max: true, winners: t.poolWinners, dinp: dinp)
            }
        case .avgPool(let p):
            if let dinp { poolBackward(dout: dout, x: t.input, out: t.output, p, max: false, dinp: dinp) }
        case .inception(let m):
            m.backward(t, dout: dout, dinp: dinp, P, G)
        case .globalAvgPool:
            let planes = t.input.shape[0] * t.input.shape[1]
            if let dinp { globalAvgPoolBackward(dinp: dinp, dout: dout, planes: planes, hw: t.input.count / planes) }
        case .flatten:
            if let dinp { for k in dout.indices { dinp[k] += dout[k] } }
        case .dropout:
            guard let dinp else { return }
            if let mask = t.dropoutMask {
                dropoutBackward(dinp: dinp, dout: dout, mask: mask.data, count: dout.count)
            } else {
                for k in dout.indices { dinp[k] += dout[k] }
            }
        case .linear(let l):
            l.backward(dout: dout, inp: flattened(t.input), out: t.output, relu: false, dinp: dinp, P, G)
        }
    }
}
