/// The shape of a feature map between layers: channels, height, width.
/// A feature vector (after flatten or GAP) is `c` features with `h == w == 1`.
public struct FeatureShape: Hashable, Codable, Sendable, CustomStringConvertible {
    public var c: Int
    public var h: Int
    public var w: Int

    public init(c: Int, h: Int, w: Int) {
        self.c = c
        self.h = h
        self.w = w
    }

    public var count: Int { c * h * w }
    public var description: String { "\(c)x\(h)x\(w)" }
}

/// Which head turns the last feature maps into class scores.
public enum HeadKind: String, Codable, Sendable, CaseIterable {
    /// Global average pooling, then one linear layer: parameters independent of the input size.
    case gap
    /// Flatten C,H,W, then one fully connected layer: its weights grow with H and W.
    case fc
}

/// One value that describes a whole network; the engine runs it and the cost
/// model counts it, so the two can never disagree.
public struct NetworkDescription: Hashable, Codable, Sendable {
    /// The preset it started from (`tiny`, `googlenet`, `torchvision`).
    public var preset: String
    public var input: FeatureShape
    public var classes: Int
    public var layers: [LayerSpec]
    public var auxHeads: [AuxHeadSpec]
    /// Whether convolutions carry a bias (torchvision's do not: batch norm follows).
    public var convBias: Bool
    /// Batch norm after every convolution (torchvision): 2 parameters per channel.
    public var batchNorm: Bool
    /// The kernel of the "5x5" branch: 5, or 3 in torchvision (a bug kept for weight compatibility).
    public var branch5x5Kernel: Int
    /// torchvision's `transform_input`: the network first re-scales ImageNet-normalised
    /// input to the (x - 0.5) / 0.5 scaling of the original weights (`InputTransform`).
    public var transformInput: Bool

    public init(preset: String, input: FeatureShape, classes: Int, layers: [LayerSpec],
                auxHeads: [AuxHeadSpec] = [], convBias: Bool = true, batchNorm: Bool = false,
                branch5x5Kernel: Int = 5, transformInput: Bool = false) {
        self.preset = preset
        self.input = input
        self.classes = classes
        self.layers = layers
        self.auxHeads = auxHeads
        self.convBias = convBias
        self.batchNorm = batchNorm
        self.branch5x5Kernel = branch5x5Kernel
        self.transformInput = transformInput
    }

    private enum CodingKeys: String, CodingKey {
        case preset, input, classes, layers, auxHeads, convBias, batchNorm, branch5x5Kernel, transformInput
    }

    // `transformInput` is written only when set, so descriptions saved before it
    // existed (shipped weights, experiment cache keys) encode and hash the same.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        preset = try c.decode(String.self, forKey: .preset)
        input = try c.decode(FeatureShape.self, forKey: .input)
        classes = try c.decode(Int.self, forKey: .classes)
        layers = try c.decode([LayerSpec].self, forKey: .layers)
        auxHeads = try c.decode([AuxHeadSpec].self, forKey: .auxHeads)
        convBias = try c.decode(Bool.self, forKey: .convBias)
        batchNorm = try c.decode(Bool.self, forKey: .batchNorm)
        branch5x5Kernel = try c.decode(Int.self, forKey: .branch5x5Kernel)
        transformInput = try c.decodeIfPresent(Bool.self, forKey: .transformInput) ?? false
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(preset, forKey: .preset)
        try c.encode(input, forKey: .input)
        try c.encode(classes, forKey: .classes)
        try c.encode(layers, forKey: .layers)
        try c.encode(auxHeads, forKey: .auxHeads)
        try c.encode(convBias, forKey: .convBias)
        try c.encode(batchNorm, forKey: .batchNorm)
        try c.encode(branch5x5Kernel, forKey: .branch5x5Kernel)
        if transformInput { try c.encode(transformInput, forKey: .transformInput) }
    }

    /// The Inception modules, in order.
    public var modules: [InceptionSpec] {
        layers.compactMap { if case .inception(let m) = $0 { m } else { nil } }
    }

    /// The head in use: GAP if a global average pool precedes the classifier.
    public var head: HeadKind {
        layers.contains { if case .globalAvgPool = $0 { true } else { false } } ? .gap : .fc
    }

    /// The module with this name in any of its three spellings, with its index in `layers`.
    public func module(named text: String) -> (index: Int, spec: InceptionSpec)? {
        guard let name = ModuleName(parsing: text) else { return nil }
        for (i, layer) in layers.enumerated() {
            if case .inception(let m) = layer, m.name == name { return (i, m) }
        }
        return nil
    }
}

