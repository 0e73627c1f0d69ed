import InceptionCore

extension CostsView {
    /// Where the panels go: stacked at 80 columns, table and example on the
    /// left with the bar chart (and the selected module's branches) beside
    /// them from 160 columns on.
    struct Panels {
        var header: Rect
        var table: Rect
        var bars: Rect
        var example: Rect
        var branches: Rect?

        init(area: Rect, modules: Int) {
            let (header, rest) = area.splitTop(1)
            self.header = header
            let tableHeight = modules + 4
            let exampleHeight = 4
            if area.width >= 160 {
                let (left, right) = rest.splitLeft(80)
                let (table, below) = left.splitTop(min(tableHeight, left.height - exampleHeight))
                let (example, branches) = below.splitTop(exampleHeight)
                self.table = table
                self.example = example
                self.branches = branches.height >= 6 ? branches : nil
                bars = right
            } else {
                let (top, example) = rest.splitBottom(exampleHeight)
                // The chart needs at least the selected module and the total (4 rows + frame).
                let (table, bars) = top.splitTop(min(tableHeight, max(5, top.height - 7)))
                self.table = table
                self.bars = bars
                self.example = example
                branches = nil
            }
        }
    }

    /// The module rows of the table: each module's spec and cost.
    var moduleCosts: [(spec: InceptionSpec, cost: LayerCost)] {
        CostModel(network).layers(wholeNaive: wholeNaive).compactMap { l in
            if case .inception(let m) = l.layer { (m, l) } else { nil }
        }
    }

    public func render(into canvas: inout Canvas, area: Rect, theme: Theme) {
        if retrain.visible {
            retrain.render(into: &canvas, area: area, theme: theme)
            return
        }
        let modules = moduleCosts
        let totals = CostModel(network).totals(wholeNaive: wholeNaive)
        let panels = Panels(area: area, modules: modules.count)
        renderHeader(into: &canvas, rect: panels.header, theme: theme)
        renderTable(into: &canvas, rect: panels.table, modules: modules, totals: totals, theme: theme)
        renderBars(into: &canvas, rect: panels.bars, modules: modules, totals: totals, listsAdded: panels.branches == nil,
                   theme: theme)
        renderExample(into: &canvas, rect: panels.example, theme: theme)
        if let branches = panels.branches {
            renderBranches(into: &canvas, rect: branches, cost: modules[module].cost, theme: theme)
        }
        if let refusal {
            let box = ErrorBox(message: refusal + " (nothing changed)")
            let width = min(panels.bars.width - 4, 76)
            let height = box.height(width: width)
            box.render(into: &canvas, area: Rect(x: panels.bars.x + 2, y: panels.bars.maxY - height - 1, width: width, height: height), theme: theme)
        }
    }

    private func renderHeader(into canvas: inout Canvas, rect: Rect, theme: Theme) {
        let naive = wholeNaive ? "whole network" : "per module"
        let changes = history.isEmpty ? "" : "  \(history.count) change\(history.count == 1 ? "" : "s") (u)"
        var x = rect.x + 1
        for (value, key) in [(preset.rawValue, "p"), (convention.rawValue, "c"), (unit.label, "f"), ("naive: " + naive, "w")] {
            x = canvas.text(value, x: x, y: rect.y, style: theme.emphasis, clip: rect)
            x = canvas.text(" (\(key))  ", x: x, y: rect.y, style: theme.dim, clip: rect)
        }
        x = canvas.text(changes, x: x - 2, y: rect.y, style: theme.text, clip: rect)
        let command = "  = " + request.commandLine()
        if rect.maxX - x >= command.count {
            canvas.text(command, x: rect.maxX - command.count, y: rect.y, style: theme.dim, clip: rect)
        }
    }

    static let widthHeaders = ["1x1", "3x3r", "3x3", "5x5r", "5x5", "pool"]

