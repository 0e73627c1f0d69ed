/// The article's worked example: a direct k x k convolution from `inChannels` to
/// `outChannels` at `size` x `size` ("same" padding), against a 1x1 reduction to
/// `reduce` channels followed by the k x k convolution. Weights only, no bias.
///
/// With `factorize` the reduced design's k x k is built as Inception-v3 builds
/// it: `stacked`, (k - 1) / 2 3x3 convolutions (reduce -> out, then out -> out:
/// the same k x k receptive field, two for a 5x5); `asymmetric`, a 1 x k
/// (reduce -> reduce) then a k x 1 (reduce -> out).
public struct WorkedExample: Hashable, Sendable {
    public var inChannels: Int
    public var outChannels: Int
    public var reduce: Int
    public var size: Int
    public var kernel: Int
    public var factorize: Factorization

    /// Bounds that keep every product inside 64-bit integers.
    public static let maximumSize = 1024
    public static let maximumKernel = 11

    /// Validates every argument; the message names the one that is wrong.
    public init(inChannels: Int = 192, outChannels: Int = 256, reduce: Int = 96, size: Int = 32, kernel: Int = 3,
                factorize: Factorization = .none) throws {
        let limits = [("--in", inChannels, InceptionWidths.maximumWidth), ("--out", outChannels, InceptionWidths.maximumWidth),
                      ("--reduce", reduce, InceptionWidths.maximumWidth), ("--size", size, Self.maximumSize),
                      ("--kernel", kernel, Self.maximumKernel)]
        for (name, value, limit) in limits where value < 1 || value > limit {
            throw UserError("\(name) \(value): must be between 1 and \(NumberText.integer(limit, grouped: true))")
        }
        guard kernel <= size else { throw UserError("--kernel \(kernel) is larger than --size \(size)") }
        if factorize == .stacked && (kernel < 3 || kernel % 2 == 0) {
            throw UserError("--factorize stacked needs an odd --kernel of 3 or more (a kxk becomes (k-1)/2 stacked 3x3), not \(kernel)")
        }
        self.inChannels = inChannels
        self.outChannels = outChannels
        self.reduce = reduce
        self.size = size
        self.kernel = kernel
        self.factorize = factorize
    }

    /// 192 features at 32x32 to 256, 3x3, reduced to 96: 452,984,832 vs 245,366,784.
    public static let article = try! WorkedExample()

    /// The same example with another factorisation, or a `UserError` if the kernel does not allow it.
    public func with(factorize value: Factorization) throws -> WorkedExample {
        try WorkedExample(inChannels: inChannels, outChannels: outChannels, reduce: reduce, size: size, kernel: kernel,
                          factorize: value)
    }

    public var positions: Int { size * size }
    public var directParameters: Int { inChannels * outChannels * kernel * kernel }
    public var directMultiplies: Int { directParameters * positions }
    public var reduceParameters: Int { inChannels * reduce }

    /// The convolutions after the reduction: a label (`3x3 96->256`) and weights each.
    public var kernelLayers: [(label: String, parameters: Int)] {
        let k = kernel
        func layer(_ kh: Int, _ kw: Int, _ c: Int, _ oc: Int) -> (label: String, parameters: Int) {
            ("\(kh)x\(kw) \(c)->\(oc)", c * oc * kh * kw)
        }
        switch factorize {
        case .none: return [layer(k, k, reduce, outChannels)]
        case .stacked:
            return [layer(3, 3, reduce, outChannels)]
                + Array(repeating: layer(3, 3, outChannels, outChannels), count: (k - 1) / 2 - 1)
        case .asymmetric: return [layer(1, k, reduce, reduce), layer(k, 1, reduce, outChannels)]
        }
    }

    public var kernelParameters: Int { kernelLayers.reduce(0) { $0 + $1.parameters } }
    /// The weights of the unfactorised k x k after the reduction (what a factorisation replaces).
    public var plainKernelParameters: Int { reduce * outChannels * kernel * kernel }
    public var reducedParameters: Int { reduceParameters + kernelParameters }
    public var reducedMultiplies: Int { reducedParameters * positions }
    /// Reduced multiplies as a fraction of the direct ones (0.54 for the article's numbers).
    public var ratio: Double { Double(reducedMultiplies) / Double(directMultiplies) }
    /// The share of the plain k x k's weights the factorisation saves (0.28 for a
    /// 5x5 stacked at equal widths; negative when it costs more).
    public var factorizationSaving: Double { 1 - Double(kernelParameters) / Double(plainKernelParameters) }

    public func table() -> Table {
        let k = "\(kernel)x\(kernel)"
        let percent = { (n: Int) in TableCell.decimal(100 * Double(n) / Double(directMultiplies), places: 1) }
        let row = { (design: String, layer: String, params: Int) -> [TableCell] in
            [.text(design), .text(layer), .integer(params), .integer(params * self.positions), percent(params * self.positions)]
        }
        let kernelName = factorize == .none ? k : "\(k) as " + kernelLayers.map { String($0.label.prefix { $0 != " " }) }.joined(separator: " + ")
        let rows: [[TableCell]] = [row("direct", "\(k) \(inChannels)->\(outChannels)", directParameters),
                                   row("reduce", "1x1 \(inChannels)->\(reduce)", reduceParameters)]
            + kernelLayers.map { row("reduce", $0.label, $0.parameters) }
            + [row("reduced total", "1x1 then \(kernelName)", reducedParameters)]
        var fields: [(String, JSONValue)] = [
            ("in", .integer(inChannels)), ("out", .integer(outChannels)), ("reduce", .integer(reduce)),
            ("size", .integer(size)), ("kernel", .integer(kernel)),
            ("direct_params", .integer(directParameters)), ("direct_multiplies", .integer(directMultiplies)),
            ("reduced_params", .integer(reducedParameters)), ("reduced_multiplies", .integer(reducedMultiplies)),
            ("ratio", .decimal(ratio, places: 4)),
        ]
        var notes = ["weights only, no bias; \"same\" padding keeps \(size)x\(size)",
                     "reduced / direct = \(NumberText.decimal(100 * ratio, places: 1, grouped: false))% of the multiplies"]
        if factorize != .none {
            // Written only when factorised, so the unfactorised table stays as it was.
            fields += [("factorize", .string(factorize.rawValue)), ("plain_kernel_params", .integer(plainKernelParameters)),
                       ("factorization_saving", .decimal(factorizationSaving, places: 4))]
            let verb = factorizationSaving < 0 ? "costs" : "saves"
            notes.append("factorize=\(factorize.rawValue): \(NumberText.integer(kernelParameters, grouped: true)) weights after the reduction "
                + "against \(NumberText.integer(plainKernelParameters, grouped: true)) for one \(k) \(reduce)->\(outChannels): "
                + "\(verb) \(NumberText.decimal(100 * abs(factorizationSaving), places: 1, grouped: false))%"
                + (factorizationSaving < 0 ? " more" : ""))
        }
        let title = "Worked example: \(inChannels) features at \(size)x\(size) to \(outChannels), direct \(k) vs 1x1 reduce to \(reduce)"
            + (factorize == .none ? "" : ", \(factorize.rawValue)")
        return Table(title: title, columns: ["design", "layer", "params", "multiplies", "percent_of_direct"], rows: rows, notes: notes)
            .withRowsInJSON(fields)
    }
}
