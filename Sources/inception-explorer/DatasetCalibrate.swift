import ArgumentParser
import Foundation
import InceptionCore

/// `inception-explorer dataset calibrate`: trains the three calibration networks with
/// the standard budget and says whether the dataset is as hard as it should be.
struct DatasetCalibrate: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "calibrate",
        abstract: "Train the tiny preset, its reduce-width-1 variant and a linear classifier; check the dataset's difficulty.",
        discussion: """
            Targets: tiny between 93% and 98% test accuracy, the reduce-1 variant at least 4 points below it, \
            the linear classifier under 60%. Budget: \(TrainingBudget.standard.summary).
            """
    )

    @Option(help: "Optimizer steps for each network (default: the standard budget's).")
    var steps: Int?

    @Option(help: "Seed of the initial weights, the data order and dropout.")
    var seed: UInt64 = 1

    @Option(help: "text, markdown, csv or json.")
    var format = "text"

    func run() throws {
        let format = try TableFormat.named(format)
        let budget = try TrainingOptions.budget(steps: steps, auxWeight: nil)
        let clock = ContinuousClock(), start = clock.now
        let train = LabelledImages(Dataset(split: .train)), test = LabelledImages(Dataset(split: .test))
        var accuracy: [Calibration.Subject: Double] = [:]
        var rows: [[TableCell]] = []
        for subject in Calibration.Subject.allCases {
            var printer = ProgressPrinter(label: subject.rawValue)
            let result = try TrainingRun(description: subject.description, budget: budget, seed: seed)
                .run(train: train, test: test) { printer.show($0) }
            accuracy[subject] = result.evaluation!.accuracy
            rows.append([.text(subject.rawValue), .text(subject.summary),
                         .decimal(100 * result.evaluation!.accuracy, places: 2), .decimal(result.seconds, places: 1)])
        }
        let verdicts = Calibration.verdicts(tiny: accuracy[.tiny]!, reduceOne: accuracy[.reduceOne]!, linear: accuracy[.linear]!)
        let total = (clock.now - start).seconds
        let table = Table(
            title: "Dataset calibration (test split, \(Dataset(split: .test).count) images)",
            columns: ["network", "what", "test accuracy %", "seconds"], rows: rows,
            notes: verdicts.map { ($0.met ? "met: " : "NOT met: ") + $0.text }
                + ["budget: \(budget.summary), seed \(seed); total \(String(format: "%.1f", total)) s"])
        print(table.rendered(as: format), terminator: "")
    }
}
