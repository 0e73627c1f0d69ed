/// The explorer's six views, in tab order. The raw value is the digit that
/// selects the view.
public enum ViewID: Int, CaseIterable, Sendable, Hashable {
    case lessons = 1, network, costs, sparse, heads, experiments

    public var title: String {
        switch self {
        case .lessons: "Lessons"
        case .network: "Network"
        case .costs: "Costs"
        case .sparse: "Sparse"
        case .heads: "Heads"
        case .experiments: "Experiments"
        }
    }

    /// The label on the view's tab, e.g. `1 Lessons`.
    public var tabLabel: String { "\(rawValue) \(title)" }

    /// The next view in tab order, wrapping around; `-1` for the previous one.
    public func advanced(by step: Int) -> ViewID {
        let count = ViewID.allCases.count
        let index = ((rawValue - 1 + step) % count + count) % count
        return ViewID.allCases[index]
    }
}
