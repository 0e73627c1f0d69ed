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

    @Test func withoutWeightsItSaysHowToGetThem() throws {
        guard case .notice(let notice) = try Self.evaluate("::: photo-run", googlenetPath: "/nonexistent/g.safetensors") else {
            Issue.record("expected a notice")
            return
        }
        #expect(notice.paragraphs.contains("python3 Scripts/export-googlenet.py /nonexistent/g.safetensors"))
        #expect(notice.paragraphs.contains("inception-explorer --weights /nonexistent/g.safetensors --image Photos/chelsea.png"))
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
