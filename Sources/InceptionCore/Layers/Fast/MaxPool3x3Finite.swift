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
// it goes rows first, then columns (`RowMaxima`); an evaluation pass keeps none
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
    let rows = RowMaxima(g)
    defer { rows.deallocate() }
    let image = PoolGeometry(n: 1, c: g.c, h: g.h, w: g.w, window: g.window)
    let (imageIn, imageOut) = (g.c * g.h * g.w, g.c * g.oh * g.ow)
    for i in 0..<g.n {
        let (x, o, won) = (inp + i * imageIn, out + i * imageOut, winners + i * imageOut)
        guard rows.rowPass(x, first: i == 0, last: i == g.n - 1) else {
            maxPoolGeneral(out: o, winners: won, inp: x, image)
            continue
        }
        rows.columnPass(out: o, winners: won)
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
            let (centre, right) = s == 1 ? (0, 1) : (chunk.evens, 0)
            var (from, to) = (chunk.buffer + 8, o + first &* oh &* ow)
            for _ in 0..<planes &* oh {
                var ox = 0
                while ox < ow {
                    let m = larger(larger(SIMD8.load(from + ox - 1), SIMD8.load(from + ox + centre)),
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

/// The row pass of one image, straight from the input: for every input row, the
/// largest of each window's three columns (the first of equals) and its position
/// in the plane (y·w + x), in planes (c, h + 2, ow) whose rows -1 and h stay -inf
/// (winner -1), the padding above and below. Each plane is one run of vectors,
/// with no loop per row: the network's rows are one to four vectors long, and
/// per-row loops had cost more than the maxima. A vector's columns on the row's
/// left or right edge are the padding: -inf.
///
/// Positions are kept as floats until the column pass stores them: blends of Int32
/// vectors under a float compare's mask had compiled into lane-by-lane extracts and
/// inserts. A position p is kept as 2^23 + p (`positionBase`), whose bits are those
/// of 2^23 plus p for every p from -1 to 2^22, so a bit cast and a subtraction give
/// it back (Swift's float-to-integer vector conversion is a generic per-lane loop).
private struct RowMaxima {
    /// The geometry's sizes, read in every loop.
    let c: Int, h: Int, w: Int, oh: Int, ow: Int, s: Int
    let rowMax: UnsafeMutablePointer<Float>
    let rowWinner: UnsafeMutablePointer<Float>
    /// Stand-ins for the reads one float before the caller's buffer (the first
    /// image's first vector) and one after it (the last image's last vector, stride 1).
    let before: UnsafeMutablePointer<Float>, after: UnsafeMutablePointer<Float>
    /// Floats of one plane of `rowMax`.
    var planeSize: Int { (h + 2) * ow }
    /// 2^23: `rowWinner` holds 2^23 + p for position p.
    static let positionBase: Float = 8_388_608

    init(_ g: PoolGeometry) {
        (c, h, w, oh, ow, s) = (g.c, g.h, g.w, g.oh, g.ow, g.stride)
        let count = c * (h + 2) * ow
        rowMax = .allocate(capacity: count)
        rowMax.initialize(repeating: -.infinity, count: count)
        rowWinner = .allocate(capacity: count)
        rowWinner.initialize(repeating: Self.positionBase - 1, count: count)
        before = .allocate(capacity: 32)
        before.initialize(repeating: -.infinity, count: 32)
        after = before + 16
    }

    func deallocate() {
        rowMax.deallocate()
        rowWinner.deallocate()
        before.deallocate()
    }

    /// The row pass over image x (c, h, w); false if it holds a NaN or an infinity.
    /// `first` and `last`: x starts or ends its buffer, so no float before or after it may be read.
    func rowPass(_ x: UnsafePointer<Float>, first: Bool, last: Bool) -> Bool {
        typealias V = SIMD8<Float>
        let minusInfinity = V(repeating: -.infinity)
        let lanes = V(0, 1, 2, 3, 4, 5, 6, 7) * Float(s)
        let (leftEdge, rightEdge) = (lanes .== 0, lanes .== 7)
        let (plane, vectorsPerRow) = (h * w, s == 1 ? w / 8 : w / 16)
        // The left read of the first vector: stride 1, eight floats from x − 1; stride 2, sixteen from x − 2.
        let firstLeft = s == 1 ? before + 7 : before
        if first { (s == 1 ? before + 8 : before + 2).update(from: x, count: s == 1 ? 8 : 14) }
        if last, s == 1 { after.update(from: x + c * plane - 7, count: 7) }
        var seen = SIMD8<UInt32>()
        for p in 0..<c {
            let src = x + p &* plane
            let (maxima, won) = (rowMax + (p &* planeSize &+ ow), rowWinner + (p &* planeSize &+ ow))
            let (atStart, atEnd) = (first && p == 0, last && p == c - 1)
            // e: the vector's first input column, as a plane position; o: its first window's.
            var (e, o, q) = (0, 0, 0)
            while e < plane {
                let left = atStart && e == 0 ? UnsafePointer(firstLeft) : src + e - s
                var a: V, b: V, c: V
                if s == 1 {
                    b = V.load(src + e)
                    probe(&seen, b)
                    a = V.load(left)
                    c = V.load(atEnd && e + 8 == plane ? UnsafePointer(after) : src + e + 1)
                    if q == vectorsPerRow - 1 { c.replace(with: minusInfinity, where: rightEdge) }
                } else {
                    // Window ox's columns 2ox − 1, 2ox, 2ox + 1: the odd columns before, the even, the odd.
                    let v = UnsafeRawPointer(src + e).loadUnaligned(as: SIMD16<Float>.self)
                    probe(&seen, v.lowHalf)
                    probe(&seen, v.highHalf)
                    (b, c) = (v.evenHalf, v.oddHalf)
                    a = UnsafeRawPointer(left).loadUnaligned(as: SIMD16<Float>.self).oddHalf
                }
                if q == 0 { a.replace(with: minusInfinity, where: leftEdge) }
                let start = lanes + (Float(e &- 1) + Self.positionBase)
                var (best, winner) = (a, start)
                let bWins = b .> best
                best.replace(with: b, where: bWins)
                winner.replace(with: start + 1, where: bWins)
                let cWins = c .> best
                best.replace(with: c, where: cWins)
                winner.replace(with: start + 2, where: cWins)
                V.store(best, maxima + o)
                V.store(winner, won + o)
                q = q &+ 1 == vectorsPerRow ? 0 : q &+ 1
                e &+= 8 &* s
                o &+= 8
            }
        }
        return allFinite(seen)
    }

    /// The column pass: each window's three rows of maxima in order, into out
    /// (c, oh, ow) and winners. At stride 1 a plane's windows are one run of vectors.
    func columnPass(out: UnsafeMutablePointer<Float>, winners: UnsafeMutablePointer<Int32>) {
        let (rowsPerOutputRow, run) = s == 1 ? (1, oh * ow) : (2, ow)
        for p in 0..<c {
            // Window row oy's rows are oy·s − 1 ... oy·s + 1, at plane rows oy·s ... oy·s + 2 (row −1 is the plane's first).
            var (maxima, winner) = (rowMax + p &* planeSize, rowWinner + p &* planeSize)
            var (o, won) = (out + p &* oh &* ow, winners + p &* oh &* ow)
            for _ in 0..<oh * ow / run {
                var ox = 0
                while ox < run {
                    let (at, from) = (maxima + ox, winner + ox)
                    let (a, b, c) = (SIMD8.load(at), SIMD8.load(at + ow), SIMD8.load(at + 2 &* ow))
                    var (best, chosen) = (a, SIMD8.load(from))
                    let bWins = b .> best
                    best.replace(with: b, where: bWins)
                    chosen.replace(with: SIMD8.load(from + ow), where: bWins)
                    let cWins = c .> best
                    best.replace(with: c, where: cWins)
                    chosen.replace(with: SIMD8.load(from + 2 &* ow), where: cWins)
                    SIMD8.store(best, o + ox)
                    let position = unsafeBitCast(chosen, to: SIMD8<Int32>.self) &- Int32(bitPattern: Self.positionBase.bitPattern)
                    UnsafeMutableRawPointer(won + ox).storeBytes(of: position, as: SIMD8<Int32>.self)
                    ox &+= 8
                }
                (maxima, winner) = (maxima + rowsPerOutputRow &* ow, winner + rowsPerOutputRow &* ow)
                (o, won) = (o + run, won + run)
            }
        }
    }
}
