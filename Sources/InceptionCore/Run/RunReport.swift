/// One step-by-step run of a network on one image: every step's output, shape,
/// multiplies and time (`StepRunner`), then the class probabilities. Renders as a
/// per-step table (Markdown, CSV), a JSON document, or text with an ASCII heatmap
/// of every channel of every branch.
public struct RunReport: Sendable {
    /// The (1, c, h, w) values fed to the network.
    public let input: Tensor
    /// Where the input came from.
    public let source: String
    public let steps: [StepResult]
    public let classNames: ClassNames

    /// Runs `network` on `input` one step at a time. Without `resize`, an image file keeps
    /// its size, which only a GAP head accepts (a fully connected head's weights fix it).
    public init(network: InceptionNetwork, input: RunInput, resize: Bool = true) throws {
        if !resize && network.description.head != .gap {
            let side = GrayImage.networkSide
            throw UserError("--no-resize needs a GAP head; these weights end in a fully connected head, "
                            + "whose weights fix the input at \(side)x\(side)")
        }
        let tensor = try input.tensor(resize: resize, channels: network.description.input.c)
        try network.validateInput(FeatureShape(c: tensor.shape[1], h: tensor.shape[2], w: tensor.shape[3]))
        self.input = tensor
        self.source = input.summary
        self.steps = StepRunner(network: network).runAll(input: tensor)
        self.classNames = ClassNames(classes: network.description.classes)
    }

    /// The classifier's output (the step before softmax), one value per class.
    public var logits: [Float] { steps[steps.count - 2].output.data }
    public var probabilities: [Float] { steps[steps.count - 1].output.data }
    public var predicted: RankedClass { classNames.top(1, of: probabilities)[0] }
    public var top5: [RankedClass] { classNames.top(5, of: probabilities) }

    /// A step's output shape without the batch dimension: [c, h, w], or [features].
    static func shape(_ t: Tensor) -> [Int] { Array(t.shape.dropFirst()) }

    /// The per-step table; its JSON is `{input, input_shape, layers, logits, probabilities, predicted, top5}`.
    public var table: Table {
        let rows = steps.map { step -> [TableCell] in
            [.text(step.name), .text(Self.shape(step.output).map(String.init).joined(separator: "x")),
             .integer(step.multiplies), .decimal(step.seconds * 1000, places: 3)]
        }
        let json = JSONValue.object([
            ("input", .array(input.data.map { .decimal(Double($0), places: 6) })),
            ("input_shape", .array(Self.shape(input).map(JSONValue.integer))),
            ("layers", .array(steps.map { step in
                .object([("name", .string(step.name)),
                         ("shape", .array(Self.shape(step.output).map(JSONValue.integer))),
                         ("multiplies", .integer(step.multiplies)),
                         ("time_ms", .decimal(step.seconds * 1000, places: 4))])
            })),
            ("logits", .array(logits.map { .decimal(Double($0), places: 6) })),
            ("probabilities", .array(probabilities.map { .decimal(Double($0), places: 6) })),
            ("predicted", .string(predicted.name)),
            ("top5", .array(top5.map { c in
                .object([("index", .integer(c.index)), ("class", .string(c.name)),
                         ("probability", .decimal(Double(c.probability), places: 6))])
            })),
        ])
        let total = steps.reduce(0) { $0 + $1.multiplies }
        return Table(title: "Step-by-step run on \(source)", columns: ["layer", "shape", "multiplies", "time ms"],
                     rows: rows, notes: ["total \(NumberText.integer(total, grouped: true)) multiplies",
                                          "predicted \(predicted.name) (\(percent(predicted.probability)))"],
                     customJSON: json)
    }

    /// Text, Markdown and CSV give the table (text adds heatmaps and probabilities), JSON the document.
    /// Heatmaps are drawn for grey inputs only: a photo network's hundreds of channels
    /// would print megabytes (the explorer pages through them instead).
    public func rendered(as format: TableFormat) -> String {
        guard format == .text else { return table.rendered(as: format) }
        var out = [table.rendered(as: .text)]
        for step in steps where step.output.shape.count == 4 && input.shape[1] == 1 {
            for (label, tensor) in Self.maps(step) {
                let high = tensor.data.max() ?? 0, low = min(0, tensor.data.min() ?? 0)
                let (c, h, w) = (tensor.shape[1], tensor.shape[2], tensor.shape[3])
                out.append("\(label): \(c) channels of \(h)x\(w), ramp ' .:-=+*#%@' from "
                           + "\(NumberText.decimal(Double(low), places: 3, grouped: false)) to "
                           + "\(NumberText.decimal(Double(high), places: 3, grouped: false))\n")
                let lines = ASCIIHeatmap.channels(tensor, captions: (0..<c).map { "ch \($0)" }, low: low, high: high)
                out.append(lines.joined(separator: "\n") + "\n\n")
            }
        }
        let shown = probabilities.count <= 10
            ? probabilities.indices.map { RankedClass(index: $0, name: classNames[$0], probability: probabilities[$0]) } : top5
        let width = max(11, shown.map(\.name.count).max() ?? 0)
        out.append(probabilities.count <= 10 ? "Class probabilities:\n" : "Top five of \(probabilities.count) classes:\n")
        for c in shown {
            let p = c.probability
            let bar = String(repeating: "#", count: p.isFinite ? Int((min(max(p, 0), 1) * 40).rounded()) : 0)
            let name = c.name + String(repeating: " ", count: width - c.name.count)
            let value = percent(p)
            out.append("  \(name) \(String(repeating: " ", count: max(0, 6 - value.count)))\(value) \(bar)\n")
        }
        out.append("predicted: \(predicted.name)\n")
        return out.joined()
    }

    /// The maps of a step worth drawing: each branch's output for a module, the whole
    /// output of a convolution or pool.
    static func maps(_ step: StepResult) -> [(String, Tensor)] {
        if step.branches.isEmpty { return [(step.name, step.output)] }
        return step.branches.map { ("\(step.name) / \($0.name) branch", $0.tensors.last!.tensor) }
    }
}

private func percent(_ p: Float) -> String {
    NumberText.decimal(Double(p) * 100, places: 1, grouped: false) + "%"
}
