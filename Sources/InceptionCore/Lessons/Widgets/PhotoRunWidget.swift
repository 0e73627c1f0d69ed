import Foundation

extension WidgetDefinition {
    /// `::: photo-run photo=chelsea.png`: torchvision's GoogLeNet on a shipped photo, its
    /// five most likely classes; without the exported weights, how to get them.
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
            guard FileManager.default.fileExists(atPath: weights) else {
                // Paths relative to the package folder keep each command short enough
                // to stay on one line, so it can be copied.
                let root = PackageDirectory.root.path + "/"
                let shown = weights.hasPrefix(root) ? String(weights.dropFirst(root.count)) : weights
                return .notice(WidgetNotice(title: "GoogLeNet on \(photo): no ImageNet weights here yet", paragraphs: [
                    "They are not shipped with the explorer (they are exported from torchvision). With PyTorch installed (pip install torch torchvision safetensors), export them once from the package folder, \(PackageDirectory.root.path), then open the explorer on them:",
                    "python3 Scripts/export-googlenet.py \(shown)",
                    "inception-explorer --weights \(shown) --image Photos/\(photo)",
                    "This widget then shows the five most likely classes; the Network view steps through every layer.",
                ]))
            }
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
