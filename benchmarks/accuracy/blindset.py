#!/usr/bin/env python3
"""Build a blind labelled set (`blind3/`, `blind4/`, `blind5/`, `blind6/`, `blind7/`, `blind8/`, `blind9/`, `blind10/`, `blind11/`, `blind12/`, `blind13/`): the selection, the labels, `specs.json`. Plain listing only: no
linter runs. Each set keeps its specs and seed in its own `specdefs.py` (SPECS, SEED, LOCAL).

    python benchmarks/accuracy/blindset.py select blind4   # selection/<id>.txt: all operations, or
                                                           # random.Random(SEED).sample(ops, N) + selection/<id>.suspects
    python benchmarks/accuracy/blindset.py labels blind4   # labels_src/<id>.txt -> labels/<id>.jsonl
    python benchmarks/accuracy/blindset.py specs blind4    # specs.json, and the count table for LABELS.md

Label source lines: METHOD path | flags | id_param | fix | reason
flags: any of p (plural), i (id), c (custom), a (custom_aip), or "-".
id_param: for an id positive, the parameter or body field that carries the target ("-" otherwise);
the builder looks it up in the spec and records whether the spec marks it required.
fix: the one fix a reviewer would write; "A ;; B" when one operation needs two separate fixes.
Selected operations without a source line were reviewed and are negative in every family
(reason "plain standard method" is written for them).
"""
import hashlib
import importlib.util
import json
import os
import random
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import oplist  # noqa: E402


def specdefs(folder):
    """The set's `specdefs.py`: SPECS, SEED and LOCAL."""
    spec = importlib.util.spec_from_file_location("specdefs", os.path.join(folder, "specdefs.py"))
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def ops_of(local, spec):
    doc = oplist.load(os.path.join(local[spec[1]], spec[2]))
    return [f"{m} {p}" for m, p, _i, _o in oplist.operations(doc)]


def select(folder):
    defs = specdefs(folder)
    local, seed, specs = defs.LOCAL, defs.SEED, defs.SPECS
    for spec in specs:
        ops = ops_of(local, spec)
        if spec[4] is None:
            chosen = set(ops)
        else:
            chosen = set(random.Random(seed).sample(ops, spec[4]))
            sus = os.path.join(folder, "selection", spec[0] + ".suspects")
            for line in open(sus, encoding="utf-8"):
                line = line.strip()
                if line and not line.startswith("#"):
                    if line not in ops:
                        raise SystemExit(f"{spec[0]}: suspect not in spec: {line}")
                    chosen.add(line)
        with open(os.path.join(folder, "selection", spec[0] + ".txt"), "w", encoding="utf-8") as out:
            for op in ops:
                if op in chosen:
                    out.write(op + "\n")
        print(spec[0], len(ops), len(chosen))



def id_required(doc, item, op, name, path_key=None):
    params = oplist.parameters(doc, item, op)
    for p in params:
        if p.get("name") == name and p.get("in") in ("query", "header", "formData", "cookie"):
            return bool(p.get("required")), p.get("in")
    # blind12: a path key that carries a query string (`/current?city_id={city_id}`, Swagger 2.0 via APIs-guru)
    # declares the templated query value `in: path`; the URL still carries it in the query string
    if path_key is not None and "?" in path_key and "{" + name + "}" in path_key.split("?", 1)[1]:
        for p in params:
            if p.get("name") == name and p.get("in") == "path":
                return bool(p.get("required")), "query string of the path key (declared in: path)"
    req, props, _ = oplist.body_info(doc, op, params)
    if name in props or name in req:
        return name in req, "body"
    # blind10: bodies described only by examples (schema {"type": "object"}): the field is never required
    for media in ((op.get("requestBody") or {}).get("content") or {}).values():
        values = [e.get("value") for e in (media.get("examples") or {}).values()] + [media.get("example")]
        if any(isinstance(v, dict) and name in v for v in values):
            return False, "body (example only)"
    raise SystemExit(f"id_param {name} not found")


def build_labels(folder):
    defs = specdefs(folder)
    local, specs = defs.LOCAL, defs.SPECS
    for spec in specs:
        sid = spec[0]
        src = os.path.join(folder, "labels_src", sid + ".txt")
        if not os.path.exists(src):
            continue
        doc = oplist.load(os.path.join(local[spec[1]], spec[2]))
        ops = {f"{m} {p}": (item, op) for m, p, item, op in oplist.operations(doc)}
        selection = [entry.strip() for entry in open(os.path.join(folder, "selection", sid + ".txt")) if entry.strip()]
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
                req, where = id_required(doc, item, op, idp, path)
                row["id_param"] = idp
                row["id_param_in"] = where
                row["id_param_required_in_spec"] = req
            out.append(row)
        with open(os.path.join(folder, "labels", sid + ".jsonl"), "w", encoding="utf-8") as fh:
            for row in out:
                fh.write(json.dumps(row, ensure_ascii=False) + "\n")
        counts = {flag: sum(r[flag] for r in out) for flag in ("plural", "id", "custom", "custom_aip")}
        print(f"{sid}: {len(out)} ops, " + " ".join(f"{flag} {n}" for flag, n in counts.items()))



