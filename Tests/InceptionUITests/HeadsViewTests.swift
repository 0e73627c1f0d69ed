import Testing
import InceptionCore
@testable import InceptionUI

/// The Heads view. Oracle: GoogLeNet's head reads 7x7x1024 -> 1000: GAP + linear
/// 1,024,000 weights, flatten + FC 50,176 x 1000 = 50,176,000; tiny's 8x8x88 -> 10:
/// 880 and 56,320.
@Suite struct HeadsViewTests {
    @Test func bothNetworksAt80x24And200x60() {
        var app = TestBackend.on(.heads)
        #expect(app.screen.contains("Running..."))
        app.send(.tick)
        #expect(app.screen.contains("Ran on a disc sample: 10"))
        #expect(app.screen.contains("The engine refuses:"))
        for text in ["1,024,000", "50,176,000", "880", "56,320", "7x7x1024", "8x8x88"] {
            #expect(app.screen.contains(text), "\(text)")
        }
        Snapshot.check(app.canvas, named: "heads-80x24")
        var wide = TestBackend.on(.heads, size: Size(width: 200, height: 60))
        wide.send(.tick)
        Snapshot.check(wide.canvas, named: "heads-200x60")
    }

    @Test func presetSizeConventionAndUnitKeys() {
        var app = TestBackend.on(.heads)
        app.type("p")
        #expect(app.heads.preset == .googlenet && !app.screen.contains("tiny:"))
        app.type("pp")
        #expect(app.heads.preset == .tiny)
        // 64 -> 96 -> 24 -> 32: at its own size the FC head runs too.
        app.send(.tick)
        #expect(app.screen.contains("Ran on a disc sample") && app.screen.contains("The engine refuses"))
        app.type("ss")
        #expect(app.heads.inputSize == 24 && app.screen.contains("6x6x88"))
        app.type("s")
        #expect(app.heads.inputSize == 32 && app.screen.contains("gets 5,632.") && !app.screen.contains("The engine refuses"))
        app.type("s")
        // 48 -> 24 -> 12: 12x12x88.
        #expect(app.heads.inputSize == 48 && app.screen.contains("12x12x88"))
        app.type("i")
        #expect(app.heads.sample == .plus && app.heads.run?.sample == .plus && app.heads.run?.inputSize == 48)
        #expect(app.heads.run?.fc.refusal != nil && app.heads.run?.gap.probabilities != nil)
        app.type("cf")
        #expect(app.lines[1].contains("torchinfo (c)") && app.lines[1].contains("FLOPs (f)"))
    }
}

/// The Heads view with the shipped network: each prediction marked right or wrong
/// against the sample's class, and the measured accuracy at every input side.
@Suite struct HeadsViewAccuracyTests {
    @Test func predictionsAreMarkedAndAccuracyBySizeIsShown() throws {
        let network = try WeightsLocator.network(option: nil)
        let shipped = try #require(try ShippedResults().file(.inputSize))
        let accuracy = try #require(InputSizeAccuracy(shipped.outcome, shipped: true))
        var views = builtViews()
        views[4] = HeadsView(trained: network, weightsNote: "shipped", accuracyBySize: accuracy)
        var app = TestBackend(size: Size(width: 120, height: 40), views: views)
        app.type("5")
        app.send(.tick)
        for (side, sample) in [(64, ShapeClass.disc), (96, .disc), (24, .disc), (32, .disc), (32, .plus)] {
            while app.heads.inputSize != side { app.type("s") }
            while app.heads.sample != sample { app.type("i") }
            let predicted = try #require(HeadsRun(sample: sample, inputSize: side, trainedGAP: network).gap.predicted)
            let mark = predicted == sample ? "right." : "wrong."
            #expect(app.screen.contains("Ran on a \(sample.name) sample: 10 probabilities, top \(predicted.name) "), "\(side) \(sample)")
            #expect(app.screen.contains("%: \(mark)"), "\(side) \(sample)")
            let point = try #require(accuracy.accuracies.first { $0.side == side })
            #expect(app.screen.contains("[\(side) \(NumberText.decimal(100 * point.accuracy, places: 1, grouped: false))%]"))
        }
        #expect(app.screen.contains("% (shipped)"))
    }
}

/// The three views drawn with `--ascii` (no box drawing, no blocks) and
/// without colour: only ASCII on screen, bars still told apart.
@Suite struct ViewsFallbackTests {
    @Test func asciiAndMonochrome() {
        let options = ExplorerOptions(capabilities: Capabilities(color: .none, unicode: false))
        for tab in [ViewID.costs, .sparse, .heads] {
            var app = TestBackend(options: options, size: Size(width: 80, height: 24), views: builtViews())
            app.type("\(tab.rawValue)")
            #expect(app.screen.unicodeScalars.allSatisfy { $0.isASCII }, "\(tab)")
            if tab == .costs {
                Snapshot.check(app.canvas, named: "costs-ascii-80x24")
                #expect(app.screen.contains("naive = vs reduced #"))
            }
        }
    }
}
