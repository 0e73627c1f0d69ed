import ArgumentParser
import InceptionCore

/// The weights file and output format `eval` and `run` share.
struct WeightsOptions: ParsableArguments {
    @Option(help: "The weights file (default: the shipped Weights/tiny.safetensors).")
    var weights: String?

    @Option(help: "text, markdown, csv or json.")
    var format = "text"

    func tableFormat() throws -> TableFormat { try TableFormat.named(format) }

    func network() throws -> InceptionNetwork { try WeightsLocator.network(option: weights) }
}
