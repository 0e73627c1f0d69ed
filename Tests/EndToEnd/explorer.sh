#!/usr/bin/env bash
# End-to-end test of the interactive explorer, as a user would drive it: the
# debug binary runs in tmux (private socket, 120x40, TERM=tmux-256color); keys
# are sent, the screen is polled until the expected text appears (with a
# timeout), and after every exit the terminal must be restored: alternate
# screen off, cursor visible. Run from the package root after `swift build`.
set -euo pipefail
cd "$(dirname "$0")/../.."

BIN="$PWD/.build/debug/inception-explorer"
[ -x "$BIN" ] || { echo "explorer.sh: $BIN not built (run swift build first)" >&2; exit 1; }

SOCKET="inception-e2e-$$"
WORK="$(mktemp -d)"
tm() { tmux -L "$SOCKET" "$@"; }
cleanup() {
  local socket_path
  socket_path="$(tm display -p '#{socket_path}' 2>/dev/null || true)"
  tm kill-server 2>/dev/null || true
  [ -n "$socket_path" ] && rm -f "$socket_path"
  rm -rf "$WORK" 2>/dev/null || true
}
trap cleanup EXIT

step() { echo "-- $*"; }
fail() {
  echo "explorer.sh: FAIL: $*" >&2
  echo "---- screen ----" >&2
  tm capture-pane -p >&2 || true
  exit 1
}
screen() { tm capture-pane -p; }

# Polls the screen until it contains $1 (fixed string), for up to $2 seconds.
wait_for() { poll_screen present "$@"; }

# Polls until the screen no longer contains $1.
wait_gone() { poll_screen absent "$@"; }

poll_screen() {
  local want="$1" text="$2" limit="${3:-10}" start=$SECONDS
  while true; do
    if screen | grep -qF -- "$text"; then [ "$want" = present ] && return 0
    else [ "$want" = absent ] && return 0
    fi
    (( SECONDS - start < limit )) || fail "timed out waiting for \"$text\" to be $want"
    sleep 0.1
  done
}

# The terminal is restored: alternate screen off, cursor shown.
expect_restored() {
  local state
  state="$(tm display -p '#{alternate_on} #{cursor_flag}')"
  [ "$state" = "0 1" ] || fail "terminal not restored after $1 (alternate_on cursor_flag = $state)"
}

# Starts the explorer in the pane's shell; the shell prints its exit status.
start_explorer() {
  tm send-keys "clear; $BIN $*; echo \"exit=\$?\"" Enter
  wait_for "1 Lessons"
  wait_for "Tab/1-6 views"
}

explorer_pid() {
  local shell_pid
  shell_pid="$(tm display -p '#{pane_pid}')"
  pgrep -P "$shell_pid" | head -1
}

step "not a terminal: one line, exit status 2"
set +e
"$BIN" </dev/null >"$WORK/out" 2>"$WORK/err"
status=$?
set -e
[ "$status" = 2 ] || fail "piped explorer exited with $status, expected 2"
[ "$(wc -l <"$WORK/err")" = 1 ] || fail "piped explorer should print one line, got: $(cat "$WORK/err")"
grep -q "needs a terminal" "$WORK/err" || fail "piped explorer message: $(cat "$WORK/err")"
grep -q -- "--help" "$WORK/err" || fail "piped explorer should point to the commands: $(cat "$WORK/err")"

mkdir -p "$WORK/state" "$WORK/cache"
tm -u new-session -d -s e2e -x 120 -y 40 \
  "env -i PATH=\"$PATH\" HOME=\"$WORK\" HISTFILE=/dev/null TERM=tmux-256color LANG=C.UTF-8 SWIFT_BACKTRACE=interactive=no XDG_STATE_HOME=\"$WORK/state\" XDG_CACHE_HOME=\"$WORK/cache\" PS1='$ ' bash --norc --noprofile"
tm set-option -g status off >/dev/null
wait_for '$'

step "TERM that cannot address the cursor: exit status 2"
tm send-keys "clear; TERM=dumb $BIN; echo \"exit=\$?\"" Enter
wait_for "exit=2"
screen | grep -qF "cannot address the cursor" || fail "no message for TERM=dumb"

step "opens on the Lessons view"
start_explorer
wait_for "Choose a lesson"

step "digits, Tab and Shift-Tab switch views"
tm send-keys 2
wait_for "Space runs stem"
tm send-keys Tab
wait_for "Modules: 1x1-reduced vs naive"
tm send-keys BTab
wait_for "Space runs stem"
tm send-keys 6
wait_for "Why not reduce to a single feature map"
tm send-keys BTab
wait_for "the head reads 7x7x1024"

