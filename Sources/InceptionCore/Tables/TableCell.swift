/// One cell of a `Table`. The renderers decide how each kind looks: numbers are
/// right-aligned and grouped by thousands in plain text, plain in CSV and JSON.
public enum TableCell: Hashable, Sendable {
    case integer(Int)
    /// A number shown with a fixed count of decimal places (e.g. 159.5 K, 54.0 %).
    case decimal(Double, places: Int)
    case text(String)
    /// A field that does not apply to this row: blank in text, empty in CSV, null in JSON.
    case empty

    /// Whether the cell holds a number (numbers are right-aligned).
    public var isNumeric: Bool {
        switch self {
        case .integer, .decimal: true
        case .text, .empty: false
        }
    }

    /// The cell as a JSON value: integers as numbers, empty as null.
    public var json: JSONValue {
        switch self {
        case .integer(let n): .integer(n)
        case .decimal(let x, let places): .decimal(x, places: places)
        case .text(let s): .string(s)
        case .empty: .null
        }
    }

    /// The cell's text without thousands separators (CSV, Markdown).
    public var plain: String { text(grouped: false) }

    /// The cell's text; `grouped` puts thousands separators into numbers.
    public func text(grouped: Bool) -> String {
        switch self {
        case .integer(let n): NumberText.integer(n, grouped: grouped)
        case .decimal(let x, let places): NumberText.decimal(x, places: places, grouped: grouped)
        case .text(let s): s
        case .empty: ""
        }
    }
}

/// Integer and fixed-point formatting without locale surprises: the output is
/// the same on every machine, so tests and exported files are reproducible.
public enum NumberText {
    /// `1234567` -> `1,234,567` when grouped.
    public static func integer(_ n: Int, grouped: Bool) -> String {
        let digits = String(n.magnitude)
        let sign = n < 0 ? "-" : ""
        guard grouped else { return sign + digits }
        return sign + group(digits)
    }

    /// `x` rounded half away from zero to `places` decimals; from 1e18 on (past
    /// what the digits can be counted in), Swift's shortest exponent form.
    public static func decimal(_ x: Double, places: Int, grouped: Bool) -> String {
        guard x.isFinite else { return x.isNaN ? "nan" : (x < 0 ? "-inf" : "inf") }
        var scale = 1.0
        for _ in 0..<places { scale *= 10 }
        let scaled = (abs(x) * scale).rounded(.toNearestOrAwayFromZero)
        guard scaled < 1e18 else { return "\(x)" }
        let whole = UInt64(scaled / scale)
        let fraction = UInt64(scaled - Double(whole) * scale)
        let wholeText = grouped ? group(String(whole)) : String(whole)
        let sign = x < 0 && scaled != 0 ? "-" : ""
        guard places > 0 else { return sign + wholeText }
        let fractionText = String(fraction)
        let padded = String(repeating: "0", count: max(0, places - fractionText.count)) + fractionText
        return sign + wholeText + "." + padded
    }

    /// `1234567` -> `1.2M`, for narrow columns: powers of 1,000 (K, M, G, T),
    /// one decimal below 100 of a unit, none from 100 up; below 1,000 the number itself.
    public static func compact(_ n: Int) -> String {
        let sign = n < 0 ? "-" : ""
        var value = Double(n.magnitude)
        guard value >= 1000 else { return sign + String(n.magnitude) }
        var unit = 0
        let units = ["", "K", "M", "G", "T"]
        // Round first, so 999,950 reads 1.0M rather than 1000K.
        while unit < units.count - 1 && value >= 999.95 {
            value /= 1000
            unit += 1
        }
        return sign + decimal(value, places: value < 99.95 ? 1 : 0, grouped: false) + units[unit]
    }

    /// A duration as `m:ss` (progress lines' time left); a time not yet known
    /// (infinite or NaN) reads `-:--`.
    public static func clock(_ seconds: Double) -> String {
        guard seconds.isFinite else { return "-:--" }
        let s = Int(min(max(seconds, 0), 1e9).rounded())
        return "\(s / 60):" + (s % 60 < 10 ? "0" : "") + "\(s % 60)"
    }

    private static func group(_ digits: String) -> String {
        var out = ""
        for (i, ch) in digits.enumerated() {
            if i > 0 && (digits.count - i) % 3 == 0 { out.append(",") }
            out.append(ch)
        }
        return out
    }
}