def make_specs(folder):
    defs = specdefs(folder)
    local, seed, specs = defs.LOCAL, defs.SEED, defs.SPECS
    out = []
    rows = []
    tot = dict(n=0, plural=0, id=0, custom=0, custom_aip=0, idnr=0)
    for sid, source, fname, style, sample in specs:
        path = os.path.join(local[source], fname)
        raw = open(path, "rb").read()
        doc = json.loads(raw) if not fname.endswith((".yaml", ".yml")) else oplist.load(path)
        info = doc.get("info", {})
        origin = (info.get("x-origin") or [{}])[0]
        lic = (info.get("license") or {}).get("name")
        ops = list(oplist.operations(doc))
        labels = [json.loads(line) for line in open(os.path.join(folder, "labels", sid + ".jsonl"))]
        shipped = getattr(defs, "LICENCE", {}).get(source)
        if shipped is None:  # APIs-guru directory (blind3-blind6): every file is its OpenAPI 3 JSON conversion
            kind = "Google discovery document" if "$discovery" in (origin.get("url") or "") else "AWS SDK JSON model" if (
            "aws-sdk-js" in (origin.get("url") or "")) else (
                (f"Swagger {origin['version']}" if origin.get("version") == "1.2" else "Swagger 2.0")
                if origin.get("format") == "swagger" else f"Postman collection {origin.get('version')}"  # blind12
                if origin.get("format") == "postman" else f"OpenAPI {origin.get('version')}")
            fmt = f"OpenAPI {doc.get('openapi')}, JSON (APIs-guru conversion of {kind})"
        else:  # a spec shipped as is inside a registry package (blind7 on)
            kind = f"Swagger {doc['swagger']}" if doc.get("swagger") else f"OpenAPI {doc.get('openapi')}"
            where = "the repository at that commit" if source.startswith("github:") else "the package"  # blind12
            fmt = f"{kind}, {'YAML' if fname.endswith(('.yaml', '.yml')) else 'JSON'} (as shipped in {where})"
        sel = "all" if sample is None else f"random.Random({seed}).sample(ops, {sample}) + suspects ({len(labels)} in all)"
        out.append({
            "id": sid, "source": source, "file": fname, "sha256": hashlib.sha256(raw).hexdigest(),
            "licence": ("package MIT; API definition per APIs-guru directory terms; info.license: " if shipped is None
                        else f"{'repository' if source.startswith('github:') else 'package'} {shipped}; info.license: ") + (lic or "none given"),
            "style": style, "format": fmt, "operations_in_spec": len(ops), "selection": sel,
            "labelled": len(labels), "split": os.path.basename(folder),
        })
        c = {f: sum(r[f] for r in labels) for f in ("plural", "id", "custom", "custom_aip")}
        idnr = sum(1 for r in labels if r["id"] and not r["id_param_required_in_spec"])
        rows.append(f"| {sid} | {style} | {kind} | {len(ops)} | {len(labels)} | {c['plural']} | {c['id']} ({idnr} not required) | {c['custom']} | {c['custom_aip']} |")
        tot["n"] += len(labels)
        tot["idnr"] += idnr
        for f in c:
            tot[f] += c[f]
    with open(os.path.join(folder, "specs.json"), "w", encoding="utf-8") as fh:
        json.dump(out, fh, indent=1, ensure_ascii=False)
        fh.write("\n")
    print("| spec | style | original | ops in spec | labelled | plural | id | custom | custom_aip |")
    print("|---|---|---|---|---|---|---|---|---|")
    print("\n".join(rows))
    print(f"| all ({len(specs)} specs) | | | | {tot['n']} | {tot['plural']} | {tot['id']} ({tot['idnr']} not required) | {tot['custom']} | {tot['custom_aip']} |")



COMMANDS = {"select": select, "labels": build_labels, "specs": make_specs}

if __name__ == "__main__":
    if len(sys.argv) != 3 or sys.argv[1] not in COMMANDS:
        raise SystemExit(__doc__)
    COMMANDS[sys.argv[1]](os.path.join(HERE, sys.argv[2]))
