/// A point of a chart, with an optional label (the variant it stands for).
public struct ChartPoint: Hashable, Codable, Sendable {
    public var x: Double
    public var y: Double
    public var label: String?

    public init(x: Double, y: Double, label: String? = nil) {
        self.x = x
        self.y = y
        self.label = label
    }
}

/// A named set of points, drawn with one glyph.
public struct ChartSeries: Hashable, Codable, Sendable {
    public var name: String
    public var points: [ChartPoint]

    public init(name: String, points: [ChartPoint]) {
        self.name = name
        self.points = points
    }
}

/// A square matrix with its rows grouped (a correlation matrix ordered by branch).
public struct MatrixChart: Hashable, Codable, Sendable {
    public var title: String
    /// Group names and sizes, in order; the sizes sum to the matrix side.
    public var groups: [String]
    public var groupSizes: [Int]
    /// Row-major, side x side.
    public var values: [Double]

    public init(title: String, groups: [String], groupSizes: [Int], values: [Double]) {
        self.title = title
        self.groups = groups
        self.groupSizes = groupSizes
        self.values = values
    }

    public var side: Int { groupSizes.reduce(0, +) }
    public subscript(i: Int, j: Int) -> Double { values[i * side + j] }
}

/// What an experiment draws beside its table.
public enum ExperimentChart: Hashable, Codable, Sendable {
    /// Points only (accuracy against multiplies).
    case scatter(x: String, y: String, series: [ChartSeries])
    /// Points joined in x order (energy against object size, time against density).
    case lines(x: String, y: String, series: [ChartSeries])
    /// A heatmap of a matrix.
    case matrix(MatrixChart)
}

extension ExperimentFindings {
    /// A scatter chart of column `y` against column `x`: one series per variant,
    /// one point per seed.
    func scatter(x: String, y: String) -> ExperimentChart {
        .scatter(x: x, y: y, series: variants.map { v in
            ChartSeries(name: "\(variantColumn) \(v)", points: zip(values(x, variant: v), values(y, variant: v)).map {
                ChartPoint(x: $0, y: $1, label: v)
            })
        })
    }
}
