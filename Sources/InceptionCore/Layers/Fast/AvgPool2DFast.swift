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
// instead of one chain of k² with the window clipped for each output. In the
// forward pass four windows side by side go as one four-lane vector, each lane
// adding in the order a lone window would (so the vectors change no bit): across a
// row of row sums always, and across an input row when every column window is whole.
// (The same in the backward pass, and a register per eight inputs for the spread
// into overlapping windows, measured no faster there.)

/// The windows of g along both axes, their divisors (oh, ow), and whether every
/// column window is whole (k inputs from ox·s − pad, no padding in it).
private struct AvgPoolWindows {
    let rows: [(inputs: Range<Int>, extent: Int)]
    let cols: [(inputs: Range<Int>, extent: Int)]
    let divisors: [Float]
    let wholeColumns: Bool

    init(_ g: PoolGeometry) {
        let rows = (0..<g.oh).map { avgPoolSpan(g, $0, size: g.h) }
        let cols = (0..<g.ow).map { avgPoolSpan(g, $0, size: g.w) }
        (self.rows, self.cols) = (rows, cols)
        divisors = rows.flatMap { r in cols.map { Float(r.extent * $0.extent) } }
        wholeColumns = cols.allSatisfy { $0.inputs.count == g.kernel && $0.extent == g.kernel }
    }
}

@inline(__always)
private func load4(_ p: UnsafePointer<Float>) -> SIMD4<Float> { UnsafeRawPointer(p).loadUnaligned(as: SIMD4<Float>.self) }

@inline(__always)
private func store4(_ v: SIMD4<Float>, _ p: UnsafeMutablePointer<Float>) {
    UnsafeMutableRawPointer(p).storeBytes(of: v, as: SIMD4<Float>.self)
}

/// Whether every window lies whole inside the input (no padding, none cut off) on
/// rows of whole vectors, as the aux head's 5x5/3 pool on 16x16 maps: then a
/// window's sum is its k rows added as vectors and then k columns of that, and its
/// gradient goes back the same way (`WholeWindows`).
private func wholeWindows(_ g: PoolGeometry) -> Bool {
    g.pad == 0 && g.w % 8 == 0 && (g.oh - 1) * g.stride + g.kernel <= g.h && (g.ow - 1) * g.stride + g.kernel <= g.w
}

/// out (n, c, oh, ow) = the mean of each window of inp (n, c, h, w).
public func avgPool2dForward(out: UnsafeMutablePointer<Float>, inp: UnsafePointer<Float>, _ g: PoolGeometry) {
    if wholeWindows(g) { return WholeWindows(g).forward(out: out, inp: inp) }
    let (oh, ow, w, k, s) = (g.oh, g.ow, g.w, g.kernel, g.stride)
    let windows = AvgPoolWindows(g)
    // rowSums (h, ow): each input row summed over each window's columns.
    let rowSums = UnsafeMutablePointer<Float>.allocate(capacity: g.h * ow)
    defer { rowSums.deallocate() }
    windows.divisors.withUnsafeBufferPointer { divisors in
        for p in 0..<g.planes {
            let plane = inp + p * g.h * w
            let outPlane = out + p * oh * ow
            for y in 0..<g.h {
                let row = plane + y * w, sums = rowSums + y * ow
                var ox = 0
                while windows.wholeColumns && ox + 4 <= ow {
                    let first = row + windows.cols[ox].inputs.lowerBound
                    var sum = SIMD4<Float>()
                    for x in 0..<k { sum += SIMD4(first[x], first[x + s], first[x + 2 * s], first[x + 3 * s]) }
                    store4(sum, sums + ox)
                    ox += 4
                }
                while ox < ow {
                    var sum: Float = 0
                    for x in windows.cols[ox].inputs { sum += row[x] }
                    sums[ox] = sum
                    ox += 1
                }
            }
            for oy in 0..<oh {
                let inputs = windows.rows[oy].inputs, o = oy * ow
                var ox = 0
                while ox + 4 <= ow {
                    var sum = SIMD4<Float>()
                    for y in inputs { sum += load4(rowSums + y * ow + ox) }
                    store4(sum / load4(divisors.baseAddress! + o + ox), outPlane + o + ox)
                    ox += 4
                }
                while ox < ow {
                    var sum: Float = 0
                    for y in inputs { sum += rowSums[y * ow + ox] }
                    outPlane[o + ox] = sum / divisors[o + ox]
                    ox += 1
                }
            }
        }
    }
}

