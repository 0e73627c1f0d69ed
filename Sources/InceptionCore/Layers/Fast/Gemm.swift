// The matrix product behind the fast convolution: C (m, n) = or += A (m, k) · B (k, n),
// with A packed (`PackedMatrix`), B and C row-major with row strides ldb and ldc.
//
// Why the tiling is valid: each C[i][j] is its own sum over k, so C can be cut into
// tiles of 4 rows × 24 columns computed independently, and the sum over k into
// blocks of `gemmDepthBlock` added one after the other (the first block writes or
// adds according to `accumulate`, later blocks add). The order of the additions
// depends only on the shapes, never on threads, so results are reproducible.
//
// Why 4 × 24: a tile is 12 SIMD8 accumulators; with the 3 vectors of one row of B
// and the broadcast of one value of A that is exactly the 16 ymm registers of AVX2,
// and each k step does 12 FMAs for 7 loads. A last panel of fewer than 4 rows is
// padded with zero rows by the packing (forward m, the output channels, is a
// multiple of 4 in every preset). n, the output positions, is a multiple of 8 in
// the tiny network (1024, 256, 64, 16), so the scalar tail below is for odd sizes.

/// Depth of one pass over k: keeps a 24-column strip of B (depth × 24 floats,
/// 24 KB) in the 32 KB L1 cache while every panel of A streams past it.
let gemmDepthBlock = 256

/// C (m, n) = A (m, k) · B (k, n) + rowBias (m) broadcast along each row, or
/// C += A · B when `accumulate` (rowBias then unused); m and k are A's. The bias
/// starts the accumulators, which saves a pass over C (0 without a bias).
func gemm(c: UnsafeMutablePointer<Float>, ldc: Int, a: PackedMatrix,
          b: UnsafePointer<Float>, ldb: Int, n: Int, accumulate: Bool, rowBias: UnsafePointer<Float>? = nil) {
    gemm(c: c, ldc: ldc, a: a, b: RowMajorColumns(base: b, rowStride: ldb), columns: 0..<n,
         accumulate: accumulate, rowBias: rowBias)
}

/// The same product for the columns `columns` of C and of B only, with B read
/// through `GemmColumns` (a row-major matrix, or an image read as its im2col matrix
/// in place: `ImplicitColumns`). Column j of C is c[i * ldc + j]. With `relu` (not
/// with `accumulate`), C = max(A · B + rowBias, 0) as `reluForward` takes it, applied
/// as the last depth block stores its tiles: no second pass over C.
func gemm<B: GemmColumns>(c: UnsafeMutablePointer<Float>, ldc: Int, a: PackedMatrix, b: B, columns: Range<Int>,
                          accumulate: Bool, rowBias: UnsafePointer<Float>? = nil, relu: Bool = false) {
    precondition(!(relu && accumulate), "gemm applies ReLU only to a product it writes")
    let pr = PackedMatrix.panelRows
    let (m, k) = (a.rows, a.columns)
    for k0 in stride(from: 0, to: k, by: gemmDepthBlock) {
        let depth = min(gemmDepthBlock, k - k0)
        let add = accumulate || k0 > 0
        let bias = add ? nil : rowBias
        let rectify = relu && k0 + depth == k
        var j = columns.lowerBound
        // One strip of B columns, then every panel of A against it (the strip stays in L1).
        func strip<W: TileWidth>(_: W.Type) {
            for p in 0..<a.panels {
                let aPanel = UnsafePointer(a.storage + (p * k + k0) * pr)
                gemmMicroTile(W.self, rows: min(pr, m - p * pr), depth: depth, a: aPanel,
                              b: b, k0: k0, j: j, c: c + p * pr * ldc + j, ldc: ldc, accumulate: add,
                              bias: bias.map { $0 + p * pr }, relu: rectify)
            }
            j += 8 * W.vectors
        }
        while j + 24 <= columns.upperBound { strip(ThreeVectors.self) }
        if j + 16 <= columns.upperBound { strip(TwoVectors.self) }
        if j + 8 <= columns.upperBound { strip(OneVector.self) }
        // Fewer than 8 columns left: plain dot products.
        for jj in j..<columns.upperBound {
            let column = b.column(jj)
            for i in 0..<m {
                let aColumn = a.storage + ((i / pr) * k + k0) * pr + i % pr
                var sum: Float = add ? c[i * ldc + jj] : bias?[i] ?? 0
                for kk in 0..<depth { sum += aColumn[kk * pr] * b.row(k0 + kk)[column] }
                c[i * ldc + jj] = rectify ? max(sum, 0) : sum
            }
        }
    }
}

/// How `gemm` reads its right operand B (k, n): B[kk][j] = row(kk)[column(j)],
/// where the 8 columns of a vector starting at a multiple of 8 are contiguous.
protocol GemmColumns {
    func row(_ kk: Int) -> UnsafePointer<Float>
    func column(_ j: Int) -> Int
}

