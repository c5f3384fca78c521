#!/usr/bin/env python3
"""Write selection/<id>.txt: every operation of small specs (<= 40), or a seeded sample
(random.Random(SEED).sample over the operations in document order) plus the hand-picked
suspects in selection/<id>.suspects for big ones. Usage: selectops.py [ID ...]"""
import os
import random
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import oplist  # noqa: E402
from specdefs import LOCAL, SEED, SPECS  # noqa: E402

HERE = os.path.dirname(os.path.abspath(__file__))

def local_file(source, file):
    base = LOCAL[source]
    if source.startswith("npm:"):
        return os.path.join(base, file)  # archive paths keep their package/ prefix
    return os.path.join(base, file)

def all_ops(doc):
    return [f"{m} {p}" for m, p, _, _ in oplist.operations(doc)]

def main(ids):
    for sid, source, file, _style, n in SPECS:
        if ids and sid not in ids:
            continue
        doc = oplist.load(local_file(source, file))
        ops = all_ops(doc)
        if len(ops) <= 40:
            chosen, selection = ops, "all"
        else:
            sample = random.Random(SEED).sample(ops, n)
            sus_file = os.path.join(HERE, "selection", sid + ".suspects")
            suspects = []
            if os.path.exists(sus_file):
                suspects = [line.strip() for line in open(sus_file) if line.strip() and not line.startswith("#")]
            missing = [s for s in suspects if s not in ops]
            if missing:
                sys.exit(f"{sid}: suspects not in spec: {missing}")
            keep = set(sample) | set(suspects)
            chosen = [o for o in ops if o in keep]
            selection = f"sample:{SEED}:{n} + suspects"
        with open(os.path.join(HERE, "selection", sid + ".txt"), "w") as out:
            out.write("\n".join(chosen) + "\n")
        print(f"{sid}\t{len(ops)}\t{len(chosen)}\t{selection}")

if __name__ == "__main__":
    main(sys.argv[1:])
