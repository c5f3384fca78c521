#!/usr/bin/env python3
"""Broad candidate filter used only to help me find suspects in big specs (I pick by reading).
Flags: S = singular-looking literal right before a {param}; V = literal after the last param
(or whole path) that is not plural-looking; Q = required query param; B = required id-like body field;
C = colon in path."""
import re
import sys

import oplist


def looks_plural(word):
    w = word.lower()
    return w.endswith("s") and not w.endswith(("ss", "us", "is"))


def main(path):
    doc = oplist.load(path)
    for method, p, item, op in oplist.operations(doc):
        segs = [s for s in p.split("/") if s]
        flags = set()
        for i, s in enumerate(segs[:-1]):
            if not s.startswith("{") and segs[i + 1].startswith("{") and not looks_plural(s):
                flags.add("S")
        last = segs[-1] if segs else ""
        if last and not last.startswith("{") and not looks_plural(last.split(":")[0]):
            flags.add("V")
        if ":" in p:
            flags.add("C")
        params = oplist.parameters(doc, item, op)
        if any(x.get("in") == "query" and x.get("required") for x in params):
            flags.add("Q")
        rb, _, _ = oplist.body_info(doc, op, params)
        if any(re.search(r"(^|_)(id|uuid|name|key)$|Id$|ID$", f) for f in rb):
            flags.add("B")
        if flags:
            print("".join(sorted(flags)).ljust(4), method, p)


if __name__ == "__main__":
    main(sys.argv[1])
