import InceptionCore

/// GAP + linear against flatten + fully connected (tab 5): parameters, their
/// share of the whole network and the multiplies, for the current preset and
/// for GoogLeNet (7x7x1024 -> 1000); then what each head meets on a larger
/// input. Every number comes from `HeadsComparison` and `HeadInputCheck`.
public struct HeadsView: ExplorerView {
    public let id = ViewID.heads

    public private(set) var preset = Preset.tiny
    public private(set) var convention = Convention.paper
    public private(set) var unit = CostUnit.macs
    /// The larger input the last panel tries, cycled with `s`.
    public private(set) var inputSize = 64
    static let inputSizes = [24, 32, 48, 64, 96]
    /// The class of the sample the network runs on, cycled with `i`.
    public private(set) var sample = ShapeClass.disc
    /// Both heads run on the sample at `inputSize`; made on the first tick and
    /// after every change, never while drawing.
    public private(set) var run: HeadsRun?
    /// The trained GAP network the larger-input panel runs, if one loaded.
    let trained: InceptionNetwork?
    /// Where the weights came from, or why they are untrained.
    let weightsNote: String
    /// The shipped network's test accuracy at each input side (the `input-size`
    /// experiment), when a result is cached or shipped.
    let accuracyBySize: InputSizeAccuracy?

    /// With no trained network the panel runs seeded weights and says so.
    public init(trained: InceptionNetwork? = nil, weightsNote: String = HeadsView.untrainedNote, accuracyBySize: InputSizeAccuracy? = nil) {
        self.trained = trained?.description.head == .gap ? trained : nil
        self.weightsNote = self.trained == nil ? HeadsView.untrainedNote : weightsNote
        self.accuracyBySize = accuracyBySize
    }

    public static let untrainedNote = "Untrained weights (seed 1): this shows which head runs, not what it knows."

    /// The view for this run: the shipped network or the `--weights` file, and the
    /// shipped network's accuracy by input size from `library`.
    public static func load(options: ExplorerOptions, library: ExperimentLibrary = .process()) -> HeadsView {
        let path = options.tinyWeightsPath ?? TrainedWeights.packagePath
        let (network, untrained) = TrainedWeights.tiny(path: path)
        // The measurement is of the shipped weights: it says nothing about a --weights file.
        let accuracy = options.tinyWeightsPath == nil ? InputSizeAccuracy.load(library) : nil
        return untrained == nil ? HeadsView(trained: network, weightsNote: "GAP head: trained weights from \(path).", accuracyBySize: accuracy)
            : HeadsView(accuracyBySize: accuracy)
    }

    private func makeRun() -> HeadsRun { HeadsRun(sample: sample, inputSize: inputSize, trainedGAP: trained) }

    public var request: TableRequest { TableRequest(kind: .heads, preset: preset, convention: convention, unit: unit) }

    public var keyBindings: [KeyBinding] {
        [KeyBinding("p", "preset"), KeyBinding("s", "input size"), KeyBinding("i", "sample"), KeyBinding("c", "convention"),
         KeyBinding("f", "unit"), TableExport.binding]
    }

    public mutating func handle(_ input: ViewInput, area: Rect) -> [ViewCommand] {
        if input == .tick, run == nil { run = makeRun() }
        guard case .key(let key) = input else { return [] }
        switch key {
        case .character("p"): preset = preset.next
        case .character("c"): convention = convention.next
        case .character("f"): unit = unit.next
        case .character("s"):
            let sizes = Self.inputSizes
            inputSize = sizes[((sizes.firstIndex(of: inputSize) ?? 0) + 1) % sizes.count]
            run = makeRun()
        case .character("i"):
            sample = sample.next
            run = makeRun()
        case .character("x"): return TableExport.begin()
        default: break
        }
        return []
    }

    public mutating func textEntered(_ text: String, tag: String, area: Rect) -> [ViewCommand] {
        TableExport.answer(text, tag: tag, name: "heads", table: { try request.table() }) ?? []
    }