    /// One table row's cells: name, in_c, six widths, params, naive params, operations, naive operations, saved.
    private func cells(name: String, inChannels: Int?, widths: [Int]?, reduced: CostBreakdown, naive: CostBreakdown) -> [String] {
        let saving = convention.saving(reduced: reduced, naive: naive, unit: unit)
        return [name, inChannels.map(Self.widthText) ?? ""] + (widths?.map(Self.widthText) ?? Array(repeating: "", count: 6))
            + [convention.parameters(reduced), convention.parameters(naive),
               convention.operations(reduced, unit: unit), convention.operations(naive, unit: unit)].map(NumberText.compact)
            + [saving.map { NumberText.decimal(100 * $0, places: 0, grouped: false) + "%" } ?? ""]
    }

    /// A width in its 5-column cell with room to spare: five digits (widths go up to
    /// `InceptionWidths.maximumWidth`) would run into the next column, so 10,000 and
    /// above read in thousands (65,536 as 66K; the status line gives the exact value).
    static func widthText(_ n: Int) -> String {
        n < 10_000 ? String(n) : "\(Int((Double(n) / 1000).rounded()))K"
    }

    static let columnWidths = [6, 5, 5, 5, 5, 5, 5, 5, 8, 7, 8, 7, 6]

    /// Draws cells left-aligned (first) and right-aligned (the rest) in the
    /// fixed columns; returns each cell's x range for highlighting.
    @discardableResult
    private func drawRow(_ cells: [String], into canvas: inout Canvas, x: Int, y: Int, style: Style, clip: Rect) -> [Range<Int>] {
        var column = x
        var ranges: [Range<Int>] = []
        for (i, (text, width)) in zip(cells, Self.columnWidths).enumerated() {
            let padded = i == 0 ? text.padding(toLength: width, withPad: " ", startingAt: 0)
                : String(repeating: " ", count: max(0, width - text.count)) + text
            canvas.text(padded, x: column, y: y, style: style, clip: clip)
            ranges.append(column + max(0, width - text.count - 1)..<column + width)
            column += width
        }
        return ranges
    }

    private func renderTable(into canvas: inout Canvas, rect: Rect, modules: [(spec: InceptionSpec, cost: LayerCost)],
                             totals: (reduced: CostBreakdown, naive: CostBreakdown), theme: Theme) {
        let capacity = rect.height - 4
        let visible = BarChart.window(count: modules.count, capacity: capacity, selected: module)
        let more = visible.count < modules.count ? " \(visible.lowerBound + 1)-\(visible.upperBound) of \(modules.count)" : ""
        canvas.box(rect, glyphs: theme.box, style: focus == .modules ? theme.title : theme.border,
                   title: "Modules: 1x1-reduced vs naive\(more)  " + factorizationSummary(modules[module]), titleStyle: theme.title)
        let inner = rect.inset(by: 1)
        let x = inner.x + 1
        let headers = ["module", "in_c"] + Self.widthHeaders + ["params", "naive", "mults", "naive", "saved"]
        drawRow(headers, into: &canvas, x: x, y: inner.y, style: theme.emphasis, clip: inner)
        for (row, index) in visible.enumerated() {
            let (spec, cost) = modules[index]
            let y = inner.y + 1 + row
            let inC = wholeNaive ? cost.naiveInput.c : cost.input.c
            let selected = index == module
            let name = spec.name.short + (spec.factorize == .none ? "" : " " + spec.factorize.rawValue.prefix(2))
            let ranges = drawRow(cells(name: name, inChannels: inC, widths: spec.widths.all, reduced: cost.reduced, naive: cost.naive),
                                 into: &canvas, x: x, y: y, style: selected ? theme.emphasis : theme.text, clip: inner)
            if selected {
                canvas.text(theme.asciiOnly ? ">" : "▶", x: inner.x, y: y, style: theme.emphasis, clip: inner)
                if focus == .modules {
                    let range = ranges[2 + field]
                    let value = Self.widthText(spec.widths.all[field])
                    canvas.text(" " + value, x: range.upperBound - value.count - 1, y: y, style: theme.selection, clip: inner)
                }
            }
        }
        drawRow(cells(name: "total", inChannels: nil, widths: nil, reduced: totals.reduced, naive: totals.naive),
                into: &canvas, x: x, y: inner.y + 1 + visible.count, style: theme.emphasis, clip: inner)
    }

