import Testing
@testable import InceptionCore

/// The two matrix products of the fast convolution against a plain triple loop.
/// Entries are small integers, so every product and every partial sum is an
/// integer below 2^24 and exact in Float: whatever order the tiles add in, the
/// result must equal the loop's exactly, and a term counted twice or dropped
/// (a tile edge, a depth block, a position block) shows.
@Suite struct GemmTests {
    static func integers(_ count: Int, seed: UInt64) -> [Float] {
        var generator = SeededGenerator(seed: seed)
        return (0..<count).map { _ in Float(Int.random(in: -4...4, using: &generator)) }
    }

    /// (m, k, n): tails of the 4-row panels and 24-column strips, one and several
    /// 256-deep blocks of k.
    static let shapes: [(Int, Int, Int)] = [(1, 1, 1), (4, 9, 24), (5, 7, 25), (3, 256, 8), (9, 300, 50), (8, 513, 23)]

    @Test(arguments: shapes.indices)
    func gemmEqualsTheLoop(_ index: Int) {
        let (m, k, n) = Self.shapes[index]
        let (ldb, ldc) = (n + 3, n + 5)  // strided rows: the padding must stay untouched
        let a = Self.integers(m * k, seed: 1), b = Self.integers(k * ldb, seed: 2), bias = Self.integers(m, seed: 3)
        let start = Self.integers(m * ldc, seed: 4)
        var expected = start, expectedAdded = start
        for i in 0..<m {
            for j in 0..<n {
                let dot = (0..<k).reduce(Float(0)) { $0 + a[i * k + $1] * b[$1 * ldb + j] }
                expected[i * ldc + j] = dot + bias[i]
                expectedAdded[i * ldc + j] += dot
            }
        }
        let packed = a.withUnsafeBufferPointer { PackedMatrix(rows: m, columns: k, source: $0.baseAddress!, rowStride: k, columnStride: 1) }
        var c = start
        gemm(c: &c, ldc: ldc, a: packed, b: b, ldb: ldb, n: n, accumulate: false, rowBias: bias)
        #expect(c == expected)
        c = start
        gemm(c: &c, ldc: ldc, a: packed, b: b, ldb: ldb, n: n, accumulate: true)
        #expect(c == expectedAdded)
    }

    /// A packed from its transpose (row stride 1, column stride m): the same product.
    @Test func packingATransposedGivesTheSameProduct() {
        let (m, k, n) = (6, 11, 30)
        let a = Self.integers(m * k, seed: 5), b = Self.integers(k * n, seed: 6)
        var aT = [Float](repeating: 0, count: k * m)
        for i in 0..<m { for t in 0..<k { aT[t * m + i] = a[i * k + t] } }
        let direct = a.withUnsafeBufferPointer { PackedMatrix(rows: m, columns: k, source: $0.baseAddress!, rowStride: k, columnStride: 1) }
        let transposed = aT.withUnsafeBufferPointer { PackedMatrix(rows: m, columns: k, source: $0.baseAddress!, rowStride: 1, columnStride: m) }
        var (c1, c2) = ([Float](repeating: 0, count: m * n), [Float](repeating: 0, count: m * n))
        gemm(c: &c1, ldc: n, a: direct, b: b, ldb: n, n: n, accumulate: false)
        gemm(c: &c2, ldc: n, a: transposed, b: b, ldb: n, n: n, accumulate: false)
        #expect(c1 == c2 && c1.contains { $0 != 0 })
    }

    /// C += Σ_s A_s · B_sᵀ over segments, with rows shorter and longer than the
    /// 512-position block, so blocks span several segments or part of one.
    @Test(arguments: [(5, 3, 7, 100), (4, 2, 600, 3), (7, 9, 40, 30)])
    func gemmTransposedBEqualsTheLoop(m: Int, n: Int, len: Int, segments: Int) {
        let (aRow, bRow) = (len + 2, len + 1)
        let a = Self.integers(segments * m * aRow, seed: 7), b = Self.integers(segments * n * bRow, seed: 8)
        let start = Self.integers(m * n, seed: 9)
        var expected = start
        for i in 0..<m {
            for j in 0..<n {
                for s in 0..<segments {
                    for t in 0..<len { expected[i * n + j] += a[(s * m + i) * aRow + t] * b[(s * n + j) * bRow + t] }
                }
            }
        }
        var c = start
        a.withUnsafeBufferPointer { ap in
            b.withUnsafeBufferPointer { bp in
                gemmTransposedB(c: &c, ldc: n, m: m, n: n, len: len, segments: segments,
                                a: SegmentedRows(base: ap.baseAddress!, rowStride: aRow, segmentStride: m * aRow),
                                b: SegmentedRows(base: bp.baseAddress!, rowStride: bRow, segmentStride: n * bRow))
            }
        }
        #expect(c == expected)
    }
}
