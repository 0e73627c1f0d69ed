import Foundation
import InceptionCore

/// The experiments (tab 6): the list of experiments, the selected one's cached
/// table, chart and conclusion, and `R` to compute it again in the background
/// with a progress bar while every key keeps working (`Esc` cancels).
public struct ExperimentsView: ExplorerView {
    public let id = ViewID.experiments

    public private(set) var selected = 0
    public private(set) var outcomes: [ExperimentName: ExperimentOutcome] = [:]
    /// The shipped results among `outcomes` (the command that computed each): a
    /// result computed here replaces them.
    public private(set) var shipped: [ExperimentName: ShippedResult] = [:]
    /// Cached files that could not be read, by experiment.
    public private(set) var problems: [ExperimentName: String] = [:]
    /// The first table line shown (PgUp/PgDn).
    public private(set) var scroll = 0
    /// Whole columns of the table scrolled off to the left (←→), past its pinned first two.
    public private(set) var columnScroll = 0
    let settings: ExperimentSettings
    let training: NetworkTraining
    let cache: ExperimentCache?
    var job: RunningExperiment?

    /// A view over `cache` (nil: nothing is read or saved), showing the `shipped`
    /// result where the cache has none; `settings` and `training` are what `R` runs
    /// with (tests pass a reduced budget).
    public init(cache: ExperimentCache?, shipped results: ShippedResults? = nil, settings: ExperimentSettings = ExperimentSettings(),
                training: @escaping NetworkTraining = ExperimentTraining.standard) {
        self.cache = cache
        self.settings = settings
        self.training = training
        let library = ExperimentLibrary(cache: cache, shipped: results)
        for name in ExperimentName.allCases {
            do {
                if let found = try library.outcome(name, settings: settings) {
                    outcomes[name] = found.outcome
                    self.shipped[name] = found.shipped
                }
            } catch let error as UserError {
                problems[name] = error.message
            } catch {
                problems[name] = "\(error)"
            }
        }
    }

    /// The view over the user's cache (`$XDG_CACHE_HOME/inception-explorer`) and the package's `Results/`.
    public static func load(environment: [String: String]) -> ExperimentsView {
        ExperimentsView(cache: try? ExperimentCache(environment: environment), shipped: ShippedResults())
    }

    public var experiment: ExperimentName { ExperimentName.allCases[selected] }
    public var isRunning: Bool { job != nil }
    /// The running job's progress.
    public var progress: ExperimentProgress? { job?.progress }

    public var keyBindings: [KeyBinding] {
        [KeyBinding("↑↓", "experiment"), KeyBinding("R", "run again"), KeyBinding("Esc", "cancel run"),
         KeyBinding("PgUp/PgDn", "scroll table"), KeyBinding("←→", "table columns"), KeyBinding("x", "export the table")]
    }

    public mutating func handle(_ input: ViewInput, area: Rect) -> [ViewCommand] {
        switch input {
        case .tick:
            return []
        case .job(let update):
            return collect(update)
        case .click(_, let y):
            let row = y - area.y - 1
            if ExperimentName.allCases.indices.contains(row) { select(row) }
            return []
        case .key(let key):
            switch key {
            case .character("R"): return start()
            case .character("x"):
                return outcomes[experiment] == nil ? [.message("\(experiment.rawValue) has no result to export yet: R runs it")] : TableExport.begin()
            case .escape:
                guard let job else { return [] }
                return [.effect(.cancelJob(Self.jobID)), .message("cancelling \(job.name.rawValue)…")]
            // A page is the rows the table shows, less one kept for context.
            case .pageDown: scroll = min(scroll + max(1, visibleTableRows(area) - 1), lastTableLine(area))
            case .pageUp: scroll = max(0, min(scroll, lastTableLine(area)) - max(1, visibleTableRows(area) - 1))
            default:
                if key.direction == .up { select(selected - 1) }
                if key.direction == .down { select(selected + 1) }
                if key.direction == .right { columnScroll = min(columnScroll + 1, maximumColumnScroll(area)) }
                if key.direction == .left { columnScroll = max(0, min(columnScroll, maximumColumnScroll(area)) - 1) }
            }
            return []
        }
    }

    /// The export's format and path, for the table the view shows (the command line's own).
    public mutating func textEntered(_ text: String, tag: String, area: Rect) -> [ViewCommand] {
        TableExport.answer(text, tag: tag, name: experiment.rawValue, table: {
            guard let outcome = outcomes[experiment] else { throw UserError("\(experiment.rawValue) has no result to export") }
            return outcome.table
        }) ?? []
    }

    private mutating func select(_ index: Int) {
        selected = min(max(0, index), ExperimentName.allCases.count - 1)
        scroll = 0
        columnScroll = 0
    }

    private mutating func start() -> [ViewCommand] {
        if let job { return [.message("\(job.name.rawValue) is still running (Esc cancels it)")] }
        job = RunningExperiment(name: experiment)
        return [.effect(.startJob(Self.job(experiment, settings: settings, training: training, cache: cache))),
                .message("running \(experiment.rawValue) in the background")]
    }

    private mutating func collect(_ update: JobUpdate) -> [ViewCommand] {
        guard let job else { return [] }
        let finish: Finish
        switch update.kind {
        case .progress(let value):
            if let progress = value as? ExperimentProgress { self.job?.progress = progress }
            return []
        case .finished(.success(let value)): finish = value as? Finish ?? Finish()
        case .finished(.failure(let error)): finish = Finish(outcome: nil, message: error.message)
        }
        self.job = nil
        if let outcome = finish.outcome {
            outcomes[job.name] = outcome
            shipped[job.name] = nil
            problems[job.name] = nil
        }
        let done = finish.outcome.map { "\(job.name.rawValue) done in \(NumberText.decimal($0.provenance.seconds, places: 1, grouped: false)) s" }
        return [.message([done, finish.message].compactMap { $0 }.joined(separator: "; "))]
    }
}
