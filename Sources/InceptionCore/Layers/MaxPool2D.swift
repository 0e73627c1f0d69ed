// Max pooling, forward and backward. Shapes: inp (n, c, h, w), out (n, c, oh, ow).
// Padding counts as -inf, so it never wins; the window is clipped to the input.

/// The output columns ox whose window column x = ox*stride + kx - pad lies inside
/// the input: the forward pass sweeps them as one run (contiguous for stride 1).
@inline(__always)
func poolColumns(_ g: PoolGeometry, kx: Int) -> Range<Int> {
    let shift = kx - g.pad
    let last = g.w - 1 - shift
    guard last >= 0 else { return 0..<0 }
    let lo = shift >= 0 ? 0 : (-shift + g.stride - 1) / g.stride
    let hi = min(g.ow, last / g.stride + 1)
    return lo..<max(lo, hi)
}

/// out (n, c, oh, ow) = the maximum of each window of inp (n, c, h, w).
/// Row by row: each kernel offset (ky, kx) updates a whole output row at once.
public func maxPool2dForward(out: UnsafeMutablePointer<Float>, inp: UnsafePointer<Float>, _ g: PoolGeometry) {
    let (oh, ow) = (g.oh, g.ow)
    let columns = (0..<g.kernel).map { poolColumns(g, kx: $0) }
    for p in 0..<g.planes {
        let plane = inp + p * g.h * g.w
        for oy in 0..<oh {
            let row = out + (p * oh + oy) * ow
            row.update(repeating: -.infinity, count: ow)
            for ky in 0..<g.kernel {
                let y = oy * g.stride + ky - g.pad
                if y < 0 || y >= g.h { continue }
                let src = plane + y * g.w
                for kx in 0..<g.kernel {
                    let shift = kx - g.pad
                    for ox in columns[kx] {
                        row[ox] = max(row[ox], src[ox * g.stride + shift])
                    }
                }
            }
        }
    }
}

/// Adds each dout (n, c, oh, ow) into dinp (n, c, h, w) at the position that won
/// its window: the first, scanning row by row, that equals the forward output
/// `out` (PyTorch's rule for ties). No index buffer is kept.
public func maxPool2dBackward(dinp: UnsafeMutablePointer<Float>, dout: UnsafePointer<Float>,
                              inp: UnsafePointer<Float>, out: UnsafePointer<Float>, _ g: PoolGeometry) {
    let (oh, ow) = (g.oh, g.ow)
    for p in 0..<g.planes {
        let plane = inp + p * g.h * g.w
        let dplane = dinp + p * g.h * g.w
        for oy in 0..<oh {
            let y0 = oy * g.stride - g.pad
            let ys = max(y0, 0)..<min(y0 + g.kernel, g.h)
            for ox in 0..<ow {
                let o = (p * oh + oy) * ow + ox
                let x0 = ox * g.stride - g.pad
                let xs = max(x0, 0)..<min(x0 + g.kernel, g.w)
                search: for y in ys {
                    for x in xs where plane[y * g.w + x] == out[o] {
                        dplane[y * g.w + x] += dout[o]
                        break search
                    }
                }
            }
        }
    }
}
