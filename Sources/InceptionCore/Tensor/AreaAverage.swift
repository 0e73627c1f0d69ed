/// Shrinking a plane for display: each output pixel is the mean of the finite
/// values in its factor x factor block (blocks at the right and bottom edges may
/// be smaller); a block with none is NaN. The one rule for every heatmap, so a
/// NaN in a feature map never poisons its neighbours on screen or in text.
public enum AreaAverage {
    /// `values` (rows x columns, row-major) shrunk by `factor` per axis; unchanged for a factor of 1 or less.
    public static func shrink(_ values: [Float], rows: Int, columns: Int, factor: Int) -> (values: [Float], rows: Int, columns: Int) {
        guard factor > 1 else { return (values, rows, columns) }
        let h = (rows + factor - 1) / factor, w = (columns + factor - 1) / factor
        var out = [Float](repeating: .nan, count: h * w)
        for oy in 0..<h {
            for ox in 0..<w {
                var sum: Float = 0
                var count = 0
                for y in oy * factor..<min(rows, (oy + 1) * factor) {
                    for x in ox * factor..<min(columns, (ox + 1) * factor) where values[y * columns + x].isFinite {
                        sum += values[y * columns + x]
                        count += 1
                    }
                }
                if count > 0 { out[oy * w + ox] = sum / Float(count) }
            }
        }
        return (out, h, w)
    }
}
