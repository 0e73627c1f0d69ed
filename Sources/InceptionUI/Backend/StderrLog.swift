import Foundation
import InceptionCore

/// Sends stderr to a log file while curses owns the screen: anything printed
/// there (a fatal error, a backtrace) would otherwise vanish with the
/// alternate screen. The log lives in `$XDG_STATE_HOME/inception-explorer/`
/// (falling back to `~/.local/state/inception-explorer/`).
struct StderrLog {
    let path: String
    /// The real stderr, kept open to restore it and to tell the user about a crash.
    let savedFD: Int32

    /// Redirects fd 2 to the log, or returns nil (stderr left alone) when the
    /// log cannot be opened.
    static func start() -> StderrLog? {
        guard let base = XDGDirectory.base("XDG_STATE_HOME", fallback: ".local/state", environment: ProcessInfo.processInfo.environment)
        else { return nil }
        let directory = (base as NSString).appendingPathComponent("inception-explorer")
        try? FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        let path = (directory as NSString).appendingPathComponent("explorer.log")
        let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard fd >= 0 else { return nil }
        let saved = dup(2)
        guard saved >= 0, dup2(fd, 2) >= 0 else {
            close(fd)
            return nil
        }
        close(fd)
        return StderrLog(path: path, savedFD: saved)
    }

    /// Points fd 2 back at the real stderr.
    func stop() {
        dup2(savedFD, 2)
        close(savedFD)
    }
}
