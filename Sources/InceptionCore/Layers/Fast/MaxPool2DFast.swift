// Max pooling, forward and backward, the fast path (`MaxPool2D.swift` holds the
// plain reference loops it is tested against). Shapes: inp (n, c, h, w), out
// (n, c, oh, ow). Padding counts as -inf, so it never wins; a NaN in a window
// wins it (PyTorch's `val > max || isnan(val)`, so the last NaN in row order).
// Both passes first copy a plane into a buffer framed with -inf, (oh-1)*stride +
// kernel on each side, so that every window reads only that buffer and no loop
// needs to clip at the borders.

/// Floats of -inf after the framed plane: a stride-2 `load8` reads 16 floats to
/// use 8, one past its last lane, which at the end of the last row is past the plane.
private let frameSlack = 16

/// Copies plane (h, w) into the middle of `framed` (ph, pw). The frame around it
/// (-inf wherever a window reads padding or, in ceil mode, past it) is written once
/// by `FramedPlane`: every plane fills the same middle, so it stays -inf.
@inline(__always)
private func frame(_ framed: UnsafeMutablePointer<Float>, _ plane: UnsafePointer<Float>, _ g: PoolGeometry, ph: Int, pw: Int) {
    let cols = min(g.w, pw - g.pad)
    for y in 0..<min(g.h, ph - g.pad) {
        copyFloats(framed + (y + g.pad) * pw + g.pad, plane + y * g.w, cols)
    }
}

/// The eight values src[0], src[s], ..., src[7s] for stride s of 1 or 2 (for 2,
/// one 16-wide load and its even lanes; it reads one float past the last lane,
/// which the framed buffer's `frameSlack` allows: `end` is that buffer's end).
@inline(__always)
private func load8(_ src: UnsafePointer<Float>, stride s: Int, end: UnsafePointer<Float>) -> SIMD8<Float> {
    assert(src + (s == 1 ? 8 : 16) <= end, "a pooling load ran past the framed buffer and its slack")
    let raw = UnsafeRawPointer(src)
    return s == 1 ? raw.loadUnaligned(as: SIMD8<Float>.self) : raw.loadUnaligned(as: SIMD16<Float>.self).evenHalf
}

/// Strides whose windows `load8` reads eight at a time.
@inline(__always)
private func vectorised(_ s: Int) -> Bool { s == 1 || s == 2 }

/// One buffer (ph, pw) for the framed planes, with `frameSlack` floats after it;
/// frame and slack are -inf. A value rather than a closure taking the buffer, so
/// that the specialised copies of the forward keep their constants (function
/// merging folded the copies of such a closure back into one).
private struct FramedPlane {
    let buffer: UnsafeMutablePointer<Float>
    /// The end of the slack: no load may read past it.
    let end: UnsafePointer<Float>
    let ph: Int, pw: Int

    init(_ g: PoolGeometry) {
        (ph, pw) = ((g.oh - 1) * g.stride + g.kernel, (g.ow - 1) * g.stride + g.kernel)
        buffer = .allocate(capacity: ph * pw + frameSlack)
        buffer.initialize(repeating: -.infinity, count: ph * pw + frameSlack)
        end = UnsafePointer(buffer + ph * pw + frameSlack)
    }

    func deallocate() { buffer.deallocate() }
}

/// out (n, c, oh, ow) = the maximum of each window of inp (n, c, h, w).
public func maxPool2dForward(out: UnsafeMutablePointer<Float>, inp: UnsafePointer<Float>, _ g: PoolGeometry) {
    maxPool2dForward(out: out, winners: nil, inp: inp, g)
}

/// out as above and, unless nil, winners (n, c, oh, ow): where in its input plane
/// (y·w + x) each window's first maximum in row order lies (PyTorch's rule for
/// ties; the last NaN if there is one), or -1 for a window of -inf alone. A training pass keeps
/// them so that the backward pass need not search the windows again.
public func maxPool2dForward(out: UnsafeMutablePointer<Float>, winners: UnsafeMutablePointer<Int32>?,
                             inp: UnsafePointer<Float>, _ g: PoolGeometry) {
    if poolsThreeByThreeFinite(g) { return maxPool3x3Finite(out: out, winners: winners, inp: inp, g) }
    maxPoolGeneral(out: out, winners: winners, inp: inp, g)
}

