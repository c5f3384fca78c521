#!/usr/bin/env python3
"""Print per-spec and per-split label counts as Markdown (used for README.md)."""
import json
import os

HERE = os.path.dirname(os.path.abspath(__file__))
FAMILIES = ("plural", "id", "custom", "custom_aip")


def main():
    specs = json.load(open(os.path.join(HERE, "specs.json")))
    totals = {}
    print("| spec | split | style | format | ops in spec | labelled | plural | id | custom | custom_aip |")
    print("|---|---|---|---|---|---|---|---|---|---|")
    for spec in specs:
        rows = [json.loads(line) for line in open(os.path.join(HERE, "labels", spec["id"] + ".jsonl")) if line.strip()]
        counts = [sum(r[f] for r in rows) for f in FAMILIES]
        split = totals.setdefault(spec["split"], [0, 0] + [0] * len(FAMILIES))
        split[0] += 1
        split[1] += len(rows)
        for i, c in enumerate(counts):
            split[2 + i] += c
        print(f"| {spec['id']} | {spec['split']} | {spec['style']} | {spec['format']} | {spec['operations_in_spec']} | "
              f"{len(rows)} | " + " | ".join(map(str, counts)) + " |")
    print()
    print("| split | specs | operations | plural | id | custom | custom_aip |")
    print("|---|---|---|---|---|---|---|")
    grand = [0] * (2 + len(FAMILIES))
    for name in ("dev", "holdout"):
        row = totals[name]
        grand = [a + b for a, b in zip(grand, row, strict=True)]
        print(f"| {name} | " + " | ".join(map(str, row)) + " |")
    print("| all | " + " | ".join(map(str, grand)) + " |")


if __name__ == "__main__":
    main()
