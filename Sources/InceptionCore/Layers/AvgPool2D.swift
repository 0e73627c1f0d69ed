// Average pooling as a plain loop: the readable version and the test oracle of
// the fast kernels in `Fast/AvgPool2DFast.swift`, which the network calls.

/// out (n, c, oh, ow) = the mean of each window of inp (n, c, h, w), PyTorch's
/// `count_include_pad=True`: padding reads zero and counts in the divisor, but a
/// window reaching past the right or bottom padding (ceil mode) counts only the
/// part inside input + padding. A NaN in a window makes its mean NaN.
public func avgPool2dForwardReference(out: UnsafeMutablePointer<Float>, inp: UnsafePointer<Float>, _ g: PoolGeometry) {
    for p in 0..<g.planes {
        let plane = inp + p * g.h * g.w
        for oy in 0..<g.oh {
            for ox in 0..<g.ow {
                let (y0, x0) = (oy * g.stride - g.pad, ox * g.stride - g.pad)
                let (y1, x1) = (min(y0 + g.kernel, g.h + g.pad), min(x0 + g.kernel, g.w + g.pad))
                var sum: Float = 0
                for y in max(0, y0)..<min(g.h, y1) {
                    for x in max(0, x0)..<min(g.w, x1) { sum += plane[y * g.w + x] }
                }
                out[(p * g.oh + oy) * g.ow + ox] = sum / Float((y1 - y0) * (x1 - x0))
            }
        }
    }
}