/// `maxPool2dForward` for any window and any values: NaNs, infinities, windows of
/// -inf alone.
func maxPoolGeneral(out: UnsafeMutablePointer<Float>, winners: UnsafeMutablePointer<Int32>?,
                    inp: UnsafePointer<Float>, _ g: PoolGeometry) {
    // 3x3 windows at stride 1 and 2 (GoogLeNet's, and images holding a NaN or an
    // infinity) get their own copies of the loops with k, s and the winners known,
    // so the window unrolls and a pass that keeps no winners tracks none; any other
    // window takes the same loops with k and s read at run time. (Generic
    // specialisation makes the copies; inlining with constant arguments did not,
    // for all of them.)
    switch (g.kernel, g.stride, winners != nil) {
    case (3, 1, true): maxPoolTwoPass(Window3Stride1.self, Keeping.self, out: out, winners: winners, inp: inp, g)
    case (3, 1, false): maxPoolTwoPass(Window3Stride1.self, NotKeeping.self, out: out, winners: winners, inp: inp, g)
    case (3, 2, true): maxPoolTwoPass(Window3Stride2.self, Keeping.self, out: out, winners: winners, inp: inp, g)
    case (3, 2, false): maxPoolTwoPass(Window3Stride2.self, NotKeeping.self, out: out, winners: winners, inp: inp, g)
    case (_, _, true): maxPoolTwoPass(AnyWindow.self, Keeping.self, out: out, winners: winners, inp: inp, g)
    case (_, _, false): maxPoolTwoPass(AnyWindow.self, NotKeeping.self, out: out, winners: winners, inp: inp, g)
    }
}

/// A window's kernel and stride: constants for the network's windows, the
/// geometry's for any other.
private protocol WindowShape {
    static func kernel(_ g: PoolGeometry) -> Int
    static func stride(_ g: PoolGeometry) -> Int
}
private enum Window3Stride1: WindowShape {
    static func kernel(_ g: PoolGeometry) -> Int { 3 }
    static func stride(_ g: PoolGeometry) -> Int { 1 }
}
private enum Window3Stride2: WindowShape {
    static func kernel(_ g: PoolGeometry) -> Int { 3 }
    static func stride(_ g: PoolGeometry) -> Int { 2 }
}
private enum AnyWindow: WindowShape {
    static func kernel(_ g: PoolGeometry) -> Int { g.kernel }
    static func stride(_ g: PoolGeometry) -> Int { g.stride }
}

/// Whether a forward pass records each window's winner.
private protocol WinnerTracking { static var keeps: Bool { get } }
private enum Keeping: WinnerTracking { static var keeps: Bool { true } }
private enum NotKeeping: WinnerTracking { static var keeps: Bool { false } }

