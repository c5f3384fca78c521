#!/usr/bin/env python3
"""Turn labels_src/<id>.txt (hand-written labels) into labels/<id>.jsonl.

labels_src lines: `METHOD path | flags | reason`, flags a subset of p (plural), i (id),
c (custom), a (custom_aip) or `-`. Operations of selection/<id>.txt without a line were
reviewed and are negative in every family; they get DEFAULT_REASON. `c` implies `a`.
Usage: build_labels.py [ID ...]"""
import json
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
DEFAULT_REASON = "no family applies: standard method on a plural collection, a noun sub-resource or a singleton"


def parse(sid):
    labels = {}
    with open(os.path.join(HERE, "labels_src", sid + ".txt"), encoding="utf-8") as handle:
        for number, line in enumerate(handle, 1):
            line = line.rstrip("\n")
            if not line.strip() or line.startswith("#"):
                continue
            parts = [part.strip() for part in line.split(" | ", 2)]
            if len(parts) != 3:
                sys.exit(f"{sid}:{number}: expected 'METHOD path | flags | reason'")
            op, flags, reason = parts
            if op in labels:
                sys.exit(f"{sid}:{number}: duplicate {op}")
            bad = set(flags) - set("pica-")
            if bad:
                sys.exit(f"{sid}:{number}: bad flags {bad}")
            labels[op] = (flags, reason)
    return labels


def build(sid):
    selection = [line.strip() for line in open(os.path.join(HERE, "selection", sid + ".txt")) if line.strip()]
    labels = parse(sid)
    extra = set(labels) - set(selection)
    if extra:
        sys.exit(f"{sid}: labelled but not selected: {sorted(extra)}")
    rows = []
    for op in selection:
        method, path = op.split(" ", 1)
        flags, reason = labels.get(op, ("-", DEFAULT_REASON))
        custom = "c" in flags
        rows.append({"method": method, "path": path, "plural": "p" in flags, "id": "i" in flags,
                     "custom": custom, "custom_aip": custom or "a" in flags, "reason": reason})
    with open(os.path.join(HERE, "labels", sid + ".jsonl"), "w", encoding="utf-8") as out:
        for row in rows:
            out.write(json.dumps(row, ensure_ascii=False) + "\n")
    counts = {k: sum(r[k] for r in rows) for k in ("plural", "id", "custom", "custom_aip")}
    print(sid, len(rows), counts)


def main(ids):
    if not ids:
        ids = sorted(f[:-4] for f in os.listdir(os.path.join(HERE, "labels_src")) if f.endswith(".txt"))
    for sid in ids:
        build(sid)


if __name__ == "__main__":
    main(sys.argv[1:])
