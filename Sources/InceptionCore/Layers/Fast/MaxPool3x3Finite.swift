// Max pooling for the network's own windows, 3x3 with padding 1 at stride 1 (the
// modules' pool branch) and stride 2 (pool1, pool2), on images of finite values.
// Shapes: inp (n, c, h, w), out (n, c, oh, ow) with oh = h, ow = w at stride 1
// and oh = h/2, ow = w/2 at stride 2.
//
// Where every value is finite, no window needs PyTorch's NaN rule and no window
// is -inf alone, so the maximum is one compare and one blend per value (a `vmaxps`
// when no winner is kept) instead of the general kernel's compare, NaN test, or
// and blend. Each image is checked as it is read; an image with a NaN or an
// infinity goes through the general kernel (`maxPoolGeneral`) instead.
//
// A training pass keeps each window's winner, the first maximum in row order, so
// it goes rows first, then columns (`StackedFrame`); an evaluation pass keeps none
// and goes columns first, straight from the input (`maxPool3x3Values`). At stride 2
// each row is split into its even and odd columns, so that the three columns of
// eight windows side by side are three plain loads (a 16-wide load's even lanes,
// compared at once, had turned into mask shuffles).

/// Whether `maxPool3x3Finite` takes g: a 3x3 window with padding 1, at stride 1 on
/// planes a multiple of 8 wide, or at stride 2 (floor mode) on planes of even
/// height and a multiple of 16 wide.
func poolsThreeByThreeFinite(_ g: PoolGeometry) -> Bool {
    guard g.kernel == 3, g.pad == 1 else { return false }
    switch g.stride {
    case 1: return g.w % 8 == 0 && g.oh == g.h && g.ow == g.w
    case 2: return g.w % 16 == 0 && g.h % 2 == 0 && g.oh == g.h / 2 && g.ow == g.w / 2
    default: return false
    }
}

/// The larger of a and b, lane by lane, for numbers (a `vmaxps`).
@inline(__always)
private func larger(_ a: SIMD8<Float>, _ b: SIMD8<Float>) -> SIMD8<Float> { a.replacing(with: b, where: a .< b) }

/// Adds eight values to `probe`, an or of the bits of value·0: ±0 for a number, a
/// NaN (exponent all ones) for a NaN or an infinity. An or rather than a sum, so
/// that the copy does not wait on a chain of additions.
@inline(__always)
private func probe(_ probe: inout SIMD8<UInt32>, _ v: SIMD8<Float>) {
    probe |= unsafeBitCast(v * 0, to: SIMD8<UInt32>.self)
}

/// Whether the values `probe` has seen were all finite.
@inline(__always)
private func allFinite(_ probe: SIMD8<UInt32>) -> Bool { (probe & 0x7fff_ffff) == SIMD8() }

/// out, and winners unless nil, as `maxPool2dForward` gives them, for geometries
/// where `poolsThreeByThreeFinite` holds.
func maxPool3x3Finite(out: UnsafeMutablePointer<Float>, winners: UnsafeMutablePointer<Int32>?,
                      inp: UnsafePointer<Float>, _ g: PoolGeometry) {
    guard let winners else { return maxPool3x3Values(out: out, inp: inp, g) }
    let frame = StackedFrame(g)
    defer { frame.deallocate() }
    let image = PoolGeometry(n: 1, c: g.c, h: g.h, w: g.w, window: g.window)
    let (imageIn, imageOut) = (g.c * g.h * g.w, g.c * g.oh * g.ow)
    for i in 0..<g.n {
        let (x, o, won) = (inp + i * imageIn, out + i * imageOut, winners + i * imageOut)
        guard frame.fill(x) else {
            maxPoolGeneral(out: o, winners: won, inp: x, image)
            continue
        }
        frame.rowMaxima()
        frame.columnMaxima(out: o, winners: won)
    }
}