/// A row-major matrix with row stride `rowStride`.
struct RowMajorColumns: GemmColumns {
    let base: UnsafePointer<Float>
    let rowStride: Int

    @inline(__always) func row(_ kk: Int) -> UnsafePointer<Float> { base + kk * rowStride }
    @inline(__always) func column(_ j: Int) -> Int { j }
}

/// The width of a tile in SIMD8 vectors, as a type: the micro-kernel is specialised
/// for each width, so the unused accumulators and their branches are compiled away
/// and each width gets its own straight-line loop.
private protocol TileWidth { static var vectors: Int { get } }
private enum ThreeVectors: TileWidth { static var vectors: Int { 3 } }
private enum TwoVectors: TileWidth { static var vectors: Int { 2 } }
private enum OneVector: TileWidth { static var vectors: Int { 1 } }

/// One tile of C: `rows` (≤ 4) rows × 8·W.vectors columns from column j, over the
/// depth rows k0..<k0 + depth of B; `bias` (rows) starts the sums of each row, and
/// `relu` rectifies the stored values (max(x, 0), so a NaN stays NaN).
private func gemmMicroTile<W: TileWidth, B: GemmColumns>(_: W.Type, rows: Int, depth: Int, a: UnsafePointer<Float>,
                                                         b: B, k0: Int, j: Int,
                                                         c: UnsafeMutablePointer<Float>, ldc: Int, accumulate: Bool,
                                                         bias: UnsafePointer<Float>?, relu: Bool) {
    typealias V = SIMD8<Float>
    let vectors = W.vectors
    func start(_ row: Int) -> V { V(repeating: row < rows ? bias?[row] ?? 0 : 0) }
    // cRV: row R of the tile, vector V of the row.
    var c00 = start(0), c01 = c00, c02 = c00
    var c10 = start(1), c11 = c10, c12 = c10
    var c20 = start(2), c21 = c20, c22 = c20
    var c30 = start(3), c31 = c30, c32 = c30
    // Where each vector of the tile lies within a row of B (apart when B is an
    // image read in place and the tile wraps onto the next output row).
    let o0 = b.column(j)
    let o1 = vectors > 1 ? b.column(j + 8) : 0
    let o2 = vectors > 2 ? b.column(j + 16) : 0
    var ap = a
    for kk in k0..<k0 + depth {
        // bp is one row of B; ap[0..<4] is one column of the A panel.
        let bp = b.row(kk)
        let b0 = V.load(bp + o0)
        let b1 = vectors > 1 ? V.load(bp + o1) : V()
        let b2 = vectors > 2 ? V.load(bp + o2) : V()
        var x = V(repeating: ap[0])
        c00.addProduct(x, b0); if vectors > 1 { c01.addProduct(x, b1) }; if vectors > 2 { c02.addProduct(x, b2) }
        x = V(repeating: ap[1])
        c10.addProduct(x, b0); if vectors > 1 { c11.addProduct(x, b1) }; if vectors > 2 { c12.addProduct(x, b2) }
        x = V(repeating: ap[2])
        c20.addProduct(x, b0); if vectors > 1 { c21.addProduct(x, b1) }; if vectors > 2 { c22.addProduct(x, b2) }
        x = V(repeating: ap[3])
        c30.addProduct(x, b0); if vectors > 1 { c31.addProduct(x, b1) }; if vectors > 2 { c32.addProduct(x, b2) }
        ap += 4
    }
    // Rows past the end of C were computed from the zero rows of the panel: drop them.
    func store(_ row: Int, _ r0: V, _ r1: V, _ r2: V) {
        guard row < rows else { return }
        let out = c + row * ldc
        // Only the tile's own vectors are read: past them may lie the end of C.
        var v0 = accumulate ? r0 + V.load(out) : r0
        var v1 = accumulate && vectors > 1 ? r1 + V.load(out + 8) : r1
        var v2 = accumulate && vectors > 2 ? r2 + V.load(out + 16) : r2
        if relu {
            v0.replace(with: 0, where: v0 .<= 0)
            v1.replace(with: 0, where: v1 .<= 0)
            v2.replace(with: 0, where: v2 .<= 0)
        }
        V.store(v0, out)
        if vectors > 1 { V.store(v1, out + 8) }
        if vectors > 2 { V.store(v2, out + 16) }
    }
    store(0, c00, c01, c02)
    store(1, c10, c11, c12)
    store(2, c20, c21, c22)
    store(3, c30, c31, c32)
}

extension SIMD8<Float> {
    /// Eight floats from `p`, which need not be aligned.
    @inline(__always)
    static func load(_ p: UnsafePointer<Float>) -> Self {
        UnsafeRawPointer(p).loadUnaligned(as: Self.self)
    }

    /// Writes the eight floats to `p`, which need not be aligned.
    @inline(__always)
    static func store(_ v: Self, _ p: UnsafeMutablePointer<Float>) {
        UnsafeMutableRawPointer(p).storeBytes(of: v, as: Self.self)
    }
}
