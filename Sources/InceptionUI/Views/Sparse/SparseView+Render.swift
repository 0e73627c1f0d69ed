import InceptionCore

extension SparseView {
    /// Where the panels go. At 80x24 the timing panel shows one summary line,
    /// and takes the place of the outputs while it has the focus.
    struct Panels {
        var matrix: Rect
        var products: Rect
        var outputs: Rect?
        var comparisons: Rect?
        var timing: Rect

        init(area: Rect, focus: Focus, comparisonLines: Int) {
            let (top, rest) = area.splitTop(9)
            (matrix, products) = top.splitLeft(28)
            let middleHeight = 6 + comparisonLines
            if focus == .timing && rest.height < middleHeight + 10 {
                outputs = nil
                comparisons = nil
                timing = rest
            } else {
                let (grids, below) = rest.splitTop(6)
                let (sentences, timing) = below.splitTop(comparisonLines)
                outputs = grids
                comparisons = sentences
                self.timing = timing
            }
        }
    }

    public func render(into canvas: inout Canvas, area: Rect, theme: Theme) {
        let sentences = demo.comparisons.flatMap { TextWrap.lines($0, width: area.width - 2) }
        let panels = Panels(area: area, focus: focus, comparisonLines: sentences.count)
        renderMatrix(into: &canvas, rect: panels.matrix, theme: theme)
        renderProducts(into: &canvas, rect: panels.products, theme: theme)
        if let outputs = panels.outputs { renderOutputs(into: &canvas, rect: outputs, theme: theme) }
        if let rect = panels.comparisons {
            for (row, line) in sentences.enumerated() {
                canvas.text(line, x: rect.x + 1, y: rect.y + row, style: theme.text, clip: rect)
            }
        }
        renderTiming(into: &canvas, rect: panels.timing, theme: theme)
    }

    /// The style of matrix cell [r, c]: the window, the edit cursor, the block it belongs to.
    private func cellStyle(_ r: Int, _ c: Int, theme: Theme) -> Style {
        if focus == .editing && cursor == SparseDemo.Position(r, c) { return theme.selection.with(.bold) }
        let w = windowPosition
        if focus != .editing, r >= w.row, r < w.row + demo.kernelRows, c >= w.column, c < w.column + demo.kernelColumns {
            return theme.selection
        }
        if let b = demo.blocks.firstIndex(where: { $0.contains(r, c) }) {
            return theme.capabilities.color == .none ? Style(attributes: .bold) : Style(fg: b == 0 ? .cyan : .magenta, attributes: .bold)
        }
        return demo.matrix[r][c] == 0 ? theme.dim : theme.error
    }

    private func renderMatrix(into canvas: inout Canvas, rect: Rect, theme: Theme) {
        let title = focus == .editing ? "Edit [\(cursor.row), \(cursor.column)]" : "Matrix, blocks in colour"
        canvas.box(rect, glyphs: theme.box, style: focus == .editing ? theme.title : theme.border, title: title, titleStyle: theme.title)
        let inner = rect.inset(by: 1)
        for c in demo.matrix[0].indices {
            canvas.text(String(c).leftPadded(3), x: inner.x + 2 + 4 * c, y: inner.y, style: theme.dim, clip: inner)
        }
        for (r, row) in demo.matrix.enumerated() {
            let y = inner.y + 1 + r
            canvas.text("\(r)", x: inner.x, y: y, style: theme.dim, clip: inner)
            for (c, value) in row.enumerated() {
                canvas.text(" " + String(value).leftPadded(2) + " ", x: inner.x + 2 + 4 * c, y: y, style: cellStyle(r, c, theme: theme), clip: inner)
            }
        }
    }

    /// `2×4` for a product; padding (an entry a padded block reads as 0 outside
    /// itself) in brackets: `[0]×3`.
    private func productText(_ p: SparseDemo.Product, theme: Theme) -> String {
        let times = theme.asciiOnly ? "x" : "×"
        let padding = p.block.map { !demo.blocks[$0].contains(p.row, p.column) } ?? false
        return (padding ? "[0]" : "\(p.input)") + times + "\(p.weight)"
    }

