import ArgumentParser
import InceptionCore

/// `inception-explorer eval`: accuracy and confusion matrix of a weights file on test images.
struct EvalCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "eval",
        abstract: "Measure a weights file's accuracy on test images, with its confusion matrix.",
        discussion: "Without --seed, the first --count images of the fixed test split; with --seed, a fresh set from the same generator."
    )

    @Option(help: "Seed of a fresh test set instead of the fixed test split.")
    var seed: UInt64?

    @Option(help: "Number of images (default: the whole test split, 2000).")
    var count: Int?

    @OptionGroup var options: WeightsOptions

    func run() throws {
        let format = try options.tableFormat()
        let dataset = try Dataset.evaluationSet(seed: seed, count: count)
        let network = try options.network()
        let source = seed.map { "fresh set, seed \($0)" } ?? "test split"
        let table = Evaluation(network: network, dataset: dataset)
            .table(title: "Confusion matrix (\(source), \(dataset.count) images)")
        print(table.rendered(as: format), terminator: "")
    }
}
