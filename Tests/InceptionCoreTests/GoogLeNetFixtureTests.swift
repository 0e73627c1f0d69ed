import Foundation
import Testing
@testable import InceptionCore

/// torchvision's GoogLeNet, checked against `googlenet-fixture.json`, which torchvision
/// computed (googlenet_reference.py fixture, seed 1) from the same formula weights and input.
@Suite struct GoogLeNetFixtureTests {
    struct Stats: Decodable {
        let shape: [Int]
        let sum: Double
        let sum_of_squares: Double
    }

    struct Fixture: Decodable {
        struct Entry: Decodable { let t: Int; let name: String; let shape: [Int] }
        let tensors: [Entry]
        let transformed_input: Stats
        let layers: [String: Stats]
        let logits: [Double]
        let top5: [Int]
    }

    static let fixture: Fixture = {
        let data = FileManager.default.contents(atPath: DataFixtures.path("googlenet/googlenet-fixture.json"))!
        return try! JSONDecoder().decode(Fixture.self, from: data)
    }()

    static let network = try! TorchvisionStateDict.network(from: FormulaWeights.stateDict(seed: 1), source: "formula")
    /// Computed once: the full forward is the slow part of these tests.
    static let steps = StepRunner(network: network).runAll(input: FormulaWeights.input(seed: 1))

    static func stats(_ t: Tensor) -> (sum: Double, squares: Double) {
        t.data.reduce((0.0, 0.0)) { ($0.0 + Double($1), $0.1 + Double($1) * Double($1)) }
    }

    static func expectClose(_ t: Tensor, _ s: Stats, _ name: String) {
        let (sum, squares) = stats(t)
        #expect(t.shape == s.shape, "\(name) shape")
        #expect(abs(sum - s.sum) <= 1e-3 * abs(s.sum), "\(name) sum \(sum) vs \(s.sum)")
        #expect(abs(squares - s.sum_of_squares) <= 1e-3 * abs(s.sum_of_squares), "\(name) squares \(squares) vs \(s.sum_of_squares)")
    }

    @Test func stateDictNamesAndShapesAreTorchvisionsInOrder() throws {
        let ours = try TorchvisionStateDict.tensorNames(TorchvisionStateDict.inferenceDescription)
        #expect(ours.map(\.name) == Self.fixture.tensors.map(\.name))
        #expect(ours.map(\.shape) == Self.fixture.tensors.map(\.shape))
    }

    @Test func transformInputMatchesTorchvision() throws {
        Self.expectClose(Self.network.description.transformedInput(FormulaWeights.input(seed: 1)), Self.fixture.transformed_input, "input")
    }

    /// The whole seed-1 network, one step at a time: every listed layer, 3a's branches, logits, top five.
    @Test func seedOneNetworkMatchesTorchvision() throws {
        let steps = Self.steps
        for (name, expected) in Self.fixture.layers where !name.contains(".") {
            let ours = name.hasPrefix("inception") ? "inception_" + name.dropFirst(9) : name
            let step = try #require(steps.first { $0.name == ours }, "no step \(ours)")
            let output = name == "avgpool" ? step.output.reshaped(expected.shape) : step.output
            Self.expectClose(output, expected, name)
        }
        let module = try #require(steps.first { $0.name == "inception_3a" })
        for (k, branch) in module.branches.enumerated() {
            Self.expectClose(branch.tensors.last!.tensor, Self.fixture.layers["inception3a.branch\(k + 1)"]!, branch.name)
        }
        let logits = try #require(steps.first { $0.name == "fc" }).output.data
        #expect(logits.count == 1000)
        let worst = zip(logits, Self.fixture.logits).map { abs(Double($0) - $1) }.max()!
        #expect(worst <= 1e-3, "largest logit difference \(worst)")
        let top5 = logits.indices.sorted { logits[$0] > logits[$1] }.prefix(5)
        #expect(Array(top5) == Self.fixture.top5)
    }

    /// Every step's multiplies are the cost model's for the same preset.
    @Test func stepMultipliesEqualTheCostModel() throws {
        let steps = Self.steps
        let costs = CostModel(Self.network.description).layers()
        #expect(costs.count == steps.count - 1)
        for (step, cost) in zip(steps, costs) {
            #expect(step.multiplies == cost.reduced.multiplyAdds, "\(step.name)")
        }
    }
}