    /// `3a stacked: +2.7% mults vs none (F)`: the selected module's factorisation
    /// and its saving against `none`, or the key that sets it.
    func factorizationSummary(_ selected: (spec: InceptionSpec, cost: LayerCost)) -> String {
        let spec = selected.spec
        guard spec.factorize != .none else { return "F: factorize \(spec.name.short)" }
        let saving = CostModel(network).factorizationSaving(spec, input: selected.cost.input).saving(convention, unit: unit)
        let change = saving.operations.map { (-$0 >= 0 ? "+" : "") + NumberText.decimal(-100 * $0, places: 1, grouped: false) + "%" } ?? "n/a"
        return "\(spec.name.short) \(spec.factorize.rawValue): \(change) mults vs none (F)"
    }

    private func renderBars(into canvas: inout Canvas, rect: Rect, modules: [(spec: InceptionSpec, cost: LayerCost)],
                            totals: (reduced: CostBreakdown, naive: CostBreakdown), listsAdded: Bool, theme: Theme) {
        guard rect.height >= 4 else { return }
        let naiveGlyph = BarChart.Series.first.glyph(theme), reducedGlyph = BarChart.Series.second.glyph(theme)
        canvas.box(rect, glyphs: theme.box, style: theme.border,
                   title: "\(unit.label): naive \(naiveGlyph) vs reduced \(reducedGlyph)", titleStyle: theme.title)
        let inner = rect.inset(by: 1)
        // Two rows per module and two for the total, with a line for the note
        // when the modules do not all fit.
        let capacity = (inner.height - 2) / 2 >= modules.count ? modules.count : max(0, (inner.height - 3) / 2)
        let visible = BarChart.window(count: modules.count, capacity: capacity, selected: module)
        let scale = modules.map { max(convention.operations($0.cost.naive, unit: unit), convention.operations($0.cost.reduced, unit: unit)) }.max() ?? 0
        let labelWidth = 15
        func pair(_ name: String, _ reduced: CostBreakdown, _ naive: CostBreakdown, y: Int, scale: Int, style: Style) {
            canvas.text(name, x: inner.x + 1, y: y, style: style, clip: inner)
            canvas.text("naive", x: inner.x + 7, y: y, style: theme.dim, clip: inner)
            canvas.text("reduced", x: inner.x + 7, y: y + 1, style: theme.dim, clip: inner)
            let width = inner.width - labelWidth - 1
            BarChart.bar(into: &canvas, x: inner.x + labelWidth, y: y, width: width, value: convention.operations(naive, unit: unit),
                         scale: scale, series: .first, theme: theme, clip: inner)
            BarChart.bar(into: &canvas, x: inner.x + labelWidth, y: y + 1, width: width, value: convention.operations(reduced, unit: unit),
                         scale: scale, series: .second, theme: theme, clip: inner)
        }
        for (row, index) in visible.enumerated() {
            let cost = modules[index].cost
            pair(modules[index].spec.name.short, cost.reduced, cost.naive, y: inner.y + 2 * row, scale: scale,
                 style: index == module ? theme.emphasis : theme.text)
        }
        let totalScale = max(convention.operations(totals.naive, unit: unit), convention.operations(totals.reduced, unit: unit))
        var y = inner.y + 2 * visible.count
        if visible.count < modules.count {
            let shown = visible.count == 1 ? "module \(visible.lowerBound + 1)" : "modules \(visible.lowerBound + 1)-\(visible.upperBound)"
            canvas.text("\(shown) of \(modules.count) (↑↓ scroll); the total has its own scale",
                        x: inner.x + 1, y: y, style: theme.dim, clip: inner)
        }
        if y + 3 <= inner.maxY { y += 1 }
        pair("total", totals.reduced, totals.naive, y: y, scale: totalScale, style: theme.emphasis)
        // Without the branches panel the added convolutions go in the last free row.
        let selected = modules[module]
        if listsAdded && selected.spec.factorize != .none && y + 2 < inner.maxY {
            let added = CostModel(network).factorizationSaving(selected.spec, input: selected.cost.input).addedSummary
            canvas.text("\(selected.spec.name.short) adds \(added)", x: inner.x + 1, y: inner.maxY - 1, style: theme.dim, clip: inner)
        }
    }

