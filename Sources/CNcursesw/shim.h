// The wide-character API of ncurses is only declared with NCURSES_WIDECHAR set
// before the first include.
#define NCURSES_WIDECHAR 1
#include <locale.h>
#include <wchar.h>
#include <ncursesw/curses.h>
#include <term.h>

// Swift 6 cannot read mutable C globals (stdscr, LINES, COLS, COLORS,
// COLOR_PAIRS, stdin/stdout) and does not import function-like macros
// (A_BOLD, BUTTON1_PRESSED, ...): these accessors stand in for both.
// They hold no state of their own, so a copy per translation unit is harmless.
static inline WINDOW *ie_stdscr(void) { return stdscr; }
static inline int ie_lines(void) { return LINES; }
static inline int ie_cols(void) { return COLS; }
static inline int ie_colors(void) { return COLORS; }
static inline int ie_color_pairs(void) { return COLOR_PAIRS; }

// newterm instead of initscr: with a bad TERM it returns NULL instead of
// printing and exiting the process.
static inline SCREEN *ie_newterm(void) { return newterm(NULL, stdout, stdin); }

static inline attr_t ie_a_normal(void) { return A_NORMAL; }
static inline attr_t ie_a_bold(void) { return A_BOLD; }
static inline attr_t ie_a_reverse(void) { return A_REVERSE; }
static inline attr_t ie_a_dim(void) { return A_DIM; }
static inline attr_t ie_a_underline(void) { return A_UNDERLINE; }

static inline mmask_t ie_button1_mask(void) { return BUTTON1_PRESSED | BUTTON1_CLICKED; }

// tigetstr answers NULL for an absent capability and (char *)-1 for a name
// that is not a string capability; both mean "none" here.
static inline const char *ie_tigetstr(const char *name) {
    char *value = tigetstr(name);
    return (value == NULL || value == (char *)-1) ? NULL : value;
}
