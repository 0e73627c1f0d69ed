// Average pooling, forward and backward, the fast path (`AvgPool2D.swift` holds the
// plain reference loop it is tested against). Shapes: inp (n, c, h, w), out (n, c, oh, ow).
// Padding reads zero and counts in the divisor (PyTorch's count_include_pad=True),
// but a window that runs past the right or bottom padding in ceil mode is divided
// only by the part that lies inside input + padding, as PyTorch does.

/// Window o along one axis of `size` inputs: the inputs it covers (clipped to the
/// input) and its extent within input + padding, one factor of its divisor.
@inline(__always)
func avgPoolSpan(_ g: PoolGeometry, _ o: Int, size: Int) -> (inputs: Range<Int>, extent: Int) {
    let start = o * g.stride - g.pad
    let end = min(start + g.kernel, size + g.pad)
    return (max(start, 0)..<min(end, size), end - start)
}

// A window's sum is a sum over its rows of sums over its columns, and its divisor
// is the product of its two extents, so both passes go one axis at a time: a window
// of k x k inputs then costs about 2k additions, in short independent chains,
// instead of one chain of k² with the window clipped for each output.

/// out (n, c, oh, ow) = the mean of each window of inp (n, c, h, w).
public func avgPool2dForward(out: UnsafeMutablePointer<Float>, inp: UnsafePointer<Float>, _ g: PoolGeometry) {
    let (oh, ow) = (g.oh, g.ow)
    let rows = (0..<oh).map { avgPoolSpan(g, $0, size: g.h) }
    let cols = (0..<ow).map { avgPoolSpan(g, $0, size: g.w) }
    // rowSums (h, ow): each input row summed over each window's columns.
    let rowSums = UnsafeMutablePointer<Float>.allocate(capacity: g.h * ow)
    defer { rowSums.deallocate() }
    for p in 0..<g.planes {
        let plane = inp + p * g.h * g.w
        let outPlane = out + p * oh * ow
        for y in 0..<g.h {
            for ox in 0..<ow {
                var sum: Float = 0
                for x in cols[ox].inputs { sum += plane[y * g.w + x] }
                rowSums[y * ow + ox] = sum
            }
        }
        for oy in 0..<oh {
            for ox in 0..<ow {
                var sum: Float = 0
                for y in rows[oy].inputs { sum += rowSums[y * ow + ox] }
                outPlane[oy * ow + ox] = sum / Float(rows[oy].extent * cols[ox].extent)
            }
        }
    }
}

/// Adds dout / divisor into every input position of each window.
public func avgPool2dBackward(dinp: UnsafeMutablePointer<Float>, dout: UnsafePointer<Float>, _ g: PoolGeometry) {
    let (oh, ow) = (g.oh, g.ow)
    let rows = (0..<oh).map { avgPoolSpan(g, $0, size: g.h) }
    let cols = (0..<ow).map { avgPoolSpan(g, $0, size: g.w) }
    // rowGrads (h, ow): what each input row receives from the windows of column ox.
    let rowGrads = UnsafeMutablePointer<Float>.allocate(capacity: g.h * ow)
    defer { rowGrads.deallocate() }
    for p in 0..<g.planes {
        let dplane = dinp + p * g.h * g.w
        let doutPlane = dout + p * oh * ow
        rowGrads.update(repeating: 0, count: g.h * ow)
        for oy in 0..<oh {
            for ox in 0..<ow {
                let d = doutPlane[oy * ow + ox] / Float(rows[oy].extent * cols[ox].extent)
                for y in rows[oy].inputs { rowGrads[y * ow + ox] += d }
            }
        }
        for y in 0..<g.h {
            for ox in 0..<ow {
                let d = rowGrads[y * ow + ox]
                for x in cols[ox].inputs { dplane[y * g.w + x] += d }
            }
        }
    }
}
