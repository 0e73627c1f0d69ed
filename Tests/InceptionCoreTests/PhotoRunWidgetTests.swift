import Foundation
import Testing
@testable import InceptionCore

/// Lesson 10's photo widget, with and without GoogLeNet weights on the machine.
@Suite struct PhotoRunWidgetTests {
    static func evaluate(_ line: String, googlenetPath: String) throws -> WidgetContent {
        let environment = WidgetEnvironment(weightsPath: "/nonexistent", experiments: ExperimentLibrary(cache: nil, shipped: nil), googlenetPath: googlenetPath)
        let document = LessonParser.parse(line + "\n", file: "t.md")
        let directive = try #require(document.blocks.compactMap { if case .widget(let d) = $0.kind { d } else { nil } }.first)
        return try WidgetRegistry.standard.with(environment: environment).evaluate(directive).get()
    }

    /// Without the weights the widget still computes what needs none: the photo as
    /// torchvision prepares it (the crop and the channel means of torchvision's own tensor,
    /// the fixture), the pass's depth and multiply-adds, then the commands for the classes.
    @Test func withoutWeightsItComputesThePreparationAndSaysHowToGetThem() throws {
        guard case .table(let table) = try Self.evaluate("::: photo-run", googlenetPath: "/nonexistent/g.safetensors") else {
            Issue.record("expected a table")
            return
        }
        let cells = Dictionary(uniqueKeysWithValues: table.rows.map { ($0[0], $0[1]) })
        // chelsea.png is 451x300: the shorter side to 256 makes int(256 x 451 / 300) = 384 by 256,
        // and the centre crop starts at ((384 - 224) / 2, (256 - 224) / 2) = (80, 16).
        #expect(cells["photo"] == "451x300 RGB")
        #expect(cells["resize (shorter side 256)"] == "384x256")
        #expect(cells["centre crop"] == "224x224 from x 80, y 16")
        let theirs = try #require(SafeTensors.read(path: DataFixtures.path("googlenet/chelsea-input.safetensors"))["input"])
        let plane = 224 * 224
        let means = (0..<3).map { c in theirs.data[c * plane..<(c + 1) * plane].reduce(0, +) / Float(plane) }
        #expect(cells["normalised input, mean of R G B"] == means.map { NumberText.decimal(Double($0), places: 3, grouped: false) }.joined(separator: " "))
        // §5's 22 layers; torchvision's count of its own network (shared/bench, docs' "GFLOPS 1.50").
        #expect(cells["the pass"] == "22 layers with weights, 1,498,376,192 multiply-adds")
        #expect(table.notes.contains("python3 Scripts/export-googlenet.py /nonexistent/g.safetensors"))
        #expect(table.notes.contains("inception-explorer --weights /nonexistent/g.safetensors \\"))
        #expect(table.notes.contains("    --image Photos/chelsea.png"))
    }

    /// With the formula weights the widget's top five are `run`'s (computed by the same engine,
    /// which the fixture test ties to torchvision).
    @Test func withWeightsItShowsTheTopFive() throws {
        let path = try DataFixtures.scratchDirectory() + "/g.safetensors"
        try FormulaWeights.stateDict(seed: 1).write(to: path)
        guard case .table(let table) = try Self.evaluate("::: photo-run photo=rocket.jpg", googlenetPath: path) else {
            Issue.record("expected a table")
            return
        }
        let (network, _) = try WeightsLocator.anyNetwork(option: path)
        let report = try RunReport(network: network, input: .image(path: PackageDirectory.path("Photos/rocket.jpg")))
        #expect(table.rows.map { $0[0] } == report.top5.map(\.name))
        #expect(table.notes[0].contains("formula weights"))
    }
}