/// The maxima alone (no winners), columns first: for each output row, the larger
/// of its window's input rows, straight from the input, into a row of `Chunk`;
/// then the larger of each window's three columns of that. Max is exact, so the
/// order does not matter, and no frame is copied. An image holding a NaN or an
/// infinity is done again by the general kernel.
private func maxPool3x3Values(out: UnsafeMutablePointer<Float>, inp: UnsafePointer<Float>, _ g: PoolGeometry) {
    let (c, h, w, oh, ow, s) = (g.c, g.h, g.w, g.oh, g.ow, g.stride)
    let chunk = Chunk(g)
    defer { chunk.buffer.deallocate() }
    let image = PoolGeometry(n: 1, c: c, h: h, w: w, window: g.window)
    for i in 0..<g.n {
        let (x, o) = (inp + i &* c &* h &* w, out + i &* c &* oh &* ow)
        var seen = SIMD8<UInt32>()
        var first = 0
        while first < c {
            let planes = min(chunk.planes, c - first)
            var row = chunk.buffer + 8
            for p in first..<first + planes {
                let plane = x + p &* h &* w
                for oy in 0..<oh {
                    // Input rows oy·s − 1 ... oy·s + 1; each row is probed once, as the window's middle (or, at stride 2, bottom) row.
                    let middle = plane + oy &* s &* w
                    let above = oy > 0 ? middle - w : nil
                    let below = oy &* s &+ 1 < h ? middle + w : nil
                    var col = 0
                    if s == 1 {
                        while col < w {
                            var v = SIMD8.load(middle + col)
                            probe(&seen, v)
                            if let above { v = larger(v, SIMD8.load(above + col)) }
                            if let below { v = larger(v, SIMD8.load(below + col)) }
                            SIMD8.store(v, row + col)
                            col &+= 8
                        }
                    } else {
                        while col < w {
                            var v = SIMD8.load(middle + col), u = SIMD8.load(middle + col + 8)
                            probe(&seen, v)
                            probe(&seen, u)
                            if let above { (v, u) = (larger(v, SIMD8.load(above + col)), larger(u, SIMD8.load(above + col + 8))) }
                            if let below {
                                let (b, d) = (SIMD8.load(below + col), SIMD8.load(below + col + 8))
                                probe(&seen, b)
                                probe(&seen, d)
                                (v, u) = (larger(v, b), larger(u, d))
                            }
                            let both = SIMD16(lowHalf: v, highHalf: u)
                            SIMD8.store(both.oddHalf, row + col / 2)
                            SIMD8.store(both.evenHalf, row + chunk.evens + col / 2)
                            col &+= 16
                        }
                    }
                    row += chunk.stride
                }
            }
            // Window ox's columns: stride 1, row[ox − 1 ... ox + 1]; stride 2, odds[ox − 1], evens[ox], odds[ox].
            let (left, centre) = s == 1 ? (-1, 0) : (-1, chunk.evens)
            let right = s == 1 ? 1 : 0
            var (from, to) = (chunk.buffer + 8, o + first &* oh &* ow)
            for _ in 0..<planes &* oh {
                var ox = 0
                while ox < ow {
                    let m = larger(larger(SIMD8.load(from + ox + left), SIMD8.load(from + ox + centre)),
                                   SIMD8.load(from + ox + right))
                    SIMD8.store(m, to + ox)
                    ox &+= 8
                }
                (from, to) = (from + chunk.stride, to + ow)
            }
            first += planes
        }
        if !allFinite(seen) { maxPoolGeneral(out: o, winners: nil, inp: x, image) }
    }
}

/// The column pass's maxima for a few planes, a row per output row: -inf, then at
/// stride 1 the row's w maxima, at stride 2 its odd columns (w/2), -inf, and its
/// even columns. The row pass reads them one float to either side of where they
/// were stored; reading them only after the whole chunk is written keeps those
/// loads from waiting on the stores still in flight (one row at a time had made
/// them a fifth of a forward pass).
private struct Chunk {
    /// Floats per row, and where a row's even columns start (stride 2).
    let stride: Int, evens: Int
    /// Planes per chunk: about 8 KB of rows, at least one plane.
    let planes: Int
    let buffer: UnsafeMutablePointer<Float>

    init(_ g: PoolGeometry) {
        (stride, evens) = g.stride == 1 ? (g.w + 16, 0) : (g.w + 24, g.w / 2 + 8)
        planes = max(1, 2048 / (g.oh * stride))
        buffer = .allocate(capacity: planes * g.oh * stride)
        buffer.initialize(repeating: -.infinity, count: planes * g.oh * stride)
    }
}

/// One image's planes framed one above the other, and the row pass's maxima. Plane
/// p's input row y is framed row p·(h + 1) + 1 + y; the rows between (and before
/// and after) the planes are -inf, the padding above and below each plane. At
/// stride 1 a framed row is the input row between two -inf columns; at stride 2 it
/// is `evens` (framed columns 0, 2, ..., w: -inf, then the odd input columns) and
/// `odds` (the even input columns). Stacking the planes makes each pass one run of
/// rows: the network's planes are 8 to 32 wide, and per-plane loops cost more than the maxima.
private struct StackedFrame {
    /// The geometry's sizes, read in every loop.
    let c: Int, h: Int, w: Int, oh: Int, ow: Int, s: Int
    /// Framed rows and floats per framed row (stride 1: w + 2; stride 2: w/2 + 1 evens, w/2 odds).
    let rows: Int, width: Int
    let framed: UnsafeMutablePointer<Float>
    /// rowMax (rows, ow) and rowWinner (rows, ow): the largest of each window's three
    /// columns on each framed row, and its position in the input plane (y·w + x).
    let rowMax: UnsafeMutablePointer<Float>
    let rowWinner: UnsafeMutablePointer<Int32>

    init(_ g: PoolGeometry) {
        (c, h, w, oh, ow, s) = (g.c, g.h, g.w, g.oh, g.ow, g.stride)
        rows = c * (h + 1) + 1
        width = s == 1 ? w + 2 : w + 1
        framed = .allocate(capacity: rows * width)
        framed.initialize(repeating: -.infinity, count: rows * width)
        rowMax = .allocate(capacity: rows * ow)
        rowMax.initialize(repeating: -.infinity, count: rows * ow)
        rowWinner = .allocate(capacity: rows * ow)
        rowWinner.initialize(repeating: -1, count: rows * ow)
    }

