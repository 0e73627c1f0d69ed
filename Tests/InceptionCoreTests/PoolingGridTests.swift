import Testing
@testable import InceptionCore

/// The fast pooling kernels (`Layers/Fast/`) against the plain reference loops
/// (`Layers/MaxPool2D.swift`, `AvgPool2D.swift`) over every window PyTorch allows
/// up to 5x5: kernel 1–5, stride 1–3, padding 0–2 (at most kernel/2), floor and
/// ceil mode, on planes wide enough for the eight-wide path and its tail, with
/// ties, negative values and NaNs.
@Suite struct PoolingGridTests {
    struct Case: CustomStringConvertible, Sendable {
        let kernel: Int, stride: Int, padding: Int, ceilMode: Bool
        var description: String { "k\(kernel) s\(stride) p\(padding)\(ceilMode ? " ceil" : "")" }
    }

    static let cases: [Case] = (1...5).flatMap { k in
        (1...3).flatMap { s in
            (0...min(2, k / 2)).flatMap { p in [false, true].map { Case(kernel: k, stride: s, padding: p, ceilMode: $0) } }
        }
    }

    static let (h, w) = (7, 21)

    /// Two planes of h x w: values on a coarse grid (so windows tie), the second
    /// with NaNs at a few positions.
    static let input: [Float] = {
        var generator = SeededGenerator(seed: 7)
        var x = (0..<2 * h * w).map { _ in Float(Int.random(in: -6...6, using: &generator)) / 2 }
        for position in [h * w + 3, h * w + 2 * w + 10, 2 * h * w - 1] { x[position] = .nan }
        return x
    }()

    static func geometry(_ c: Case) -> PoolGeometry {
        PoolGeometry(n: 1, c: 2, h: h, w: w,
                     window: PoolSpec(name: "p", kernel: c.kernel, stride: c.stride, padding: c.padding, ceilMode: c.ceilMode))
    }

    /// Equal as bits where both are numbers; NaN exactly where the other is NaN.
    static func same(_ a: Float, _ b: Float) -> Bool { a.isNaN ? b.isNaN : a == b }

    @Test(arguments: cases)
    func maxPoolMatchesTheReference(_ c: Case) {
        let (x, g) = (Self.input, Self.geometry(c))
        let count = g.planes * g.oh * g.ow
        var (fast, reference) = ([Float](repeating: 0, count: count), [Float](repeating: 0, count: count))
        var (fastWinners, referenceWinners) = ([Int32](repeating: 0, count: count), [Int32](repeating: 0, count: count))
        maxPool2dForward(out: &fast, winners: &fastWinners, inp: x, g)
        maxPool2dForwardReference(out: &reference, winners: &referenceWinners, inp: x, g)
        #expect(zip(fast, reference).allSatisfy(Self.same), "\(c)")
        #expect(fastWinners == referenceWinners, "\(c)")
        #expect(reference.contains { $0.isNaN })
        // The backward pass that searches the windows again routes each gradient to
        // the reference winner (the NaN-free first plane only: a NaN equals nothing).
        let planeOut = g.oh * g.ow, planeIn = g.h * g.w
        var dx = [Float](repeating: 0, count: 2 * planeIn)
        let dout = (0..<count).map { Float($0 % 5 + 1) }
        maxPool2dBackward(dinp: &dx, dout: dout, inp: x, out: fast, g)
        var expected = [Float](repeating: 0, count: planeIn)
        for o in 0..<planeOut where referenceWinners[o] >= 0 { expected[Int(referenceWinners[o])] += dout[o] }
        #expect(Array(dx[0..<planeIn]) == expected, "\(c)")
    }

    @Test(arguments: cases)
    func avgPoolMatchesTheReference(_ c: Case) {
        let (x, g) = (Self.input, Self.geometry(c))
        let count = g.planes * g.oh * g.ow
        var (fast, reference) = ([Float](repeating: 0, count: count), [Float](repeating: 0, count: count))
        avgPool2dForward(out: &fast, inp: x, g)
        avgPool2dForwardReference(out: &reference, inp: x, g)
        // The fast path sums rows first, so the order of additions differs: values
        // on a grid of halves, at most 25 of them, sum exactly either way.
        #expect(zip(fast, reference).allSatisfy(Self.same), "\(c)")
    }

    /// PyTorch: `F.max_pool2d(torch.tensor([[[[1., nan], [3., 2.]]]]), 2, return_indices=True)`
    /// gives (nan, 1); the reference and the fast kernel agree.
    @Test func aNaNWinsItsWindowAsInPyTorch() {
        let g = PoolGeometry(n: 1, c: 1, h: 2, w: 2, window: PoolSpec(name: "p", kernel: 2, stride: 2))
        var (out, winners) = ([Float](repeating: 0, count: 1), [Int32](repeating: 0, count: 1))
        maxPool2dForwardReference(out: &out, winners: &winners, inp: [1, .nan, 3, 2], g)
        #expect(out[0].isNaN && winners == [1])
        maxPool2dForward(out: &out, winners: &winners, inp: [1, .nan, 3, 2], g)
        #expect(out[0].isNaN && winners == [1])
    }
}
