import Foundation
import InceptionCore

/// The Costs view's retraining: `t` trains the widths on screen in the background
/// with the standard budget (a progress bar and a live loss/accuracy chart), and
/// every finished run joins the list of variants, kept in the state directory and
/// shown as a table and a scatter chart of accuracy against multiplies.
public struct RetrainPanel: Sendable {
    public private(set) var variants: [TrainedVariant]
    /// Whether the panel covers the Costs view (`v` toggles, `t` opens it).
    public private(set) var visible = false
    public private(set) var warning: String?
    /// The variant `o` opens in the Network view.
    public private(set) var selected = 0
    /// The shipped network in the variants chart, once measured (`shippedJob`).
    public private(set) var shipped: ChartPoint?
    var measuringShipped = false
    let store: VariantStore?
    let settings: ExperimentSettings
    var job: RunningRetrain?

    /// A panel saving to `store` (nil: nothing is saved); `settings` give the
    /// budget and images (tests pass a reduced one).
    public init(store: VariantStore?, settings: ExperimentSettings = ExperimentSettings()) {
        self.store = store
        self.settings = settings
        (variants, warning) = store?.load() ?? ([], nil)
    }

    /// The panel over the user's state directory.
    public static func load(environment: [String: String]) -> RetrainPanel {
        RetrainPanel(store: try? VariantStore(environment: environment))
    }

    public var isTraining: Bool { job != nil }

    mutating func start(_ network: NetworkDescription) -> [ViewCommand] {
        let measure = show()
        guard job == nil else { return [.message("a training run is still going (Esc cancels it)")] }
        guard network.preset == Preset.tiny.rawValue else {
            return [.message("only the tiny network reads the 32x32 dataset: press p for the tiny preset")]
        }
        job = RunningRetrain()
        return measure + [.effect(.startJob(Self.job(network, settings: settings, store: store, existing: variants))),
                          .message("training the widths on screen in the background")]
    }

    mutating func toggle() -> [ViewCommand] {
        if visible {
            visible = false
            return []
        }
        return show()
    }

    /// Shows the panel, measuring the shipped network the first time.
    private mutating func show() -> [ViewCommand] {
        visible = true
        guard shipped == nil, !measuringShipped else { return [] }
        measuringShipped = true
        return [.effect(.startJob(Self.shippedJob(settings: settings)))]
    }

    /// Keys while the panel is shown: ↑↓ choose a variant, `o` opens it in the Network view.
    mutating func handle(_ key: Key) -> [ViewCommand] {
        switch key {
        case .character("o"):
            guard variants.indices.contains(selected) else { return [.message("no variant to open yet: t trains one")] }
            return [.showVariant(variants[selected])]
        default:
            if key.direction == .up { selected = max(0, selected - 1) }
            if key.direction == .down { selected = min(max(0, variants.count - 1), selected + 1) }
            return []
        }
    }

    /// Esc: cancels a run, else hides the panel.
    mutating func escape() -> [ViewCommand] {
        if job != nil { return [.effect(.cancelJob(Self.jobID)), .message("cancelling the training run…")] }
        visible = false
        return []
    }

    /// Takes the running job's progress, or its end.
    mutating func collect(_ update: JobUpdate) -> [ViewCommand] {
        if update.id == Self.shippedJobID {
            guard case .finished(let result) = update.kind else { return [] }
            measuringShipped = false
            switch result {
            case .success(let point): shipped = point as? ChartPoint
            case .failure(let error): return [.message("no shipped network in the chart: \(error.message)")]
            }
            return []
        }
        guard job != nil else { return [] }
        let finish: Finish
        switch update.kind {
        case .progress(let value):
            if let running = value as? RunningRetrain { job = running }
            return []
        case .finished(.success(let value)): finish = value as? Finish ?? Finish(variant: nil, message: "training ended")
        case .finished(.failure(let error)): finish = Finish(variant: nil, message: error.message)
        }
        job = nil
        if let variant = finish.variant {
            variants.append(variant)
            selected = variants.count - 1
        }
        return [.message(finish.message)]
    }

