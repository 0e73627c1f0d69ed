import Glibc
import Synchronization

/// The last of SIGINT, SIGTERM, SIGHUP that arrived (0 for none). The handler
/// only stores into this lock-free atomic; the main loop polls it between key
/// reads (every 100 ms), restores the terminal and exits with 128 + signal.
let pendingSignal = Atomic<Int32>(0)

enum SignalFlag {
    static let handled: [Int32] = [SIGINT, SIGTERM, SIGHUP]

    /// Installs the handlers. Must run before curses starts, because ncurses
    /// installs its own (which exit with status 1 and skip our cleanup) only
    /// for signals still at their default.
    static func install() {
        pendingSignal.store(0, ordering: .relaxed)
        for signal in handled {
            var action = sigaction()
            action.__sigaction_handler.sa_handler = { pendingSignal.store($0, ordering: .relaxed) }
            sigemptyset(&action.sa_mask)
            action.sa_flags = 0
            sigaction(signal, &action, nil)
        }
    }

    /// The signal that arrived, if any.
    static var received: Int32? {
        let value = pendingSignal.load(ordering: .relaxed)
        return value == 0 ? nil : value
    }
}