    private func renderProducts(into canvas: inout Canvas, rect: Rect, theme: Theme) {
        let w = windowPosition
        canvas.box(rect, glyphs: theme.box, style: focus == .demo ? theme.title : theme.border,
                   title: "Window at [\(w.row), \(w.column)], position \(position + 1) of \(demo.positions.count)", titleStyle: theme.title)
        let inner = rect.inset(by: 1)
        let kernel = demo.kernel.map { "[" + $0.map(String.init).joined(separator: ",") + "]" }.joined(separator: ",")
        canvas.text("kernel [\(kernel)], not flipped; [0]: padding", x: inner.x + 1, y: inner.y, style: theme.dim, clip: inner)
        var y = inner.y + 1
        for method in SparseDemo.Method.allCases {
            let products = demo.products(method, at: w)
            let head = method.rawValue.rightPadded(7) + "\(products.count): "
            let body: String
            if products.isEmpty {
                switch method {
                case .dense, .sparse: body = "no non-zero under the window"
                case .blocks: body = "no block holds the whole window"
                case .padded: body = "no block touches the window"
                }
            } else {
                let groups = Dictionary(grouping: products, by: { $0.block ?? -1 }).sorted { $0.key < $1.key }
                let sums = groups.map { block, ps in
                    (block >= 0 && groups.count > 1 ? "b\(block + 1) " : "") + ps.map { productText($0, theme: theme) }.joined(separator: "+")
                }
                body = sums.joined(separator: "  ") + " = " + (demo.output(method)[w.row][w.column].map(String.init) ?? "")
            }
            let lines = TextWrap.lines(body, width: max(1, inner.width - head.count - 1))
            for (i, line) in lines.enumerated() where y < inner.maxY {
                canvas.text(i == 0 ? head : "", x: inner.x + 1, y: y, style: theme.emphasis, clip: inner)
                canvas.text(line, x: inner.x + 1 + head.count, y: y, style: theme.text, clip: inner)
                y += 1
            }
        }
    }

    private func renderOutputs(into canvas: inout Canvas, rect: Rect, theme: Theme) {
        let missed = Set(demo.missed)
        let dot = theme.asciiOnly ? "." : "·"
        let gridWidth = 3 * demo.outputColumns
        let gap = max(2, min(8, (rect.width - 2 - 4 * gridWidth) / 3))
        for (i, method) in SparseDemo.Method.allCases.enumerated() {
            let x = rect.x + 1 + i * (gridWidth + gap)
            canvas.text("\(method.rawValue) \(demo.multiplies(method))", x: x, y: rect.y, style: theme.emphasis, clip: rect)
            let output = demo.output(method)
            let differing = Set(demo.differences(method))
            for (r, row) in output.enumerated() {
                for (c, value) in row.enumerated() {
                    let position = SparseDemo.Position(r, c)
                    let text = value.map(String.init) ?? (method == .blocks && missed.contains(position) ? "x" : dot)
                    // Red where the method's result differs from dense (nothing computed reads as 0).
                    let style = position == windowPosition ? theme.selection
                        : differing.contains(position) ? theme.error : value == nil ? theme.dim : theme.text
                    canvas.text(text.leftPadded(3), x: x + 3 * c, y: rect.y + 1 + r, style: style, clip: rect)
                }
            }
        }
    }

