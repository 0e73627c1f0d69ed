// Max pooling for the network's own windows, 3x3 with padding 1 at stride 1 (the
// modules' pool branch) and stride 2 (pool1, pool2), on planes of finite values.
// Shapes: inp (n, c, h, w), out (n, c, oh, ow) with oh = h, ow = w at stride 1
// and oh = h/2, ow = w/2 at stride 2.
//
// Where every value is finite, no window needs PyTorch's NaN rule and no window
// is -inf alone, so the maximum is one compare and one blend per value (a `vmaxps`
// when no winner is kept) instead of the general kernel's compare, NaN test, or
// and blend. Each plane is checked as it is copied into its frame; a plane with a
// NaN or an infinity goes through the general kernel (`maxPoolTwoPass`) instead.
// Both find the window's first maximum in row order: rows first, then columns.
//
// At stride 2 the frame holds each row split into its even and odd framed columns,
// so that the three columns of eight windows side by side are three plain loads
// (a 16-wide load's even lanes, compared at once, had turned into mask shuffles).

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

/// Whether every lane of `probe`, a sum of value·0 terms, is still 0: one NaN or
/// infinity among the values makes it NaN.
@inline(__always)
private func allFinite(_ probe: SIMD8<Float>) -> Bool { probe.sum() == 0 }

/// out, and winners unless nil, as `maxPool2dForward` gives them, for geometries
/// where `poolsThreeByThreeFinite` holds.
func maxPool3x3Finite(out: UnsafeMutablePointer<Float>, winners: UnsafeMutablePointer<Int32>?,
                      inp: UnsafePointer<Float>, _ g: PoolGeometry) {
    let frame = SplitFrame(g)
    defer { frame.deallocate() }
    let one = PoolGeometry(n: 1, c: 1, h: g.h, w: g.w, window: g.window)
    let (planeIn, planeOut) = (g.h * g.w, g.oh * g.ow)
    for p in 0..<g.planes {
        let (plane, o) = (inp + p * planeIn, out + p * planeOut)
        let won = winners.map { $0 + p * planeOut }
        guard frame.fill(plane) else {
            maxPoolGeneral(out: o, winners: won, inp: plane, one)
            continue
        }
        if won != nil { frame.rowMaxima(keeping: true) } else { frame.rowMaxima(keeping: false) }
        frame.columnMaxima(out: o, winners: won)
    }
}

/// One plane's frame and the row pass's maxima. Framed row fy is input row fy − 1;
/// row 0 (and at stride 1 row h + 1) is padding. At stride 1 a framed row is the
/// input row between two -inf columns; at stride 2 it is `evens` (framed columns
/// 0, 2, ..., w: -inf, then the odd input columns) and `odds` (the even input columns).
private struct SplitFrame {
    let g: PoolGeometry
    /// Framed rows and floats per framed row (stride 1: w + 2; stride 2: w/2 + 1 evens, w/2 odds).
    let rows: Int, width: Int
    let framed: UnsafeMutablePointer<Float>
    /// rowMax (rows, ow) and rowWinner (rows, ow): the largest of each window's three
    /// columns on each framed row, and its position in the input plane (y·w + x).
    let rowMax: UnsafeMutablePointer<Float>
    let rowWinner: UnsafeMutablePointer<Int32>

    init(_ g: PoolGeometry) {
        self.g = g
        rows = g.stride == 1 ? g.h + 2 : g.h + 1
        width = g.stride == 1 ? g.w + 2 : g.w + 1
        framed = .allocate(capacity: rows * width)
        framed.initialize(repeating: -.infinity, count: rows * width)
        rowMax = .allocate(capacity: rows * g.ow)
        rowMax.initialize(repeating: -.infinity, count: rows * g.ow)
        rowWinner = .allocate(capacity: rows * g.ow)
        rowWinner.initialize(repeating: -1, count: rows * g.ow)
    }

    func deallocate() {
        framed.deallocate()
        rowMax.deallocate()
        rowWinner.deallocate()
    }

