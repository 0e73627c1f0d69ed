import ArgumentParser
import Foundation
import InceptionCore

/// `inception-explorer experiment NAME`: runs one experiment (or reads it from the
/// cache) and prints its table, chart data summary and conclusion.
struct ExperimentCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "experiment",
        abstract: "Put one of the article's claims to the test on the real network.",
        discussion: """
            Experiments: \(ExperimentName.allCases.map(\.rawValue).joined(separator: ", ")).
            Each trains the variants it needs with the standard budget (\(TrainingBudget.standard.summary)) once per seed,
            and states a conclusion from its own numbers: a difference counts only when two means differ by more
            than the sum of their standard deviations. Results are cached in $XDG_CACHE_HOME/inception-explorer
            (else ~/.cache/inception-explorer) and reused until --rerun.
            Examples:
              inception-explorer experiment bottleneck
              inception-explorer experiment gap-vs-fc --seeds 5 --format json
            """
    )

    @Argument(help: "The experiment to run.")
    var name: String

    @Option(help: "Seeds per variant, 1 to 10.")
    var seeds = ExperimentName.defaultSeeds

    @Option(help: "text, markdown, csv or json.")
    var format = "text"

    @Flag(help: "Compute again even if a cached result exists.")
    var rerun = false

    @Option(help: "Training steps (fewer than the standard budget's for a quick look; cached apart).")
    var steps: Int?

    func run() throws {
        let experiment = try ExperimentName.named(name)
        let tableFormat = try TableFormat.named(format)
        let settings = ExperimentSettings(seeds: seeds, steps: steps ?? TrainingBudget.standard.steps)
        try settings.validate()
        let cache = try ExperimentCache(environment: ProcessInfo.processInfo.environment)
        let key = ExperimentKey(experiment, settings)
        if !rerun, let cached = try cache.cached(key) {
            FileHandle.standardError.write(Data("\(experiment.rawValue): cached result from \(cache.path(for: key))\n".utf8))
            print(cached.table.rendered(as: tableFormat), terminator: "")
            return
        }
        let line = ExperimentProgressLine(label: experiment.rawValue)
        let context = ExperimentContext(settings: settings, progress: { line.show($0) })
        let outcome = try ExperimentRunner.run(experiment, context: context)
        line.finish()
        print(outcome.table.rendered(as: tableFormat), terminator: "")
        do {
            try cache.store(outcome, key: key)
        } catch let error as UserError {
            throw UserError("the result was not cached: \(error.message)")
        }
    }
}

/// An experiment's progress on stderr: one line redrawn in place on a terminal,
/// a line per change of message otherwise (every tenth of a training).
final class ExperimentProgressLine: @unchecked Sendable {
    private let label: String
    private let isTerminal = isatty(2) != 0
    private var last = ""

    init(label: String) { self.label = label }

    func show(_ p: ExperimentProgress) {
        let percent = Int((100 * p.fraction).rounded(.down))
        if isTerminal {
            ProgressPrinter.write("\r\(label) [\(ProgressPrinter.bar(p.fraction))] \(percent)% \(p.message)\u{1B}[K")
            return
        }
        // One line per tenth of each training keeps logs short.
        let coarse = p.message.replacingOccurrences(of: #"step (\d+)/"#, with: "step/", options: .regularExpression) + "\(percent / 10)"
        guard coarse != last else { return }
        last = coarse
        ProgressPrinter.write("\(label): \(percent)% \(p.message)\n")
    }

    func finish() {
        if isTerminal { ProgressPrinter.write("\n") }
    }
}
