#!/usr/bin/env bash
# Seeded fuzz pass over the files a user hands the command line: mutated copies
# of the shipped weights, a PNG, a JPEG, a PGM, a lesson file and a weights file
# named as torchvision's GoogLeNet, fed to the commands that read them. Every case must end with status 0, or status 2 and exactly
# one line on stderr; a signal (status >= 128), any other status or a longer
# message fails, naming the case and keeping its file. Deterministic for a given
# FUZZ_SEED (default 1); a run takes well under a minute with the debug build.
# Run from the package root after `swift build`.
#
# To add a target, add a line to TARGETS: "name|seed file|cases|command", where
# the command's @ is replaced by the mutated file, and %n by the lesson number
# for lesson files (see lesson_case).
set -uo pipefail
cd "$(dirname "$0")/../.."

BIN="$PWD/.build/debug/inception-explorer"
[ -x "$BIN" ] || { echo "fuzz.sh: $BIN not built (run swift build first)" >&2; exit 1; }
SEED="${FUZZ_SEED:-1}"
WORK="$(mktemp -d)"
KEEP="$PWD/.build/fuzz-failures"
trap 'rm -rf "$WORK"' EXIT

# Seed files made here, so the pass needs nothing outside the repository.
printf 'P5\n32 32\n255\n' >"$WORK/seed.pgm"
head -c 1024 /dev/zero | tr '\0' '\200' >>"$WORK/seed.pgm"

# le64 N: N as the 8 little-endian bytes that open a safetensors file.
le64() {
  local i
  for ((i = 0; i < 8; i++)); do printf "\\x$(printf %02x $(( ($1 >> (8 * i)) & 255 )))"; done
}

# The shipped weights under a torchvision name: without the engine's metadata key
# and with stem.weight called conv1.conv.weight, `run --weights` takes the file for
# GoogLeNet's state_dict (TorchvisionStateDict.recognizes) and checks it as one.
# Intact, it is refused in one line (conv1's shape); mutated, it tries the reader
# on the way to a 3-channel network. A whole GoogLeNet file (26 MB, about 30 s a
# photo in a debug build) would not fit in the minute, so no case runs one.
googlenet_named() {
  local src="$1" dst="$2" n size
  n=$(od -An -t u8 -N8 "$src" | tr -d ' ')
  head -c $((8 + n)) "$src" | tail -c "$n" |
    sed -e 's/"inception_explorer\.network"/"inception_explorer.netw0rk"/' -e 's/"stem\.weight"/"conv1.conv.weight"/' \
        -e 's/ *$//' >"$WORK/header"
  # Spaces to a multiple of 8 bytes, as the writers pad (the data stays aligned).
  size=$(wc -c <"$WORK/header")
  printf '%*s' $(( (8 - size % 8) % 8 )) '' >>"$WORK/header"
  size=$(wc -c <"$WORK/header")
  { le64 "$size"; cat "$WORK/header"; tail -c +$((9 + n)) "$src"; } >"$dst"
}
googlenet_named Weights/tiny.safetensors "$WORK/googlenet-named.safetensors"

TARGETS=(
  "weights|Weights/tiny.safetensors|30|run --weights @"
  "png|Tests/InceptionCoreTests/Fixtures/images/gray8.png|20|run --image @"
  "jpeg|Photos/rocket.jpg|25|run --image @"
  "pgm|$WORK/seed.pgm|20|run --image @"
  "lesson|Lessons/04-the-module.md|25|lessons show %n --lessons @"
  "googlenet-named|$WORK/googlenet-named.safetensors|15|run --weights @ --image Photos/rocket.jpg"
)

