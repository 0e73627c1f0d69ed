// One Inception module, forward and backward: four branches read the same input
// x (n, c, h, w) and keep its h and w; their outputs are concatenated along the
// channels, (n, c_1x1 + c_3x3 + c_5x5 + c_pool, h, w). The 3x3 and 5x5 branches
// run as a `KernelChain`; the pool branch is the 3x3/1 max pool, then its 1x1
// projection (or, in a naive module, the pooled input itself).

extension ParameterLayout.Inception {
    /// The module on x (n, c, h, w): its concatenated output and every branch's
    /// tensors. A training pass keeps the branch pool's winners for the backward pass.
    func forward(_ x: Tensor, training: Bool, _ P: UnsafePointer<Float>) -> (Tensor, ModuleTrace) {
        var t = ModuleTrace()
        t.branch1x1 = b1x1?.forward(x, P)
        t.kernel3x3 = b3x3?.forward(x, P)
        t.kernel5x5 = b5x5?.forward(x, P)
        if poolProj != nil || poolPassThrough {
            if training {
                (t.pooled, t.poolWinners) = maxPoolKeepingWinners(x, ParameterLayout.branchPool)
            } else {
                t.pooled = pool(x, ParameterLayout.branchPool, max: true)
            }
            t.poolProj = poolProj?.forward(t.pooled!, P)
        }
        return (concatenated(t.concatenatedParts), t)
    }

    /// The concatenated output alone, in evaluation: each branch's last convolution
    /// (or, in a naive module, the pooled input) fills its channels of the output in
    /// place, so nothing is copied at the concatenation and no branch tensor is kept.
    func output(_ x: Tensor, _ P: UnsafePointer<Float>) -> Tensor {
        let (n, c, hw) = (x.shape[0], x.shape[1], x.shape[2] * x.shape[3])
        let poolChannels = poolProj?.oc ?? (poolPassThrough ? c : 0)
        let channels = (b1x1?.oc ?? 0) + (b3x3?.outChannels ?? 0) + (b5x5?.outChannels ?? 0) + poolChannels
        let imageStride = channels * hw
        return Tensor(shape: [n, channels, x.shape[2], x.shape[3]]) { out in
            // The branches fill their channels in concatenation order.
            var at = out
            if let b = b1x1 {
                b.forward(x, P, into: at, imageStride: imageStride)
                at += b.oc * hw
            }
            for chain in [b3x3, b5x5] {
                guard let chain else { continue }
                chain.forward(x, P, into: at, imageStride: imageStride)
                at += chain.outChannels * hw
            }
            guard poolChannels > 0 else { return }
            let pooled = pool(x, ParameterLayout.branchPool, max: true)
            if let pp = poolProj { return pp.forward(pooled, P, into: at, imageStride: imageStride) }
            pooled.data.withUnsafeBufferPointer { pooled in
                for b in 0..<n { copyFloats(at + b * imageStride, pooled.baseAddress! + b * c * hw, c * hw) }
            }
        }
    }

    /// Given dout (the gradient of the concatenated output), adds into every
    /// branch's parameter gradients and, unless nil, into dinp (shaped like the
    /// module input `lt.input`): each branch adds its share, reading its channels
    /// of dout in place.
    func backward(_ lt: LayerTrace, dout: [Float], dinp: UnsafeMutablePointer<Float>?,
                  _ P: UnsafePointer<Float>, _ G: UnsafeMutablePointer<Float>) {
        let t = lt.module!, x = lt.input
        dout.withUnsafeBufferPointer { dout in
            // The branches take their parts in concatenation order.
            var parts = concatParts(dout.baseAddress!, channels: t.concatenatedParts.map { $0.shape[1] },
                                    n: x.shape[0], hw: x.shape[2] * x.shape[3])[...]
            if let b = b1x1 {
                b.backward(dout: parts.removeFirst(), inp: x, out: t.branch1x1!, dinp: dinp, P, G)
            }
            for (branch, trace) in [(b3x3, t.kernel3x3), (b5x5, t.kernel5x5)] {
                guard let branch, let trace else { continue }
                branch.backward(dout: parts.removeFirst(), x: x, trace, dinp: dinp, P, G)
            }
            if let pooled = t.pooled {
                var dpooled: [Float]
                if let pp = poolProj {
                    dpooled = [Float](repeating: 0, count: pooled.count)
                    pp.backward(dout: parts.removeFirst(), inp: pooled, out: t.poolProj!, dinp: &dpooled, P, G)
                } else {
                    // Naive: the pooled input itself is part of the output.
                    dpooled = parts.removeFirst().gathered()
                }
                if let dinp {
                    poolBackward(dout: dpooled, x: x, out: pooled, ParameterLayout.branchPool, max: true,
                                 winners: t.poolWinners, dinp: dinp)
                }
            }
        }
    }
}
