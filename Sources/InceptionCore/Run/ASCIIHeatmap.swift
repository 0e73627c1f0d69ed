/// A feature map as lines of text, one character per value from the ramp
/// ` .:-=+*#%@` (darkest first), on a scale the caller fixes so that several maps
/// (the channels of one branch) can be compared.
public enum ASCIIHeatmap {
    public static let ramp: [Character] = [" ", ".", ":", "-", "=", "+", "*", "#", "%", "@"]

    /// The ramp character for `value` on `low...high` (`low` for a flat scale or a NaN).
    public static func character(_ value: Float, low: Float, high: Float) -> Character {
        guard high > low, !value.isNaN else { return ramp[0] }
        let t = min(1, max(0, (value - low) / (high - low)))
        return ramp[min(ramp.count - 1, Int(t * Float(ramp.count)))]
    }

    /// values is (h, w), row-major: h lines of w characters.
    public static func lines(_ values: ArraySlice<Float>, height h: Int, width w: Int, low: Float, high: Float) -> [String] {
        let start = values.startIndex
        return (0..<h).map { y in
            String((0..<w).map { x in character(values[start + y * w + x], low: low, high: high) })
        }
    }

    /// The channels of `tensor` (1, c, h, w), each captioned, laid side by side in bands
    /// no wider than `width` columns.
    public static func channels(_ tensor: Tensor, captions: [String], low: Float, high: Float, width: Int = 100) -> [String] {
        let (c, h, w) = (tensor.shape[1], tensor.shape[2], tensor.shape[3])
        let cell = max(w + 2, captions.map(\.count).max() ?? 0) + 1
        let perBand = max(1, width / cell)
        var out: [String] = []
        for first in stride(from: 0, to: c, by: perBand) {
            let band = first..<min(c, first + perBand)
            let maps = band.map { lines(tensor.data[$0 * h * w..<($0 + 1) * h * w], height: h, width: w, low: low, high: high) }
            func padded(_ s: String) -> String { s + String(repeating: " ", count: cell - s.count) }
            out.append(trimmed(band.map { padded(captions[$0]) }.joined()))
            for y in 0..<h { out.append(trimmed(maps.map { padded("|" + $0[y] + "|") }.joined())) }
        }
        return out
    }

    private static func trimmed(_ s: String) -> String {
        String(s.dropLast(s.reversed().prefix { $0 == " " }.count))
    }
}