    func deallocate() {
        framed.deallocate()
        rowMax.deallocate()
        rowWinner.deallocate()
    }

    /// Copies the image's planes (c, h, w) into the frame; false if they hold a NaN or an infinity.
    func fill(_ image: UnsafePointer<Float>) -> Bool {
        var seen = SIMD8<UInt32>()
        var (src, dst) = (image, framed + width)
        for _ in 0..<c {
            for _ in 0..<h {
                var x = 0
                if s == 1 {
                    while x < w {
                        let v = SIMD8.load(src + x)
                        probe(&seen, v)
                        SIMD8.store(v, dst + 1 + x)
                        x &+= 8
                    }
                } else {
                    // Odd input columns 2j+1 are framed column 2j+2, evens[j+1]; even ones are odds[j].
                    let odds = dst + w / 2 + 1
                    while x < w {
                        let v = UnsafeRawPointer(src + x).loadUnaligned(as: SIMD16<Float>.self)
                        probe(&seen, v.lowHalf)
                        probe(&seen, v.highHalf)
                        SIMD8.store(v.oddHalf, dst + 1 + x / 2)
                        SIMD8.store(v.evenHalf, odds + x / 2)
                        x &+= 16
                    }
                }
                (src, dst) = (src + w, dst + width)
            }
            dst += width
        }
        return allFinite(seen)
    }

    /// The row pass over the input rows (the padding rows' maxima stay -inf): the
    /// window's three columns in order, a strictly larger one replacing the best,
    /// and its position.
    /// (Pointers step from row to row: rows are one or two vectors long, so index
    /// products with overflow checks had cost more than the maxima.)
    func rowMaxima() {
        let lanes = SIMD8<Int32>(0, 1, 2, 3, 4, 5, 6, 7) &* Int32(truncatingIfNeeded: s)
        // Window ox's three columns are framed columns ox·s + kx: at stride 2 evens[ox], odds[ox], evens[ox + 1].
        let offsets = s == 1 ? (0, 1, 2) : (0, w / 2 + 1, 1)
        var (row, maxima, won) = (framed + width, rowMax + ow, rowWinner + ow)
        for _ in 0..<c {
            // Plane position of window ox's column kx on input row y: y·w + ox·s + kx − 1.
            var rowStart = Int32(-1)
            for _ in 0..<h {
                var ox = 0
                while ox < ow {
                    let at = row + ox
                    let (a, b, c) = (SIMD8.load(at + offsets.0), SIMD8.load(at + offsets.1), SIMD8.load(at + offsets.2))
                    let first = lanes &+ (rowStart &+ Int32(truncatingIfNeeded: ox &* s))
                    var (best, winner) = (a, first)
                    let bWins = b .> best
                    best.replace(with: b, where: bWins)
                    winner.replace(with: first &+ 1, where: bWins)
                    let cWins = c .> best
                    best.replace(with: c, where: cWins)
                    winner.replace(with: first &+ 2, where: cWins)
                    SIMD8.store(best, maxima + ox)
                    UnsafeMutableRawPointer(won + ox).storeBytes(of: winner, as: SIMD8<Int32>.self)
                    ox &+= 8
                }
                (row, maxima, won) = (row + width, maxima + ow, won + ow)
                rowStart &+= Int32(truncatingIfNeeded: w)
            }
            // Past the padding row below the plane.
            (row, maxima, won) = (row + width, maxima + ow, won + ow)
        }
    }

    /// The column pass: each window's three rows of maxima in order, into out
    /// (c, oh, ow) and winners.
    func columnMaxima(out: UnsafeMutablePointer<Float>, winners: UnsafeMutablePointer<Int32>) {
        var (o, won) = (out, winners)
        for p in 0..<c {
            // Window row oy starts at framed row p·(h + 1) + oy·s (its top padding at oy = 0).
            var (maxima, winner) = (rowMax + p &* (h + 1) &* ow, rowWinner + p &* (h + 1) &* ow)
            for _ in 0..<oh {
                var ox = 0
                while ox < ow {
                    let at = maxima + ox
                    let (a, b, c) = (SIMD8.load(at), SIMD8.load(at + ow), SIMD8.load(at + 2 &* ow))
                    let from = { (row: Int) in
                        UnsafeRawPointer(winner + (ox &+ row &* ow)).loadUnaligned(as: SIMD8<Int32>.self)
                    }
                    var (best, chosen) = (a, from(0))
                    let bWins = b .> best
                    best.replace(with: b, where: bWins)
                    chosen.replace(with: from(1), where: bWins)
                    let cWins = c .> best
                    best.replace(with: c, where: cWins)
                    chosen.replace(with: from(2), where: cWins)
                    SIMD8.store(best, o + ox)
                    UnsafeMutableRawPointer(won + ox).storeBytes(of: chosen, as: SIMD8<Int32>.self)
                    ox &+= 8
                }
                (maxima, winner) = (maxima + s &* ow, winner + s &* ow)
                (o, won) = (o + ow, won + ow)
            }
        }
    }
}
