import Foundation

extension WidgetDefinition {
    /// `::: photo-run photo=chelsea.png`: torchvision's GoogLeNet on a shipped photo, its
    /// five most likely classes; without the exported weights, what runs without them
    /// and how to get them.
    public static let photoRun = WidgetDefinition(
        name: "photo-run",
        summary: "torchvision's GoogLeNet on a shipped photo: the top five ImageNet classes (or how to export the weights).",
        arguments: [
            .optional("photo", .text, default: "chelsea.png", help: "a file in Photos/"),
        ],
        compute: { arguments in
            let photo = try arguments.string("photo")
            let path = ShippedPhotos.directory + "/" + photo
            guard FileManager.default.fileExists(atPath: path) else {
                throw UserError("no photo \(photo) in Photos/ (photos: \(ShippedPhotos.paths.map { ($0 as NSString).lastPathComponent }.joined(separator: ", ")))")
            }
            let weights = arguments.environment.googlenetPath
            guard FileManager.default.fileExists(atPath: weights) else { return .table(try withoutWeights(photo: photo, path: path, weights: weights)) }
            let (network, origin) = try WeightsLocator.anyNetwork(option: weights)
            let report = try RunReport(network: network, input: .image(path: path))
            let multiplies = report.steps.reduce(0) { $0 + $1.multiplies }
            return .table(WidgetTable(
                title: "GoogLeNet on \(photo): the five most likely of \(report.probabilities.count) classes",
                columns: [WidgetTable.Column("class"), WidgetTable.Column("index", .right), WidgetTable.Column("probability %", .right)],
                rows: report.top5.map { [$0.name, "\($0.index)", NumberText.decimal(Double($0.probability) * 100, places: 1, grouped: false)] },
                notes: ["Weights: \(origin).",
                        "One forward pass: \(NumberText.integer(multiplies, grouped: true)) multiply-adds, counted by the same cost model as the Costs view."]))
        }
    )
}

/// What the photo widget computes without the ImageNet weights: the photo prepared as
/// torchvision prepares it and the pass it would take, so the learner meets a result,
/// with the two commands that get the weights for the classes.
private func withoutWeights(photo: String, path: String, weights: String) throws -> WidgetTable {
    let image = try ImageFile.loadRGB(path: path)
    let g = try ImageNetPreprocessing.geometry(width: image.width, height: image.height)
    let input = try ImageNetPreprocessing.tensor(image)
    let plane = ImageNetPreprocessing.cropTo * ImageNetPreprocessing.cropTo
    let means = (0..<3).map { c in input.data[c * plane..<(c + 1) * plane].reduce(0, +) / Float(plane) }
    let network = Preset.torchvision.description
    let multiplies = CostModel(network).totals().reduced.multiplyAdds
    // Paths relative to the package folder keep each command short enough to stay on one line.
    let root = PackageDirectory.root.path + "/"
    let shown = weights.hasPrefix(root) ? String(weights.dropFirst(root.count)) : weights
    let crop = "\(ImageNetPreprocessing.cropTo)x\(ImageNetPreprocessing.cropTo)"
    return WidgetTable(
        title: "GoogLeNet on \(photo): the photo prepared and the pass counted; the classes need the ImageNet weights",
        columns: [WidgetTable.Column("step"), WidgetTable.Column("computed here")],
        rows: [["photo", "\(image.width)x\(image.height) RGB"],
               ["resize (shorter side \(ImageNetPreprocessing.resizeTo))", "\(g.width)x\(g.height)"],
               ["centre crop", "\(crop) from x \(g.left), y \(g.top)"],
               ["normalised input, mean of R G B", means.map { NumberText.decimal(Double($0), places: 3, grouped: false) }.joined(separator: " ")],
               ["the pass", "\(network.weightedDepth()) layers with weights, \(NumberText.integer(multiplies, grouped: true)) multiply-adds"],
               ["five most likely classes", "need the ImageNet weights, not shipped"]],
        notes: ["The weights are exported from torchvision (not shipped with the explorer). With PyTorch installed "
                    + "(pip install torch torchvision safetensors), from the package folder, \(PackageDirectory.root.path):",
                "python3 Scripts/export-googlenet.py \(shown)",
                // Continued with a backslash: on one line it wraps at 80 columns, and half a command fails.
                "inception-explorer --weights \(shown) \\",
                "    --image Photos/\(photo)",
                "This widget then shows the five most likely classes; the Network view steps through every layer."])
}
