// Tensor-level wrappers of the layer kernels, as the model calls them: they
// allocate outputs, take the parameter pointer P or the gradient pointer G plus
// the offsets of a ParameterLayout, and keep the kernels' accumulate contract.

extension ParameterLayout.Conv {
    /// relu(conv(x)) for x (n, c, h, w).
    func forward(_ x: Tensor, _ P: UnsafePointer<Float>) -> Tensor {
        let g = geometry(x)
        return Tensor(shape: [g.n, g.oc, g.oh, g.ow]) { o in forward(x, P, into: o, imageStride: g.oc * g.oh * g.ow) }
    }

    /// relu(conv(x)), image b's output written at out + b · imageStride.
    func forward(_ x: Tensor, _ P: UnsafePointer<Float>, into out: UnsafeMutablePointer<Float>, imageStride: Int) {
        conv2dForward(out: out, inp: x.data, weight: P + weight, bias: bias.map { P + $0 }, geometry(x), relu: true,
                      outImageStride: imageStride)
    }

    /// Given dout (the gradient of relu's output `out`, shaped like it, read in
    /// place), adds into the weight and bias gradients and, unless nil, into dinp
    /// (shaped like `inp`). The bias gradient is summed in the ReLU pass.
    func backward(dout: ImageRuns, inp: Tensor, out: Tensor, dinp: UnsafeMutablePointer<Float>?,
                  _ P: UnsafePointer<Float>, _ G: UnsafeMutablePointer<Float>) {
        let g = geometry(inp)
        let dpre = reluGradient(dout: dout, out: out.data, positions: g.oh * g.ow, bias: bias.map { (G + $0, g.oc) })
        conv2dBackward(dinp: dinp, dweight: G + weight, dbias: nil, dout: dpre, inp: inp.data, weight: P + weight, g)
    }

    /// The same for a contiguous dout.
    func backward(dout: [Float], inp: Tensor, out: Tensor, dinp: UnsafeMutablePointer<Float>?,
                  _ P: UnsafePointer<Float>, _ G: UnsafeMutablePointer<Float>) {
        dout.withUnsafeBufferPointer { d in
            backward(dout: ImageRuns(contiguous: d.baseAddress!, count: d.count), inp: inp, out: out, dinp: dinp, P, G)
        }
    }
}

extension ParameterLayout.Linear {
    /// x (n, i) · W^T + b, optionally followed by ReLU.
    func forward(_ x: Tensor, relu: Bool, _ P: UnsafePointer<Float>) -> Tensor {
        let n = x.shape[0]
        return Tensor(shape: [n, o]) { p in
            linearForward(out: p, inp: x.data, weight: P + weight, bias: P + bias, n: n, i: i, o: o)
            if relu { reluForward(out: p, inp: p, count: n * o) }
        }
    }

    /// Adds the gradients of `forward`; with `relu`, dout is the gradient of relu's output `out`.
    func backward(dout: [Float], inp: Tensor, out: Tensor, relu: Bool, dinp: UnsafeMutablePointer<Float>?,
                  _ P: UnsafePointer<Float>, _ G: UnsafeMutablePointer<Float>) {
        let d = relu ? dout.withUnsafeBufferPointer { d in
            reluGradient(dout: ImageRuns(contiguous: d.baseAddress!, count: d.count), out: out.data, positions: o, bias: nil)
        } : dout
        linearBackward(dinp: dinp, dweight: G + weight, dbias: G + bias, dout: d, inp: inp.data,
                       weight: P + weight, n: inp.shape[0], i: i, o: o)
    }
}

/// The pooling geometry of `window` over x (n, c, h, w).
func poolGeometry(_ x: Tensor, _ window: PoolSpec) -> PoolGeometry {
    PoolGeometry(n: x.shape[0], c: x.shape[1], h: x.shape[2], w: x.shape[3], window: window)
}

/// Max or average pooling of x (n, c, h, w).
func pool(_ x: Tensor, _ window: PoolSpec, max isMax: Bool) -> Tensor {
    let g = poolGeometry(x, window)
    return Tensor(shape: [g.n, g.c, g.oh, g.ow]) { out in
        if isMax {
            maxPool2dForward(out: out, inp: x.data, g)
        } else {
            avgPool2dForward(out: out, inp: x.data, g)
        }
    }
}

/// Max pooling of x (n, c, h, w) that also returns each window's winner, which
/// spares the backward pass the search for it.
func maxPoolKeepingWinners(_ x: Tensor, _ window: PoolSpec) -> (Tensor, [Int32]) {
    let g = poolGeometry(x, window)
    let count = g.planes * g.oh * g.ow
    var winners: [Int32] = []
    // The kernel writes every output and every winner: neither is zeroed first.
    let out = Tensor(shape: [g.n, g.c, g.oh, g.ow]) { out in
        winners = [Int32](unsafeUninitializedCapacity: count) { w, initialized in
            maxPool2dForward(out: out, winners: w.baseAddress!, inp: x.data, g)
            initialized = count
        }
    }
    return (out, winners)
}

/// Adds the gradient of `pool` (which gave `out` for x) into dinp (shaped like x);
/// from the winners, when a training pass kept them.
func poolBackward(dout: [Float], x: Tensor, out: Tensor, _ window: PoolSpec, max isMax: Bool,
                  winners: [Int32]? = nil, dinp: UnsafeMutablePointer<Float>) {
    let g = poolGeometry(x, window)
    if isMax, let winners {
        maxPool2dBackward(dinp: dinp, dout: dout, winners: winners, g)
    } else if isMax {
        maxPool2dBackward(dinp: dinp, dout: dout, inp: x.data, out: out.data, g)
    } else {
        avgPool2dBackward(dinp: dinp, dout: dout, g)
    }
}

/// The same tensor seen as (n, features): flatten in C,H,W order is only a reshape.
func flattened(_ x: Tensor) -> Tensor {
    x.reshaped([x.shape[0], x.count / x.shape[0]])
}

/// Inverted dropout of x; returns the output and the mask (both shaped like x).
func dropout(_ x: Tensor, rate: Float, rng: inout SeededGenerator) -> (Tensor, Tensor) {
    var out = Tensor(shape: x.shape)
    var mask = Tensor(shape: x.shape)
    dropoutForward(out: &out.data, mask: &mask.data, inp: x.data, count: x.count, rate: rate, rng: &rng)
    return (out, mask)
}

/// The parts (n, c_k, h, w), all of one n, h and w, joined along the channels:
/// (n, sum c_k, h, w).
func concatenated(_ parts: [Tensor]) -> Tensor {
    let (n, h, w) = (parts[0].shape[0], parts[0].shape[2], parts[0].shape[3])
    let total = parts.reduce(0) { $0 + $1.shape[1] }
    return Tensor(shape: [n, total, h, w]) { out in
        withConcatParts(parts) { ptrs in
            concatForward(out: out, parts: ptrs, n: n, hw: h * w)
        }
    }
}

/// Calls body with a ConcatPart for each tensor (pointers valid inside body only).
private func withConcatParts<R>(_ tensors: [Tensor], _ body: ([ConcatPart]) -> R) -> R {
    func go(_ i: Int, _ acc: [ConcatPart]) -> R {
        if i == tensors.count { return body(acc) }
        return tensors[i].data.withUnsafeBufferPointer { p in
            go(i + 1, acc + [ConcatPart(p.baseAddress!, channels: tensors[i].shape[1])])
        }
    }
    return go(0, [])
}
