import Glibc

/// Restores the terminal if the program dies while curses is up (a Swift trap
/// is SIGILL or SIGTRAP, an abort SIGABRT, a bad pointer SIGSEGV). The handler
/// does only async-signal-safe things: write the terminal's saved
/// "leave alternate screen / show cursor" bytes, put the saved termios back,
/// say where the log is, reinstate the previous handler (Swift's backtracer)
/// and re-raise so that it runs.
enum CrashRestore {
    static let signals: [Int32] = [SIGSEGV, SIGILL, SIGTRAP, SIGABRT, SIGBUS, SIGFPE]

    /// Everything the handler reads, allocated before it is installed and never
    /// freed, so the handler touches no Swift runtime machinery.
    struct Saved {
        var restoreBytes: UnsafeMutableBufferPointer<UInt8>
        var notice: UnsafeMutableBufferPointer<UInt8>
        var noticeFD: Int32
        var termios: UnsafeMutablePointer<termios>?
        var previous: UnsafeMutablePointer<sigaction>
    }

    nonisolated(unsafe) private static var saved: Saved?

    /// Installs the handler. `restore` is written to stdout, `notice` to
    /// `noticeFD` (the real stderr, while fd 2 goes to the log).
    static func install(restore: [UInt8], notice: [UInt8], noticeFD: Int32) {
        let bytes = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: restore.count)
        _ = bytes.initialize(from: restore)
        let message = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: notice.count)
        _ = message.initialize(from: notice)
        var attributes = termios()
        var savedTermios: UnsafeMutablePointer<termios>?
        if tcgetattr(0, &attributes) == 0 {
            savedTermios = .allocate(capacity: 1)
            savedTermios?.initialize(to: attributes)
        }
        let previous = UnsafeMutablePointer<sigaction>.allocate(capacity: Int(NSIG))
        previous.initialize(repeating: sigaction(), count: Int(NSIG))
        saved = Saved(restoreBytes: bytes, notice: message, noticeFD: noticeFD, termios: savedTermios, previous: previous)
        for signal in signals {
            var action = sigaction()
            action.__sigaction_handler.sa_sigaction = { signal, info, _ in CrashRestore.handle(signal, info) }
            sigemptyset(&action.sa_mask)
            action.sa_flags = SA_SIGINFO
            sigaction(signal, &action, previous + Int(signal))
        }
    }

    /// Puts the previous handlers back (after a normal shutdown).
    static func uninstall() {
        guard let saved else { return }
        for signal in signals { sigaction(signal, saved.previous + Int(signal), nil) }
    }

    private static func handle(_ signal: Int32, _ info: UnsafeMutablePointer<siginfo_t>?) {
        guard let saved else { return }
        _ = write(1, saved.restoreBytes.baseAddress, saved.restoreBytes.count)
        if let attributes = saved.termios { tcsetattr(0, TCSANOW, attributes) }
        _ = write(saved.noticeFD, saved.notice.baseAddress, saved.notice.count)
        if let info, info.pointee.si_code <= 0, info.pointee._sifields._kill.si_pid != getpid() {
            // Sent by another process (kill -SEGV): nothing to backtrace, and
            // Swift's handler would return and let the program run on. Die by it.
            var fallback = sigaction()
            fallback.__sigaction_handler.sa_handler = SIG_DFL
            sigaction(signal, &fallback, nil)
        } else {
            sigaction(signal, saved.previous + Int(signal), nil)
        }
        // Re-raised, the signal stays blocked until this handler returns and
        // then reaches the handler now in place: needed for traps and aborts
        // (a faulting instruction would fault again anyway).
        raise(signal)
    }
}
