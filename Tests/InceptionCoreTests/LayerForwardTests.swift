import Foundation
import Testing
@testable import InceptionCore

/// Forward kernels against values worked out by hand or by an independent formula.
@Suite struct LayerForwardTests {
    /// 1...16 as one 4x4 plane.
    let ramp = (1...16).map(Float.init)

    @Test func reluZeroesNegatives() {
        var out = [Float](repeating: 9, count: 4)
        reluForward(out: &out, inp: [-2, -0.0, 0.5, 3], count: 4)
        #expect(out == [0, 0, 0.5, 3])
    }

    @Test func maxPoolPaddingIsMinusInfinity() {
        let g = PoolGeometry(n: 1, c: 1, h: 4, w: 4, window: PoolSpec(name: "p", kernel: 3, stride: 2, padding: 1))
        var out = [Float](repeating: 0, count: 4)
        maxPool2dForward(out: &out, inp: ramp, g)
        // Windows: rows/cols {0,1}, {1,2,3} of the 4x4 ramp.
        #expect(out == [6, 8, 14, 16])
        // All negative: a zero padding would win every window; -inf never does.
        maxPool2dForward(out: &out, inp: ramp.map { -$0 }, g)
        #expect(out == [-1, -2, -5, -6])
    }

    @Test(arguments: [1, 2])
    func maxPoolMatchesTheWindowDefinition(stride: Int) {
        // 3x3 pad 1 over a 5x19 plane (eight-wide path plus tail) against a direct
        // scan of each window clipped to the input.
        let (h, w) = (5, 19)
        let x = (0..<h * w).map { Float(($0 * 7) % 23) }
        let g = PoolGeometry(n: 1, c: 1, h: h, w: w, window: PoolSpec(name: "p", kernel: 3, stride: stride, padding: 1))
        var out = [Float](repeating: 0, count: g.oh * g.ow)
        maxPool2dForward(out: &out, inp: x, g)
        for oy in 0..<g.oh {
            for ox in 0..<g.ow {
                let (y0, x0) = (oy * stride - 1, ox * stride - 1)
                let window = (max(y0, 0)...min(y0 + 2, h - 1)).flatMap { y in
                    (max(x0, 0)...min(x0 + 2, w - 1)).map { x[y * w + $0] }
                }
                #expect(out[oy * g.ow + ox] == window.max()!)
            }
        }
    }

    @Test func avgPoolCountsPaddingInDivisor() {
        let g = PoolGeometry(n: 1, c: 1, h: 4, w: 4, window: PoolSpec(name: "p", kernel: 3, stride: 2, padding: 1))
        var out = [Float](repeating: 0, count: 4)
        avgPool2dForward(out: &out, inp: ramp, g)
        // (1+2+5+6)/9, (2+3+4+6+7+8)/9, (5+6+9+10+13+14)/9, (6+7+8+10+11+12+14+15+16)/9
        #expect(out.map { $0 * 9 } == [14, 30, 57, 99].map(Float.init))
    }

    @Test func avgPoolCeilModeDivisor() {
        // 6x6 of ones, 3x3/2 pad 1, ceil mode: 4x4 out. Along one axis the windows
        // hold 2, 3, 3, 1 input rows and span 3, 3, 3, 2 rows of input + padding
        // (the last is cut at the padding's edge), so out[y][x] = r[y]r[x] / (d[y]d[x]).
        let g = PoolGeometry(n: 1, c: 1, h: 6, w: 6,
                             window: PoolSpec(name: "p", kernel: 3, stride: 2, padding: 1, ceilMode: true))
        #expect(g.oh == 4 && g.ow == 4)
        var out = [Float](repeating: 0, count: 16)
        avgPool2dForward(out: &out, inp: [Float](repeating: 1, count: 36), g)
        let r: [Float] = [2, 3, 3, 1], d: [Float] = [3, 3, 3, 2]
        for y in 0..<4 {
            for x in 0..<4 {
                #expect(abs(out[y * 4 + x] - r[y] * r[x] / (d[y] * d[x])) < 1e-6)
            }
        }
    }

