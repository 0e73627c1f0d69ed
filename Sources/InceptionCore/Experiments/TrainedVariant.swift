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

    /// Every module's six widths: `3a 8/8/16/4/8/8  3b ...`.
    public var widths: String {
        description.modules.map { "\($0.name.short) " + $0.widths.all.map(String.init).joined(separator: "/") }
            .joined(separator: "  ")
    }
}

extension [TrainedVariant] {
    /// The variants as a table, oldest first.
    public var table: Table {
        Table(title: "Retrained variants", columns: ["widths", "parameters", "multiplies", "accuracy", "seconds"],
              rows: map { [.text($0.widths), .integer($0.parameters), .integer($0.multiplies),
                           .decimal($0.accuracy, places: 4), .decimal($0.seconds, places: 1)] },
              notes: ["widths: n1x1/n3x3red/n3x3/n5x5red/n5x5/poolproj of each module; accuracy on the test split"])
    }
}
