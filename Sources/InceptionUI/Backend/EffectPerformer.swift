import Foundation
import InceptionCore

/// Performs the effects that touch the outside world, for the curses loop and
/// the test backend alike, and says what happened as the event `update` sees.
enum EffectPerformer {
    /// Writes the file atomically: either the whole file is there, or the old
    /// one (or nothing) is and the event carries the reason (the shell puts
    /// "could not write PATH: " before it).
    static func write(path: String, contents: [UInt8]) -> Event {
        do {
            try AtomicWrite.write(Data(contents), to: path)
            return .fileWritten(path: path, error: nil)
        } catch {
            let prefix = "cannot write \(path): "
            let message = "\(error)"
            return .fileWritten(path: path, error: message.hasPrefix(prefix) ? String(message.dropFirst(prefix.count)) : message)
        }
    }
}