    private func renderExample(into canvas: inout Canvas, rect: Rect, theme: Theme) {
        let e = example
        let focused = focus == .example
        let k = "\(e.kernel)x\(e.kernel)"
        let change = NumberText.decimal(100 * abs(e.factorizationSaving), places: 1, grouped: false)
        let factorized = e.factorize == .none ? ""
            : ", \(e.factorize.rawValue) \(k) " + (change == "0.0" ? "unchanged" : (e.factorizationSaving < 0 ? "+" : "-") + change + "%")
        let title = focused ? "Worked example: reduce +-<> Enter, F factorize\(factorized) (e: back)"
            : "Worked example: \(e.inChannels) features at \(e.size)x\(e.size) -> \(e.outChannels)\(factorized) (e: edit)"
        let kernels = e.kernelLayers.map { String($0.label.prefix { $0 != " " }) }.joined(separator: "+")
        canvas.box(rect, glyphs: theme.box, style: focused ? theme.title : theme.border, title: title, titleStyle: theme.title)
        let inner = rect.inset(by: 1)
        let number = { (n: Int) in NumberText.integer(n, grouped: true) }
        let rows: [(String, Int, Int)] = [("direct \(k) \(e.inChannels)->\(e.outChannels)", e.directParameters, e.directMultiplies),
                                          ("1x1 \(e.inChannels)->\(e.reduce), \(kernels) ->\(e.outChannels)", e.reducedParameters, e.reducedMultiplies)]
        for (i, (label, params, mults)) in rows.enumerated() {
            let y = inner.y + i
            var x = canvas.text(label.rightPadded(26), x: inner.x + 1, y: y, style: theme.text, clip: inner)
            x = canvas.text(number(params).leftPadded(11) + " params ", x: x, y: y, style: theme.text, clip: inner)
            x = canvas.text(number(mults).leftPadded(13) + " multiplies", x: x, y: y, style: theme.text, clip: inner)
            if i == 1 {
                canvas.text("  " + NumberText.decimal(100 * e.ratio, places: 1, grouped: false) + "%", x: x, y: y, style: theme.emphasis, clip: inner)
                if focused {
                    let before = "1x1 \(e.inChannels)->"
                    canvas.text("\(e.reduce)", x: inner.x + 1 + before.count, y: y, style: theme.selection, clip: inner)
                }
            }
        }
    }

    private func renderBranches(into canvas: inout Canvas, rect: Rect, cost: LayerCost, theme: Theme) {
        let spec = selectedModule
        let factorized = spec.factorize == .none ? "" : " (\(spec.factorize.rawValue))"
        canvas.box(rect, glyphs: theme.box, style: theme.border, title: "Branches of \(spec.name.short)\(factorized): reduced | naive",
                   titleStyle: theme.title)
        let inner = rect.inset(by: 1)
        if spec.factorize != .none {
            let s = CostModel(network).factorizationSaving(spec, input: cost.input)
            let count = { (c: CostBreakdown) in
                NumberText.compact(convention.parameters(c)) + " params, " + NumberText.compact(convention.operations(c, unit: unit)) + " mults"
            }
            canvas.text("\(spec.factorize.rawValue): \(count(s.factorized)) | none: \(count(s.unfactorized))",
                        x: inner.x + 1, y: inner.maxY - 1, style: theme.emphasis, clip: inner)
        }
        let half = inner.width / 2
        for (column, branches) in [cost.branches, cost.naiveBranches].enumerated() {
            let x = inner.x + 1 + column * half
            canvas.text("branch".rightPadded(12) + "params".leftPadded(9) + "mults".leftPadded(9),
                        x: x, y: inner.y, style: theme.emphasis, clip: inner)
            for (row, branch) in branches.enumerated() where row + 2 < inner.height {
                let text = branch.name.rightPadded(12)
                    + NumberText.compact(convention.parameters(branch.cost)).leftPadded(9)
                    + NumberText.compact(convention.operations(branch.cost, unit: unit)).leftPadded(9)
                canvas.text(text, x: x, y: inner.y + 1 + row, style: theme.text, clip: inner)
            }
        }
    }
}
