import Testing
@testable import InceptionCore

/// The oracle is PyTorch: its weights and its logits for four inputs. A flipped
/// or transposed kernel, a wrong flatten order or pool padding moves the logits
/// by about 0.14, far beyond the tolerance.
@Suite struct TorchInteropTests {
    @Test func logitsMatchPyTorch() throws {
        let net = try TorchFixture.network()
        let (x, expected) = try TorchFixture.inputsAndLogits()
        let logits = net.logits(x)
        #expect(logits.shape == [expected.count, 10])
        let worst = zip(logits.data, expected.flatMap { $0 }).map { abs($0 - $1) }.max()!
        #expect(worst < 1e-4, "largest logit difference \(worst)")
    }
}
