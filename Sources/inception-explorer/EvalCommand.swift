import ArgumentParser
import InceptionCore

/// `inception-explorer eval`: accuracy and confusion matrix of a weights file on test images.
struct EvalCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "eval",
        abstract: "Measure a weights file's accuracy on test images, with its confusion matrix.",
        discussion: "Without --seed, the first --count images of the fixed test split; with --seed, a fresh set from the same generator."
    )

    @Option(help: "The weights file (default: the shipped Weights/tiny.safetensors).")
    var weights: String?

    @Option(help: "Seed of a fresh test set instead of the fixed test split.")
    var seed: UInt64?

    @Option(help: "Number of images (default: the whole test split, 2000).")
    var count: Int?

    @Option(help: "text, markdown, csv or json.")
    var format = "text"

    func run() throws {
        let format = try TableFormat.named(format)
        let split = DatasetSplit.test
        let count = count ?? split.count
        guard count >= 1, count <= 1_000_000 else { throw UserError("--count must be between 1 and 1000000, not \(count)") }
        guard seed != nil || count <= split.count else {
            throw UserError("--count \(count) is more than the test split's \(split.count) images; add --seed for a fresh set of any size")
        }
        let network = try WeightsLocator.network(option: weights)
        let data = LabelledImages(Dataset(seed: seed ?? split.seed, count: count))
        let source = seed.map { "fresh set, seed \($0)" } ?? "test split"
        let table = Evaluation(network: network, data: data).table(title: "Confusion matrix (\(source), \(count) images)")
        print(table.rendered(as: format), terminator: "")
    }
}
