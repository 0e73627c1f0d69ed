import ArgumentParser
import InceptionCore

/// `inception-explorer run`: the trained network on one image, one layer at a time.
struct RunCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Run the network on one image step by step: shapes, multiplies, times, heatmaps, probabilities.",
        discussion: """
            Images: PGM/PPM (P2, P3, P5, P6), PNG or JPEG. For the tiny network colour becomes gray (BT.601) and \
            the image is scaled to 32x32 by area averaging, keeping its aspect ratio. For torchvision's GoogLeNet \
            (a --weights file holding its state_dict) the image stays RGB and is prepared as torchvision's ImageNet \
            preset does: shorter side to 256, centre crop 224, ImageNet mean and standard deviation. \
            Without an input option, test image 0 runs.
            Examples:
              inception-explorer run --sample plus
              inception-explorer run --image photo.png --format json
              inception-explorer run --image big.pgm --no-resize
              inception-explorer run --weights googlenet-imagenet.safetensors --image Photos/chelsea.png
            """
    )

    @Option(help: "An image file (PGM, PPM, PNG or JPEG).")
    var image: String?

    @Option(help: "A fresh sample of a class: \(ShapeClass.names.joined(separator: ", ")).")
    var sample: String?

    @Option(help: "An image of the test split (0-1999).")
    var index: Int?

    @Flag(help: "Keep the image's own size (needs a GAP head).")
    var noResize = false

    @OptionGroup var options: WeightsOptions

    func run() throws {
        let format = try options.tableFormat()
        let input = try RunInput(image: image, sample: sample, index: index)
        let network = try WeightsLocator.anyNetwork(option: options.weights).network
        let report = try RunReport(network: network, input: input, resize: !noResize)
        print(report.rendered(as: format), terminator: "")
    }
}