/// A layer with the shapes it reads and writes.
public struct ShapedLayer: Hashable, Sendable {
    public var layer: LayerSpec
    public var input: FeatureShape
    public var output: FeatureShape
}

extension NetworkDescription {
    /// Every layer with its input and output shape. With `wholeNaive`, each module
    /// is the naive design and its wider output feeds the next layer, so the
    /// channel growth compounds stage after stage.
    public func shapedLayers(wholeNaive: Bool = false) -> [ShapedLayer] {
        var shape = input
        var result: [ShapedLayer] = []
        for layer in layers {
            let out: FeatureShape
            switch layer {
            case .conv(let s):
                let size = { (x: Int) in (x + 2 * s.padding - s.kernel) / s.stride + 1 }
                out = FeatureShape(c: s.outChannels, h: size(shape.h), w: size(shape.w))
            case .maxPool(let p), .avgPool(let p):
                out = FeatureShape(c: shape.c, h: p.outputSize(shape.h), w: p.outputSize(shape.w))
            case .inception(let m):
                let c = wholeNaive ? m.widths.naiveOutChannels(inChannels: shape.c) : m.outChannels(inChannels: shape.c)
                out = FeatureShape(c: c, h: shape.h, w: shape.w)
            case .globalAvgPool:
                out = FeatureShape(c: shape.c, h: 1, w: 1)
            case .flatten:
                out = FeatureShape(c: shape.count, h: 1, w: 1)
            case .dropout:
                out = shape
            case .linear(_, let n):
                out = FeatureShape(c: n, h: 1, w: 1)
            }
            result.append(ShapedLayer(layer: layer, input: shape, output: out))
            shape = out
        }
        return result
    }

    /// The output shape of the named module (what its auxiliary head reads).
    public func outputShape(ofModule name: ModuleName) -> FeatureShape? {
        shapedLayers().first { if case .inception(let m) = $0.layer { m.name == name } else { false } }?.output
    }
}

extension NetworkDescription {
    /// A copy with one module width changed (`3a.n3x3red=4`); later layers'
    /// input channels follow because shapes are always derived, never stored.
    public func setting(module text: String, field: String, to value: Int) throws -> NetworkDescription {
        let (copy, spec) = try settingUnvalidated(module: text, field: field, to: value)
        try NetworkDescription.validate(copy.module(named: spec.short)!.spec.widths, module: spec)
        return copy
    }

    /// Applies `--set` assignments of the form `MODULE.FIELD=N`, in order, and
    /// validates once at the end, so `3a.n3x3red=0 3a.n3x3=0` removes the branch
    /// whichever order the two are given in.
    public func applying(assignments: [String]) throws -> NetworkDescription {
        var result = self
        var touched: [ModuleName] = []
        for text in assignments {
            let parts = text.split(separator: "=", omittingEmptySubsequences: false)
            let target = parts.first.map { $0.split(separator: ".", omittingEmptySubsequences: false) } ?? []
            guard parts.count == 2, target.count == 2, !target[0].isEmpty, !target[1].isEmpty else {
                throw UserError("malformed --set '\(text)': expected MODULE.FIELD=N, e.g. 3a.n3x3red=4 or 3a.factorize=stacked")
            }
            let name: ModuleName
            if target[1] == Self.factorizeField {
                (result, name) = try result.settingFactorization(module: String(target[0]),
                                                                 to: Factorization.named(String(parts[1])))
                if !touched.contains(name) { touched.append(name) }
                continue
            }
            guard let value = Int(parts[1]) else {
                throw UserError("malformed --set '\(text)': '\(parts[1])' is not a whole number")
            }
            (result, name) = try result.settingUnvalidated(module: String(target[0]), field: String(target[1]), to: value)
            if !touched.contains(name) { touched.append(name) }
        }
        for name in touched {
            try NetworkDescription.validate(result.module(named: name.short)!.spec.widths, module: name)
        }
        return result
    }

