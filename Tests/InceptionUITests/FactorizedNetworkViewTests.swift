import InceptionCore
import Testing
@testable import InceptionUI

/// A factorised network in the Network view: the 1x3 kernels are drawn 3 wide and
/// 1 tall, each tile holding one (out, in) pair's three weights.
@Suite struct FactorizedNetworkViewTests {
    @Test func rectangularKernelsAreDrawnAsTheyAre() throws {
        let network = try InceptionNetwork(Preset.tiny.description.withFactorization(.asymmetric), seed: 7)
        let view = NetworkView(network: network, weights: .init(trained: false, text: "seeded test weights"),
                               input: .testSample(0), imageFile: nil, theme: Theme(.full), exportDirectory: ".",
                               fixedSeconds: 0.0005)
        var views = ViewID.allCases.map { BlankView($0) as any ExplorerView }
        views[1] = view
        var app = TestBackend(options: ExplorerOptions(capabilities: .full), size: Size(width: 80, height: 24), views: views)
        app.type("2   ")
        app.press(.down, .character("k"))
        #expect(app.screen.contains("3a 3x3 branch learned kernels"))
        #expect(app.screen.contains("1x3: 8 out x 8 in"))
        let shown = app.state.views[1] as! NetworkView
        let weights = network.parameters["inception3a.branch3x3_1.weight"]!
        #expect(weights.shape == [8, 8, 1, 3])
        let tile = shown.painted(area: app.state.layout.body).tiles.first { $0.name == "3a-3x3-1x3-o00-i01" }
        #expect(tile?.rows == 1 && tile?.columns == 3)
        #expect(tile?.values == Array(weights.data[3..<6]))
    }
}
