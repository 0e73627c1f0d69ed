/// Where each layer's tensors sit in a `Parameters` value: the offsets the model's
/// kernels read, built from a `NetworkDescription` so that any description (any
/// widths, either head, auxiliary heads) gets its parameters. Batch norm is folded
/// into the convolution before it (`TorchvisionStateDict`), so a batch-norm network's
/// convolutions carry the folded bias.
struct ParameterLayout {
    /// One convolution followed by ReLU, with its tensors' offsets. The input's
    /// height and width come from the tensor it runs on, so an image of another
    /// size than the description's (`run --no-resize`) runs through the same layout.
    struct Conv {
        let c: Int, oc: Int, kh: Int, kw: Int, stride: Int, padH: Int, padW: Int
        let weight: Int
        let bias: Int?
        /// The geometry over x (n, c, h, w).
        func geometry(_ x: Tensor) -> ConvGeometry {
            ConvGeometry(n: x.shape[0], c: c, h: x.shape[2], w: x.shape[3], oc: oc, kh: kh, kw: kw,
                         stride: stride, padH: padH, padW: padW)
        }
        /// `3x3`, `1x7`: the kernel as labels write it.
        var kernelLabel: String { "\(kh)x\(kw)" }
    }

    /// One fully connected layer: inp (n, i) -> out (n, o).
    struct Linear {
        let i: Int, o: Int
        let weight: Int
        let bias: Int
    }

    /// The four branches of a module; a removed branch is nil. A naive module
    /// has no reduce convolutions and no projection: its pool branch passes the
    /// pooled input through (`poolPassThrough`).
    struct Inception {
        let b1x1: Conv?
        let b3x3: KernelChain?
        let b5x5: KernelChain?
        let poolProj: Conv?
        let poolPassThrough: Bool
    }

    /// What each layer of the description runs.
    enum Layer {
        /// One convolution, or the paper's `reduce` row: a 1x1 then the kernel.
        case conv([Conv])
        case maxPool(PoolSpec)
        case avgPool(PoolSpec)
        case inception(Inception)
        case globalAvgPool
        case flatten
        case dropout(Float)
        case linear(Linear)
    }

    /// An auxiliary head and the index of the layer whose output it reads.
    struct Aux {
        let after: Int
        let pool: PoolSpec
        let conv: Conv
        let fc1: Linear
        let fc2: Linear
        let dropout: Float
    }

    /// The pool branch's window: 3x3, stride 1, "same" padding.
    static let branchPool = PoolSpec(name: "pool", kernel: 3, stride: 1, padding: 1)

    let layers: [Layer]
    let aux: [Aux]

