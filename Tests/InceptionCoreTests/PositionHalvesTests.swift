import Testing
@testable import InceptionCore

/// A single image's large convolution runs as two halves of its output positions:
/// the result must be the very bits of the unsplit computation (a batch of two images
/// is never split, so its first image is the reference).
@Suite struct PositionHalvesTests {
    @Test func halvesGiveTheUnsplitBits() {
        // 3a's 3x3 branch in GoogLeNet: 96 -> 128 channels at 28x28, 86.7M multiplies.
        let g = ConvGeometry(n: 1, c: 96, h: 28, w: 28, oc: 128, kh: 3, kw: 3, stride: 1, pad: 1)
        let halves = positionHalves(g)
        #expect(halves == [0..<408, 408..<784])  // 392 rounded up to a multiple of 24
        var rng = SeededGenerator(seed: 3)
        let image = (0..<96 * 28 * 28).map { _ in rng.nextNormal() }
        let weight = (0..<128 * 96 * 9).map { _ in rng.nextNormal() * 0.05 }
        let bias = (0..<128).map { _ in rng.nextNormal() * 0.1 }
        var single = [Float](repeating: 0, count: 128 * 784)
        var pair = [Float](repeating: 0, count: 2 * 128 * 784)
        conv2dForwardFast(out: &single, inp: image, weight: weight, bias: bias, g)
        let g2 = ConvGeometry(n: 2, c: 96, h: 28, w: 28, oc: 128, kh: 3, kw: 3, stride: 1, pad: 1)
        #expect(positionHalves(g2).count == 1)
        conv2dForwardFast(out: &pair, inp: image + image, weight: weight, bias: bias, g2)
        #expect(single == Array(pair[0..<128 * 784]))
    }
}
