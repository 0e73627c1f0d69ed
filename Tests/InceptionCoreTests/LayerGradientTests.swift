import Testing
@testable import InceptionCore

/// Every layer's backward against central finite differences of its forward.
@Suite struct LayerGradientTests {
    typealias GC = GradientCheck

    @Test func relu() {
        // Shift every value at least 0.1 away from the kink at 0.
        let x = GC.random(50, seed: 1).map { $0 + ($0 < 0 ? -0.1 : 0.1) }
        let r = GC.random(50, seed: 2)
        var out = [Float](repeating: 0, count: 50)
        reluForward(out: &out, inp: x, count: 50)
        var dx = [Float](repeating: 0, count: 50)
        reluBackward(dinp: &dx, dout: r, out: out, count: 50)
        GC.expectMatches(dx, at: x, "relu") { x in
            var o = [Float](repeating: 0, count: 50)
            reluForward(out: &o, inp: x, count: 50)
            return GC.project(o, r)
        }
    }

    /// Max and average pooling, in floor and ceil mode, with padding; 19 columns
    /// give 19 (stride 1) or 10 (stride 2) outputs per row: the eight-wide path and its tail.
    @Test(arguments: [(true, false, 2), (true, true, 2), (false, false, 2), (false, true, 2), (true, false, 1)])
    func pooling(isMax: Bool, ceil: Bool, stride: Int) {
        let g = PoolGeometry(n: 2, c: 2, h: 6, w: 19,
                             window: PoolSpec(name: "p", kernel: 3, stride: stride, padding: 1, ceilMode: ceil))
        let count = 2 * 2 * 6 * g.w
        // Distinct values 0.05 apart in a scrambled order: no near-ties for max pooling.
        let x = (0..<count).map { Float(($0 * 37) % count) * 0.05 }
        let r = GC.random(g.planes * g.oh * g.ow, seed: 3)
        let forward = { (x: [Float]) -> [Float] in
            var o = [Float](repeating: 0, count: r.count)
            if isMax { maxPool2dForward(out: &o, inp: x, g) } else { avgPool2dForward(out: &o, inp: x, g) }
            return o
        }
        var dx = [Float](repeating: 0, count: count)
        if isMax { maxPool2dBackward(dinp: &dx, dout: r, inp: x, out: forward(x), g) } else { avgPool2dBackward(dinp: &dx, dout: r, g) }
        GC.expectMatches(dx, at: x, samples: count, isMax ? "maxpool" : "avgpool") { GC.project(forward($0), r) }
    }

    @Test func maxPoolTieGoesToFirstMaximum() {
        // PyTorch's rule: of equal maxima the first in row order gets the gradient.
        let g = PoolGeometry(n: 1, c: 1, h: 2, w: 2, window: PoolSpec(name: "p", kernel: 2, stride: 2))
        var dx = [Float](repeating: 0, count: 4)
        maxPool2dBackward(dinp: &dx, dout: [1], inp: [3, 5, 5, 5], out: [5], g)
        #expect(dx == [0, 1, 0, 0])
        // A constant 1x9 row under 3x3/1 pad 1 (the eight-wide path and its tail):
        // window ox starts at column max(ox - 1, 0), which takes its gradient.
        let row = PoolGeometry(n: 1, c: 1, h: 1, w: 9, window: PoolSpec(name: "p", kernel: 3, stride: 1, padding: 1))
        var drow = [Float](repeating: 0, count: 9)
        let ones = [Float](repeating: 1, count: 9)
        maxPool2dBackward(dinp: &drow, dout: ones, inp: ones, out: ones, row)
        #expect(drow == [2, 1, 1, 1, 1, 1, 1, 1, 0])
    }

