import Testing
@testable import InceptionUI

/// Curses codes to keys. The function-key codes are ncurses.h's octal constants
/// (KEY_DOWN 0402 … KEY_END 0550), written out here rather than read from the
/// header, so a wrong mapping cannot agree with itself.
@Suite struct CursesKeysTests {
    @Test func functionKeys() {
        let table: [(Int32, Key)] = [
            (0o402, .down), (0o403, .up), (0o404, .left), (0o405, .right), (0o406, .home), (0o407, .backspace),
            (0o522, .pageDown), (0o523, .pageUp), (0o527, .enter), (0o541, .backTab), (0o550, .end),
        ]
        for (code, key) in table { #expect(CursesKeys.function(code) == key, "code \(code)") }
        // F1 (0411) and KEY_RESIZE (0632) are not keys of the explorer.
        #expect(CursesKeys.function(0o411) == nil)
        #expect(CursesKeys.function(0o632) == nil)
    }

    @Test func controlCharacters() {
        #expect(CursesKeys.character(3) == .key(.ctrlC))
        #expect(CursesKeys.character(8) == .key(.backspace))
        #expect(CursesKeys.character(127) == .key(.backspace))
        #expect(CursesKeys.character(9) == .key(.tab))
        #expect(CursesKeys.character(10) == .key(.enter))
        #expect(CursesKeys.character(13) == .key(.enter))
        #expect(CursesKeys.character(27) == .key(.escape))
        // Other control characters (Ctrl-A, NUL) are ignored.
        #expect(CursesKeys.character(1) == nil)
        #expect(CursesKeys.character(0) == nil)
    }

    @Test func printableCharactersIncludingUnicode() {
        #expect(CursesKeys.character(97) == .key(.character("a")))
        #expect(CursesKeys.character(32) == .key(.character(" ")))
        #expect(CursesKeys.character(0xE9) == .key(.character("é")))
        #expect(CursesKeys.character(0x2192) == .key(.character("→")))
        // A lone surrogate is not a Unicode scalar.
        #expect(CursesKeys.character(0xD800) == nil)
    }
}