    func render(into canvas: inout Canvas, area: Rect, theme: Theme) {
        var y = area.y
        canvas.text("Retrain the widths on screen (t), hide (v), ↑↓ o: open a variant in the Network view, Esc " + (job == nil ? "back" : "cancels"),
                    x: area.x, y: y, style: theme.title, clip: area)
        y += 1
        for line in TextWrap.lines(warning ?? "", width: area.width).prefix(3) where !line.isEmpty {
            canvas.text(line, x: area.x, y: y, style: theme.error, clip: area)
            y += 1
        }
        let rest = Rect(x: area.x, y: y, width: area.width, height: area.y + area.height - y)
        let half = rest.height / 2
        if let job {
            let p = job.progress
            let width = max(10, min(30, area.width / 3))
            let filled = p.map { min(width, width * $0.step / max(1, $0.steps)) } ?? 0
            let bar = String(repeating: theme.asciiOnly ? "#" : "█", count: filled)
                + String(repeating: theme.asciiOnly ? "." : "░", count: width - filled)
            let stats = p.map {
                "step \($0.step)/\($0.steps)  loss \(NumberText.decimal(Double($0.loss), places: 3, grouped: false))  acc \(NumberText.decimal(Double(100 * $0.accuracy), places: 1, grouped: false))%  \(NumberText.clock($0.secondsLeft)) left"
            } ?? "drawing the images"
            canvas.text("[\(bar)] \(stats)", x: rest.x, y: rest.y, style: theme.text, clip: rest)
            // Loss and accuracy side by side, each on its own scale; accuracy within 0–1.
            let curves = job.curves, left = rest.width / 2
            PlotChart(xLabel: "step", yLabel: "loss", series: [ChartSeries(name: "loss", points: curves.loss)], joined: true)
                .render(into: &canvas, area: Rect(x: rest.x, y: rest.y + 1, width: left - 1, height: max(0, half - 1)), theme: theme)
            PlotChart(xLabel: "step", yLabel: "batch accuracy", series: [ChartSeries(name: "accuracy", points: curves.accuracy)],
                      joined: true, yRange: 0...1)
                .render(into: &canvas, area: Rect(x: rest.x + left, y: rest.y + 1, width: rest.width - left, height: max(0, half - 1)),
                        theme: theme)
        } else {
            let points = variants.enumerated().map { ChartPoint(x: Double($1.multiplies), y: $1.accuracy, label: "\($0 + 1)") }
            PlotChart(xLabel: "multiplies", yLabel: "test accuracy",
                      series: [ChartSeries(name: "variants", points: points)]
                        + (shipped.map { [ChartSeries(name: "shipped network", points: [$0])] } ?? []),
                      joined: false, yRange: 0...1)
                .render(into: &canvas, area: Rect(x: rest.x, y: rest.y, width: rest.width, height: half), theme: theme)
        }
        var row = rest.y + half
        guard !variants.isEmpty else {
            canvas.text("No variants yet: t trains the widths on screen.", x: area.x, y: row, style: theme.text, clip: area)
            return
        }
        // The title, the header and its rule, then a window of rows that keeps the
        // selected variant on screen, then the note.
        let lines = variants.table.textLines(width: nil)
        let rows = Array(lines[3..<3 + variants.count])
        let room = max(1, area.y + area.height - row - 3 - (lines.count - 3 - variants.count))
        let first = min(max(0, selected - room + 1), max(0, variants.count - room))
        let shown = lines.prefix(3).map { ($0, false) } + rows.indices.dropFirst(first).prefix(room).map { (rows[$0], $0 == selected) }
            + lines.dropFirst(3 + variants.count).map { ($0, false) }
        for (line, isSelected) in shown where row < area.y + area.height {
            canvas.text(line, x: area.x, y: row, style: isSelected ? theme.selection : theme.text, clip: area)
            row += 1
        }
    }
}
