import Foundation
import InceptionCore

/// Runs the interactive explorer on the real terminal until `q` or a signal,
/// and always leaves the terminal as it found it.
public enum Explorer {
    /// What the command line asked for.
    public struct Flags: Sendable {
        public var noColor: Bool
        public var ascii: Bool
        public var lessonsDirectory: String?
        public var imagePath: String?
        public var weightsPath: String?
        public var photoWeights: Bool

        public init(noColor: Bool = false, ascii: Bool = false, lessonsDirectory: String? = nil, imagePath: String? = nil,
                    weightsPath: String? = nil, photoWeights: Bool = false) {
            self.noColor = noColor
            self.ascii = ascii
            self.lessonsDirectory = lessonsDirectory
            self.imagePath = imagePath
            self.weightsPath = weightsPath
            self.photoWeights = photoWeights
        }
    }

    /// Runs the explorer and returns the exit status: 0 after `q`, 128 + signal
    /// after SIGINT/SIGTERM/SIGHUP, 2 when there is no usable terminal (with a
    /// one-line message on stderr). `makeViews` builds the six views.
    public static func run(_ flags: Flags, makeViews: (ExplorerOptions) -> [any ExplorerView]) -> Int32 {
        guard isatty(0) == 1, isatty(1) == 1 else {
            return refuse("the explorer needs a terminal (stdin and stdout are not both one)")
        }
        let utf8 = setUpLocale()
        SignalFlag.install()
        guard let screen = CursesScreen() else {
            let term = ProcessInfo.processInfo.environment["TERM"] ?? "(unset)"
            return refuse("the terminal TERM=\(term) cannot address the cursor")
        }
        let log = StderrLog.start()
        let notice = "inception-explorer: crashed; the terminal was restored" + (log.map { ", details in \($0.path)" } ?? "") + "\n"
        CrashRestore.install(restore: CursesScreen.restoreBytes(), notice: Array(notice.utf8), noticeFD: log?.savedFD ?? 2)

        let capabilities = Capabilities.resolve(
            terminalColors: screen.terminalColors, utf8Locale: utf8, noColorFlag: flags.noColor,
            asciiFlag: flags.ascii, environment: ProcessInfo.processInfo.environment)
        let options = ExplorerOptions(capabilities: capabilities, lessonsDirectory: flags.lessonsDirectory, imagePath: flags.imagePath,
                                      weightsPath: flags.weightsPath, photoWeights: flags.photoWeights)
        let status = loop(screen: screen, state: AppState(options: options, size: screen.size, views: makeViews(options)))

        screen.stop()
        CrashRestore.uninstall()
        log?.stop()
        return status
    }

    /// Render, wait for an event, update, perform effects; until quit or signal.
    private static func loop(screen: CursesScreen, state initial: AppState) -> Int32 {
        var state = App.update(initial, .resize(screen.size)).0
        let performer = EffectPerformer()
        while true {
            if let signal = SignalFlag.received { return 128 + signal }
            screen.draw(App.render(state, size: state.size))
            var pending: [Event] = [screen.nextEvent() ?? .tick] + performer.jobEvents()
            while let event = pending.first {
                pending.removeFirst()
                let (next, effects) = App.update(state, event)
                state = next
                for effect in effects {
                    if case .quit(let status) = effect { return status }
                    pending += performer.perform(effect)
                }
            }
        }
    }

    /// Sets the locale from the environment; if its codeset is not UTF-8,
    /// tries C.UTF-8 for the character type. Returns whether UTF-8 is on.
    private static func setUpLocale() -> Bool {
        setlocale(LC_ALL, "")
        if isUTF8() { return true }
        setlocale(LC_CTYPE, "C.UTF-8")
        return isUTF8()
    }

    private static func isUTF8() -> Bool {
        guard let codeset = nl_langinfo(nl_item(CODESET)) else { return false }
        let name = String(cString: codeset).uppercased()
        return name == "UTF-8" || name == "UTF8"
    }

    private static func refuse(_ reason: String) -> Int32 {
        let line = "inception-explorer: \(reason); run `inception-explorer --help` for the commands that print to a pipe\n"
        FileHandle.standardError.write(Data(line.utf8))
        return 2
    }
}
