import InceptionCore

/// The lowest and highest finite value of some data: a heatmap's scale, shown
/// to the user as `min 0.00 max 2.41`.
public struct ValueRange: Sendable, Equatable {
    public private(set) var low: Float
    public private(set) var high: Float

    public init(low: Float, high: Float) {
        self.low = low
        self.high = high
    }

    /// The range of `values` (0...0 when there is no finite value).
    public init<C: Collection>(_ values: C) where C.Element == Float {
        self.init(low: .infinity, high: -.infinity)
        include(values)
    }

    public mutating func include<C: Collection>(_ values: C) where C.Element == Float {
        for v in values where v.isFinite {
            if v < low { low = v }
            if v > high { high = v }
        }
    }

    /// Whether any finite value was seen.
    public var isEmpty: Bool { low > high }

    /// A range symmetric around zero that holds this one (for signed weights).
    public var symmetric: ValueRange {
        let m = isEmpty ? 0 : max(abs(low), abs(high))
        return ValueRange(low: -m, high: m)
    }

    /// `min 0.00 max 2.41`, or `empty`.
    public var text: String {
        isEmpty ? "no values" : "min \(Self.format(low)) max \(Self.format(high))"
    }

    /// Two decimals, three below 0.1 (small weights), the same on every machine.
    public static func format(_ value: Float) -> String {
        let magnitude = abs(value)
        return NumberText.decimal(Double(value), places: magnitude != 0 && magnitude < 0.1 ? 3 : 2, grouped: false)
    }
}
