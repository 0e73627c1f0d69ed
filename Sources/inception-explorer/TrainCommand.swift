import ArgumentParser
import Foundation
import InceptionCore

/// `inception-explorer train`: trains a network on the generated dataset with the
/// standard budget and writes its weights as safetensors.
struct TrainCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "train",
        abstract: "Train a network on the shapes dataset and write its weights (safetensors).",
        discussion: """
            Budget: \(TrainingBudget.standard.summary).
            Examples:
              inception-explorer train --output mine.safetensors
              inception-explorer train --set 3a.n3x3red=1 --head fc --steps 300 --output narrow.safetensors
            """
    )

    @Option(help: "The network to start from (only tiny reads the dataset's 1x32x32 images).")
    var preset = "tiny"

    @Option(name: .customLong("set"), help: "Change a width or a factorisation: MODULE.FIELD=N or MODULE.factorize=none|stacked|asymmetric, e.g. 3a.n3x3red=4 (repeatable).")
    var assignments: [String] = []

    @Option(help: "Optimizer steps (default: the standard budget's).")
    var steps: Int?

    @Option(help: "Seed of the initial weights, the data order and dropout.")
    var seed: UInt64 = 1

    @Option(help: "gap or fc: the head the network ends with.")
    var head: String?

    @Option(help: "Weight of the auxiliary head's loss (0 turns it off).")
    var auxWeight: Float?

    @Option(help: "The weights file to write (atomically).")
    var output = "trained.safetensors"

    func run() throws {
        let description = try TrainingOptions.description(preset: preset, assignments: assignments, head: head)
        let budget = try TrainingOptions.budget(steps: steps, auxWeight: auxWeight)
        try AtomicWrite.checkDirectory(of: output)
        let train = LabelledImages(Dataset(split: .train)), test = LabelledImages(Dataset(split: .test))
        var printer = ProgressPrinter(label: "train")
        let result = try TrainingRun(description: description, budget: budget, seed: seed)
            .run(train: train, test: test) { printer.show($0) }
        let evaluation = result.evaluation!
        let accuracy = String(format: "%.2f", 100 * evaluation.accuracy)
        let training = "inception-explorer train --seed \(seed) --steps \(budget.steps); \(budget.summary); "
            + "test accuracy \(accuracy)% in \(String(format: "%.1f", result.seconds)) s"
        try NetworkFile.write(result.network, to: output, training: training)
        print("test accuracy \(accuracy)% (\(evaluation.correct)/\(evaluation.count)) after \(budget.steps) steps "
              + "in \(String(format: "%.1f", result.seconds)) s; wrote \(output)")
    }
}