    private func renderTiming(into canvas: inout Canvas, rect: Rect, theme: Theme) {
        guard rect.height >= 3 else { return }
        let state = isTiming ? " (running...)" : ""
        canvas.box(rect, glyphs: theme.box, style: focus == .timing ? theme.title : theme.border,
                   title: "Timing \(parameters.text)\(state)\(focus == .timing ? "" : " (t)")", titleStyle: theme.title)
        let inner = rect.inset(by: 1)
        guard let timing else {
            let long = "Press t, then g: a random block-sparse matrix is convolved by the four methods, each timed (median of \(repeats) runs)."
            let hint = long.count <= inner.width - 1 ? long : "t then g: times each method on a random block-sparse matrix (median of \(repeats))"
            canvas.text(hint, x: inner.x + 1, y: inner.y, style: theme.dim, clip: inner)
            return
        }
        let ns = { (r: SparseTiming.Row) in r.nanosecondsPerUseful.map { NumberText.decimal($0, places: 2, grouped: false) } ?? "-" }
        if inner.height < 7 {
            let summary = timing.rows.map { "\($0.method.rawValue) \(ns($0))" }.joined(separator: "  ")
            canvas.text("ns per useful multiply: " + summary, x: inner.x + 1, y: inner.y, style: theme.text, clip: inner)
            return
        }
        let p = timing.parameters
        canvas.text("\(p.size)x\(p.size), \(p.blocks) blocks of \(p.blockSide)x\(p.blockSide), \(NumberText.integer(timing.nonZeros, grouped: true)) non-zeros, \(p.kernel)x\(p.kernel) kernel, seed \(p.seed)",
                    x: inner.x + 1, y: inner.y, style: theme.text, clip: inner)
        let header = "method".rightPadded(8) + "multiplies".leftPadded(14) + "useful".leftPadded(14)
            + "median ms".leftPadded(11) + "ns/useful".leftPadded(11)
        canvas.text(header, x: inner.x + 1, y: inner.y + 2, style: theme.emphasis, clip: inner)
        let slowest = timing.rows.compactMap(\.nanosecondsPerUseful).max() ?? 0
        for (i, row) in timing.rows.enumerated() {
            let text = row.method.rawValue.rightPadded(8)
                + NumberText.integer(row.multiplies, grouped: true).leftPadded(14)
                + NumberText.integer(row.usefulMultiplies, grouped: true).leftPadded(14)
                + NumberText.decimal(row.seconds * 1000, places: 3, grouped: false).leftPadded(11) + ns(row).leftPadded(11)
            let y = inner.y + 3 + i
            let end = canvas.text(text, x: inner.x + 1, y: y, style: row.method == timing.fastestPerUseful ? theme.emphasis : theme.text, clip: inner)
            if let value = row.nanosecondsPerUseful, inner.maxX - end > 12 {
                BarChart.bar(into: &canvas, x: end + 2, y: y, width: inner.maxX - end - 3, fraction: slowest > 0 ? value / slowest : 0,
                             label: "", series: .second, theme: theme, clip: inner)
            }
        }
        if let fastest = timing.fastestPerUseful {
            let note = "Least time per useful multiply: \(fastest.rawValue). Dense hardware does every product at full speed; "
                + "sparse storage pays only while the zeros it skips outweigh its irregular memory access."
            for (i, line) in TextWrap.lines(note, width: inner.width - 2).enumerated() {
                canvas.text(line, x: inner.x + 1, y: inner.y + 8 + i, style: theme.dim, clip: inner)
            }
        }
        if let sweep, inner.height >= 12 + sweep.timings.count + 2 {
            renderSweep(sweep, into: &canvas, x: inner.x + 1, y: inner.y + 12, clip: inner, theme: theme)
        }
    }

    private func renderSweep(_ sweep: SparseDensitySweep, into canvas: inout Canvas, x: Int, y: Int, clip: Rect, theme: Theme) {
        canvas.text("Density sweep, same size, blocks and kernel: ns per useful multiply", x: x, y: y, style: theme.emphasis, clip: clip)
        let methods = SparseDemo.Method.allCases
        let header = "density".rightPadded(9) + "non-zeros".leftPadded(11)
            + methods.map { $0.rawValue.leftPadded(10) }.joined() + "  least"
        canvas.text(header, x: x, y: y + 1, style: theme.emphasis, clip: clip)
        for (i, t) in sweep.timings.enumerated() {
            let row = y + 2 + i
            var column = canvas.text(NumberText.decimal(t.parameters.density, places: 2, grouped: false).rightPadded(9)
                                     + NumberText.integer(t.nonZeros, grouped: true).leftPadded(11), x: x, y: row, style: theme.text, clip: clip)
            for r in t.rows {
                let text = (r.nanosecondsPerUseful.map { NumberText.decimal($0, places: 2, grouped: false) } ?? "-").leftPadded(10)
                column = canvas.text(text, x: column, y: row, style: r.method == t.fastestPerUseful ? theme.emphasis : theme.text, clip: clip)
            }
            canvas.text("  " + (t.fastestPerUseful?.rawValue ?? "-"), x: column, y: row, style: theme.emphasis, clip: clip)
        }
    }
}
