#!/usr/bin/env python3
"""Write selection/<id>.txt: all operations, or random.Random(SEED).sample(ops, N) plus selection/<id>.suspects."""
import os
import random
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.dirname(HERE))
sys.path.insert(0, HERE)
import oplist  # noqa: E402
from specdefs import LOCAL, SEED, SPECS  # noqa: E402


def ops_of(spec):
    doc = oplist.load(os.path.join(LOCAL[spec[1]], spec[2]))
    return [f"{m} {p}" for m, p, _i, _o in oplist.operations(doc)]


def main():
    for spec in SPECS:
        ops = ops_of(spec)
        if spec[4] is None:
            chosen = set(ops)
        else:
            chosen = set(random.Random(SEED).sample(ops, spec[4]))
            sus = os.path.join(HERE, "selection", spec[0] + ".suspects")
            for line in open(sus, encoding="utf-8"):
                line = line.strip()
                if line and not line.startswith("#"):
                    if line not in ops:
                        raise SystemExit(f"{spec[0]}: suspect not in spec: {line}")
                    chosen.add(line)
        with open(os.path.join(HERE, "selection", spec[0] + ".txt"), "w", encoding="utf-8") as out:
            for op in ops:
                if op in chosen:
                    out.write(op + "\n")
        print(spec[0], len(ops), len(chosen))


if __name__ == "__main__":
    main()
