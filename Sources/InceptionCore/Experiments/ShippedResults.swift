import Foundation

/// Experiment results that ship with the package in `Results/` (beside `Weights/`),
/// one `NAME.json` per experiment, so that a learner meets every result on first
/// run. Each file holds the cache key it was computed under, the command that
/// computed it and the whole `ExperimentOutcome` (its date and wall time are in the
/// provenance). A result whose key no longer matches what the code computes is
/// never shown (and a test fails), so a shipped result cannot go stale silently.
public struct ShippedResults: Sendable {
    public let directory: String

    /// `Results/` in the source tree the binary was built from (found as `Weights/` is).
    public static let packageDirectory = PackageDirectory.path("Results")

    public init(directory: String = ShippedResults.packageDirectory) { self.directory = directory }

    /// Where experiment `name`'s shipped result is kept.
    public func path(for name: ExperimentName) -> String {
        (directory as NSString).appendingPathComponent("\(name.rawValue).json")
    }

    /// The shipped result of `name` whatever its key, nil when none is shipped.
    public func file(_ name: ExperimentName) throws -> ShippedResult? {
        let path = path(for: name)
        guard FileManager.default.fileExists(atPath: path) else { return nil }
        guard let data = FileManager.default.contents(atPath: path) else { throw UserError("cannot read the shipped result \(path)") }
        do {
            return try ExperimentJSON.decoder.decode(ShippedResult.self, from: data)
        } catch {
            throw UserError("the shipped result \(path) is corrupt; regenerate it with `inception-explorer experiment \(name.rawValue) --ship`")
        }
    }

    /// The shipped result computed under exactly `key`, nil if there is none or it is stale.
    public func result(for key: ExperimentKey) throws -> ShippedResult? {
        guard let shipped = try file(key.name), shipped.key == key.text, shipped.outcome.experiment == key.name else { return nil }
        return shipped
    }

    /// Writes `outcome` as the shipped result of its experiment, atomically.
    public func ship(_ outcome: ExperimentOutcome, key: ExperimentKey) throws {
        do {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        } catch {
            throw UserError("cannot create \(directory): \((error as NSError).localizedDescription)")
        }
        let entry = ShippedResult(command: key.command, key: key.text, outcome: outcome)
        try AtomicWrite.write(try ExperimentJSON.encoder.encode(entry), to: path(for: key.name))
    }
}

/// One shipped result: the outcome, the key it was computed under and the command
/// that computes it again.
public struct ShippedResult: Codable, Hashable, Sendable {
    public var command: String
    public var key: String
    public var outcome: ExperimentOutcome

    /// How a view labels the result of `name`: "shipped result, computed with 3 seeds by `…`".
    public func label(for name: ExperimentName) -> String {
        "shipped result, computed with \(name.runs(seeds: outcome.provenance.seeds)) by `\(command)` on \(outcome.provenance.computedAt)"
    }
}

/// The JSON settings shared by cached and shipped results (infinities as text, keys sorted).
enum ExperimentJSON {
    static var encoder: JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        encoder.nonConformingFloatEncodingStrategy = .convertToString(positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
        return encoder
    }

    static var decoder: JSONDecoder {
        let decoder = JSONDecoder()
        decoder.nonConformingFloatDecodingStrategy = .convertFromString(positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
        return decoder
    }
}

extension ExperimentKey {
    /// The command that computes a result under this key.
    public var command: String {
        name.command + (settings.seeds == ExperimentName.defaultSeeds ? "" : " --seeds \(settings.seeds)")
            + (settings.steps == TrainingBudget.standard.steps ? "" : " --steps \(settings.steps)")
    }
}
