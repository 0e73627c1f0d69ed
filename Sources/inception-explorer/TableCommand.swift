import ArgumentParser
import InceptionCore

/// `inception-explorer table costs|table1|heads|example|sparse|aux ...`: every
/// table the explorer shows, for scripts, pipes and screen readers.
struct TableCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "table",
        abstract: "Print a table: costs, table1, heads, example, sparse, aux, timing or sweep.",
        discussion: """
            Examples:
              inception-explorer table costs --preset googlenet --format markdown
              inception-explorer table costs --set 3a.n3x3red=4 --convention ptflops --format csv
              inception-explorer table example --reduce 32 --format json --output example.json
              inception-explorer table timing --sparse "size=512 blocks=8 density=0.25 k=3"
            """
    )

    @Argument(help: "costs, table1, heads, example, sparse, aux, timing or sweep.")
    var name: String

    @Option(help: "tiny, googlenet or torchvision (default tiny; table1 uses googlenet).")
    var preset: String?

    @Option(name: .customLong("set"), help: "Change a width or a factorisation: MODULE.FIELD=N or MODULE.factorize=none|stacked|asymmetric, e.g. 3a.n3x3red=4 (repeatable).")
    var assignments: [String] = []

    @Option(help: "paper, torchinfo, fvcore or ptflops.")
    var convention = "paper"

    @Option(help: "macs or flops.")
    var unit = "macs"

    @Flag(help: "Naive columns for the whole naive network, where channel growth compounds.")
    var wholeNaive = false

    @Option(help: "gap or fc: the head the network ends with.")
    var head: String?

    @Option(help: "text, markdown, csv or json.")
    var format = "text"

    @Option(help: "Write to FILE instead of standard output (atomically).")
    var output: String?

    @Option(name: .customLong("in"), help: "example: input features.")
    var inChannels = 192

    @Option(name: .customLong("out"), help: "example: output features.")
    var outChannels = 256

    @Option(help: "example: width of the 1x1 reduction.")
    var reduce = 96

    @Option(help: "example: height and width of the feature maps.")
    var size = 32

    @Option(help: "example: kernel size of the convolution.")
    var kernel = 3

    @Option(help: "example: none, stacked ((k-1)/2 stacked 3x3) or asymmetric (1xk then kx1) for the reduced kxk.")
    var factorize = "none"

    @Option(help: ArgumentHelp("timing, sweep: the random block-sparse matrix (size 64-1024, blocks, density in the blocks, kernel k, seed).",
                               valueName: "\"size=256 blocks=4 density=0.5 k=3\""))
    var sparse = ""

    @Option(help: "timing, sweep: runs per method (the median is printed).")
    var repeats = TableRequest.defaultRepeats

    func run() throws {
        let format = try TableFormat.named(format)
        let example = try WorkedExample(inChannels: inChannels, outChannels: outChannels, reduce: reduce, size: size, kernel: kernel,
                                        factorize: Factorization.named(factorize))
        let request = try TableRequest(kind: name, preset: preset, assignments: assignments, convention: convention,
                                       unit: unit, wholeNaive: wholeNaive, head: head, example: example,
                                       sparse: sparse, repeats: repeats)
        let text = try request.table().rendered(as: format)
        if let output {
            try AtomicWrite.write(text, to: output)
        } else {
            print(text, terminator: "")
        }
    }
}
