/// Counts a `NetworkDescription`: per layer and per branch, for the 1x1-reduced
/// design and the naive one. It reads the same description the engine runs, and
/// the shapes come from `shapedLayers`, so counts follow every `--set` change.
public struct CostModel: Sendable {
    public let network: NetworkDescription

    public init(_ network: NetworkDescription) { self.network = network }

    /// Every layer's cost. The naive columns are the per-module reading (each
    /// naive module reads the reduced network's input) unless `wholeNaive`, where
    /// every module is naive and its wider output feeds the next layer, so the
    /// channel growth compounds.
    public func layers(wholeNaive: Bool = false) -> [LayerCost] {
        let reduced = network.shapedLayers()
        let naiveShapes = wholeNaive ? network.shapedLayers(wholeNaive: true) : reduced
        return zip(reduced, naiveShapes).map { r, n in
            let naiveOutput: FeatureShape
            if case .inception(let m) = r.layer, !wholeNaive {
                naiveOutput = FeatureShape(c: m.widths.naiveOutChannels(inChannels: r.input.c), h: r.output.h, w: r.output.w)
            } else {
                naiveOutput = n.output
            }
            return LayerCost(layer: r.layer, input: r.input, output: r.output,
                             naiveInput: n.input, naiveOutput: naiveOutput,
                             branches: branches(r.layer, input: r.input, output: r.output, naive: false),
                             naiveBranches: branches(n.layer, input: n.input, output: naiveOutput, naive: true))
        }
    }

    /// Sum over every layer of the reduced and the naive design.
    public func totals(wholeNaive: Bool = false) -> (reduced: CostBreakdown, naive: CostBreakdown) {
        layers(wholeNaive: wholeNaive).reduce((CostBreakdown.zero, CostBreakdown.zero)) { ($0.0 + $1.reduced, $0.1 + $1.naive) }
    }

    /// The auxiliary classifiers (training only, so never in the network totals).
    public func auxHeads() -> [AuxHeadCost] {
        network.auxHeads.compactMap { spec in
            guard let input = network.outputShape(ofModule: spec.after) else { return nil }
            let pool = spec.pool
            let pooled = FeatureShape(c: input.c, h: pool.outputSize(input.h), w: pool.outputSize(input.w))
            let conv = FeatureShape(c: spec.convOut, h: pooled.h, w: pooled.w)
            let hidden = FeatureShape(c: spec.hidden, h: 1, w: 1)
            let classes = FeatureShape(c: network.classes, h: 1, w: 1)
            func layer(_ suffix: String, _ kind: String, _ out: FeatureShape, _ cost: CostBreakdown) -> AuxLayerCost {
                AuxLayerCost(name: spec.name + "." + suffix, kind: kind, output: out, cost: cost)
            }
            return AuxHeadCost(spec: spec, input: input, layers: [
                layer("pool", "avgpool", pooled, .pool(input: input)),
                layer("conv", "conv", conv, convCost(input.c, spec.convOut, 1, positions: conv.h * conv.w)),
                layer("fc1", "linear", hidden, .linear(inFeatures: conv.count, outFeatures: spec.hidden, relu: true)),
                layer("dropout", "dropout", hidden, .zero),
                layer("fc2", "linear", classes, .linear(inFeatures: spec.hidden, outFeatures: network.classes, relu: false)),
            ])
        }
    }

    /// A convolution of this network (its bias and batch-norm settings), ReLU after.
    func convCost(_ inChannels: Int, _ outChannels: Int, _ kernel: Int, kernelWidth: Int? = nil,
                  positions: Int) -> CostBreakdown {
        .conv(inChannels: inChannels, outChannels: outChannels, kernel: kernel, kernelWidth: kernelWidth,
              positions: positions, bias: network.convBias, batchNorm: network.batchNorm)
    }

    private func branches(_ layer: LayerSpec, input: FeatureShape, output: FeatureShape, naive: Bool) -> [BranchCost] {
        let positions = output.h * output.w
        switch layer {
        case .conv(let s):
            guard let r = s.reduce else {
                return [BranchCost(name: s.name, cost: convCost(input.c, s.outChannels, s.kernel, positions: positions))]
            }
            // The reduce runs at the input's resolution, before the strided kernel.
            return [
                BranchCost(name: "\(s.name) reduce", cost: convCost(input.c, r, 1, positions: input.h * input.w)),
                BranchCost(name: s.name, cost: convCost(r, s.outChannels, s.kernel, positions: positions)),
            ]
        case .maxPool, .avgPool, .globalAvgPool:
            return [BranchCost(name: layer.name, cost: .pool(input: input))]
        case .flatten, .dropout:
            return [BranchCost(name: layer.name, cost: .zero)]
        case .linear(_, let n):
            return [BranchCost(name: layer.name, cost: .linear(inFeatures: input.count, outFeatures: n, relu: false))]
        case .inception(let m):
            // A module built naive runs naive in both readings.
            var spec = m
            spec.naive = naive || m.naive
            return moduleBranches(spec, input: input)
        }
    }

    /// One module's branches in concatenation order, each convolution of the 3x3
    /// and 5x5 branches its own row (`CostModel.branchConvolutions`). A naive
    /// module has no reduce and no projection: its pool branch passes every input
    /// channel through, so it is never removed.
    public func moduleBranches(_ m: InceptionSpec, input: FeatureShape) -> [BranchCost] {
        let p = input.h * input.w, c = input.c
        var out: [BranchCost] = []
        func add(_ name: String, _ cost: CostBreakdown) { out.append(BranchCost(name: name, cost: cost)) }
        if m.widths.n1x1 > 0 { add("1x1", convCost(c, m.widths.n1x1, 1, positions: p)) }
        for conv in KernelBranch.allCases.flatMap({ branchConvolutions(m, $0, inChannels: c) }) {
            add(conv.label, convCost(conv.inChannels, conv.outChannels, conv.kernelHeight,
                                     kernelWidth: conv.kernelWidth, positions: p))
        }
        if m.naive || m.widths.poolProj > 0 { add("pool", .pool(input: input)) }
        if !m.naive && m.widths.poolProj > 0 { add("pool proj", convCost(c, m.widths.poolProj, 1, positions: p)) }
        return out
    }

    /// The convolutions of one kernel branch of `m` in this network (whose "5x5"
    /// kernel is `branch5x5Kernel`).
    public func branchConvolutions(_ m: InceptionSpec, _ branch: KernelBranch, inChannels: Int) -> [BranchConv] {
        m.convolutions(of: branch, kernel: branch == .b3x3 ? 3 : network.branch5x5Kernel, inChannels: inChannels)
    }
}
