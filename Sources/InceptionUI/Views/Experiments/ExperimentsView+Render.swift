import InceptionCore

extension ExperimentsView {
    static let listWidth = 19

    public func render(into canvas: inout Canvas, area: Rect, theme: Theme) {
        renderList(into: &canvas, area: area.splitLeft(Self.listWidth).0, theme: theme)
        renderPanel(into: &canvas, area: Self.panel(area), theme: theme)
    }

    private func renderList(into canvas: inout Canvas, area: Rect, theme: Theme) {
        canvas.text("Experiments", x: area.x, y: area.y, style: theme.title, clip: area)
        for (i, name) in ExperimentName.allCases.enumerated() {
            let mark = job?.name == name ? ">" : problems[name] != nil ? "!" : shipped[name] != nil ? "s" : outcomes[name] != nil ? "*" : " "
            let text = "\(mark) \(name.rawValue)".padding(toLength: area.width - 1, withPad: " ", startingAt: 0)
            canvas.text(text, x: area.x, y: area.y + 1 + i, style: i == selected ? theme.selection : theme.text, clip: area)
        }
        let legend = ["* computed here", "s shipped", "> running", "! unreadable"]
        for (k, line) in legend.enumerated() {
            canvas.text(line, x: area.x, y: area.y + ExperimentName.allCases.count + 2 + k, style: theme.dim, clip: area)
        }
    }

    /// Draws the selected experiment into `area`; returns the rows left for its table.
    @discardableResult
    private func renderPanel(into canvas: inout Canvas, area: Rect, theme: Theme) -> Int {
        guard area.width > 10 else { return 0 }
        var y = area.y
        func line(_ text: String, _ style: Style, maxLines: Int = 1) {
            for part in TextWrap.lines(text, width: area.width).prefix(maxLines) where y < area.y + area.height {
                canvas.text(part, x: area.x, y: y, style: style, clip: area)
                y += 1
            }
        }
        let name = experiment
        line("\(name.rawValue): \(name.question)", theme.emphasis, maxLines: 2)
        if let job, job.name == name {
            let p = job.progress
            let width = max(10, min(30, area.width / 3)), filled = min(width, Int(p.fraction * Double(width)))
            let bar = String(repeating: theme.asciiOnly ? "#" : "█", count: filled)
                + String(repeating: theme.asciiOnly ? "." : "░", count: width - filled)
            line("[\(bar)] \(Int(100 * p.fraction))% (Esc cancels) \(p.message)", theme.text, maxLines: 2)
        } else if let problem = problems[name] {
            line(problem, theme.error, maxLines: 2)
        } else if job != nil {
            line("\(job!.name.rawValue) is running; R here runs after it ends", theme.dim)
        }
        guard let outcome = outcomes[name] else {
            let trainings = name.trainings(seeds: settings.seeds)
            let budget = settings.steps == TrainingBudget.standard.steps ? "the standard budget" : "\(settings.steps) steps each"
            let work = trainings == 0 ? "it times kernels, no training" : "\(trainings) trainings with \(budget)"
            line("Not run yet: R runs it in the background (\(work)); the result is cached.", theme.dim, maxLines: 3)
            return 0
        }
        if let shipped = shipped[name] {
            line("Shipped: computed with \(name.runs(seeds: shipped.outcome.provenance.seeds)) by `\(shipped.command)`; R reruns it here.", theme.emphasis, maxLines: 2)
        }
        line(outcome.provenance.summary(name), theme.dim, maxLines: 4)
        // The conclusion whole where it fits, leaving the table (which scrolls) a few rows.
        line("Conclusion: " + outcome.findings.conclusion, theme.text, maxLines: max(4, area.y + area.height - y - 5))
        let remaining = area.y + area.height - y
        guard remaining > 2 else { return 0 }
        let chartHeight = remaining >= 14 ? min(16, remaining / 2) : 0
        if chartHeight > 0 {
            renderChart(outcome.findings.chart, into: &canvas, area: Rect(x: area.x, y: y, width: area.width, height: chartHeight), theme: theme)
            y += chartHeight
        }
        let table = Self.tableLines(outcome.table(withSummaryNotes: false), width: area.width, columnScroll: columnScroll)
        let first = min(scroll, max(0, table.count - 1))
        let rows = area.y + area.height - y
        for text in table.dropFirst(first) where y < area.y + area.height {
            canvas.text(String(text), x: area.x, y: y, style: theme.text, clip: area)
            y += 1
        }
        return rows
    }

    /// The rows the selected table gets in `area`, found by drawing the panel off screen,
    /// so the keys page by exactly what is shown.
    func visibleTableRows(_ area: Rect) -> Int {
        var scratch = Canvas(width: area.x + area.width, height: area.y + area.height)
        return renderPanel(into: &scratch, area: Self.panel(area), theme: Theme(.full))
    }

