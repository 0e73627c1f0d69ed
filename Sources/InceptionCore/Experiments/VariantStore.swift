import Foundation

/// Keeps the retrained variants between runs: `variants.json` beside the lesson
/// progress in `$XDG_STATE_HOME/inception-explorer/` (or `~/.local/state/...`),
/// and each variant's weights in `variants/`. Loading never fails (a corrupt
/// file is an empty list and a warning); saving is atomic.
public struct VariantStore: Sendable {
    public let directory: String

    public init(directory: String) { self.directory = directory }

    public init(environment: [String: String]) throws {
        self.init(directory: (try ProgressStore.defaultPath(environment: environment) as NSString).deletingLastPathComponent)
    }

    public var path: String { (directory as NSString).appendingPathComponent("variants.json") }

    /// Where the weights of a variant trained at `stamp` go.
    public func weightsPath(stamp: String) -> String {
        let safe = stamp.map { $0.isLetter || $0.isNumber ? $0 : "-" }
        return (directory as NSString).appendingPathComponent("variants/\(String(safe)).safetensors")
    }

    public func load() -> (variants: [TrainedVariant], warning: String?) {
        guard FileManager.default.fileExists(atPath: path) else { return ([], nil) }
        guard let data = FileManager.default.contents(atPath: path),
              let variants = try? JSONDecoder().decode([TrainedVariant].self, from: data) else {
            return ([], "the variants list \(path) is corrupt; starting with none")
        }
        return (variants, nil)
    }

    /// Saves the weights of `network` and the list with `variant` appended.
    public func add(_ variant: TrainedVariant, network: InceptionNetwork, to variants: [TrainedVariant]) throws {
        let folder = (variant.weightsPath as NSString).deletingLastPathComponent
        do {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        } catch {
            throw UserError("cannot create \(folder) for the retrained variants")
        }
        try NetworkFile.write(network, to: variant.weightsPath, training: "retrained from the Costs view, \(variant.steps) steps")
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        try AtomicWrite.write(try encoder.encode(variants + [variant]), to: path)
    }
}