step "a mouse click on a tab selects it"
# An X10 mouse report typed into the pane, as tmux forwards a click: press
# then release of button 1 at column 36, row 0 (each offset by 33).
tm send-keys -l $'\e[M E!'
tm send-keys -l $'\e[M#E!'
wait_for "Window at [0, 0], position 1 of 25"

step "? opens the help overlay, Esc closes it"
tm send-keys '?'
wait_for "Everywhere"
wait_for "close help"
tm send-keys Escape
wait_gone "close help"
tm send-keys 5
wait_for "the head reads 7x7x1024"

step "resize to 60x20 and back"
tm resize-window -x 60 -y 20
wait_for "enlarge the terminal to at least 80x24"
tm resize-window -x 120 -y 40
wait_gone "enlarge the terminal"
wait_for "the head reads 7x7x1024"
wait_for "Inception Explorer"

step "q quits with status 0 and restores the terminal"
tm send-keys q
wait_for "exit=0"
expect_restored "q"

step "SIGTERM exits with 143 and restores the terminal"
start_explorer
kill -TERM "$(explorer_pid)"
wait_for "exit=143"
expect_restored "SIGTERM"

step "Ctrl-C exits with 130 and restores the terminal"
start_explorer
tm send-keys C-c
wait_for "exit=130"
expect_restored "Ctrl-C"

step "--ascii draws only ASCII"
start_explorer --ascii
wait_for "+ Lessons "
screen | LC_ALL=C grep -q '[^ -~]' && fail "--ascii screen has non-ASCII characters"
tm send-keys q
wait_for "exit=0"

# ---- lesson browser (lessonview) -------------------------------------------
# A lessons folder of its own, so the steps do not depend on the course text:
# open a lesson, scroll, see the error box of a bad widget, answer a check
# question, and find the lesson marked seen (and the answer kept) after a restart.
step "lessons: open, scroll, error box, answer a question, progress kept"
mkdir -p "$WORK/lessons"
cat >"$WORK/lessons/01-first.md" <<'LESSON'
# First lesson

Opening words of the first lesson.

::: module-widths module=3a

::: module-widths module=9z

::: question id=out prompt="How many channels leave 3a?" answer=@tiny.3a.output explain="Add the four branch widths."

Closing words of the first lesson.
LESSON
printf '# Second lesson\n\nText.\n' >"$WORK/lessons/02-second.md"
start_explorer --lessons "$WORK/lessons"
wait_for "· 1 First lesson"
tm send-keys Enter
wait_for "Opening words of the first lesson."
wait_for "✓ 1 First lesson"
tm send-keys End
wait_for "Closing words of the first lesson."
wait_for "no module '9z' in preset tiny"
screen | grep -qF "01-first.md:7" || fail "error box does not name 01-first.md:7"
tm send-keys n n n
wait_for "Enter: type your answer"
tm send-keys Enter
wait_for "Your answer:"
tm send-keys -l 40
tm send-keys Enter
wait_for "Your answer 40 is right."
wait_for "1/1"
tm send-keys q
wait_for "exit=0"
expect_restored "q in a lesson"
grep -q '"seen" : true' "$WORK/state/inception-explorer/progress.json" || fail "progress.json does not record the lesson as seen"
start_explorer --lessons "$WORK/lessons"
wait_for "✓ 1 First lesson"
wait_for "1/1"
wait_for "· 2 Second lesson"
tm send-keys q
wait_for "exit=0"
# ---- end of lesson browser ------------------------------------------------

# ---- network view (netview) ------------------------------------------------
# Steps the real network layer by layer (trained weights when the package has
# them, seeded ones otherwise), runs it to the end and reads the probabilities.
step "network: step through the layers to the class probabilities"
start_explorer
tm send-keys 2
wait_for "Space runs stem"
tm send-keys Space
wait_for "stem: 3x3 conv + ReLU  1x32x32 → 16x32x32"
tm send-keys Space Space
wait_for "3a: Inception module  16x16x16 → 40x16x16"
wait_for "w16 328K 53%"
wait_for "pool+proj"
tm send-keys s
wait_for "scale (s): per module  min"
tm send-keys a
wait_for "softmax: logits → class probabilities"
wait_for "predicted"
wait_for "(true class)"
screen | grep -qE "RIGHT|WRONG: it is a ring-small" || fail "no verdict on the prediction"
screen | grep -qF "triangle" || fail "not every class has a bar"
tm send-keys Left
wait_for "linear: 88 features → 10 logits"
tm send-keys r
wait_for "Space runs stem"
tm send-keys q
wait_for "exit=0"
expect_restored "q in the network view"
# ---- end of network view ---------------------------------------------------

