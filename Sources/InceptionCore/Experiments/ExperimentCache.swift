import Foundation

/// Cached experiment results in `$XDG_CACHE_HOME/inception-explorer/` (or
/// `~/.cache/inception-explorer/`): one `experiments/NAME-DIGEST.json` per
/// `ExperimentKey`, holding the key's text and the whole `ExperimentOutcome`.
/// Files are written atomically; a file that cannot be read is reported, never
/// silently replaced. Lessons read the newest result of an experiment through
/// `ExperimentResultSource`.
public struct ExperimentCache: ExperimentResultSource {
    public let directory: String

    public init(directory: String) { self.directory = directory }

    /// The cache for this environment: `$XDG_CACHE_HOME` when absolute, else `$HOME/.cache`.
    public init(environment: [String: String]) throws {
        guard let base = XDGDirectory.base("XDG_CACHE_HOME", fallback: ".cache", environment: environment) else {
            throw UserError("cannot find the experiment cache: neither XDG_CACHE_HOME nor HOME is set")
        }
        self.init(directory: (base as NSString).appendingPathComponent("inception-explorer"))
    }

    public var location: String { directory }

    private var folder: String { (directory as NSString).appendingPathComponent("experiments") }

    /// Where the result for `key` is kept.
    public func path(for key: ExperimentKey) -> String {
        (folder as NSString).appendingPathComponent("\(key.name.rawValue)-\(key.digest).json")
    }

    /// The cached result for exactly `key`, nil if there is none.
    public func cached(_ key: ExperimentKey) throws -> ExperimentOutcome? {
        let path = path(for: key)
        guard FileManager.default.fileExists(atPath: path) else { return nil }
        let entry = try read(path)
        guard entry.key == key.text else {
            throw UserError("the cached result \(path) belongs to another run (\(entry.key)); use --rerun to replace it")
        }
        return entry.outcome
    }

    /// Saves `outcome` under `key` atomically, creating the folders.
    public func store(_ outcome: ExperimentOutcome, key: ExperimentKey) throws {
        do {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        } catch {
            throw UserError("cannot create the experiment cache \(folder): \((error as NSError).localizedDescription)")
        }
        let data = try ExperimentJSON.encoder.encode(Entry(key: key.text, outcome: outcome))
        try AtomicWrite.write(data, to: path(for: key))
    }

    /// The newest cached result of experiment `name`, whatever its settings.
    public func newest(_ name: ExperimentName) throws -> ExperimentOutcome? {
        let files = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
        return try files.filter { $0.hasPrefix(name.rawValue + "-") && $0.hasSuffix(".json") }
            .map { try read((folder as NSString).appendingPathComponent($0)).outcome }
            .filter { $0.experiment == name }
            .max { $0.provenance.computedAt < $1.provenance.computedAt }
    }

    /// The newest result as lessons show it.
    public func lookup(name: String) throws -> ExperimentResult? {
        try newest(try ExperimentName.named(name)).map { $0.lessonResult(shippedBy: nil) }
    }

    /// What one cache file holds.
    private struct Entry: Codable {
        var key: String
        var outcome: ExperimentOutcome
    }

    private func read(_ path: String) throws -> Entry {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw UserError("cannot read the cached result \(path)")
        }
        do {
            return try ExperimentJSON.decoder.decode(Entry.self, from: data)
        } catch {
            throw UserError("the cached result \(path) is corrupt; use --rerun to replace it")
        }
    }
}
