// The wide-character API of ncurses is only declared with NCURSES_WIDECHAR set
// before the first include.
#define NCURSES_WIDECHAR 1
#include <locale.h>
#include <wchar.h>
#include <ncursesw/curses.h>
#include <term.h>
