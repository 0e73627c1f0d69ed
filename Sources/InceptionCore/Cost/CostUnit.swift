/// The unit of operation counts: multiply-adds (MACs), or FLOPs with every conv
/// and linear multiply-add counted as two (see `Convention.operations`).
public enum CostUnit: String, CaseIterable, Sendable {
    case macs, flops

    /// The unit with this name, or a `UserError` listing the known ones.
    public static func named(_ text: String) throws -> CostUnit {
        guard let unit = CostUnit(rawValue: text.lowercased()) else {
            throw UserError("unknown unit '\(text)' (units: \(allCases.map(\.rawValue).joined(separator: ", ")))")
        }
        return unit
    }

    /// How tables name the unit.
    public var label: String {
        switch self {
        case .macs: "multiply-adds"
        case .flops: "FLOPs"
        }
    }
}
