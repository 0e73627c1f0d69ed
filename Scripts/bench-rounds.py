#!/usr/bin/env python3
"""Interleaved rounds of the explorer's bench against PyTorch's, and their ratios.

Machines here are shared and noisy, so one run of each side proves little: each
round runs `inception-explorer bench --format json` and then the reference script's
`bench` (its `best` layout: the faster of NCHW and channels-last), and the ratio of
the two is taken within the round. The medians of the per-round ratios are the
figures to quote. Standard library only; the reference script needs PyTorch.

    python3 Scripts/bench-rounds.py --rounds 5 \\
        --explorer .build/release/inception-explorer \\
        --python ~/torch-venv/bin/python --reference ../shared/bench/torch_tiny_inception.py
"""
import argparse
import json
import statistics
import subprocess

# (key, how the explorer's figure compares: "faster" when larger is better).
FIGURES = [
    ("train_batch32_images_per_s", "rate"),
    ("forward_batch64_images_per_s", "rate"),
    ("forward_batch1_ms", "time"),
]


def run_json(command):
    return json.loads(subprocess.run(command, check=True, capture_output=True, text=True).stdout)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--explorer", default=".build/release/inception-explorer")
    parser.add_argument("--python", default="python3")
    parser.add_argument("--reference", default="../shared/bench/torch_tiny_inception.py")
    parser.add_argument("--json", action="store_true", help="print every round and the medians as JSON")
    args = parser.parse_args()

    rounds = []
    for r in range(args.rounds):
        ours = run_json([args.explorer, "bench", "--format", "json"])
        theirs = run_json([args.python, args.reference, "bench"])["best"]
        ratios = {}
        for key, kind in FIGURES:
            # A ratio above 1 means the explorer is faster.
            ratios[key] = ours[key] / theirs[key] if kind == "rate" else theirs[key] / ours[key]
        rounds.append({"round": r + 1, "explorer": {k: ours[k] for k, _ in FIGURES},
                       "torch_best": {k: theirs[k] for k, _ in FIGURES}, "speedup": ratios,
                       "explorer_peak_share": {k: ours.get(k + "_peak_share") for k, _ in FIGURES}})
        if not args.json:
            print(f"round {r + 1}: " + ", ".join(
                f"{k} {ours[k]:.4g} vs {theirs[k]:.4g} ({ratios[k]:.2f}x)" for k, _ in FIGURES), flush=True)
    medians = {k: statistics.median(x["speedup"][k] for x in rounds) for k, _ in FIGURES}
    if args.json:
        print(json.dumps({"rounds": rounds, "median_speedup": medians}, indent=2))
    else:
        print("median speedup: " + ", ".join(f"{k} {v:.2f}x" for k, v in medians.items()))


if __name__ == "__main__":
    main()