# ---- costs, sparse, heads (views) ----------------------------------------
step "views: costs edit and CSV export, sparse stepping and timing, heads, an unwritable export"
mkdir -p "$WORK/export"
tm send-keys "clear; cd '$WORK/export' && $BIN; echo \"exit=\$?\"; cd - >/dev/null" Enter
wait_for "Tab/1-6 views"
tm send-keys 3
# tiny's 3a by hand: 2,400 weights x 256 positions = 614,400 multiplies.
wait_for "614K"
tm send-keys +
wait_for "3a.n1x1 = 9"
tm send-keys x
wait_for "Export format (text, markdown, csv, json)"
tm send-keys BSpace BSpace BSpace BSpace
tm send-keys -l csv
tm send-keys Enter
wait_for "./costs.csv"
tm send-keys Enter
wait_for "wrote ./costs.csv"
"$BIN" table costs --preset tiny --set 3a.n1x1=9 --format csv >"$WORK/costs-cli.csv"
cmp -s "$WORK/export/costs.csv" "$WORK/costs-cli.csv" || fail "exported costs.csv differs from 'table costs --set 3a.n1x1=9 --format csv'"
grep -q '^inception_3a,inception,16,16,16,41,9,' "$WORK/export/costs.csv" || fail "costs.csv does not hold 3a.n1x1=9"
tm send-keys 4
wait_for "Window at [0, 0], position 1 of 25"
wait_for "sparse 27"
tm send-keys l j
wait_for "Window at [1, 1], position 7 of 25"
tm send-keys t g
wait_for "Least time per useful multiply" 120
tm send-keys 5
wait_for "the head reads 7x7x1024"
wait_for "50,176,000"
tm send-keys x Enter
wait_for "./heads.txt"
tm send-keys End BSpace BSpace BSpace BSpace BSpace BSpace BSpace BSpace BSpace BSpace BSpace
tm send-keys -l /nonexistent-dir/heads.txt
tm send-keys Enter
wait_for "could not write /nonexistent-dir/heads.txt"
[ -e /nonexistent-dir ] && fail "an unwritable export left something behind"
[ "$(ls "$WORK/export")" = "costs.csv" ] || fail "export folder holds more than costs.csv: $(ls "$WORK/export")"
tm resize-window -x 80 -y 24
tm send-keys 3 p
wait_for "of 9"
tm resize-window -x 120 -y 40
tm send-keys q
wait_for "exit=0"
expect_restored "q in the views"
# ---- end of views ------------------------------------------------------------

step "key storm: 500 seeded random keys and 20 resizes, then still running; q restores"
# Every view, its text fields (Enter opens them, the storm types into them) and
# its background jobs (R, t, g; Esc cancels some). No q and no Ctrl-C, which quit;
# `e` and `x` write files, so the explorer runs in a scratch folder.
mkdir -p "$WORK/storm"
tm send-keys "cd $WORK/storm" Enter
start_explorer
RANDOM=20261202
keys=(1 2 3 4 5 6 Tab BTab Up Down Left Right Enter Escape Space BSpace PPage NPage Home End
      a r s k e i n N x t g R + - '<' '>' u p c f w v o '[' ']' j h l '?' 0 7 9 '=' . ' ' z)
for ((k = 1; k <= 500; k++)); do
  key="${keys[RANDOM % ${#keys[@]}]}"
  case "$key" in
    [0-9a-z]|'+'|'-'|'<'|'>'|'['|']'|'?'|'='|'.'|' ') tm send-keys -l -- "$key" ;;
    *) tm send-keys "$key" ;;
  esac
  if (( k % 25 == 0 )); then tm resize-window -x $((40 + RANDOM % 181)) -y $((10 + RANDOM % 61)); fi
done
tm resize-window -x 120 -y 40
sleep 1
[ -n "$(explorer_pid)" ] || fail "the explorer died in the key storm"
# Close whatever the storm left open (a text field, the help, a full-size widget).
tm send-keys Escape Escape Escape
sleep 0.5
[ -n "$(explorer_pid)" ] || fail "the explorer died after the key storm"
wait_for "1 Lessons"
tm send-keys q
wait_for "exit=0" 30
expect_restored "q after the key storm"
tm send-keys "cd - >/dev/null; clear" Enter

step "a crash signal restores the terminal and says where the log is"
start_explorer
kill -SEGV "$(explorer_pid)"
wait_for "crashed; the terminal was restored, details in $WORK/state/inception-explorer/explorer" 30
wait_for "exit=139" 30
expect_restored "a crash"

echo "explorer.sh: all steps passed"