/// The maximum is taken in two passes, rows then columns: first, for every framed
/// row and every output column, the maximum of the window's kernel columns on that
/// row (`rowMax`) and where in the input plane the first one reaching it lies;
/// then the maximum over the window's kernel rows. Max is exact, so this is the
/// same value as a scan of the whole window; and the first row whose maximum is the
/// window's, at its first column reaching it, is the window's first maximum in row
/// order. A stride-1 window then costs 2k comparisons instead of k², and eight
/// outputs go at once. `winners`, non-nil when `Tracking` keeps them, is written only then.
private func maxPoolTwoPass<Window: WindowShape, Tracking: WinnerTracking>(
    _: Window.Type, _: Tracking.Type, out: UnsafeMutablePointer<Float>, winners: UnsafeMutablePointer<Int32>?,
    inp: UnsafePointer<Float>, _ g: PoolGeometry
) {
    let (oh, ow, w, k, s) = (g.oh, g.ow, g.w, Window.kernel(g), Window.stride(g))
    // Framed row fy, column ox·s + kx is plane position (fy − pad)·w + ox·s + kx − pad.
    let laneColumns = SIMD8<Int32>(0, 1, 2, 3, 4, 5, 6, 7) &* Int32(truncatingIfNeeded: s)
    let plane = FramedPlane(g)
    defer { plane.deallocate() }
    let (framed, end, ph, pw) = (plane.buffer, plane.end, plane.ph, plane.pw)
    // rowMax (ph, ow) and rowWinner (ph, ow): the first pass's maxima and their plane positions.
    let rowMax = UnsafeMutablePointer<Float>.allocate(capacity: ph * ow)
    let rowWinner = UnsafeMutablePointer<Int32>.allocate(capacity: ph * ow)
    defer {
        rowMax.deallocate()
        rowWinner.deallocate()
    }
    for p in 0..<g.planes {
        frame(framed, inp + p * g.h * w, g, ph: ph, pw: pw)
        for fy in 0..<ph {
            let src = framed + fy * pw, r = fy * ow
            let rowStart = (fy - g.pad) * w - g.pad
            var ox = 0
            while vectorised(s) && ox + 8 <= ow {
                var best = load8(src + ox * s, stride: s, end: end)
                let first = laneColumns &+ Int32(truncatingIfNeeded: rowStart + ox * s)
                var at = first
                for kx in 1..<k {
                    let v = load8(src + ox * s + kx, stride: s, end: end)
                    let better = v .> best .| v .!= v
                    best.replace(with: v, where: better)
                    if Tracking.keeps { at.replace(with: first &+ Int32(truncatingIfNeeded: kx), where: better) }
                }
                SIMD8.store(best, rowMax + r + ox)
                if Tracking.keeps { UnsafeMutableRawPointer(rowWinner + r + ox).storeBytes(of: at, as: SIMD8<Int32>.self) }
                ox += 8
            }
            while ox < ow {
                var (best, at) = (src[ox * s], 0)
                for kx in 1..<k where src[ox * s + kx] > best || src[ox * s + kx].isNaN { (best, at) = (src[ox * s + kx], kx) }
                (rowMax[r + ox], rowWinner[r + ox]) = (best, Int32(truncatingIfNeeded: rowStart + ox * s + at))
                ox += 1
            }
        }
        for oy in 0..<oh {
            let o = (p * oh + oy) * ow
            var ox = 0
            while ox + 8 <= ow {
                // A strictly greater row maximum (or a NaN) replaces the best: ties keep the first row.
                var best = SIMD8<Float>(repeating: -.infinity)
                var winner = SIMD8<Int32>(repeating: -1)
                for ky in 0..<k {
                    let r = (oy * s + ky) * ow + ox
                    let v = SIMD8.load(rowMax + r)
                    let better = v .> best .| v .!= v
                    best.replace(with: v, where: better)
                    if Tracking.keeps {
                        winner.replace(with: UnsafeRawPointer(rowWinner + r).loadUnaligned(as: SIMD8<Int32>.self),
                                       where: better)
                    }
                }
                SIMD8.store(best, out + o + ox)
                if Tracking.keeps { UnsafeMutableRawPointer(winners! + o + ox).storeBytes(of: winner, as: SIMD8<Int32>.self) }
                ox += 8
            }
            while ox < ow {
                var best = -Float.infinity
                var winner: Int32 = -1
                for ky in 0..<k where rowMax[(oy * s + ky) * ow + ox] > best || rowMax[(oy * s + ky) * ow + ox].isNaN {
                    (best, winner) = (rowMax[(oy * s + ky) * ow + ox], rowWinner[(oy * s + ky) * ow + ox])
                }
                out[o + ox] = best
                if Tracking.keeps { winners![o + ox] = winner }
                ox += 1
            }
        }
    }
}