    public func render(into canvas: inout Canvas, area: Rect, theme: Theme) {
        let (header, rest) = area.splitTop(1)
        var x = header.x + 1
        for (value, key) in [(preset.rawValue, "p"), (convention.rawValue, "c"), (unit.label, "f"), ("input \(inputSize)x\(inputSize)", "s")] {
            x = canvas.text(value, x: x, y: header.y, style: theme.emphasis, clip: header)
            x = canvas.text(" (\(key))  ", x: x, y: header.y, style: theme.dim, clip: header)
        }
        let presets = preset == .googlenet ? [preset] : [preset, .googlenet]
        var remaining = rest
        // Two lines of explanation when there is room, one at 80x24.
        let panelHeight = area.height >= 30 ? 7 : 6
        for p in presets {
            let (panel, below) = remaining.splitTop(panelHeight)
            renderComparison(into: &canvas, rect: panel, comparison: HeadsComparison(network: p.description), theme: theme)
            remaining = below
        }
        renderLargerInput(into: &canvas, rect: remaining, theme: theme)
    }

    private func renderComparison(into canvas: inout Canvas, rect: Rect, comparison: HeadsComparison, theme: Theme) {
        let f = comparison.features
        canvas.box(rect, glyphs: theme.box, style: theme.border,
                   title: "\(comparison.network.preset): the head reads \(f.h)x\(f.w)x\(f.c), \(comparison.network.classes) classes",
                   titleStyle: theme.title)
        let inner = rect.inset(by: 1)
        let columns = [("head", 13), ("in", 8), ("params", 12), ("of net", 7), ("multiplies", 12)]
        func row(_ cells: [String], y: Int, style: Style) -> Int {
            var x = inner.x + 1
            for (i, (text, (_, width))) in zip(cells, columns).enumerated() {
                x = canvas.text(i == 0 ? text.padding(toLength: width, withPad: " ", startingAt: 0) : text.leftPadded(width),
                                x: x, y: y, style: style, clip: inner)
            }
            return x
        }
        _ = row(columns.map(\.0), y: inner.y, style: theme.emphasis)
        let heads = [comparison.gap, comparison.fc]
        let largest = heads.map { convention.parameters($0.cost) }.max() ?? 0
        for (i, head) in heads.enumerated() {
            let params = convention.parameters(head.cost)
            let share = HeadsComparison.share(params, of: convention.parameters(head.network))
            let end = row([head.kind == .gap ? "GAP + linear" : "flatten + FC", NumberText.integer(head.inFeatures, grouped: true),
                           NumberText.integer(params, grouped: true), NumberText.decimal(share, places: 1, grouped: false) + "%",
                           NumberText.integer(convention.operations(head.cost, unit: unit), grouped: true)],
                          y: inner.y + 1 + i, style: theme.text)
            BarChart.bar(into: &canvas, x: end + 2, y: inner.y + 1 + i, width: inner.maxX - end - 3, value: params, scale: largest,
                         series: head.kind == .gap ? .second : .first, theme: theme, clip: inner)
        }
        let ratio = NumberText.decimal(comparison.parameterRatio(convention: convention), places: 1, grouped: true)
        let why = "FC has \(ratio)x the parameters of GAP: its weights grow with the \(f.h)x\(f.w) maps, GAP's do not. "
            + "\"of net\": share of the whole network with that head."
        let room = max(0, inner.height - 3)
        // At 80x24 there is one line: the reason, without the column's gloss, rather than half a sentence.
        var lines = TextWrap.lines(why, width: inner.width - 2)
        if lines.count > room { lines = TextWrap.lines("FC: \(ratio)x the parameters of GAP, as its weights grow with the \(f.h)x\(f.w) maps.", width: inner.width - 2) }
        for (i, line) in lines.prefix(room).enumerated() {
            canvas.text(line, x: inner.x + 1, y: inner.y + 3 + i, style: theme.dim, clip: inner)
        }
    }