    /// Lays out the tensors of `net` in state_dict order, each made by `make(name, shape, fanIn)`.
    /// Auxiliary heads come before the first linear layer, as PyTorch registers them.
    init(_ net: NetworkDescription, make: (String, [Int], Int) -> Int) throws {
        func conv(_ name: String, _ s: FeatureShape, oc: Int, k: Int, kw: Int? = nil, stride: Int = 1,
                  pad: Int = 0, padW: Int? = nil) -> Conv {
            let kw = kw ?? k
            let weight = make(name + ".weight", [oc, s.c, k, kw], s.c * k * kw)
            let bias = net.convBias || net.batchNorm ? make(name + ".bias", [oc], 0) : nil
            return Conv(c: s.c, oc: oc, kh: k, kw: kw, stride: stride, padH: pad, padW: padW ?? pad,
                        weight: weight, bias: bias)
        }
        func linear(_ name: String, i: Int, o: Int) -> Linear {
            let weight = make(name + ".weight", [o, i], i)
            return Linear(i: i, o: o, weight: weight, bias: make(name + ".bias", [o], 0))
        }
        let shaped = net.shapedLayers()
        var layers: [Layer] = []
        var aux: [Aux] = []
        var auxDone = false
        for item in shaped {
            let s = item.input
            if case .linear = item.layer, !auxDone {
                aux = try Self.auxHeads(net, shaped, conv: { conv($0, $1, oc: $2, k: $3, stride: $4, pad: $5) }, linear: linear)
                auxDone = true
            }
            switch item.layer {
            case .conv(let spec):
                if let r = spec.reduce {
                    let first = conv(spec.name + "_reduce", s, oc: r, k: 1)
                    let mid = FeatureShape(c: r, h: s.h, w: s.w)
                    let second = conv(spec.name, mid, oc: spec.outChannels, k: spec.kernel, stride: spec.stride, pad: spec.padding)
                    layers.append(.conv([first, second]))
                } else {
                    layers.append(.conv([conv(spec.name, s, oc: spec.outChannels, k: spec.kernel,
                                              stride: spec.stride, pad: spec.padding)]))
                }
            case .maxPool(let p): layers.append(.maxPool(p))
            case .avgPool(let p): layers.append(.avgPool(p))
            case .inception(let m):
                let w = m.widths, prefix = m.name.tensor + "."
                func branch(_ b: KernelBranch) -> KernelChain? {
                    let convs = CostModel(net).branchConvolutions(m, b, inChannels: s.c).map { bc in
                        conv(prefix + bc.tensorName, FeatureShape(c: bc.inChannels, h: s.h, w: s.w), oc: bc.outChannels,
                             k: bc.kernelHeight, kw: bc.kernelWidth, pad: bc.padding.h, padW: bc.padding.w)
                    }
                    guard let first = convs.first else { return nil }
                    // A naive module's kernel reads the input directly.
                    return m.naive ? KernelChain(reduce: nil, factors: convs)
                                   : KernelChain(reduce: first, factors: Array(convs.dropFirst()))
                }
                let b1 = w.n1x1 > 0 ? conv(prefix + "branch1x1", s, oc: w.n1x1, k: 1) : nil
                let b3 = branch(.b3x3)
                let b5 = branch(.b5x5)
                let pp = w.poolProj > 0 && !m.naive ? conv(prefix + "pool_proj", s, oc: w.poolProj, k: 1) : nil
                layers.append(.inception(Inception(b1x1: b1, b3x3: b3, b5x5: b5, poolProj: pp, poolPassThrough: m.naive)))
            case .globalAvgPool: layers.append(.globalAvgPool)
            case .flatten: layers.append(.flatten)
            case .dropout(_, let rate): layers.append(.dropout(Float(rate)))
            case .linear(let name, let o): layers.append(.linear(linear(name, i: s.count, o: o)))
            }
        }
        if !auxDone { aux = try Self.auxHeads(net, shaped, conv: { conv($0, $1, oc: $2, k: $3, stride: $4, pad: $5) }, linear: linear) }
        self.layers = layers
        self.aux = aux
    }

    private static func auxHeads(_ net: NetworkDescription, _ shaped: [ShapedLayer],
                                 conv: (String, FeatureShape, Int, Int, Int, Int) -> Conv,
                                 linear: (String, Int, Int) -> Linear) throws -> [Aux] {
        try net.auxHeads.map { head in
            guard let after = shaped.firstIndex(where: {
                if case .inception(let m) = $0.layer { m.name == head.after } else { false }
            }) else {
                throw UserError("auxiliary head \(head.name) follows module \(head.after), which the network does not have")
            }
            let s = shaped[after].output
            let pool = head.pool
            let pooled = FeatureShape(c: s.c, h: pool.outputSize(s.h), w: pool.outputSize(s.w))
            guard pooled.h > 0, pooled.w > 0 else {
                throw UserError("auxiliary head \(head.name): a \(s.h)x\(s.w) map is too small for its \(pool.kernel)x\(pool.kernel) pool")
            }
            let c = conv(head.name + ".conv", pooled, head.convOut, 1, 1, 0)
            let flat = head.convOut * pooled.h * pooled.w
            let fc1 = linear(head.name + ".fc1", flat, head.hidden)
            let fc2 = linear(head.name + ".fc2", head.hidden, net.classes)
            return Aux(after: after, pool: pool, conv: c, fc1: fc1, fc2: fc2, dropout: Float(head.dropout))
        }
    }
}