/// Adds each dout (n, c, oh, ow) into dinp (n, c, h, w) at its window's winner,
/// as recorded by the forward pass (the modules' 3x3/1 pool gathers instead: `MaxPoolGather`).
public func maxPool2dBackward(dinp: UnsafeMutablePointer<Float>, dout: UnsafePointer<Float>,
                              winners: UnsafePointer<Int32>, _ g: PoolGeometry) {
    if gathersMaxPoolGradient(g) { return maxPool2dBackwardGathering(dinp: dinp, dout: dout, winners: winners, g) }
    let outputs = g.oh * g.ow
    for p in 0..<g.planes {
        let dplane = dinp + p * g.h * g.w
        for o in p * outputs..<(p + 1) * outputs where winners[o] >= 0 {
            dplane[Int(winners[o])] += dout[o]
        }
    }
}

/// Adds each dout (n, c, oh, ow) into dinp (n, c, h, w) at the position that won
/// its window: the first, scanning row by row, that equals the forward output
/// `out` (PyTorch's rule for ties; padding is -inf, so it wins only a window of
/// padding alone, which PyTorch's pad <= kernel/2 rules out). For passes that kept
/// no winners; it searches every window again.
///
/// Gradients are first added into a framed plane `dframed` (ph, pw) shaped like the
/// framed input, whose middle is then added to dinp: a winner is then just an
/// offset into that buffer, with no clipping, and eight windows find theirs at once.
public func maxPool2dBackward(dinp: UnsafeMutablePointer<Float>, dout: UnsafePointer<Float>,
                              inp: UnsafePointer<Float>, out: UnsafePointer<Float>, _ g: PoolGeometry) {
    let (oh, ow, k, s) = (g.oh, g.ow, g.kernel, g.stride)
    let plane = FramedPlane(g)
    defer { plane.deallocate() }
    let (framed, end, ph, pw) = (plane.buffer, plane.end, plane.ph, plane.pw)
    // One extra slot past the plane: the sink of a window with no winner (a NaN output).
    let sink = ph * pw
    let dframed = UnsafeMutablePointer<Float>.allocate(capacity: sink + 1)
    defer { dframed.deallocate() }
    // Lane j of eight windows starts j·s columns after the first.
    let laneColumns = SIMD8<Int32>(0, 1, 2, 3, 4, 5, 6, 7) &* Int32(s)
    for p in 0..<g.planes {
        frame(framed, inp + p * g.h * g.w, g, ph: ph, pw: pw)
        dframed.update(repeating: 0, count: sink + 1)
        for oy in 0..<oh {
            var ox = 0
            // Stride 1 or 2: eight windows at once. Scanning each window backwards
            // and keeping the last match leaves the first match of a forward scan.
            while vectorised(s) && ox + 8 <= ow {
                let o = (p * oh + oy) * ow + ox
                let target = UnsafeRawPointer(out + o).loadUnaligned(as: SIMD8<Float>.self)
                var winner = SIMD8<Int32>(repeating: Int32(sink))
                for ky in stride(from: k - 1, through: 0, by: -1) {
                    let rowStart = (oy * s + ky) * pw + ox * s
                    for kx in stride(from: k - 1, through: 0, by: -1) {
                        let v = load8(framed + rowStart + kx, stride: s, end: end)
                        winner.replace(with: laneColumns &+ Int32(rowStart + kx), where: v .== target)
                    }
                }
                for lane in 0..<8 { dframed[Int(winner[lane])] += dout[o + lane] }
                ox += 8
            }
            while ox < ow {
                let o = (p * oh + oy) * ow + ox
                search: for ky in 0..<k {
                    let rowStart = (oy * s + ky) * pw + ox * s
                    for kx in 0..<k where framed[rowStart + kx] == out[o] {
                        dframed[rowStart + kx] += dout[o]
                        break search
                    }
                }
                ox += 1
            }
        }
        // The middle of dframed is the plane; what fell on the frame is padding.
        let dplane = dinp + p * g.h * g.w
        for y in 0..<min(g.h, ph - g.pad) {
            addFloats(dplane + y * g.w, dframed + (y + g.pad) * pw + g.pad, min(g.w, pw - g.pad))
        }
    }
}
