import Foundation
import Synchronization

/// Where tests write files: one folder per test process inside the system's temporary
/// folder, removed when the process exits, so a test run leaves nothing behind.
public enum TestScratch {
    /// Named after the process and a UUID, so two runs at once never share it, and a
    /// killed run's leftovers are never reused by a later process with the same id.
    public static let root = NSTemporaryDirectory() + "inception-explorer-tests-\(getpid())-\(UUID().uuidString.prefix(8))"

    /// Created on first use; `atexit` rather than a per-test `defer`, because many tests
    /// hand their folder to values that outlive the test function's scope.
    private static let created: Bool = {
        atexit { try? FileManager.default.removeItem(atPath: TestScratch.root) }
        return (try? FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)) != nil
    }()

    /// Numbers the folders: short paths, since views show them in an 80-column status line.
    private static let made = Mutex(0)

    /// A fresh, empty folder `<root>/<prefix>-<n>`.
    public static func directory(_ prefix: String) throws -> String {
        guard created else { throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: root]) }
        let n = made.withLock { count in
            count += 1
            return count
        }
        let path = root + "/\(prefix)-\(n)"
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }
}