    /// The panel right of the list, where the selected result is drawn.
    static func panel(_ area: Rect) -> Rect {
        let rest = area.splitLeft(listWidth).1
        return Rect(x: rest.x + 1, y: rest.y, width: max(0, rest.width - 1), height: rest.height)
    }

    /// The first line PgDn can bring to the top of the selected table: the one that puts
    /// its last line at the bottom.
    func lastTableLine(_ area: Rect) -> Int {
        guard let outcome = outcomes[experiment] else { return 0 }
        let lines = Self.tableLines(outcome.table(withSummaryNotes: false), width: Self.panel(area).width, columnScroll: columnScroll).count
        return max(0, lines - visibleTableRows(area))
    }

    /// The columns ← → can scroll away before the selected table's last one is in view.
    func maximumColumnScroll(_ area: Rect) -> Int {
        guard let outcome = outcomes[experiment] else { return 0 }
        return ScrollableGrid(outcome.table(withSummaryNotes: false)).maximumScroll(width: Self.panel(area).width)
    }

    /// The table as drawn in `width` columns: the title and notes wrapped, the grid with
    /// `columnScroll` whole columns after the pinned variant and seed scrolled away.
    static func tableLines(_ table: Table, width: Int, columnScroll: Int) -> [String] {
        let wrap = { (text: String) in text.isEmpty ? [""] : TextWrap.lines(text, width: width) }
        let grid = ScrollableGrid(table)
        return wrap(table.title) + grid.lines(width: width, scroll: columnScroll)
            + (table.notes.isEmpty ? [] : [""] + table.notes.flatMap(wrap))
    }

    private func renderChart(_ chart: ExperimentChart, into canvas: inout Canvas, area: Rect, theme: Theme) {
        switch chart {
        case .scatter(let x, let y, let series):
            // An accuracy is a fraction: its axis is 0–1 whatever the points.
            PlotChart(xLabel: x, yLabel: y, series: series, joined: false, yRange: y == "accuracy" ? 0...1 : nil)
                .render(into: &canvas, area: area, theme: theme)
        case .lines(let x, let y, let series):
            PlotChart(xLabel: x, yLabel: y, series: series, joined: true).render(into: &canvas, area: area, theme: theme)
        case .matrix(let m):
            canvas.text(m.title + " (-1 to 1)", x: area.x, y: area.y, style: theme.dim, clip: area)
            guard m.side > 0 else { return }
            let map = Heatmap(rows: m.side, columns: m.side, values: m.values.map { Float($0) }, low: -1, high: 1, palette: .heat)
            let groups = zip(m.groups, m.groupSizes).map { "\($0) \($1)" }.joined(separator: " | ")
            canvas.text("branches: " + groups, x: area.x, y: area.y + area.height - 1, style: theme.dim, clip: area)
            map.render(into: &canvas, area: Rect(x: area.x, y: area.y + 1, width: area.width, height: area.height - 2), theme: theme)
        }
    }
}

/// A table's aligned grid whose first two columns (variant and seed) stay put while the
/// others scroll sideways a whole column at a time, so no number is ever cut.
struct ScrollableGrid {
    let lines: [String]
    /// Where each column starts, from the dashes of the rule under the header.
    let starts: [Int]

    init(_ table: Table) {
        lines = table.gridLines()
        let rule = Array(lines.dropFirst().first ?? "")
        starts = rule.indices.filter { rule[$0] == "-" && ($0 == 0 || rule[$0 - 1] == " ") }
    }

    private var widest: Int { lines.map(\.count).max() ?? 0 }

    /// The fewest columns to scroll away for the last one to fit `width` (0 when all fit).
    func maximumScroll(width: Int) -> Int {
        guard starts.count > 3, widest > width else { return 0 }
        return (1..<(starts.count - 2)).first { widest - (starts[2 + $0] - starts[2]) <= width } ?? starts.count - 3
    }

    /// The grid with `scroll` columns after the second scrolled away, cut after the last
    /// column that fits `width` whole: a number cut at either edge would read as another.
    func lines(width: Int, scroll: Int) -> [String] {
        let k = min(max(0, scroll), maximumScroll(width: width))
        guard starts.count > 2 else { return lines }
        let (pinned, shift) = (starts[2], starts[2 + k] - starts[2])
        // Where each visible column ends once shifted (two spaces before the next one starts).
        let ends = starts.dropFirst().filter { $0 <= pinned || $0 > starts[2 + k] }.map { ($0 > pinned ? $0 - shift : $0) - 2 }
            + [widest - shift]
        let cut = ends.filter { $0 <= width }.max() ?? width
        return lines.map { String((String($0.prefix(pinned)) + String($0.dropFirst(pinned + shift))).prefix(cut)) }
    }
}