    /// Copies `plane` into the frame; false if it holds a NaN or an infinity.
    func fill(_ plane: UnsafePointer<Float>) -> Bool {
        var probe = SIMD8<Float>()
        for y in 0..<g.h {
            let (src, dst) = (plane + y * g.w, framed + (y + 1) * width)
            var x = 0
            if g.stride == 1 {
                while x < g.w {
                    let v = SIMD8.load(src + x)
                    probe.addProduct(v, SIMD8())
                    SIMD8.store(v, dst + 1 + x)
                    x += 8
                }
            } else {
                // Odd input columns 2j+1 are framed column 2j+2, evens[j+1]; even ones are odds[j].
                let half = g.w / 2
                while x < g.w {
                    let v = UnsafeRawPointer(src + x).loadUnaligned(as: SIMD16<Float>.self)
                    probe.addProduct(v.lowHalf, SIMD8())
                    probe.addProduct(v.highHalf, SIMD8())
                    SIMD8.store(v.oddHalf, dst + 1 + x / 2)
                    SIMD8.store(v.evenHalf, dst + half + 1 + x / 2)
                    x += 16
                }
            }
        }
        return allFinite(probe)
    }

    /// The row pass over the input rows (the padding rows' maxima stay -inf): the
    /// window's three columns in order, a strictly larger one replacing the best.
    @inline(__always)
    func rowMaxima(keeping: Bool) {
        let lanes = SIMD8<Int32>(0, 1, 2, 3, 4, 5, 6, 7)
        let (w, ow, s) = (g.w, g.ow, g.stride)
        for fy in 1...g.h {
            let row = framed + fy * width
            // The three columns of window ox: framed columns ox·s + kx.
            let columns = s == 1 ? (row, row + 1, row + 2) : (row, row + w / 2 + 1, row + 1)
            let (maxima, won) = (rowMax + fy * ow, rowWinner + fy * ow)
            // Plane position of window ox's column kx: (fy − 1)·w + ox·s + kx − 1.
            let rowStart = Int32(truncatingIfNeeded: (fy - 1) * w - 1)
            var ox = 0
            while ox < ow {
                let (a, b, c) = (SIMD8.load(columns.0 + ox), SIMD8.load(columns.1 + ox), SIMD8.load(columns.2 + ox))
                if keeping {
                    let first = lanes &* Int32(truncatingIfNeeded: s) &+ (rowStart &+ Int32(truncatingIfNeeded: ox * s))
                    var (best, at) = (a, first)
                    let bWins = b .> best
                    best.replace(with: b, where: bWins)
                    at.replace(with: first &+ 1, where: bWins)
                    let cWins = c .> best
                    best.replace(with: c, where: cWins)
                    at.replace(with: first &+ 2, where: cWins)
                    SIMD8.store(best, maxima + ox)
                    UnsafeMutableRawPointer(won + ox).storeBytes(of: at, as: SIMD8<Int32>.self)
                } else {
                    SIMD8.store(larger(larger(a, b), c), maxima + ox)
                }
                ox += 8
            }
        }
    }

    /// The column pass: each window's three rows of maxima in order, into out
    /// (oh, ow) and, unless nil, winners.
    @inline(__always)
    func columnMaxima(out: UnsafeMutablePointer<Float>, winners: UnsafeMutablePointer<Int32>?) {
        let (ow, s) = (g.ow, g.stride)
        for oy in 0..<g.oh {
            let top = oy * s * ow
            var ox = 0
            while ox < ow {
                let r = top + ox
                let (a, b, c) = (SIMD8.load(rowMax + r), SIMD8.load(rowMax + r + ow), SIMD8.load(rowMax + r + 2 * ow))
                if let winners {
                    var (best, at) = (a, UnsafeRawPointer(rowWinner + r).loadUnaligned(as: SIMD8<Int32>.self))
                    let bWins = b .> best
                    best.replace(with: b, where: bWins)
                    at.replace(with: UnsafeRawPointer(rowWinner + r + ow).loadUnaligned(as: SIMD8<Int32>.self), where: bWins)
                    let cWins = c .> best
                    best.replace(with: c, where: cWins)
                    at.replace(with: UnsafeRawPointer(rowWinner + r + 2 * ow).loadUnaligned(as: SIMD8<Int32>.self),
                               where: cWins)
                    SIMD8.store(best, out + oy * ow + ox)
                    UnsafeMutableRawPointer(winners + oy * ow + ox).storeBytes(of: at, as: SIMD8<Int32>.self)
                } else {
                    SIMD8.store(larger(larger(a, b), c), out + oy * ow + ox)
                }
                ox += 8
            }
        }
    }
}
