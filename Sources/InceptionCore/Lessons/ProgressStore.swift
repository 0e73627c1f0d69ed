import Foundation

/// Loads and saves `LessonProgress` as JSON, by default in
/// `$XDG_STATE_HOME/inception-explorer/progress.json` (or `~/.local/state/...`).
///
/// Loading never fails: a missing file is empty progress, and an unreadable or corrupt
/// one is empty progress plus a warning to show. Saving is atomic and creates the directory.
public struct ProgressStore: Sendable {
    public let path: String

    public init(path: String) {
        self.path = path
    }

    /// The store at the default path for this environment.
    public init(environment: [String: String]) throws {
        self.init(path: try Self.defaultPath(environment: environment))
    }

    /// `$XDG_STATE_HOME` if set to an absolute path (the XDG spec ignores relative
    /// ones), else `$HOME/.local/state`, then `inception-explorer/progress.json`.
    public static func defaultPath(environment: [String: String]) throws -> String {
        guard let base = XDGDirectory.base("XDG_STATE_HOME", fallback: ".local/state", environment: environment) else {
            throw UserError("cannot find where to keep lesson progress: neither XDG_STATE_HOME nor HOME is set")
        }
        return (base as NSString).appendingPathComponent("inception-explorer/progress.json")
    }

    /// The saved progress and, if the file could not be used, why (one line).
    public func load() -> (progress: LessonProgress, warning: String?) {
        guard FileManager.default.fileExists(atPath: path) else { return (LessonProgress(), nil) }
        guard let data = FileManager.default.contents(atPath: path) else {
            return (LessonProgress(), "cannot read lesson progress \(path); starting with no lessons seen")
        }
        do {
            let progress = try JSONDecoder().decode(LessonProgress.self, from: data)
            guard progress.version <= LessonProgress.currentVersion else {
                return (LessonProgress(), "lesson progress \(path) was written by a newer version; starting with no lessons seen")
            }
            return (progress, nil)
        } catch {
            return (LessonProgress(), "lesson progress \(path) is corrupt (not the expected JSON); starting with no lessons seen")
        }
    }

    public func save(_ progress: LessonProgress) throws {
        let directory = (path as NSString).deletingLastPathComponent
        do {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        } catch {
            throw UserError("cannot create \(directory) for lesson progress")
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        try AtomicWrite.write(try encoder.encode(progress), to: path)
    }
}