    /// The winners a forward pass keeps route the gradient exactly where the search
    /// of `maxPool2dBackward(inp:out:)` (checked above against finite differences
    /// and PyTorch's tie rule) does, even with many ties: 7 distinct values only.
    @Test(arguments: [(1, false), (2, false), (2, true)])
    func maxPoolWinnersRouteLikeTheSearch(stride: Int, ceil: Bool) {
        let g = PoolGeometry(n: 2, c: 2, h: 6, w: 19,
                             window: PoolSpec(name: "p", kernel: 3, stride: stride, padding: 1, ceilMode: ceil))
        let x = (0..<g.planes * g.h * g.w).map { Float(($0 * 37) % 7) }
        // Small integers: every sum is exact, so the order of additions cannot matter.
        let dout = (0..<g.planes * g.oh * g.ow).map { Float($0 % 5 + 1) }
        var out = [Float](repeating: 0, count: dout.count)
        var winners = [Int32](repeating: 0, count: dout.count)
        maxPool2dForward(out: &out, winners: &winners, inp: x, g)
        var searched = [Float](repeating: 0, count: x.count), routed = searched
        maxPool2dBackward(dinp: &searched, dout: dout, inp: x, out: out, g)
        maxPool2dBackward(dinp: &routed, dout: dout, winners: winners, g)
        #expect(routed == searched)
        // By hand: of the tied 5s of a 2x2 window the first in row order (index 1) wins.
        let two = PoolGeometry(n: 1, c: 1, h: 2, w: 2, window: PoolSpec(name: "p", kernel: 2, stride: 2))
        var max: [Float] = [0], winner: [Int32] = [0]
        maxPool2dForward(out: &max, winners: &winner, inp: [3, 5, 5, 5], two)
        #expect(max == [5] && winner == [1])
    }

    @Test func concatAndGlobalAvgPool() {
        // concat(a, b) then GAP: n 2, parts of 2 and 3 channels, 3x3 planes.
        let (n, hw) = (2, 9)
        let a = GC.random(n * 2 * hw, seed: 4), b = GC.random(n * 3 * hw, seed: 5)
        let r = GC.random(n * 5, seed: 6)
        let forward = { (a: [Float], b: [Float]) -> [Float] in
            var cat = [Float](repeating: 0, count: a.count + b.count)
            a.withUnsafeBufferPointer { pa in
                b.withUnsafeBufferPointer { pb in
                    concatForward(out: &cat, parts: [ConcatPart(pa.baseAddress!, channels: 2),
                                                     ConcatPart(pb.baseAddress!, channels: 3)], n: n, hw: hw)
                }
            }
            var out = [Float](repeating: 0, count: n * 5)
            globalAvgPoolForward(out: &out, inp: cat, planes: n * 5, hw: hw)
            return out
        }
        var dcat = [Float](repeating: 0, count: a.count + b.count)
        globalAvgPoolBackward(dinp: &dcat, dout: r, planes: n * 5, hw: hw)
        var da = [Float](repeating: 0, count: a.count), db = [Float](repeating: 0, count: b.count)
        da.withUnsafeMutableBufferPointer { pa in
            db.withUnsafeMutableBufferPointer { pb in
                concatBackward(dparts: [pa.baseAddress!, pb.baseAddress!], channels: [2, 3], dout: dcat, n: n, hw: hw)
            }
        }
        GC.expectMatches(da, at: a, "concat a") { GC.project(forward($0, b), r) }
        GC.expectMatches(db, at: b, "concat b") { GC.project(forward(a, $0), r) }
    }

    /// Shapes for each path: scalar rows (5 inputs), four outputs at a time with a
    /// fifth alone (16), and four vectors at a time with a scalar tail (36).
    @Test(arguments: [(3, 5, 4), (2, 16, 5), (3, 36, 6)])
    func linear(_ shape: (Int, Int, Int)) {
        let (n, i, o) = shape
        let x = GC.random(n * i, seed: 7), w = GC.random(o * i, seed: 8), b = GC.random(o, seed: 9)
        let r = GC.random(n * o, seed: 10)
        let loss = { (x: [Float], w: [Float], b: [Float]) -> Double in
            var out = [Float](repeating: 0, count: n * o)
            linearForward(out: &out, inp: x, weight: w, bias: b, n: n, i: i, o: o)
            return GC.project(out, r)
        }
        var dx = [Float](repeating: 0, count: x.count), dw = [Float](repeating: 0, count: w.count)
        var db = [Float](repeating: 0, count: o)
        linearBackward(dinp: &dx, dweight: &dw, dbias: &db, dout: r, inp: x, weight: w, n: n, i: i, o: o)
        GC.expectMatches(dx, at: x, "linear input") { loss($0, w, b) }
        GC.expectMatches(dw, at: w, "linear weight") { loss(x, $0, b) }
        GC.expectMatches(db, at: b, "linear bias") { loss(x, w, $0) }
    }