# mutate SRC DST SEED: a copy of SRC with one seeded mutation: bytes flipped
# (half the time in the first 512 bytes, where the headers are), a truncation,
# a run of random bytes written over, or random bytes inserted.
mutate() {
  local src="$1" dst="$2" seed="$3" size
  size=$(wc -c <"$src")
  awk -v seed="$seed" -v size="$size" 'BEGIN {
    srand(seed); kind = int(rand() * 4)
    head = rand() < 0.5 ? (size < 512 ? size : 512) : size
    if (kind == 0) { n = 1 + int(rand() * 8); printf "flip"; for (i = 0; i < n; i++) printf " %d:%d", int(rand() * head), int(rand() * 256); print "" }
    else if (kind == 1) print "truncate " int(rand() * size)
    else if (kind == 2) { at = int(rand() * head); n = 1 + int(rand() * 64); printf "flip"; for (i = 0; i < n && at + i < size; i++) printf " %d:%d", at + i, int(rand() * 256); print "" }
    else { at = int(rand() * head); n = 1 + int(rand() * 32); printf "insert %d", at; for (i = 0; i < n; i++) printf " %d", int(rand() * 256); print "" }
  }' | {
    read -r kind rest
    case "$kind" in
      truncate) head -c "$rest" "$src" >"$dst" ;;
      flip)
        cp "$src" "$dst"
        for pair in $rest; do
          printf "\\x$(printf %02x "${pair#*:}")" | dd of="$dst" bs=1 seek="${pair%%:*}" conv=notrunc status=none
        done ;;
      insert)
        set -- $rest
        local at="$1"; shift
        { head -c "$at" "$src"; for b in "$@"; do printf "\\x$(printf %02x "$b")"; done; tail -c +"$((at + 1))" "$src"; } >"$dst" ;;
    esac
  }
}

# A lesson case: the lessons folder copied, with one lesson replaced by its
# mutation; half the cases mutate its lines instead (a line dropped, doubled,
# or a broken widget or question directive added).
lesson_case() {
  local src="$1" seed="$2" dir="$WORK/lessons-$2" name
  name="$(basename "$src")"
  rm -rf "$dir"; cp -r Lessons "$dir"
  if (( seed % 2 == 0 )); then
    mutate "$src" "$dir/$name" "$seed"
  else
    local lines line
    lines=$(wc -l <"$src")
    line=$(( (seed * 7919) % (lines > 0 ? lines : 1) + 1 ))
    case $(( seed % 6 )) in
      1) sed "${line}d" "$src" ;;
      3) sed "${line}p" "$src" ;;
      *) sed "${line}a ::: $(printf '%s' 'cost-example width=-3 reduce=x' | cut -c1-$(( seed % 31 + 1 )))" "$src" ;;
    esac >"$dir/$name"
  fi
  echo "$dir"
}

failures=0
cases=0
refused=0
for target in "${TARGETS[@]}"; do
  IFS='|' read -r name src count command <<<"$target"
  for ((k = 0; k < count; k++)); do
    seed=$(( SEED * 100003 + cases ))
    cases=$((cases + 1))
    if [ "$name" = lesson ]; then
      file="$(lesson_case "$src" "$seed")"
      number="$(basename "$src" | sed 's/^0*\([0-9]*\).*/\1/')"
      args="${command//%n/$number}"
    else
      file="$WORK/$name-$seed.${src##*.}"
      mutate "$src" "$file" "$seed"
      args="$command"
    fi
    # shellcheck disable=SC2086
    "$BIN" ${args//@/$file} >"$WORK/out" 2>"$WORK/err"
    status=$?
    lines=$(wc -l <"$WORK/err")
    [ "$status" = 2 ] && [ "$lines" = 1 ] && refused=$((refused + 1))
    if [ "$status" = 0 ] || { [ "$status" = 2 ] && [ "$lines" = 1 ]; }; then continue; fi
    failures=$((failures + 1))
    mkdir -p "$KEEP"
    cp -r "$file" "$KEEP/"
    echo "fuzz.sh: FAIL: $name case $k (seed $seed): \`inception-explorer ${args//@/$KEEP/$(basename "$file")}\` exited with $status and $lines stderr lines:" >&2
    head -5 "$WORK/err" >&2
  done
done
[ "$failures" = 0 ] || { echo "fuzz.sh: $failures of $cases cases failed (files kept in $KEEP)" >&2; exit 1; }
echo "fuzz.sh: $cases cases: $((cases - refused)) ran, $refused refused in one line with status 2"
