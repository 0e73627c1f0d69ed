/// A network description with its parameters: runs forward (evaluation, or
/// training with auxiliary heads and dropout) and backward.
///
/// Any description without batch norm runs: any widths, removed branches, either
/// head, the `reduce` conv row and auxiliary heads.
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

    /// The number of layers `runLayer` accepts (the description's layers).
    public var layerCount: Int { layout.layers.count }

    /// Runs layer `index` on x: (n, c, h, w), or (n, features) after GAP or flatten.
    /// Call `validateInput` first for images of another size than the description's.
    /// `rng` draws dropout masks, and is only used when `training`.
    public func runLayer(_ index: Int, _ input: Tensor, training: Bool, rng: inout SeededGenerator) -> LayerTrace {
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
                let (out, trace) = inceptionForward(m, x, training: training, P)
                return LayerTrace(input: x, output: out, module: trace)
            case .globalAvgPool:
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

    /// The whole network on a batch x (n, c, h, w). In training, dropout is on and
    /// the auxiliary heads run; in evaluation neither does.
    public func forward(_ x: Tensor, training: Bool, rng: inout SeededGenerator) -> ForwardPass {
        var traces: [LayerTrace] = []
        var aux: [AuxTrace] = []
        var current = x
        for i in 0..<layerCount {
            let t = runLayer(i, current, training: training, rng: &rng)
            traces.append(t)
            current = t.output
            if training {
                for head in layout.aux where head.after == i {
                    aux.append(auxForward(head, current, rng: &rng))
                }
            }
        }
        return ForwardPass(layers: traces, aux: aux)
    }

    /// The logits (n, classes) of a batch in evaluation mode, its parts on all cores.
    public func logits(_ x: Tensor) -> Tensor { logits(x, threads: BatchSplit.automaticThreads) }

    /// The logits on up to `threads` threads: the same bits for any count (`BatchSplit`).
    func logits(_ x: Tensor, threads: Int) -> Tensor {
        let split = BatchSplit(images: x.shape[0])
        let ranges = split.ranges
        var parts = [Tensor](repeating: Tensor(shape: [0]), count: ranges.count)
        parts.withUnsafeMutableBufferPointer { parts in
            split.forEachPart(threads: threads) { k in
                var rng = SeededGenerator(seed: 0)
                parts[k] = forward(x.images(ranges[k]), training: false, rng: &rng).logits
            }
        }
        return Tensor.joining(parts)
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

    private func backward(_ pass: ForwardPass, labels: [Int32], auxWeight: Float,
                          _ P: UnsafePointer<Float>, _ G: UnsafeMutablePointer<Float>) {
        var dout = logitsGradient(pass.logits, labels: labels, scale: 1)
        for i in stride(from: layerCount - 1, through: 0, by: -1) {
            for (head, trace) in zip(layout.aux, pass.aux) where head.after == i {
                let dAux = auxBackward(head, trace, input: pass.layers[i].output, labels: labels,
                                       scale: auxWeight, P, G)
                for k in dout.indices { dout[k] += dAux[k] }
            }
            let t = pass.layers[i]
            var dinp = [Float](repeating: 0, count: i == 0 ? 0 : t.input.count)
            dinp.withUnsafeMutableBufferPointer { d in
                layerBackward(i, t, dout: dout, dinp: i == 0 ? nil : d.baseAddress!, P, G)
            }
            dout = dinp
        }
    }

    private func layerBackward(_ index: Int, _ t: LayerTrace, dout: [Float], dinp: UnsafeMutablePointer<Float>?,
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
            inceptionBackward(m, t, dout: dout, dinp: dinp, P, G)
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

    // MARK: Inception module

    private func inceptionForward(_ m: ParameterLayout.Inception, _ x: Tensor, training: Bool,
                                  _ P: UnsafePointer<Float>) -> (Tensor, ModuleTrace) {
        var t = ModuleTrace()
        t.branch1x1 = m.b1x1?.forward(x, P)
        t.kernel3x3 = m.b3x3?.forward(x, P)
        t.kernel5x5 = m.b5x5?.forward(x, P)
        if m.poolProj != nil || m.poolPassThrough {
            if training {
                (t.pooled, t.poolWinners) = maxPoolKeepingWinners(x, ParameterLayout.branchPool)
            } else {
                t.pooled = pool(x, ParameterLayout.branchPool, max: true)
            }
            t.poolProj = m.poolProj?.forward(t.pooled!, P)
        }
        let parts = t.concatenatedParts
        let (n, h, w) = (x.shape[0], x.shape[2], x.shape[3])
        let total = parts.reduce(0) { $0 + $1.shape[1] }
        let out = Tensor(shape: [n, total, h, w]) { out in
            withConcatParts(parts) { ptrs in
                concatForward(out: out, parts: ptrs, n: n, hw: h * w)
            }
        }
        return (out, t)
    }

    private func inceptionBackward(_ m: ParameterLayout.Inception, _ lt: LayerTrace, dout: [Float],
                                   dinp: UnsafeMutablePointer<Float>?,
                                   _ P: UnsafePointer<Float>, _ G: UnsafeMutablePointer<Float>) {
        let t = lt.module!, x = lt.input
        let parts = t.concatenatedParts
        let (grads, starts) = splitGradient(dout, channels: parts.map { $0.shape[1] }, n: x.shape[0],
                                            hw: x.shape[2] * x.shape[3])
        grads.withUnsafeBufferPointer { grads in
            var k = 0
            func next() -> UnsafePointer<Float> {
                defer { k += 1 }
                return grads.baseAddress! + starts[k]
            }
            if let b = m.b1x1 {
                b.backward(dout: next(), inp: x, out: t.branch1x1!, dinp: dinp, P, G)
            }
            for (branch, trace) in [(m.b3x3, t.kernel3x3), (m.b5x5, t.kernel5x5)] {
                guard let branch, let trace else { continue }
                branch.backward(dout: next(), x: x, trace, dinp: dinp, P, G)
            }
            if let pooled = t.pooled {
                var dpooled: [Float]
                if let pp = m.poolProj {
                    dpooled = [Float](repeating: 0, count: pooled.count)
                    pp.backward(dout: next(), inp: pooled, out: t.poolProj!, dinp: &dpooled, P, G)
                } else {
                    // Naive: the pooled input itself is part of the output.
                    dpooled = Array(UnsafeBufferPointer(start: next(), count: pooled.count))
                }
                if let dinp {
                    poolBackward(dout: dpooled, x: x, out: pooled, ParameterLayout.branchPool, max: true,
                                 winners: t.poolWinners, dinp: dinp)
                }
            }
        }
    }

    // MARK: Auxiliary heads, dropout, loss

    private func auxForward(_ head: ParameterLayout.Aux, _ x: Tensor, rng: inout SeededGenerator) -> AuxTrace {
        parameters.values.withUnsafeBufferPointer { buffer in
            let P = buffer.baseAddress!
            let pooled = pool(x, head.pool, max: false)
            let conv = head.conv.forward(pooled, P)
            let hidden = head.fc1.forward(flattened(conv), relu: true, P)
            let (dropped, mask) = dropout(hidden, rate: head.dropout, rng: &rng)
            let logits = head.fc2.forward(dropped, relu: false, P)
            return AuxTrace(pooled: pooled, conv: conv, hidden: hidden, mask: mask, dropped: dropped, logits: logits)
        }
    }

    /// Backward through an auxiliary head; returns the gradient of its input.
    private func auxBackward(_ head: ParameterLayout.Aux, _ t: AuxTrace, input: Tensor, labels: [Int32], scale: Float,
                             _ P: UnsafePointer<Float>, _ G: UnsafeMutablePointer<Float>) -> [Float] {
        let dlogits = logitsGradient(t.logits, labels: labels, scale: scale)
        var ddropped = [Float](repeating: 0, count: t.dropped.count)
        head.fc2.backward(dout: dlogits, inp: t.dropped, out: t.logits, relu: false, dinp: &ddropped, P, G)
        var dhidden = [Float](repeating: 0, count: t.hidden.count)
        dropoutBackward(dinp: &dhidden, dout: ddropped, mask: t.mask.data, count: ddropped.count)
        var dconv = [Float](repeating: 0, count: t.conv.count)
        head.fc1.backward(dout: dhidden, inp: flattened(t.conv), out: t.hidden, relu: true, dinp: &dconv, P, G)
        var dpooled = [Float](repeating: 0, count: t.pooled.count)
        head.conv.backward(dout: dconv, inp: t.pooled, out: t.conv, dinp: &dpooled, P, G)
        var dx = [Float](repeating: 0, count: input.count)
        poolBackward(dout: dpooled, x: input, out: t.pooled, head.pool, max: false, dinp: &dx)
        return dx
    }

    /// The training loss of a forward pass: CE(main) + auxWeight x CE(each auxiliary head).
    public func loss(_ pass: ForwardPass, labels: [Int32], auxWeight: Float) -> Float {
        let ce = { (logits: Tensor) in
            crossEntropyForward(logits: logits.data, labels: labels, n: logits.shape[0], k: logits.shape[1])
        }
        return pass.auxLogits.reduce(ce(pass.logits)) { $0 + auxWeight * ce($1) }
    }
}

/// scale * d(mean cross-entropy)/d(logits) for logits (n, k).
private func logitsGradient(_ logits: Tensor, labels: [Int32], scale: Float) -> [Float] {
    let (n, k) = (logits.shape[0], logits.shape[1])
    var probs = [Float](repeating: 0, count: logits.count)
    softmaxForward(probs: &probs, logits: logits.data, n: n, k: k)
    var d = [Float](repeating: 0, count: logits.count)
    crossEntropyBackward(dlogits: &d, probs: probs, labels: labels, n: n, k: k, scale: scale)
    return d
}

/// Inverted dropout of x; returns the output and the mask.
private func dropout(_ x: Tensor, rate: Float, rng: inout SeededGenerator) -> (Tensor, Tensor) {
    var out = Tensor(shape: x.shape)
    var mask = Tensor(shape: x.shape)
    dropoutForward(out: &out.data, mask: &mask.data, inp: x.data, count: x.count, rate: rate, rng: &rng)
    return (out, mask)
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

/// Splits dout (n, sum c_k, h, w) into one gradient per part (n, c_k, h, w), the
/// parts one after another in one buffer; returns it and where each part starts.
/// The branches read their part in place, so it is copied once.
private func splitGradient(_ dout: [Float], channels: [Int], n: Int, hw: Int) -> ([Float], [Int]) {
    let sizes = channels.map { n * $0 * hw }
    var offset = 0
    let starts = sizes.map { size in
        defer { offset += size }
        return offset
    }
    var flat = [Float](repeating: 0, count: offset)
    flat.withUnsafeMutableBufferPointer { p in
        concatBackward(dparts: starts.map { p.baseAddress! + $0 }, channels: channels, dout: dout, n: n, hw: hw)
    }
    return (flat, starts)
}
