import Foundation

/// Cached experiment results in `$XDG_CACHE_HOME/inception-explorer/` (or
/// `~/.cache/inception-explorer/`), one `experiments/NAME.json` per experiment:
///
///     {"name": "bottleneck", "computed_at": "2026-11-27T05:00:00Z",
///      "settings": "3 seeds, standard budget", "conclusion": "...",
///      "table": {"title": "...", "columns": [...], "rows": [{"width": 1, ...}], "notes": [...]}}
///
/// `table` is the generic JSON shape of `Table.json`, so the experiment command can
/// write its `Table` as it is. A file that cannot be read is reported, not ignored.
public struct ExperimentCache: ExperimentResultSource {
    public let directory: String

    public init(directory: String) { self.directory = directory }

    /// The cache for this environment: `$XDG_CACHE_HOME` when absolute, else `$HOME/.cache`.
    public init(environment: [String: String]) throws {
        let base: String
        if let cache = environment["XDG_CACHE_HOME"], cache.hasPrefix("/") {
            base = cache
        } else if let home = environment["HOME"], !home.isEmpty {
            base = (home as NSString).appendingPathComponent(".cache")
        } else {
            throw UserError("cannot find the experiment cache: neither XDG_CACHE_HOME nor HOME is set")
        }
        self.init(directory: (base as NSString).appendingPathComponent("inception-explorer"))
    }

    public var location: String { directory }

    public func path(for name: String) -> String {
        (directory as NSString).appendingPathComponent("experiments/\(name).json")
    }

    public func lookup(name: String) throws -> ExperimentResult? {
        let path = path(for: name)
        guard FileManager.default.fileExists(atPath: path) else { return nil }
        guard let data = FileManager.default.contents(atPath: path),
              let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any] else {
            throw UserError("cannot read the cached result \(path)")
        }
        guard let table = object["table"] as? [String: Any], let columns = table["columns"] as? [String],
              let rows = table["rows"] as? [[String: Any]], let conclusion = object["conclusion"] as? String,
              let stamp = object["computed_at"] as? String, let date = ISO8601DateFormatter().date(from: stamp) else {
            throw UserError("the cached result \(path) lacks table, conclusion or computed_at")
        }
        let cells = rows.map { row in columns.map { Self.cell(row[$0]) } }
        return ExperimentResult(
            name: name,
            table: Table(title: table["title"] as? String ?? name, columns: columns, rows: cells,
                         notes: table["notes"] as? [String] ?? []),
            conclusion: conclusion, computedAt: date, settings: object["settings"] as? String ?? "")
    }

    /// A JSON value as a table cell: whole numbers as integers, others with 3 decimals.
    private static func cell(_ value: Any?) -> TableCell {
        switch value {
        case let text as String: return .text(text)
        case let number as NSNumber:
            let x = number.doubleValue
            return x == x.rounded() && abs(x) < 1e15 ? .integer(Int(x)) : .decimal(x, places: 3)
        default: return .empty
        }
    }
}
