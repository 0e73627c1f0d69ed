#!/bin/bash
# Wall time of experiments under two builds, run back to back, each with fresh
# caches (so every variant is trained): the before/after figures of a speed change.
#
#   Scripts/experiment-times.sh OLD_BINARY NEW_BINARY NAME...    (SEEDS=3 by default)
#
# Run it on a machine as quiet as you can get, and compare within each pair.
set -euo pipefail
old=$1; new=$2; shift 2
for name in "$@"; do
  for binary in "$old" "$new"; do
    scratch=$(mktemp -d)
    start=$(date +%s.%N)
    XDG_CACHE_HOME=$scratch/cache XDG_STATE_HOME=$scratch/state \
      "$binary" experiment "$name" --rerun --seeds "${SEEDS:-3}" --format json > "$scratch/out.json"
    end=$(date +%s.%N)
    echo "$name $binary $(python3 -c "print(round($end - $start, 1))") s"
    rm -rf "$scratch"
  done
done
