#!/usr/bin/env python3
"""Write specs.json and print the count tables for LABELS.md (plain listing, no linter)."""
import hashlib
import json
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.dirname(HERE))
sys.path.insert(0, HERE)
import oplist  # noqa: E402
from specdefs import LOCAL, SPECS  # noqa: E402


def main():
    out = []
    rows = []
    tot = dict(n=0, plural=0, id=0, custom=0, custom_aip=0, idnr=0)
    for sid, source, fname, style, sample in SPECS:
        path = os.path.join(LOCAL[source], fname)
        raw = open(path, "rb").read()
        doc = json.loads(raw)
        info = doc.get("info", {})
        origin = (info.get("x-origin") or [{}])[0]
        lic = (info.get("license") or {}).get("name")
        ops = list(oplist.operations(doc))
        labels = [json.loads(line) for line in open(os.path.join(HERE, "labels", sid + ".jsonl"))]
        kind = "Google discovery document" if "$discovery" in (origin.get("url") or "") else (
            "Swagger 2.0" if origin.get("format") == "swagger" else f"OpenAPI {origin.get('version')}")
        fmt = f"OpenAPI {doc.get('openapi')}, JSON (APIs-guru conversion of {kind})"
        sel = "all" if sample is None else f"random.Random(20261207).sample(ops, {sample}) + suspects ({len(labels)} in all)"
        out.append({
            "id": sid, "source": source, "file": fname, "sha256": hashlib.sha256(raw).hexdigest(),
            "licence": "package MIT; API definition per APIs-guru directory terms; info.license: " + (lic or "none given"),
            "style": style, "format": fmt, "operations_in_spec": len(ops), "selection": sel,
            "labelled": len(labels), "split": "blind4",
        })
        c = {f: sum(r[f] for r in labels) for f in ("plural", "id", "custom", "custom_aip")}
        idnr = sum(1 for r in labels if r["id"] and not r["id_param_required_in_spec"])
        rows.append(f"| {sid} | {style} | {kind} | {len(ops)} | {len(labels)} | {c['plural']} | {c['id']} ({idnr} not required) | {c['custom']} | {c['custom_aip']} |")
        tot["n"] += len(labels)
        tot["idnr"] += idnr
        for f in c:
            tot[f] += c[f]
    with open(os.path.join(HERE, "specs.json"), "w", encoding="utf-8") as fh:
        json.dump(out, fh, indent=1, ensure_ascii=False)
        fh.write("\n")
    print("| spec | style | original | ops in spec | labelled | plural | id | custom | custom_aip |")
    print("|---|---|---|---|---|---|---|---|---|")
    print("\n".join(rows))
    print(f"| all ({len(SPECS)} specs) | | | | {tot['n']} | {tot['plural']} | {tot['id']} ({tot['idnr']} not required) | {tot['custom']} | {tot['custom_aip']} |")


if __name__ == "__main__":
    main()
