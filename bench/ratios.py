#!/usr/bin/python3
"""Ratio table (ours / peer, median per call) from bench --json and peers.py --json files."""
import json
import sys

GOALS = [  # (size, ours, peer, goal) as in the performance issue
    ((4096, 1024), "fused", "torch-1t", 0.67),
    ((4096, 1024), "fused-2t", "torch-2t", None),
    ((4096, 1024), "staged", "np-staged", 0.5),
    ((8, 4), "staged", "np-staged", 0.1),
    ((8, 4), "fused", "torch-1t", 0.1),
]


def load(path):
    with open(path) as fh:
        return {(r["N"], r["D"], r["method"]): r for r in json.load(fh)}


def main():
    ours, peers = load(sys.argv[1]), load(sys.argv[2])
    print("| size | ours | median µs | peer | median µs | ratio | goal |")
    print("|---|---|---|---|---|---|---|")
    for (n, d), mine, peer, goal in GOALS:
        a, b = ours.get((n, d, mine)), peers.get((n, d, peer))
        if a is None or b is None:
            continue
        ratio = a["median_us"] / b["median_us"]
        verdict = "" if goal is None else ("≤ %g %s" % (goal, "met" if ratio <= goal else "NOT met"))
        print(f"| {n}×{d} | {mine} | {a['median_us']:.2f} | {peer} | {b['median_us']:.2f} | {ratio:.3f} | {verdict} |")


if __name__ == "__main__":
    main()
