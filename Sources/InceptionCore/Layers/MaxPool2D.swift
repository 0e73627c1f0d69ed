// Max pooling as plain loops: the readable version and the test oracle of the
// fast kernels in `Fast/MaxPool2DFast.swift`, which the network calls. Shapes:
// inp (n, c, h, w), out (n, c, oh, ow).

/// out (n, c, oh, ow) = the maximum of each window of inp (n, c, h, w), and,
/// unless nil, winners: where in its input plane (y·w + x) the maximum lies.
/// As PyTorch's CPU kernel: a position wins if it is greater than the best so far
/// or NaN, so ties go to the first in row order and a NaN, the last one, always
/// wins; padding is never read; a window of -inf alone has winner -1.
public func maxPool2dForwardReference(out: UnsafeMutablePointer<Float>, winners: UnsafeMutablePointer<Int32>?,
                                      inp: UnsafePointer<Float>, _ g: PoolGeometry) {
    for p in 0..<g.planes {
        let plane = inp + p * g.h * g.w
        for oy in 0..<g.oh {
            for ox in 0..<g.ow {
                var best = -Float.infinity
                var winner = -1
                for y in max(0, oy * g.stride - g.pad)..<min(g.h, oy * g.stride - g.pad + g.kernel) {
                    for x in max(0, ox * g.stride - g.pad)..<min(g.w, ox * g.stride - g.pad + g.kernel) {
                        let v = plane[y * g.w + x]
                        if v > best || v.isNaN { (best, winner) = (v, y * g.w + x) }
                    }
                }
                let o = (p * g.oh + oy) * g.ow + ox
                out[o] = best
                winners?[o] = Int32(winner)
            }
        }
    }
}
