import Foundation

/// Runs an experiment and stamps its findings with how they were computed.
public enum ExperimentRunner {
    /// Bumped whenever training or measuring changes, so older cached results are not reused.
    public static let version = 1

    /// Runs `name` with the context's settings (validated first).
    public static func run(_ name: ExperimentName, context: ExperimentContext) throws -> ExperimentOutcome {
        try context.settings.validate()
        let clock = ContinuousClock()
        let start = clock.now
        var findings: ExperimentFindings = switch name {
        case .bottleneck: try BottleneckExperiment.run(context)
        case .naiveVsReduced: try NaiveVsReducedExperiment.run(context)
        case .gapVsFc: try GapVsFcExperiment.run(context)
        case .auxHeads: try AuxHeadsExperiment.run(context)
        case .correlation: try CorrelationExperiment.run(context)
        case .scale: try ScaleExperiment.run(context)
        case .sparseTiming: try SparseTimingExperiment.run(context)
        case .factorization: try FactorizationExperiment.run(context)
        case .inputSize: try InputSizeExperiment.run(context)
        }
        if context.settings.seeds == 1 {
            findings.notes.append("one seed: no spread, so every difference counts; run with --seeds 3 or more to judge")
        }
        let key = ExperimentKey(name, context.settings)
        let provenance = ExperimentProvenance(
            computedAt: ISO8601DateFormatter().string(from: Date()), seconds: (clock.now - start).seconds,
            seeds: context.settings.seeds, budget: key.budget, testImages: context.settings.testImages,
            version: version, networkHash: key.networkHash)
        return ExperimentOutcome(experiment: name, findings: findings, provenance: provenance)
    }
}

/// Everything a cached result depends on: the experiment, its settings, the training
/// budget, a hash of the network it starts from and `ExperimentRunner.version`.
public struct ExperimentKey: Hashable, Sendable {
    public let name: ExperimentName
    public let settings: ExperimentSettings
    public let budget: String
    public let networkHash: String

    public init(_ name: ExperimentName, _ settings: ExperimentSettings) {
        self.name = name
        self.settings = settings
        if name == .sparseTiming {
            budget = "no training"
            networkHash = Self.hash("block-sparse \(settings.sparseSize) 4 blocks 3x3 \(SparseTimingExperiment.densities) overhead")
        } else if name == .inputSize {
            // The shipped weights are what it measures: new weights make it a new result.
            budget = "no training"
            let weights = FileManager.default.contents(atPath: WeightsLocator.shippedPath) ?? Data()
            networkHash = Self.hash(Array(weights) + Array("sizes \(InputSizeExperiment.sizes)".utf8))
        } else {
            budget = settings.budget.summary
            networkHash = Self.hash(Self.json(Preset.tiny.description))
        }
    }

    /// The key as text: every field that makes two results comparable.
    public var text: String {
        let s = settings
        return "\(name.rawValue) seeds=\(s.seeds) train=\(s.trainImages) test=\(s.testImages) sparse=\(s.sparseSize) budget=\(budget) network=\(networkHash) version=\(ExperimentRunner.version)"
    }

    /// A short stable digest of `text` (file names).
    public var digest: String { Self.hash(text) }

    /// FNV-1a, 64 bits, as 16 hex digits: stable across runs and machines (Swift's `Hasher` is not).
    static func hash(_ text: String) -> String { hash(Array(text.utf8)) }

    /// FNV-1a of raw bytes (a weights file).
    static func hash(_ bytes: [UInt8]) -> String {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in bytes {
            h ^= UInt64(byte)
            h = h &* 0x100_0000_01b3
        }
        let hex = String(h, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }

    private static func json(_ d: NetworkDescription) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return (try? encoder.encode(d)).map { String(decoding: $0, as: UTF8.self) } ?? d.preset
    }
}
