// Average pooling, forward and backward. Shapes: inp (n, c, h, w), out (n, c, oh, ow).
// Padding reads zero and counts in the divisor (PyTorch's count_include_pad=True),
// but a window that runs past the right or bottom padding in ceil mode is divided
// only by the part that lies inside input + padding, as PyTorch does.

/// The window at (oy, ox): its rows and columns clipped to the input, and its divisor.
@inline(__always)
func avgPoolWindow(_ g: PoolGeometry, _ oy: Int, _ ox: Int) -> (ys: Range<Int>, xs: Range<Int>, divisor: Float) {
    let y0 = oy * g.stride - g.pad, x0 = ox * g.stride - g.pad
    let y1 = min(y0 + g.kernel, g.h + g.pad), x1 = min(x0 + g.kernel, g.w + g.pad)
    let divisor = Float((y1 - y0) * (x1 - x0))
    return (max(y0, 0)..<min(y1, g.h), max(x0, 0)..<min(x1, g.w), divisor)
}

/// out (n, c, oh, ow) = the mean of each window of inp (n, c, h, w).
public func avgPool2dForward(out: UnsafeMutablePointer<Float>, inp: UnsafePointer<Float>, _ g: PoolGeometry) {
    let (oh, ow) = (g.oh, g.ow)
    for p in 0..<g.planes {
        let plane = inp + p * g.h * g.w
        let outPlane = out + p * oh * ow
        for oy in 0..<oh {
            for ox in 0..<ow {
                let win = avgPoolWindow(g, oy, ox)
                var sum: Float = 0
                for y in win.ys {
                    for x in win.xs {
                        sum += plane[y * g.w + x]
                    }
                }
                outPlane[oy * ow + ox] = sum / win.divisor
            }
        }
    }
}

/// Adds dout / divisor into every input position of each window.
public func avgPool2dBackward(dinp: UnsafeMutablePointer<Float>, dout: UnsafePointer<Float>, _ g: PoolGeometry) {
    let (oh, ow) = (g.oh, g.ow)
    for p in 0..<g.planes {
        let dplane = dinp + p * g.h * g.w
        let doutPlane = dout + p * oh * ow
        for oy in 0..<oh {
            for ox in 0..<ow {
                let win = avgPoolWindow(g, oy, ox)
                let d = doutPlane[oy * ow + ox] / win.divisor
                for y in win.ys {
                    for x in win.xs {
                        dplane[y * g.w + x] += d
                    }
                }
            }
        }
    }
}
