import Testing
@testable import InceptionCore

/// The specialised pooling loops at the tiny network's own shapes (whole 8- and
/// 16-wide rows, several planes; 32 and 64 wide too, so that an image's planes fill
/// several of the evaluation pass's chunks), against the plain reference loops: each module's
/// 3x3/1 pad 1 max pool, pool1 and pool2 (3x3/2 pad 1), with and without winners,
/// and the aux head's 5x5/3 average pool.
@Suite struct PoolingNetworkShapesTests {
    /// Four images of three planes of size x size on a grid of halves (windows tie,
    /// sums are exact): a NaN in image 1's second plane and, in image 2's third, -inf
    /// in the top left 2x2 corner, so that the first window there holds -inf alone
    /// (winner -1). Images 0 and 3 take the max pool's path for finite images, the
    /// others the general one.
    static func input(_ size: Int) -> [Float] {
        var generator = SeededGenerator(seed: 11)
        let plane = size * size
        var x = (0..<12 * plane).map { _ in Float(Int.random(in: -8...8, using: &generator)) / 2 }
        x[4 * plane + size + 2] = .nan
        for corner in [0, 1, size, size + 1] { x[8 * plane + corner] = -.infinity }
        return x
    }

    static func geometry(_ size: Int, kernel: Int, stride: Int, padding: Int) -> PoolGeometry {
        PoolGeometry(n: 4, c: 3, h: size, w: size,
                     window: PoolSpec(name: "p", kernel: kernel, stride: stride, padding: padding))
    }

    @Test(arguments: [(16, 1), (8, 1), (24, 1), (32, 1), (32, 2), (16, 2), (64, 2)])
    func maxPoolMatchesTheReference(_ shape: (size: Int, stride: Int)) {
        let g = Self.geometry(shape.size, kernel: 3, stride: shape.stride, padding: 1)
        let x = Self.input(shape.size)
        let count = g.planes * g.oh * g.ow
        var (kept, plain, reference) = ([Float](repeating: 0, count: count), [Float](repeating: 0, count: count),
                                        [Float](repeating: 0, count: count))
        var (winners, referenceWinners) = ([Int32](repeating: 0, count: count), [Int32](repeating: 0, count: count))
        maxPool2dForward(out: &kept, winners: &winners, inp: x, g)
        maxPool2dForward(out: &plain, inp: x, g)
        maxPool2dForwardReference(out: &reference, winners: &referenceWinners, inp: x, g)
        #expect(kept.map(\.bitPattern) == reference.map(\.bitPattern))
        #expect(plain.map(\.bitPattern) == reference.map(\.bitPattern))
        #expect(winners == referenceWinners)
        #expect(reference.contains { $0.isNaN })
        #expect(referenceWinners[8 * g.oh * g.ow] == -1)
        // Backward from the winners: each window's gradient lands on its winner, added in window order.
        let dout = (0..<count).map { Float($0 % 7) * 0.25 + 0.5 }
        var dx = [Float](repeating: 1, count: x.count)
        maxPool2dBackward(dinp: &dx, dout: dout, winners: winners, g)
        var expected = [Float](repeating: 1, count: x.count)
        let (planeIn, planeOut) = (g.h * g.w, g.oh * g.ow)
        for o in 0..<count where referenceWinners[o] >= 0 { expected[o / planeOut * planeIn + Int(referenceWinners[o])] += dout[o] }
        #expect(dx == expected)
    }

    @Test func auxAvgPoolMatchesTheReference() {
        let g = Self.geometry(16, kernel: 5, stride: 3, padding: 0)
        let x = Self.input(16).map { $0.isFinite ? $0 : 0.5 }
        let count = g.planes * g.oh * g.ow
        var (fast, reference) = ([Float](repeating: 0, count: count), [Float](repeating: 0, count: count))
        avgPool2dForward(out: &fast, inp: x, g)
        avgPool2dForwardReference(out: &reference, inp: x, g)
        #expect(fast == reference)
        // By hand: output 0 of plane 0 is the mean of rows 0-4, columns 0-4.
        let window = (0..<5).flatMap { y in (0..<5).map { x[y * 16 + $0] } }
        #expect(fast[0] == window.reduce(0, +) / 25)
        // Backward: each window spreads dout / 25 over its 25 inputs. Every dout is a
        // multiple of 12.5, so each share is a multiple of a half and the sums are exact.
        let dout = (0..<count).map { Float($0 % 7 + 1) * 12.5 }
        var dx = [Float](repeating: 1, count: x.count)
        avgPool2dBackward(dinp: &dx, dout: dout, g)
        var expected = [Float](repeating: 1, count: x.count)
        for p in 0..<g.planes {
            for oy in 0..<g.oh {
                for ox in 0..<g.ow {
                    for y in oy * 3..<oy * 3 + 5 {
                        for x in ox * 3..<ox * 3 + 5 { expected[p * 256 + y * 16 + x] += dout[(p * 4 + oy) * 4 + ox] / 25 }
                    }
                }
            }
        }
        #expect(dx == expected)
    }
}
