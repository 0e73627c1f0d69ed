import Foundation
import Testing
import InceptionCore
@testable import InceptionUI

/// `t` in the Costs view: training the widths on screen in the background, the
/// keys that keep working meanwhile, `Esc`, and the variants kept between runs.
@Suite struct RetrainTests {
    static let quick = ExperimentSettings(seeds: 1, steps: 2, testImages: 8, trainImages: 32)

    func app(_ panel: RetrainPanel) -> TestBackend {
        var views: [any ExplorerView] = ViewID.allCases.map { BlankView($0) }
        views[2] = CostsView(retrain: panel)
        views[1] = NetworkView(network: try! InceptionNetwork(Preset.tiny.description, seed: 1),
                               weights: .init(trained: false, text: "seeded"), input: .testSample(0), theme: Theme(.full))
        var app = TestBackend(size: Size(width: 80, height: 24), views: views)
        app.type("3")
        return app
    }

    func costs(_ app: TestBackend) -> CostsView { app.state.views[2] as! CostsView }

    func waitForTraining(_ app: inout TestBackend) { app.waitForJobs() }

    @Test func aFinishedRunJoinsTheVariantsAndIsSaved() throws {
        let dir = try temporaryDirectory()
        let store = VariantStore(directory: dir.path)
        var app = app(RetrainPanel(store: store, settings: Self.quick))
        app.press(.right, .right)
        app.type(">")  // 3a.n3x3 = 32
        app.type("t")
        #expect(costs(app).retrain.isTraining)
        // Keys keep working while it trains: v hides the panel, the selection moves.
        app.type("v")
        #expect(!costs(app).retrain.visible)
        app.press(.down)
        #expect(costs(app).module == 1)
        waitForTraining(&app)
        #expect(app.state.message?.contains("test accuracy") == true)
        let variants = costs(app).retrain.variants
        #expect(variants.count == 1)
        #expect(variants[0].description.modules[0].widths.n3x3 == 32)
        #expect(variants[0].multiplies == CostModel(variants[0].description).totals().reduced.multiplyAdds)
        // Saved: a new panel reads the list, and the weights load with the same description.
        let again = RetrainPanel(store: store, settings: Self.quick)
        #expect(again.variants == variants)
        #expect(try NetworkFile.load(path: variants[0].weightsPath).description == variants[0].description)
        app.type("v")
        #expect(app.screen.contains("Retrained variants"))
        #expect(app.screen.contains("3a 8/8/32/4/8/8"))
        // At 80x24 the accuracy shows (the long widths column comes last), and the
        // highlighted line is the variant's row, numbered as the chart labels it.
        let accuracy = NumberText.decimal(variants[0].accuracy, places: 4, grouped: false)
        let row = try #require(app.lines.firstIndex { $0.contains(accuracy) && $0.contains("3a 8/8/32") })
        let number = try #require(app.lines[row].firstIndex(of: "1")).utf16Offset(in: app.lines[row])
        #expect(app.canvas[number, row].style == Theme(.full).selection)
        #expect(app.canvas[number, row - 1].style != Theme(.full).selection)
        // o opens it in the Network view.
        app.type("o")
        #expect(app.state.current == .network)
        #expect(app.screen.contains("retrained variant 3a 8/8/32/4/8/8"))
    }

    /// The variants chart's reference: the shipped network at 3,556,208 multiply-adds
    /// (PyTorch's count of the tiny preset, shared/bench/README.md), its accuracy
    /// measured on the same test images as the variants, the y axis 0–1.
    @Test func theShippedNetworkIsTheReferencePoint() throws {
        var app = app(RetrainPanel(store: nil, settings: Self.quick))
        app.type("v")
        app.waitForJobs()
        let shipped = try #require(costs(app).retrain.shipped)
        #expect(shipped.x == 3_556_208)
        let test = LabelledImages(Dataset(seed: DatasetSplit.test.seed, count: Self.quick.testImages))
        var correct = 0
        let network = try NetworkFile.load(path: TrainedWeights.packagePath)
        for k in 0..<test.count {
            let logits = network.logits(test.batch([k]).images).data
            correct += logits.indices.max { logits[$0] < logits[$1] } == test.labels[k] ? 1 : 0
        }
        #expect(shipped.y == Double(correct) / Double(test.count))
        #expect(app.screen.contains("shipped network") && app.screen.contains("1.000"))
    }

    /// With more variants than rows, the table shows a window that keeps the selected
    /// variant on screen at 80x24: the first one, then the last after ↓ all the way.
    @Test func manyVariantsKeepTheSelectedOneInView() throws {
        let dir = try temporaryDirectory()
        let store = VariantStore(directory: dir.path)
        let variants = (1...12).map { TrainedVariant(description: Preset.tiny.description, accuracy: 0.5 + Double($0) / 100,
                                                     seconds: 1, steps: 1, trainedAt: "t\($0)", weightsPath: "w\($0)") }
        try JSONEncoder().encode(variants).write(to: URL(fileURLWithPath: store.path))
        var app = app(RetrainPanel(store: store, settings: Self.quick))
        app.type("v")
        #expect(app.lines.contains { $0.contains("0.5100") } && !app.lines.contains { $0.contains("0.6200") })
        for _ in 0..<11 { app.press(.down) }
        #expect(app.lines.contains { $0.contains("0.6200") } && !app.lines.contains { $0.contains("0.5100") })
    }

    /// A factorised variant names its factorisation beside its widths.
    @Test func widthsNameTheFactorisation() throws {
        let description = try Preset.tiny.description.applying(assignments: ["3b.factorize=stacked"])
        let variant = TrainedVariant(description: description, accuracy: 0.5, seconds: 1, steps: 1, trainedAt: "t", weightsPath: "w")
        #expect(variant.widths == "3a 8/8/16/4/8/8  3b stacked 16/16/24/8/12/12  4a 24/16/32/8/16/16")
    }

    @Test func escCancelsAndNothingIsSaved() throws {
        let dir = try temporaryDirectory()
        var app = app(RetrainPanel(store: VariantStore(directory: dir.path),
                                   settings: ExperimentSettings(seeds: 1, steps: 100_000, testImages: 8, trainImages: 32)))
        app.type("t")
        let deadline = Date().addingTimeInterval(30)
        while (costs(app).retrain.job?.progress?.step ?? 0) < 1 && Date() < deadline {
            usleep(5_000)
            app.send(.tick)
        }
        #expect(app.screen.contains("step "))
        app.press(.escape)
        waitForTraining(&app)
        #expect(app.state.message == "training cancelled")
        #expect(costs(app).retrain.variants.isEmpty)
        #expect(!FileManager.default.fileExists(atPath: VariantStore(directory: dir.path).path))
        app.press(.escape)
        #expect(!costs(app).retrain.visible)
    }

    @Test func aCorruptListIsAWarning() throws {
        let dir = try temporaryDirectory()
        let store = VariantStore(directory: dir.path)
        try "[{".write(toFile: store.path, atomically: true, encoding: .utf8)
        var app = app(RetrainPanel(store: store, settings: Self.quick))
        app.type("v")
        // The message wraps wherever the folder's path happens to end.
        let words = app.screen.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        #expect(words.contains("\(store.path) is corrupt; starting with none"))
    }
}
