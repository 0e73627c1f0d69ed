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
    /// Pointer steps rather than index products: a batch-1 forward pass packs every
    /// convolution's weights, and indexing with checked products took a tenth of it.
    /// A whole panel goes a column at a time, its four values in one store.
    init(rows: Int, columns: Int, source: UnsafePointer<Float>, rowStride: Int, columnStride: Int) {
        (self.rows, self.columns, storage) = (rows, columns, Self.allocate(rows: rows, columns: columns))
        let wholePanels = rows / Self.panelRows
        for p in 0..<wholePanels {
            var from = source + p * Self.panelRows * rowStride
            var to = UnsafeMutableRawPointer(storage + p * columns * Self.panelRows)
            for _ in 0..<columns {
                to.storeBytes(of: SIMD4(from[0], from[rowStride], from[2 * rowStride], from[3 * rowStride]),
                              as: SIMD4<Float>.self)
                from += columnStride
                to += MemoryLayout<SIMD4<Float>>.size
            }
        }
        for i in wholePanels * Self.panelRows..<rows {
            var from = source + i * rowStride
            var to = storage + (i / Self.panelRows * columns) * Self.panelRows + i % Self.panelRows
            for _ in 0..<columns {
                to.pointee = from.pointee
                from += columnStride
                to += Self.panelRows
            }
        }
    }

    /// Packs A[i][k] = element(i, k) for i < rows, k < columns: for a matrix no pair
    /// of strides describes, such as the turned kernel of an input gradient.
    init(rows: Int, columns: Int, _ element: (_ i: Int, _ k: Int) -> Float) {
        (self.rows, self.columns, storage) = (rows, columns, Self.allocate(rows: rows, columns: columns))
        for i in 0..<rows {
            let panel = storage + (i / Self.panelRows * columns) * Self.panelRows + i % Self.panelRows
            for k in 0..<columns { panel[k * Self.panelRows] = element(i, k) }
        }
    }

    /// Storage for whole panels; the last panel, if rows leave it part empty, is zero,
    /// so that its rows past `rows` stay so (the packing writes every float of the whole panels).
    private static func allocate(rows: Int, columns: Int) -> UnsafeMutablePointer<Float> {
        let count = max((rows + panelRows - 1) / panelRows * panelRows * columns, 1)
        let storage = UnsafeMutablePointer<Float>.allocate(capacity: count)
        let whole = rows / panelRows * panelRows * columns
        (storage + whole).initialize(repeating: 0, count: count - whole)
        return storage
    }

    deinit { storage.deallocate() }
}