    private func settingUnvalidated(module text: String, field: String, to value: Int) throws -> (NetworkDescription, ModuleName) {
        let (index, spec) = try existingModule(text)
        guard spec.widths[field: field] != nil else {
            let fields = InceptionWidths.fieldNames + [Self.factorizeField]
            throw UserError("unknown field '\(field)' (fields: \(fields.joined(separator: ", ")))")
        }
        var changed = spec
        changed.widths[field: field] = value
        var copy = self
        copy.layers[index] = .inception(changed)
        return (copy, spec.name)
    }

    /// The module with this name and its index, or a `UserError` listing the modules.
    func existingModule(_ text: String) throws -> (index: Int, spec: InceptionSpec) {
        guard let found = module(named: text) else {
            let known = modules.map(\.name.short).joined(separator: ", ")
            throw UserError("unknown module '\(text)' in preset \(preset) (modules: \(known))")
        }
        return found
    }

    /// The rules every module's widths obey; the message names the offending width.
    public static func validate(_ w: InceptionWidths, module: ModuleName) throws {
        for (name, value) in zip(InceptionWidths.fieldNames, w.all) {
            if value < 0 { throw UserError("\(module.short).\(name) = \(value): widths cannot be negative") }
            if value > InceptionWidths.maximumWidth {
                throw UserError("\(module.short).\(name) = \(value): widths above \(InceptionWidths.maximumWidth) are not accepted")
            }
        }
        if w.n3x3 > 0 && w.n3x3red == 0 {
            throw UserError("\(module.short).n3x3red = 0 but the 3x3 branch exists (n3x3 = \(w.n3x3)); set n3x3=0 to remove the branch")
        }
        if w.n5x5 > 0 && w.n5x5red == 0 {
            throw UserError("\(module.short).n5x5red = 0 but the 5x5 branch exists (n5x5 = \(w.n5x5)); set n5x5=0 to remove the branch")
        }
        if w.outChannels == 0 {
            throw UserError("module \(module.short) has no branch left: n1x1, n3x3, n5x5 and poolproj are all 0")
        }
    }

    /// The same network with the other head: GAP + linear, or flatten + fully connected.
    public func withHead(_ kind: HeadKind) -> NetworkDescription {
        guard kind != head else { return self }
        var copy = self
        copy.layers = layers.map { layer in
            switch (layer, kind) {
            case (.globalAvgPool, .fc): .flatten(name: "flatten")
            case (.flatten, .gap): .globalAvgPool(name: preset == "tiny" ? "gap" : "avgpool")
            default: layer
            }
        }
        return copy
    }
}

extension NetworkDescription {
    /// The same network with every Inception module naive (`InceptionSpec.naive`):
    /// the same n1x1/n3x3/n5x5, no reductions, and each wider output feeding the next layer.
    public func withNaiveModules() -> NetworkDescription {
        mappingModules { $0.naive = true }
    }

    /// The same network with `change` applied to every Inception module.
    public func mappingModules(_ change: (inout InceptionSpec) -> Void) -> NetworkDescription {
        var copy = self
        copy.layers = layers.map { layer in
            guard case .inception(var m) = layer else { return layer }
            change(&m)
            return .inception(m)
        }
        return copy
    }
}
