#!/usr/bin/env python3
"""Print the selected operations of a spec with their details (oplist format). Usage: show.py ID"""
import os
import sys

import oplist
from specdefs import LOCAL, SPECS

HERE = os.path.dirname(os.path.abspath(__file__))
sid = sys.argv[1]
spec = next(s for s in SPECS if s[0] == sid)
doc = oplist.load(os.path.join(LOCAL[spec[1]], spec[2]))
selection = set(line.strip() for line in open(os.path.join(HERE, "selection", sid + ".txt")) if line.strip())
for method, path, item, op in oplist.operations(doc):
    if f"{method} {path}" in selection:
        print(oplist.describe(doc, method, path, item, op))
