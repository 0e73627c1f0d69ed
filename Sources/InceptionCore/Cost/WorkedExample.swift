/// The article's worked example: a direct k x k convolution from `inChannels` to
/// `outChannels` at `size` x `size` ("same" padding), against a 1x1 reduction to
/// `reduce` channels followed by the k x k convolution. Weights only, no bias.
public struct WorkedExample: Hashable, Sendable {
    public var inChannels: Int
    public var outChannels: Int
    public var reduce: Int
    public var size: Int
    public var kernel: Int

    /// Bounds that keep every product inside 64-bit integers.
    public static let maximumSize = 1024
    public static let maximumKernel = 11

    /// Validates every argument; the message names the one that is wrong.
    public init(inChannels: Int = 192, outChannels: Int = 256, reduce: Int = 96, size: Int = 32, kernel: Int = 3) throws {
        let limits = [("--in", inChannels, InceptionWidths.maximumWidth), ("--out", outChannels, InceptionWidths.maximumWidth),
                      ("--reduce", reduce, InceptionWidths.maximumWidth), ("--size", size, Self.maximumSize),
                      ("--kernel", kernel, Self.maximumKernel)]
        for (name, value, limit) in limits where value < 1 || value > limit {
            throw UserError("\(name) \(value): must be between 1 and \(NumberText.integer(limit, grouped: true))")
        }
        guard kernel <= size else { throw UserError("--kernel \(kernel) is larger than --size \(size)") }
        self.inChannels = inChannels
        self.outChannels = outChannels
        self.reduce = reduce
        self.size = size
        self.kernel = kernel
    }

    /// 192 features at 32x32 to 256, 3x3, reduced to 96: 452,984,832 vs 245,366,784.
    public static let article = try! WorkedExample()

    public var positions: Int { size * size }
    public var directParameters: Int { inChannels * outChannels * kernel * kernel }
    public var directMultiplies: Int { directParameters * positions }
    public var reduceParameters: Int { inChannels * reduce }
    public var kernelParameters: Int { reduce * outChannels * kernel * kernel }
    public var reducedParameters: Int { reduceParameters + kernelParameters }
    public var reducedMultiplies: Int { reducedParameters * positions }
    /// Reduced multiplies as a fraction of the direct ones (0.54 for the article's numbers).
    public var ratio: Double { Double(reducedMultiplies) / Double(directMultiplies) }

    public func table() -> Table {
        let k = "\(kernel)x\(kernel)"
        let percent = { (n: Int) in TableCell.decimal(100 * Double(n) / Double(directMultiplies), places: 1) }
        let rows: [[TableCell]] = [
            [.text("direct"), .text("\(k) \(inChannels)->\(outChannels)"), .integer(directParameters), .integer(directMultiplies), percent(directMultiplies)],
            [.text("reduce"), .text("1x1 \(inChannels)->\(reduce)"), .integer(reduceParameters), .integer(reduceParameters * positions), percent(reduceParameters * positions)],
            [.text("reduce"), .text("\(k) \(reduce)->\(outChannels)"), .integer(kernelParameters), .integer(kernelParameters * positions), percent(kernelParameters * positions)],
            [.text("reduced total"), .text("1x1 then \(k)"), .integer(reducedParameters), .integer(reducedMultiplies), percent(reducedMultiplies)],
        ]
        let json = JSONValue.object([
            ("in", .integer(inChannels)), ("out", .integer(outChannels)), ("reduce", .integer(reduce)),
            ("size", .integer(size)), ("kernel", .integer(kernel)),
            ("direct_params", .integer(directParameters)), ("direct_multiplies", .integer(directMultiplies)),
            ("reduced_params", .integer(reducedParameters)), ("reduced_multiplies", .integer(reducedMultiplies)),
            ("ratio", .decimal(ratio, places: 4)),
        ])
        return Table(title: "Worked example: \(inChannels) features at \(size)x\(size) to \(outChannels), direct \(k) vs 1x1 reduce to \(reduce)",
                     columns: ["design", "layer", "params", "multiplies", "percent_of_direct"], rows: rows,
                     notes: ["weights only, no bias; \"same\" padding keeps \(size)x\(size)",
                             "reduced / direct = \(NumberText.decimal(100 * ratio, places: 1, grouped: false))% of the multiplies"],
                     customJSON: json)
    }
}
