#!/usr/bin/env python3
"""labels_src/<id>.txt -> labels/<id>.jsonl.

Source lines: METHOD path | flags | id_param | fix | reason
flags: any of p (plural), i (id), c (custom), a (custom_aip), or "-".
id_param: for an id positive, the parameter or body field that carries the target ("-" otherwise);
the builder looks it up in the spec and records whether the spec marks it required.
fix: the one fix a reviewer would write; "A ;; B" when one operation needs two separate fixes.
Selected operations without a source line were reviewed and are negative in every family
(reason "plain standard method" is written for them).
"""
import json
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.dirname(HERE))
sys.path.insert(0, HERE)
import oplist  # noqa: E402
from specdefs import LOCAL, SPECS  # noqa: E402


def id_required(doc, item, op, name):
    params = oplist.parameters(doc, item, op)
    for p in params:
        if p.get("name") == name and p.get("in") in ("query", "header", "formData", "cookie"):
            return bool(p.get("required")), p.get("in")
    req, props, _ = oplist.body_info(doc, op, params)
    if name in props or name in req:
        return name in req, "body"
    raise SystemExit(f"id_param {name} not found")


def main():
    for spec in SPECS:
        sid = spec[0]
        src = os.path.join(HERE, "labels_src", sid + ".txt")
        if not os.path.exists(src):
            continue
        doc = oplist.load(os.path.join(LOCAL[spec[1]], spec[2]))
        ops = {f"{m} {p}": (item, op) for m, p, item, op in oplist.operations(doc)}
        selection = [entry.strip() for entry in open(os.path.join(HERE, "selection", sid + ".txt")) if entry.strip()]
        rows = {}
        for n, line in enumerate(open(src, encoding="utf-8"), 1):
            line = line.rstrip("\n")
            if not line.strip() or line.startswith("#"):
                continue
            parts = [x.strip() for x in line.split(" | ")]
            if len(parts) != 5:
                raise SystemExit(f"{sid}:{n}: need 5 fields: {line}")
            key, flags, idp, fix, reason = parts
            if key not in selection:
                raise SystemExit(f"{sid}:{n}: not in selection: {key}")
            if key in rows:
                raise SystemExit(f"{sid}:{n}: duplicate: {key}")
            flags = "" if flags == "-" else flags
            assert set(flags) <= set("pica"), line
            if "c" in flags and "a" not in flags:
                raise SystemExit(f"{sid}:{n}: custom without custom_aip")
            if ("i" in flags) != (idp != "-"):
                raise SystemExit(f"{sid}:{n}: id flag and id_param disagree")
            if flags and fix == "-":
                raise SystemExit(f"{sid}:{n}: positive without fix")
            rows[key] = (flags, idp, fix, reason)
        out = []
        for key in selection:
            method, path = key.split(" ", 1)
            flags, idp, fix, reason = rows.get(key, ("", "-", "-", "plain standard method or noun sub-resource; negative in every family"))
            row = {"method": method, "path": path, "plural": "p" in flags, "id": "i" in flags,
                   "custom": "c" in flags, "custom_aip": "a" in flags,
                   "fix": None if fix == "-" else fix, "one_fix": ";;" not in fix, "reason": reason}
            if "i" in flags:
                item, op = ops[key]
                req, where = id_required(doc, item, op, idp)
                row["id_param"] = idp
                row["id_param_in"] = where
                row["id_param_required_in_spec"] = req
            out.append(row)
        with open(os.path.join(HERE, "labels", sid + ".jsonl"), "w", encoding="utf-8") as fh:
            for row in out:
                fh.write(json.dumps(row, ensure_ascii=False) + "\n")
        counts = {flag: sum(r[flag] for r in out) for flag in ("plural", "id", "custom", "custom_aip")}
        print(f"{sid}: {len(out)} ops, " + " ".join(f"{flag} {n}" for flag, n in counts.items()))


if __name__ == "__main__":
    main()
