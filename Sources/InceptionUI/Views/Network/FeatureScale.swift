/// Which values share one heatmap scale in the Network view (`s` cycles):
/// each map its own, every channel of a branch, the whole module, or every
/// feature map computed so far in the run.
public enum FeatureScale: Int, CaseIterable, Sendable {
    case channel, branch, module, global

    public var label: String {
        switch self {
        case .channel: "per channel"
        case .branch: "per branch"
        case .module: "per module"
        case .global: "global"
        }
    }

    public var next: FeatureScale {
        FeatureScale(rawValue: (rawValue + 1) % FeatureScale.allCases.count)!
    }
}