/// Adds dout / divisor into every input position of each window.
public func avgPool2dBackward(dinp: UnsafeMutablePointer<Float>, dout: UnsafePointer<Float>, _ g: PoolGeometry) {
    if wholeWindows(g) { return WholeWindows(g).backward(dinp: dinp, dout: dout) }
    let (oh, ow) = (g.oh, g.ow)
    let windows = AvgPoolWindows(g)
    // rowGrads (h, ow): what each input row receives from the windows of column ox.
    let rowGrads = UnsafeMutablePointer<Float>.allocate(capacity: g.h * ow)
    defer { rowGrads.deallocate() }
    for p in 0..<g.planes {
        let dplane = dinp + p * g.h * g.w
        let doutPlane = dout + p * oh * ow
        rowGrads.update(repeating: 0, count: g.h * ow)
        for oy in 0..<oh {
            for ox in 0..<ow {
                let d = doutPlane[oy * ow + ox] / windows.divisors[oy * ow + ox]
                for y in windows.rows[oy].inputs { rowGrads[y * ow + ox] += d }
            }
        }
        for y in 0..<g.h {
            for ox in 0..<ow {
                let d = rowGrads[y * ow + ox]
                for x in windows.cols[ox].inputs { dplane[y * g.w + x] += d }
            }
        }
    }
}

/// Average pooling where `wholeWindows` holds: every divisor is k², and each
/// window row oy covers input rows oy·s ..< oy·s + k whole, so its k rows are
/// added (forward) or receive (backward) one row of w floats eight at a time;
/// only the k columns of each window within that row go one by one.
private struct WholeWindows {
    let h: Int, w: Int, oh: Int, ow: Int, k: Int, s: Int, planes: Int
    let divisor: Float

    init(_ g: PoolGeometry) {
        (h, w, oh, ow, k, s, planes) = (g.h, g.w, g.oh, g.ow, g.kernel, g.stride, g.planes)
        divisor = Float(k * k)
    }

    /// Window row oy's sums: row[x] = the sum of its k input rows at column x, then
    /// each window's k columns of that.
    func forward(out: UnsafeMutablePointer<Float>, inp: UnsafePointer<Float>) {
        let row = UnsafeMutablePointer<Float>.allocate(capacity: w)
        defer { row.deallocate() }
        for p in 0..<planes {
            for oy in 0..<oh {
                let top = inp + (p * h + oy * s) * w
                var x = 0
                while x < w {
                    var sum = SIMD8.load(top + x)
                    for ky in 1..<k { sum += SIMD8.load(top + ky * w + x) }
                    SIMD8.store(sum, row + x)
                    x += 8
                }
                let o = out + (p * oh + oy) * ow
                for ox in 0..<ow {
                    var sum = row[ox * s]
                    for kx in 1..<k { sum += row[ox * s + kx] }
                    o[ox] = sum / divisor
                }
            }
        }
    }

    /// Window row oy's gradients: row[x] = the sum of dout / k² over the windows
    /// holding column x (in window order, from +0), then added into each of the k
    /// input rows. Each vector of the row is built in a register, a window's share
    /// blended into the lanes it covers: built in memory one float at a time, the
    /// row's vector loads had waited on those stores.
    func backward(dinp: UnsafeMutablePointer<Float>, dout: UnsafePointer<Float>) {
        typealias V = SIMD8<Float>
        let vectors = w / 8
        // covers[ox · vectors + v]: the lanes of vector v (columns 8v ..< 8v + 8) in window ox's columns.
        let lanes = SIMD8<Int32>(0, 1, 2, 3, 4, 5, 6, 7)
        let covers = (0..<ow).flatMap { ox in
            (0..<vectors).map { v in
                let x = lanes &+ Int32(8 * v)
                return (x .>= Int32(ox * s)) .& (x .< Int32(ox * s + k))
            }
        }
        for p in 0..<planes {
            for oy in 0..<oh {
                let d = dout + (p * oh + oy) * ow
                let top = dinp + (p * h + oy * s) * w
                for v in 0..<vectors {
                    var row = V()
                    for ox in 0..<ow { row += V().replacing(with: d[ox] / divisor, where: covers[ox * vectors + v]) }
                    for ky in 0..<k {
                        let at = top + ky * w + 8 * v
                        V.store(V.load(at) + row, at)
                    }
                }
            }
        }
    }
}
