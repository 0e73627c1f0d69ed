/// A network the learner retrained from the Costs view: its description, its
/// costs, its test accuracy, how long it took and where its weights were saved.
public struct TrainedVariant: Hashable, Codable, Sendable {
    public var description: NetworkDescription
    public var parameters: Int
    public var multiplies: Int
    public var accuracy: Double
    public var seconds: Double
    public var steps: Int
    /// ISO 8601, UTC.
    public var trainedAt: String
    /// The safetensors file with its weights (loadable with `NetworkFile.load`).
    public var weightsPath: String

    public init(description: NetworkDescription, accuracy: Double, seconds: Double, steps: Int, trainedAt: String, weightsPath: String) {
        self.description = description
        let totals = CostModel(description).totals().reduced
        parameters = Convention.torchinfo.parameters(totals)
        multiplies = totals.multiplyAdds
        self.accuracy = accuracy
        self.seconds = seconds
        self.steps = steps
        self.trainedAt = trainedAt
        self.weightsPath = weightsPath
    }

    /// Every module's six widths, and its factorisation when it has one:
    /// `3a 8/8/16/4/8/8  3b stacked 16/16/24/8/12/12 ...`.
    public var widths: String {
        description.modules.map { m in
            "\(m.name.short) " + (m.factorize == .none ? "" : m.factorize.rawValue + " ") + m.widths.all.map(String.init).joined(separator: "/")
        }
        .joined(separator: "  ")
    }
}

extension [TrainedVariant] {
    /// The variants as a table, oldest first, numbered as the chart labels them; the
    /// long widths column comes last, so a narrow screen loses it before the accuracy.
    public var table: Table {
        Table(title: "Retrained variants", columns: ["#", "parameters", "multiplies", "accuracy", "seconds", "widths"],
              rows: enumerated().map { [.integer($0 + 1), .integer($1.parameters), .integer($1.multiplies),
                                        .decimal($1.accuracy, places: 4), .decimal($1.seconds, places: 1), .text($1.widths)] },
              notes: ["widths: n1x1/n3x3red/n3x3/n5x5red/n5x5/poolproj of each module, after its factorisation if any; accuracy on the test split"])
    }
}
