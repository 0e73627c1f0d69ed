import CNcursesw
import Glibc

/// The ncursesw terminal: the only code that talks to curses. It draws a
/// canvas by writing only the cells that changed since the last frame, and
/// turns curses key codes into the project's `Event`s.
final class CursesScreen {
    private let screen: OpaquePointer
    private var previous: Canvas?
    /// Colour pairs made so far, one per (fg, bg) actually drawn.
    private var pairs: [Int32: Int16] = [:]
    private let maxPairs: Int
    let terminalColors: Int

    /// Starts curses on the controlling terminal, or returns nil (with curses
    /// never started) when TERM is unknown or cannot address the cursor.
    init?() {
        guard let screen = ie_newterm() else { return nil }
        self.screen = screen
        guard ie_tigetstr("cup") != nil else {
            endwin()
            delscreen(screen)
            return nil
        }
        cbreak()
        noecho()
        nonl()
        keypad(ie_stdscr(), true)
        wtimeout(ie_stdscr(), 100)
        set_escdelay(25)
        curs_set(0)
        mousemask(ie_button1_mask(), nil)
        mouseinterval(0)
        if has_colors() {
            start_color()
            use_default_colors()
            terminalColors = Int(ie_colors())
            maxPairs = min(Int(ie_color_pairs()) - 1, Int(Int16.max))
        } else {
            terminalColors = 0
            maxPairs = 0
        }
    }

    /// The bytes that take the terminal out of curses' state, for the crash
    /// handler: leave the alternate screen, show the cursor, reset attributes
    /// and stop mouse reports.
    static func restoreBytes() -> [UInt8] {
        var bytes: [UInt8] = []
        for capability in ["sgr0", "rmcup", "cnorm"] {
            if let value = ie_tigetstr(capability) { bytes += Array(String(cString: value).utf8) }
        }
        if ie_tigetstr("kmous") != nil { bytes += Array("\u{1b}[?1000l\u{1b}[?1006l".utf8) }
        return bytes
    }

    var size: Size { Size(width: Int(ie_cols()), height: Int(ie_lines())) }

    func stop() {
        endwin()
        delscreen(screen)
    }

    /// Shows `canvas`, writing only the cells that differ from the last frame
    /// (all of them after a resize).
    func draw(_ canvas: Canvas) {
        if previous == nil { wclear(ie_stdscr()) }
        var cchar = cchar_t()
        var wide: [wchar_t] = [0, 0]
        for index in canvas.changedCells(since: previous) {
            let cell = canvas.cells[index]
            wide[0] = wchar_t(bitPattern: cell.glyph.value)
            setcchar(&cchar, wide, attributes(cell.style.attributes), pair(cell.style), nil)
            // The bottom-right cell reports ERR but is drawn all the same.
            _ = mvwadd_wch(ie_stdscr(), Int32(index / canvas.width), Int32(index % canvas.width), &cchar)
        }
        previous = canvas
        wrefresh(ie_stdscr())
    }

    /// Waits up to 100 ms for input: nil when nothing came (or a signal cut
    /// the wait short).
    func nextEvent() -> Event? {
        var code: wint_t = 0
        switch wget_wch(ie_stdscr(), &code) {
        case KEY_CODE_YES: return functionKey(Int32(code))
        case OK: return CursesKeys.character(code)
        default: return nil
        }
    }

    private func functionKey(_ code: Int32) -> Event? {
        switch code {
        case KEY_RESIZE:
            previous = nil
            return .resize(size)
        case KEY_MOUSE:
            var mouse = MEVENT()
            guard getmouse(&mouse) == OK, mouse.bstate & ie_button1_mask() != 0 else { return nil }
            return .click(x: Int(mouse.x), y: Int(mouse.y))
        default:
            return CursesKeys.function(code).map(Event.key)
        }
    }

    private func attributes(_ attributes: Attributes) -> attr_t {
        var value = ie_a_normal()
        if attributes.contains(.bold) { value |= ie_a_bold() }
        if attributes.contains(.reverse) { value |= ie_a_reverse() }
        if attributes.contains(.dim) { value |= ie_a_dim() }
        if attributes.contains(.underline) { value |= ie_a_underline() }
        return value
    }

    /// The colour pair for the style's (fg, bg), created on first use; pair 0
    /// (the terminal's defaults) when colours are off or the pairs run out.
    private func pair(_ style: Style) -> Int16 {
        if style.fg == .default && style.bg == .default { return 0 }
        let key = Int32(style.fg.index) << 16 | Int32(UInt16(bitPattern: style.bg.index))
        if let existing = pairs[key] { return existing }
        guard pairs.count < maxPairs else { return 0 }
        let number = Int16(pairs.count + 1)
        init_pair(number, style.fg.index, style.bg.index)
        pairs[key] = number
        return number
    }
}
