/// The left operand A (rows × columns) of `gemm`, copied into panels of
/// `PackedMatrix.panelRows` rows stored column after column:
///
///     storage[(p * columns + k) * panelRows + r] = A[p * panelRows + r][k]
///
/// so the micro-kernel reads the 4 values of one column of a panel from one cache
/// line, in the order it uses them. Rows past `rows` in the last panel are zero, so
/// the kernel never needs a shorter panel. Packing reads A through any pair of
/// strides, which is how the convolution gets W (forward) and Wᵀ (backward) from
/// the same OIHW weights without another copy.
final class PackedMatrix: @unchecked Sendable {
    // Sendable: the storage is written once in init and only read afterwards.

    /// Rows of a panel: the micro-kernel's tile height (see `gemm`).
    static let panelRows = 4

    let rows: Int
    let columns: Int
    let storage: UnsafeMutablePointer<Float>

    var panels: Int { (rows + Self.panelRows - 1) / Self.panelRows }

    /// Packs A[i][k] = source[i * rowStride + k * columnStride] for i < rows, k < columns.
    convenience init(rows: Int, columns: Int, source: UnsafePointer<Float>, rowStride: Int, columnStride: Int) {
        self.init(rows: rows, columns: columns) { i, k in source[i * rowStride + k * columnStride] }
    }

    /// Packs A[i][k] = element(i, k) for i < rows, k < columns: for a matrix no pair
    /// of strides describes, such as the turned kernel of an input gradient.
    init(rows: Int, columns: Int, _ element: (_ i: Int, _ k: Int) -> Float) {
        self.rows = rows
        self.columns = columns
        let pr = Self.panelRows
        let count = (rows + pr - 1) / pr * pr * columns
        storage = .allocate(capacity: max(count, 1))
        for p in 0..<(rows + pr - 1) / pr {
            let panel = storage + p * columns * pr
            for r in 0..<pr {
                let i = p * pr + r
                for k in 0..<columns {
                    panel[k * pr + r] = i < rows ? element(i, k) : 0
                }
            }
        }
    }

    deinit { storage.deallocate() }
}