    /// Square, and the rectangular kernels of factorised branches (1x3 and 5x1
    /// with the padding that keeps the size, as PyTorch's `padding=(0, 1)`).
    @Test(arguments: [ConvGeometry(n: 2, c: 3, h: 5, w: 5, oc: 4, kh: 3, kw: 3, stride: 2, pad: 1),
                      ConvGeometry(n: 2, c: 3, h: 5, w: 6, oc: 4, kh: 1, kw: 3, padH: 0, padW: 1),
                      ConvGeometry(n: 2, c: 2, h: 6, w: 5, oc: 3, kh: 5, kw: 1, padH: 2, padW: 0)])
    func conv2d(_ g: ConvGeometry) {
        if g.kh != g.kw { #expect(g.oh == g.h && g.ow == g.w, "the padding keeps the size") }
        let x = GC.random(g.n * g.c * g.h * g.w, seed: 11)
        let w = GC.random(g.oc * g.c * g.kh * g.kw, seed: 12), b = GC.random(g.oc, seed: 13)
        let r = GC.random(g.n * g.oc * g.oh * g.ow, seed: 14)
        let loss = { (x: [Float], w: [Float], b: [Float]) -> Double in
            var out = [Float](repeating: 0, count: r.count)
            conv2dForward(out: &out, inp: x, weight: w, bias: b, g)
            return GC.project(out, r)
        }
        var dx = [Float](repeating: 0, count: x.count), dw = [Float](repeating: 0, count: w.count)
        var db = [Float](repeating: 0, count: g.oc)
        conv2dBackward(dinp: &dx, dweight: &dw, dbias: &db, dout: r, inp: x, weight: w, g)
        GC.expectMatches(dx, at: x, "conv input") { loss($0, w, b) }
        GC.expectMatches(dw, at: w, "conv weight") { loss(x, $0, b) }
        GC.expectMatches(db, at: b, "conv bias") { loss(x, w, $0) }
    }

    @Test func softmaxCrossEntropy() {
        let (n, k) = (3, 4)
        let logits = GC.random(n * k, seed: 15, scale: 2)
        let labels: [Int32] = [0, 3, 1]
        var probs = [Float](repeating: 0, count: n * k)
        softmaxForward(probs: &probs, logits: logits, n: n, k: k)
        var d = [Float](repeating: 0, count: n * k)
        crossEntropyBackward(dlogits: &d, probs: probs, labels: labels, n: n, k: k, scale: 0.3)
        GC.expectMatches(d, at: logits, "cross-entropy") {
            0.3 * Double(crossEntropyForward(logits: $0, labels: labels, n: n, k: k))
        }
    }

    @Test func dropout() {
        let x = GC.random(40, seed: 16), r = GC.random(40, seed: 17)
        let forward = { (x: [Float]) -> ([Float], [Float]) in
            var rng = SeededGenerator(seed: 18)
            var out = x, mask = x
            dropoutForward(out: &out, mask: &mask, inp: x, count: 40, rate: 0.5, rng: &rng)
            return (out, mask)
        }
        var dx = [Float](repeating: 0, count: 40)
        dropoutBackward(dinp: &dx, dout: r, mask: forward(x).1, count: 40)
        GC.expectMatches(dx, at: x, "dropout") { GC.project(forward($0).0, r) }
    }
}
