/// The unit of operation counts: multiply-adds (MACs), or FLOPs with every conv
/// and linear multiply-add counted as two (see `Convention.operations`).
public enum CostUnit: String, NamedChoice, Sendable {
    case macs, flops

    public static let choiceKind = "unit"

    /// How tables name the unit.
    public var label: String {
        switch self {
        case .macs: "multiply-adds"
        case .flops: "FLOPs"
        }
    }
}
