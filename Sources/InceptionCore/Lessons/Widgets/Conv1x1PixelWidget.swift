extension WidgetDefinition {
    /// `::: conv1x1-pixel module=3a sample=ring-large x=8 y=8`: a 1x1 convolution of
    /// the tiny network at one pixel, written out as the fully connected layer it is:
    /// the input vector, the weights, the bias, the sum and the ReLU, checked against
    /// what the network's own convolution computed there.
    public static let conv1x1Pixel = WidgetDefinition(
        name: "conv1x1-pixel",
        summary: "A 1x1 convolution at one pixel of real feature maps: input vector, weights, bias, output vector.",
        arguments: ModuleRun.arguments + [
            .optional("branch", .choice(["1x1", "3x3-reduce", "5x5-reduce"]), default: "1x1",
                      help: "which 1x1 convolution of the module"),
            .optional("x", .integer(0...63), default: "8", help: "the column of the pixel in the module's input maps"),
            .optional("y", .integer(0...63), default: "8", help: "the row of the pixel"),
            .optional("outputs", .integer(1...16), default: "6", help: "how many output channels to show (the table must fit)"),
        ],
        compute: { arguments in
            let run = try ModuleRun(arguments)
            let (c, h, w) = (run.input.shape[1], run.input.shape[2], run.input.shape[3])
            let (x, y) = (try arguments.integer("x"), try arguments.integer("y"))
            guard x < w, y < h else {
                throw arguments.directive.diagnostic("conv1x1-pixel: (\(x), \(y)) is outside the \(w)x\(h) input of \(run.module.name.short)")
            }
            let branch = try arguments.string("branch")
            let suffix = ["1x1": "branch1x1", "3x3-reduce": "branch3x3_reduce", "5x5-reduce": "branch5x5_reduce"][branch]!
            let name = run.module.name.tensor + "." + suffix
            guard let weight = run.network.parameters[name + ".weight"], let bias = run.network.parameters[name + ".bias"] else {
                throw arguments.directive.diagnostic("conv1x1-pixel: module \(run.module.name.short) has no \(branch) convolution")
            }
            // weight is (oc, c, 1, 1): row k is output k's weights over the input channels.
            let oc = weight.shape[0]
            let shown = min(oc, try arguments.integer("outputs"))
            let vector = (0..<c).map { run.input.data[($0 * h + y) * w + x] }
            let sums = (0..<oc).map { k in (0..<c).reduce(bias.data[k]) { $0 + vector[$1] * weight.data[k * c + $1] } }
            let outputs = sums.map { max($0, 0) }
            // What the engine computed at the same pixel, to show the two agree.
            let label = branch == "1x1" ? "1x1" : "reduce"
            let branchName = branch == "1x1" ? "1x1" : String(branch.prefix(3))
            let tensor = run.step.branches.first { $0.name == branchName }?.tensors.first { $0.label == label }?.tensor
            let engine = tensor.map { t in (0..<oc).map { t.data[($0 * h + y) * w + x] } }
            let difference = engine.map { zip($0, outputs).map { abs($0 - $1) }.max() ?? 0 }
            let f = { (v: Float) in NumberText.decimal(Double(v), places: 2, grouped: false) }
            var rows = (0..<c).map { i in ["in \(i)", f(vector[i])] + (0..<shown).map { f(weight.data[$0 * c + i]) } }
            rows.append(["bias", ""] + (0..<shown).map { f(bias.data[$0]) })
            rows.append(["sum", ""] + (0..<shown).map { f(sums[$0]) })
            rows.append(["output", ""] + (0..<shown).map { f(outputs[$0]) })
            let more = shown < oc ? " (first \(shown) of \(oc) shown)" : ""
            var notes = [
                "Output k = ReLU(bias k + sum over i of input i x weight k,i): a fully connected layer from \(c) to \(oc) numbers\(more), applied at every one of the \(w)x\(h) pixels with the same weights.",
            ]
            if let difference {
                notes.append("The network's own \(branch) convolution gives the same \(oc) outputs at this pixel (largest difference \(NumberText.decimal(Double(difference), places: 6, grouped: false))).")
            }
            if let untrained = run.untrainedNote { notes.append(untrained) }
            return .table(WidgetTable(
                title: "The \(branch) convolution of \(run.module.name.short) at pixel (x \(x), y \(y)) of a \(try arguments.string("sample")) image (\(run.weightsWord) weights)",
                columns: [.init("channel"), .init("input", .right)] + (0..<shown).map { .init("w to \($0)", .right) },
                rows: rows, notes: notes))
        }
    )
}
