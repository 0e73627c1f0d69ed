import Foundation
import InceptionCore
import Testing
@testable import InceptionUI

/// The Network view on torchvision's GoogLeNet (the formula weights of the bench's
/// reference script, written as a plain state_dict file) and the shipped cat photo.
@Suite struct PhotoNetworkViewTests {
    /// The formula weights as a file (26 MB, slow to make in a debug build): the same
    /// bytes every time, so one copy in the temporary folder serves every run.
    static let weightsPath: String = {
        let path = NSTemporaryDirectory() + "inception-explorer-tests-googlenet-formula-seed1.safetensors"
        if !FileManager.default.fileExists(atPath: path) { try! FormulaWeights.stateDict(seed: 1).write(to: path) }
        return path
    }()

    static func app(size: Size) -> TestBackend {
        let options = ExplorerOptions(capabilities: .full, weightsPath: weightsPath)
        let view = NetworkView.load(options: options)
        var views = ViewID.allCases.map { BlankView($0) as any ExplorerView }
        views[1] = view
        var app = TestBackend(options: options, size: size, views: views)
        app.type("2")
        return app
    }

    @Test func catSteppedToTheTopFiveOfImageNet() throws {
        var app = Self.app(size: Size(width: 200, height: 60))
        let view = try #require(app.state.views[1] as? NetworkView)
        #expect(view.run.input.title == "file chelsea.png")
        #expect(view.run.input.tensor.shape == [1, 3, 224, 224])
        #expect(view.photos.count == ShippedPhotos.paths.count && view.photos.count >= 2)
        // The view says what the weights are: the file's metadata.
        #expect(app.screen.contains("formula weights (googlenet_reference.py), seed 1"))
        #expect(app.screen.contains("3x224x224"))
        for _ in 0..<6 { app.press(.character(" ")) }
        // conv1, maxpool1, conv2, conv3, maxpool2, then 3a: 64 + 128 + 32 + 32 channels at 28x28.
        #expect(app.screen.contains("Inception module  192x28x28 → 256x28x28"))
        #expect(app.screen.contains("3x3 (red 96)") && app.screen.contains("c0-"))
        app.press(.character("]"))
        #expect(app.screen.contains("page 2") || app.screen.contains("/64"))
        app.press(.character("a"))
        let probabilities = (app.state.views[1] as! NetworkView).run.probabilities!
        let top = ClassNames(classes: 1000).top(5, of: probabilities)
        #expect(app.screen.contains("(top 5 of 1000 classes)"))
        for entry in top { #expect(app.screen.contains(entry.name)) }
    }

    /// A GoogLeNet file is the Network view's: the Heads view (and the lessons, through
    /// the same `tinyWeightsPath`) keep running the shipped tiny network on its dataset.
    @Test func headsKeepTheShippedTinyNetwork() {
        let options = ExplorerOptions(capabilities: .full, weightsPath: Self.weightsPath, photoWeights: true)
        #expect(options.tinyWeightsPath == nil)
        let heads = HeadsView.load(options: options)
        #expect(heads.weightsNote == "GAP head: trained weights from \(TrainedWeights.packagePath).")
        #expect(heads.trained?.description.input == FeatureShape(c: 1, h: 32, w: 32))
    }
}
