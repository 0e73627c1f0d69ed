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
            Each trains the variants it needs with the standard budget (\(TrainingBudget.standard.summary)) once per seed, \
            and states a conclusion from its own numbers: a difference counts only when two means differ by more \
            than the sum of their standard deviations. Results are cached in $XDG_CACHE_HOME/inception-explorer \
            (else ~/.cache/inception-explorer) and reused until --rerun; without a cached result the one shipped in the \
            package's Results/ is shown, labelled as shipped. --ship writes the result into Results/.

            Examples:
              inception-explorer experiment bottleneck
              inception-explorer experiment gap-vs-fc --seeds 5 --format json
              inception-explorer experiment --all --rerun --ship   (regenerates every shipped result)
            """
    )

    @Argument(help: "The experiment to run (leave it out with --all).")
    var name: String?

    @Flag(help: "Run every experiment, one after another.")
    var all = false

    @Option(help: "Seeds per variant, 1 to 10.")
    var seeds = ExperimentName.defaultSeeds

    @Option(help: "text, markdown, csv or json.")
    var format = "text"

    @Flag(help: "Compute again even if a cached result exists.")
    var rerun = false

    @Option(help: "Training steps (fewer than the standard budget's for a quick look; cached apart).")
    var steps: Int?

    @Flag(help: "Also write the result into the package's Results/ as the one shipped to learners (default settings only).")
    var ship = false

    func run() throws {
        let experiments: [ExperimentName]
        switch (name, all) {
        case (let name?, false): experiments = [try ExperimentName.named(name)]
        case (nil, true): experiments = ExperimentName.allCases
        default: throw UserError("give one experiment name or --all, not \(all ? "both" : "neither")")
        }
        let tableFormat = try TableFormat.named(format)
        let settings = ExperimentSettings(seeds: seeds, steps: steps ?? TrainingBudget.standard.steps)
        try settings.validate()
        guard !ship || settings == ExperimentSettings() else {
            throw UserError("--ship: only results with the default settings are shipped (\(ExperimentName.defaultSeeds) seeds, the standard budget)")
        }
        let cache = try ExperimentCache(environment: ProcessInfo.processInfo.environment)
        let library = ExperimentLibrary(cache: cache, shipped: ShippedResults())
        // With --all, JSON is one array of the experiments' documents, so it stays one JSON value.
        var documents: [JSONValue] = []
        for experiment in experiments {
            let key = ExperimentKey(experiment, settings)
            let outcome = try result(key, library: library, cache: cache)
            if tableFormat == .json && experiments.count > 1 {
                documents.append(outcome.table.json)
            } else {
                print(outcome.table.rendered(as: tableFormat), terminator: "")
            }
            if ship {
                try library.shipped?.ship(outcome.outcome, key: key)
                say("\(experiment.rawValue): shipped as \(ShippedResults().path(for: experiment))")
            }
        }
        if !documents.isEmpty { print(JSONValue.array(documents).pretty()) }
    }

    /// The result under `key`: the user's cached one, else the shipped one (both
    /// unless --rerun), else computed now and cached; its table says which.
    private func result(_ key: ExperimentKey, library: ExperimentLibrary, cache: ExperimentCache) throws -> (outcome: ExperimentOutcome, table: Table) {
        let experiment = key.name
        if !rerun, let found = try library.outcome(for: key) {
            var table = found.outcome.table
            if let shipped = found.shipped {
                table.notes.append("\(shipped.label(for: experiment)); `\(key.command) --rerun` computes it here")
                say("\(experiment.rawValue): \(shipped.label(for: experiment)), from \(ShippedResults().path(for: experiment))")
            } else {
                say("\(experiment.rawValue): cached result from \(cache.path(for: key))")
            }
            return (found.outcome, table)
        }
        let line = ExperimentProgressLine(label: experiment.rawValue)
        let context = ExperimentContext(settings: key.settings, progress: { line.show($0) })
        let outcome = try ExperimentRunner.run(experiment, context: context)
        line.finish()
        do {
            try cache.store(outcome, key: key)
        } catch let error as UserError {
            throw UserError("the result was not cached: \(error.message)")
        }
        return (outcome, outcome.table)
    }

    private func say(_ text: String) { FileHandle.standardError.write(Data((text + "\n").utf8)) }
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
