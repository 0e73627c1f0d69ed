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

    /// What the view will hold, shown until the view itself is built.
    public var plannedContent: String {
        switch self {
        case .lessons:
            "The lessons will be listed here, each marked seen or unseen, with the current lesson beside them: wrapped to the width, scrollable, and with live widgets computed by the real network."
        case .network:
            "The trained tiny Inception network will run here one layer at a time: each module's four branches side by side as heatmaps, with the multiplies and time of every step, up to the ten class probabilities."
        case .costs:
            "The cost explorer will show every module's widths, parameters and multiplies, naive against 1x1-reduced, and let you change a width and watch everything downstream follow."
        case .sparse:
            "The article's block-sparse matrix will be convolved here by four methods (dense, sparse, blocks, padded blocks), counting each method's multiplies and timing them for real."
        case .heads:
            "Global average pooling against a fully connected head will be compared here: parameters, multiplies, and what happens on an input larger than the network was trained on."
        case .experiments:
            "The article's claims will be put to the test here: each experiment trains the variants it needs and shows its table, its chart and the conclusion its own numbers support."
        }
    }

    /// The next view in tab order, wrapping around; `-1` for the previous one.
    public func advanced(by step: Int) -> ViewID {
        let count = ViewID.allCases.count
        let index = ((rawValue - 1 + step) % count + count) % count
        return ViewID.allCases[index]
    }
}
