extension WidgetDefinition {
    /// `::: cost-example in=192 out=256 reduce=96 size=32 kernel=3 factorize=none`: the
    /// multiplies of a direct k x k convolution against a 1x1 reduction followed by
    /// it, the k x k optionally factorised (`WorkedExample`).
    public static let costExample = WidgetDefinition(
        name: "cost-example",
        summary: "The worked example: a direct convolution against a 1x1 reduction then the same convolution.",
        arguments: [
            .optional("in", .integer(1...InceptionWidths.maximumWidth), default: "192", help: "input channels"),
            .optional("out", .integer(1...InceptionWidths.maximumWidth), default: "256", help: "output channels"),
            .optional("reduce", .integer(1...InceptionWidths.maximumWidth), default: "96", help: "channels after the 1x1 reduction"),
            .optional("size", .integer(1...WorkedExample.maximumSize), default: "32", help: "height and width of the feature maps"),
            .optional("kernel", .integer(1...WorkedExample.maximumKernel), default: "3", help: "the kernel size k of the k x k convolution"),
            .optional("factorize", .choice(Factorization.allCases.map(\.rawValue)), default: "none",
                      help: "the reduced design's k x k as (k-1)/2 stacked 3x3, or a 1 x k then a k x 1"),
        ],
        compute: { arguments in
            let example = try WorkedExample(
                inChannels: try arguments.integer("in"), outChannels: try arguments.integer("out"),
                reduce: try arguments.integer("reduce"), size: try arguments.integer("size"),
                kernel: try arguments.integer("kernel"), factorize: try Factorization.named(try arguments.string("factorize")))
            return .table(WidgetTable(example.table(), columns: ["design", "layer", "params", "multiplies", "percent_of_direct"],
                                      titles: ["percent_of_direct": "% of direct"]))
        }
    )
}
