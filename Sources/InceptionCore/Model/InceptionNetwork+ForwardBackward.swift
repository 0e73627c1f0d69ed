// The whole network, forward and backward: every layer in order, with the
// auxiliary heads reading the output of the module they follow. x is (n, c, h, w),
// the logits (n, classes).

extension InceptionNetwork {
    /// The whole network on a batch x (n, c, h, w). In training, dropout is on and
    /// the auxiliary heads run; in evaluation neither does.
    public func forward(_ x: Tensor, training: Bool, rng: inout SeededGenerator) -> ForwardPass {
        forward(x, training: training, keepBranches: true, rng: &rng)
    }

    /// The same; without `keepBranches` (evaluation only) the modules keep no branch
    /// tensors and copy nothing at their concatenation (`runLayer`).
    func forward(_ x: Tensor, training: Bool, keepBranches: Bool, rng: inout SeededGenerator) -> ForwardPass {
        var traces: [LayerTrace] = []
        var aux: [AuxTrace] = []
        var current = x
        for i in 0..<layerCount {
            let t = runLayer(i, current, training: training, keepBranches: keepBranches, rng: &rng)
            traces.append(t)
            current = t.output
            if training {
                for head in layout.aux where head.after == i {
                    aux.append(parameters.values.withUnsafeBufferPointer { P in
                        head.forward(current, rng: &rng, P.baseAddress!)
                    })
                }
            }
        }
        return ForwardPass(layers: traces, aux: aux)
    }

    /// Adds the gradient of `loss(pass, labels, auxWeight)` with respect to every
    /// parameter into `grads` (shaped like `parameters`).
    public func backward(_ pass: ForwardPass, labels: [Int32], auxWeight: Float, into grads: inout Parameters) {
        precondition(grads.entries == parameters.entries, "gradients do not match the parameters")
        parameters.values.withUnsafeBufferPointer { pbuf in
            grads.values.withUnsafeMutableBufferPointer { gbuf in
                backward(pass, labels: labels, auxWeight: auxWeight, pbuf.baseAddress!, gbuf.baseAddress!)
            }
        }
    }

    /// From the last layer to the first; an auxiliary head's input gradient joins
    /// the main one at the output of the module it follows.
    private func backward(_ pass: ForwardPass, labels: [Int32], auxWeight: Float,
                          _ P: UnsafePointer<Float>, _ G: UnsafeMutablePointer<Float>) {
        var dout = logitsGradient(pass.logits, labels: labels, scale: 1)
        for i in stride(from: layerCount - 1, through: 0, by: -1) {
            for (head, trace) in zip(layout.aux, pass.aux) where head.after == i {
                dout.withUnsafeMutableBufferPointer { d in
                    head.backward(trace, input: pass.layers[i].output, labels: labels, scale: auxWeight,
                                  dinp: d.baseAddress!, P, G)
                }
            }
            let t = pass.layers[i]
            var dinp = [Float](repeating: 0, count: i == 0 ? 0 : t.input.count)
            dinp.withUnsafeMutableBufferPointer { d in
                layerBackward(i, t, dout: dout, dinp: i == 0 ? nil : d.baseAddress!, P, G)
            }
            dout = dinp
        }
    }
}
