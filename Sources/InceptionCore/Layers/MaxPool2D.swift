// Max pooling, forward and backward. Shapes: inp (n, c, h, w), out (n, c, oh, ow).
// Padding counts as -inf, so it never wins; the window is clipped to the input.

/// The flat index, inside its input plane, of the first maximum of the window
/// at (oy, ox): PyTorch's tie rule (scan row by row, keep the first of equals).
/// Returns -1 for a window that holds no input position.
@inline(__always)
func maxPoolArgmax(_ plane: UnsafePointer<Float>, _ g: PoolGeometry, _ oy: Int, _ ox: Int) -> Int {
    let y0 = oy * g.stride - g.pad, x0 = ox * g.stride - g.pad
    var best = -Float.infinity
    var index = -1
    for y in max(y0, 0)..<min(y0 + g.kernel, g.h) {
        for x in max(x0, 0)..<min(x0 + g.kernel, g.w) {
            let v = plane[y * g.w + x]
            if v > best || index < 0 {
                best = v
                index = y * g.w + x
            }
        }
    }
    return index
}

/// out (n, c, oh, ow) = the maximum of each window of inp (n, c, h, w).
public func maxPool2dForward(out: UnsafeMutablePointer<Float>, inp: UnsafePointer<Float>, _ g: PoolGeometry) {
    let (oh, ow) = (g.oh, g.ow)
    for p in 0..<g.planes {
        let plane = inp + p * g.h * g.w
        let outPlane = out + p * oh * ow
        for oy in 0..<oh {
            for ox in 0..<ow {
                let i = maxPoolArgmax(plane, g, oy, ox)
                outPlane[oy * ow + ox] = i < 0 ? 0 : plane[i]
            }
        }
    }
}

/// Adds each dout (n, c, oh, ow) into dinp (n, c, h, w) at the position that won
/// its window (found again from inp, so no index buffer is kept).
public func maxPool2dBackward(dinp: UnsafeMutablePointer<Float>, dout: UnsafePointer<Float>,
                              inp: UnsafePointer<Float>, _ g: PoolGeometry) {
    let (oh, ow) = (g.oh, g.ow)
    for p in 0..<g.planes {
        let plane = inp + p * g.h * g.w
        let dplane = dinp + p * g.h * g.w
        let doutPlane = dout + p * oh * ow
        for oy in 0..<oh {
            for ox in 0..<ow {
                let i = maxPoolArgmax(plane, g, oy, ox)
                if i >= 0 { dplane[i] += doutPlane[oy * ow + ox] }
            }
        }
    }
}
