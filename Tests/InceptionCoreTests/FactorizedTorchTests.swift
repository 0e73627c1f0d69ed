import Foundation
import Testing
@testable import InceptionCore

/// The oracle is PyTorch (Fixtures/make-factorized-fixture.py): a stacked and an
/// asymmetric module with its weights, its logits for two inputs and the gradient
/// of the mean cross-entropy for every parameter. Loading the state_dict by name
/// checks the tensor names and shapes; the logits and gradients check the 1xk/kx1
/// padding, the chain order and the backward pass through both factors.
@Suite struct FactorizedTorchTests {
    static let description = NetworkDescription(
        preset: "test", input: FeatureShape(c: 3, h: 7, w: 6), classes: 4,
        layers: [
            .conv(ConvSpec(name: "stem", outChannels: 5, kernel: 1)),
            .inception(InceptionSpec(name: ModuleName("a"), widths: InceptionWidths(2, 3, 4, 2, 3, 2), factorize: .stacked)),
            .inception(InceptionSpec(name: ModuleName("b"), widths: InceptionWidths(3, 2, 3, 2, 4, 2), factorize: .asymmetric)),
            .globalAvgPool(name: "gap"),
            .linear(name: "classifier", outFeatures: 4),
        ])

    struct Fixture: Decodable {
        let input_shape: [Int]
        let input: [Float]
        let labels: [Int32]
        let logits: [Float]
        let loss: Float
        let gradients: [String: [Float]]
    }

    static func load() throws -> (InceptionNetwork, Fixture) {
        let file = try SafeTensors.read(path: DataFixtures.path("factorized-torch.safetensors"))
        var params = Parameters()
        for t in file.tensors { _ = params.append(t.name, t.tensor) }
        let fixture = try JSONDecoder().decode(Fixture.self, from: Data(contentsOf: URL(fileURLWithPath: DataFixtures.path("factorized-torch.json"))))
        return (try InceptionNetwork(description, parameters: params), fixture)
    }

    @Test func tensorNamesAreTheStateDictNames() throws {
        let (net, _) = try Self.load()
        #expect(net.parameters.entry("inceptiona.branch5x5_1.weight")?.shape == [3, 2, 3, 3])
        #expect(net.parameters.entry("inceptiona.branch5x5_2.weight")?.shape == [3, 3, 3, 3])
        #expect(net.parameters.entry("inceptionb.branch3x3_1.weight")?.shape == [2, 2, 1, 3])
        #expect(net.parameters.entry("inceptionb.branch5x5_2.weight")?.shape == [4, 2, 5, 1])
        #expect(net.parameters.entry("inceptiona.branch5x5.weight") == nil)
    }

    @Test func logitsAndGradientsMatchPyTorch() throws {
        let (net, f) = try Self.load()
        let x = Tensor(shape: f.input_shape, data: f.input)
        var rng = SeededGenerator(seed: 0)
        let pass = net.forward(x, training: true, rng: &rng)
        let logitError = zip(pass.logits.data, f.logits).map { abs($0 - $1) }.max()!
        #expect(pass.logits.count == f.logits.count)
        #expect(logitError < 1e-4, "largest logit difference \(logitError)")
        #expect(abs(net.loss(pass, labels: f.labels, auxWeight: 0) - f.loss) < 1e-5)
        var grads = net.parameters.zeros()
        net.backward(pass, labels: f.labels, auxWeight: 0, into: &grads)
        #expect(Set(f.gradients.keys) == Set(net.parameters.names))
        for name in net.parameters.names {
            let expected = f.gradients[name] ?? []
            let actual = grads[name]!.data
            let scale = max(1e-3, expected.map(abs).max() ?? 0)
            let worst = zip(actual, expected).map { abs($0 - $1) }.max() ?? .infinity
            #expect(actual.count == expected.count && worst < 1e-4 * max(1, scale), "\(name): largest difference \(worst)")
        }
    }
}
