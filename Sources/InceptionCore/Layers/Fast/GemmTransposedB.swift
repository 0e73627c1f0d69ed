// The product the weight gradient needs: C (m, n) += Σ_s A_s (m, len) · B_s (n, len)ᵀ,
// where s runs over `segments` images. Every row of A and of B is contiguous along
// `len` (output positions), so each C[i][j] is a dot product of two contiguous rows:
// no transposed copy of B is ever made.
//
// Why the tiling is valid: C[i][j] depends only on row i of A and row j of B, so C
// is cut into tiles of 4 × 2 entries whose dot products run side by side in 8
// SIMD8 accumulators (4 + 2 rows loaded per step of 8 positions: 8 FMAs for 6
// loads). 8 accumulators are just enough to hide the FMA latency (2 units × 4
// cycles); a 4 × 3 tile needs all 16 ymm registers and the compiler then spilled
// accumulators to the stack, which ran at half the speed. Each accumulator adds
// its lanes in the same order whatever the thread count.
//
// The sum over positions is cut into blocks of about `positionBlock` positions
// (several images when their rows are short, part of one image when long), and
// each tile's lanes are summed into C at the end of each block: the 4 rows of A
// of a block then stay in L1 while every 2 rows of B stream past them, instead of
// everything streaming from L2. The blocks depend only on the shapes.

/// How `gemmTransposedB` reads an operand: entry t of row i of segment s is
/// row(i, segment: s)[position(t)], where the 8 entries of a vector starting at a
/// multiple of 8 are contiguous.
protocol SegmentedOperand {
    func row(_ i: Int, segment s: Int) -> UnsafePointer<Float>
    func position(_ t: Int) -> Int
}

/// Row i of segment s starts at base + s·segmentStride + i·rowStride.
struct SegmentedRows: SegmentedOperand {
    let base: UnsafePointer<Float>
    let rowStride: Int
    let segmentStride: Int

    @inline(__always)
    func row(_ i: Int, segment s: Int) -> UnsafePointer<Float> { base + s * segmentStride + i * rowStride }
    @inline(__always) func position(_ t: Int) -> Int { t }
}

/// C (m, n) += Σ over segments and over t < len of A[i][t] · B[j][t].
func gemmTransposedB<B: SegmentedOperand>(c: UnsafeMutablePointer<Float>, ldc: Int, m: Int, n: Int, len: Int,
                                          segments: Int, a: SegmentedRows, b: B) {
    let positionBlock = 512
    let segmentsPerBlock = max(1, positionBlock / max(1, len))
    let positionsPerBlock = min(len, positionBlock)
    for s0 in stride(from: 0, to: segments, by: segmentsPerBlock) {
        for t0 in stride(from: 0, to: len, by: positionsPerBlock) {
            gemmTransposedBBlock(c: c, ldc: ldc, m: m, n: n, a: a, b: b,
                                 segments: s0..<min(segments, s0 + segmentsPerBlock),
                                 positions: t0..<min(len, t0 + positionsPerBlock))
        }
    }
}

/// C += the products over one block of segments and positions.
private func gemmTransposedBBlock<B: SegmentedOperand>(c: UnsafeMutablePointer<Float>, ldc: Int, m: Int, n: Int,
                                                       a: SegmentedRows, b: B,
                                                       segments: Range<Int>, positions: Range<Int>) {
    typealias V = SIMD8<Float>
    for i0 in stride(from: 0, to: m, by: 4) {
        for j0 in stride(from: 0, to: n, by: 2) {
            // Past the edge of C, repeat the last row: valid reads, results dropped below.
            func aRow(_ r: Int, _ s: Int) -> UnsafePointer<Float> { a.row(min(i0 + r, m - 1), segment: s) }
            func bRow(_ q: Int, _ s: Int) -> UnsafePointer<Float> { b.row(min(j0 + q, n - 1), segment: s) }
            var c00 = V(), c01 = V()
            var c10 = V(), c11 = V()
            var c20 = V(), c21 = V()
            var c30 = V(), c31 = V()
            // Whole vectors of 8 positions; the rest (none when len is a multiple of 8) below.
            let vectorEnd = positions.lowerBound + positions.count / 8 * 8
            for s in segments {
                let a0 = aRow(0, s), a1 = aRow(1, s), a2 = aRow(2, s), a3 = aRow(3, s)
                let b0 = bRow(0, s), b1 = bRow(1, s)
                for t in stride(from: positions.lowerBound, to: vectorEnd, by: 8) {
                    let bt = b.position(t)
                    let y0 = V.load(b0 + bt), y1 = V.load(b1 + bt)
                    var x = V.load(a0 + t)
                    c00.addProduct(x, y0); c01.addProduct(x, y1)
                    x = V.load(a1 + t)
                    c10.addProduct(x, y0); c11.addProduct(x, y1)
                    x = V.load(a2 + t)
                    c20.addProduct(x, y0); c21.addProduct(x, y1)
                    x = V.load(a3 + t)
                    c30.addProduct(x, y0); c31.addProduct(x, y1)
                }
            }
            func store(_ r: Int, _ x0: V, _ x1: V) {
                guard i0 + r < m else { return }
                let out = c + (i0 + r) * ldc + j0
                out[0] += x0.sum()
                if j0 + 1 < n { out[1] += x1.sum() }
            }
            store(0, c00, c01)
            store(1, c10, c11)
            store(2, c20, c21)
            store(3, c30, c31)
            guard vectorEnd < positions.upperBound else { continue }
            for r in 0..<min(4, m - i0) {
                for q in 0..<min(2, n - j0) {
                    var sum: Float = 0
                    for s in segments {
                        let (x, y) = (a.row(i0 + r, segment: s), b.row(j0 + q, segment: s))
                        for t in vectorEnd..<positions.upperBound { sum += x[t] * y[b.position(t)] }
                    }
                    c[(i0 + r) * ldc + j0 + q] += sum
                }
            }
        }
    }
}