    /// What the engine did with one head: its top class, or its refusal.
    private func runText(_ outcome: HeadsRun.Outcome?) -> String {
        guard let outcome else { return "Running..." }
        if let refusal = outcome.refusal { return "The engine refuses: \(refusal)." }
        guard let predicted = outcome.predicted, let p = outcome.probabilities else { return "" }
        return "Ran on a \(sample.name) sample: \(p.count) probabilities, top \(predicted.name) "
            + NumberText.decimal(100 * Double(p[predicted.rawValue]), places: 1, grouped: false) + "%"
            // Only trained weights make a guess worth judging (the FC head always runs seeded weights).
            + (outcome.head == .gap && trained != nil ? (predicted == sample ? ": right." : ": wrong.") : ".")
    }

    /// The measured accuracy at every side, or how to measure it (nothing for untrained weights).
    private var accuracyLine: String? {
        guard trained != nil else { return nil }
        return accuracyBySize?.line(current: inputSize)
            ?? "Accuracy by input size: `\(ExperimentName.inputSize.command)` measures it for the shipped weights."
    }

    private func renderLargerInput(into canvas: inout Canvas, rect: Rect, theme: Theme) {
        guard rect.height >= 3 else { return }
        let network = Preset.tiny.description
        canvas.box(rect, glyphs: theme.box, style: theme.border,
                   title: "The tiny network on a \(inputSize)x\(inputSize) \(sample.name) (s: size, i: sample)", titleStyle: theme.title)
        let inner = rect.inset(by: 1)
        var lines: [String]
        do {
            let check = try HeadInputCheck(network: network, inputSize: inputSize)
            let t = check.trained, g = check.given
            lines = ["Built for \(network.input.h)x\(network.input.w), the head reads \(t.h)x\(t.w)x\(t.c); at \(inputSize)x\(inputSize) it reads \(g.h)x\(g.w)x\(g.c).",
                     "GAP + linear: \(check.gapFeatures) channel averages, \(check.gapFits ? "as trained" : "not as trained"). " + runText(run?.gap),
                     accuracyLine,
                     "flatten + FC: weights for \(NumberText.integer(check.fcExpects, grouped: true)) features, gets \(NumberText.integer(check.fcReceives, grouped: true)). "
                        + runText(run?.fc),
                     weightsNote].compactMap { $0 }
        } catch {
            lines = ["\(error)"]
        }
        var y = inner.y
        for line in lines {
            for wrapped in TextWrap.lines(line, width: inner.width - 2) where y < inner.maxY {
                canvas.text(wrapped, x: inner.x + 1, y: y, style: theme.text, clip: inner)
                y += 1
            }
        }
        // With room to spare, every class probability of the GAP head.
        guard let p = run?.gap.probabilities, inner.maxY - y >= p.count + 2 else { return }
        canvas.text("GAP head, class probabilities:", x: inner.x + 1, y: y + 1, style: theme.emphasis, clip: inner)
        for (i, name) in ShapeClass.names.enumerated() where i < p.count {
            let row = y + 2 + i
            canvas.text(name, x: inner.x + 3, y: row, style: i == run?.gap.predicted?.rawValue ? theme.emphasis : theme.text, clip: inner)
            BarChart.bar(into: &canvas, x: inner.x + 15, y: row, width: min(60, inner.width - 16), fraction: Double(p[i]),
                         label: NumberText.decimal(100 * Double(p[i]), places: 1, grouped: false) + "%", series: .second, theme: theme, clip: inner)
        }
    }
}

extension CaseIterable where Self: Equatable, AllCases == [Self] {
    /// The next case, wrapping around: what a key that cycles a choice selects.
    var next: Self {
        let all = Self.allCases
        return all[((all.firstIndex(of: self) ?? 0) + 1) % all.count]
    }
}