    @Test func concatInterleavesPerImage() {
        // Two images; part A has 1 channel, part B 2 channels; planes of 2 values.
        let a: [Float] = [1, 2, /* image 1 */ 3, 4]
        let b: [Float] = [10, 11, 12, 13, /* image 1 */ 14, 15, 16, 17]
        var out = [Float](repeating: 0, count: 12)
        a.withUnsafeBufferPointer { pa in
            b.withUnsafeBufferPointer { pb in
                concatForward(out: &out, parts: [ConcatPart(pa.baseAddress!, channels: 1),
                                                 ConcatPart(pb.baseAddress!, channels: 2)], n: 2, hw: 2)
            }
        }
        #expect(out == [1, 2, 10, 11, 12, 13, 3, 4, 14, 15, 16, 17])
    }

    @Test func globalAvgPoolIsTheMean() {
        var out = [Float](repeating: 0, count: 2)
        globalAvgPoolForward(out: &out, inp: ramp + ramp.map { -$0 }, planes: 2, hw: 16)
        #expect(out == [8.5, -8.5])
    }

    /// Seven planes (four side by side, then three alone): each mean is its plane's
    /// sum taken in order, then divided, bit for bit, as a plain loop takes it.
    @Test func globalAvgPoolSumsEachPlaneInOrder() {
        let (planes, hw) = (7, 64)
        let x = GradientCheck.random(planes * hw, seed: 12).map { $0 * 1000 }
        var out = [Float](repeating: 0, count: planes)
        globalAvgPoolForward(out: &out, inp: x, planes: planes, hw: hw)
        let expected = (0..<planes).map { p in x[p * hw..<(p + 1) * hw].reduce(Float(0), +) / Float(hw) }
        #expect(out.map(\.bitPattern) == expected.map(\.bitPattern))
    }

    @Test func linearUsesPyTorchWeightLayout() {
        // W is (out 3, in 2): out = inp · W^T + b.
        var out = [Float](repeating: 0, count: 3)
        linearForward(out: &out, inp: [1, 2], weight: [1, 0, 0, 1, 1, 1], bias: [0.5, 0, -1], n: 1, i: 2, o: 3)
        #expect(out == [1.5, 2, 2])
    }

    @Test func softmaxAndCrossEntropy() {
        var probs = [Float](repeating: 0, count: 3)
        softmaxForward(probs: &probs, logits: [0, log(2), log(3)], n: 1, k: 3)
        for (p, e) in zip(probs, [1.0 / 6, 2.0 / 6, 3.0 / 6]) { #expect(abs(Double(p) - e) < 1e-6) }
        // -log(3/6) and -log(1/6), averaged over the batch.
        let loss = crossEntropyForward(logits: [0, log(2), log(3), 0, log(2), log(3)], labels: [2, 0], n: 2, k: 3)
        #expect(abs(Double(loss) - (log(2) + log(6)) / 2) < 1e-6)
    }

    @Test func softmaxIsStableForHugeLogits() {
        var probs = [Float](repeating: 0, count: 2)
        softmaxForward(probs: &probs, logits: [1000, 1000], n: 1, k: 2)
        #expect(probs == [0.5, 0.5])
        let loss = crossEntropyForward(logits: [1000, -1000], labels: [1], n: 1, k: 2)
        #expect(abs(loss - 2000) < 1e-3)
    }

    @Test func dropoutKeepsExpectationAndIsSeeded() {
        let count = 20_000
        let inp = [Float](repeating: 1, count: count)
        var out = inp, mask = inp, again = inp, mask2 = inp
        var rng = SeededGenerator(seed: 7)
        dropoutForward(out: &out, mask: &mask, inp: inp, count: count, rate: 0.25, rng: &rng)
        #expect(Set(mask) == [0, Float(4) / 3])
        let kept = Double(mask.filter { $0 > 0 }.count) / Double(count)
        #expect(abs(kept - 0.75) < 0.02)
        #expect(abs(out.reduce(0, +) / Float(count) - 1) < 0.03)
        var rng2 = SeededGenerator(seed: 7)
        dropoutForward(out: &again, mask: &mask2, inp: inp, count: count, rate: 0.25, rng: &rng2)
        #expect(again == out)
    }
}
