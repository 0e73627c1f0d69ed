import InceptionCore

/// The six views the explorer opens with, in tab order.
public enum StandardViews {
    /// Each view loaded from the user's files: lessons and progress, weights, retrained
    /// variants and cached experiments, found through `environment` (XDG variables and
    /// `HOME`; without them nothing is read or saved) and `options`.
    public static func make(options: ExplorerOptions, environment: [String: String], currentDirectory: String = ".")
        -> [any ExplorerView] {
        ViewID.allCases.map { id -> any ExplorerView in
            switch id {
            case .lessons: LessonsView.load(options: options, environment: environment)
            case .network: NetworkView.load(options: options, currentDirectory: currentDirectory)
            case .costs: CostsView(retrain: RetrainPanel.load(environment: environment))
            case .sparse: SparseView()
            case .heads: HeadsView.load(options: options)
            case .experiments: ExperimentsView.load(environment: environment)
            }
        }
    }
}
