"""Equivalent rewrites of large real specs (issue 20, section 1): how many changes `aiplint diff` reports between a
spec and a rewrite of it that means the same, and how long it takes.

    python benchmarks/invariance.py [SPEC ...] [--only REWRITE ...] [--src SRC] [--runs N]

SPEC defaults to Stripe (APIs-guru) and GitHub 23 (api.github.com.json) under /work/data; the rewrites are
tests/rewrites.py's `EQUIVALENT` (and `json<->yaml`: the spec in the other format).  Each row is
`python -m aiplint diff --isolated --format json SPEC REWRITE` as a child process: changes, breaking (error or
warning), new lint findings (a finding whose identity follows document order shows as new), wall and CPU seconds
(the median of --runs), peak RSS.  `--src SRC` runs the aiplint of another
source tree (PYTHONPATH=SRC), e.g. a checkout of main, for before/after figures.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

import yaml

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "tests"))
import rewrites  # noqa: E402

SPECS = [Path("/work/data/dir/package/api/stripe.com.json"),
         Path("/work/data/gh23/package/generated/api.github.com.json")]


def run(old: Path, new: Path, env: dict) -> tuple[dict, float, float, float]:
    command = [sys.executable, "-m", "aiplint", "diff", "--isolated", "--format", "json", str(old), str(new)]
    start = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env)
    out = process.stdout.read() if process.stdout else b""
    _, status, usage = os.wait4(process.pid, 0)
    wall = time.perf_counter() - start
    if os.waitstatus_to_exitcode(status) not in (0, 1):
        raise SystemExit(f"{' '.join(command)} failed: {process.stderr.read() if process.stderr else ''}")
    return json.loads(out), wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("specs", nargs="*", type=Path, default=SPECS)
    parser.add_argument("--only", nargs="*", help="rewrites to run (default: all)")
    parser.add_argument("--src", help="the source tree whose aiplint runs (default: this one)")
    parser.add_argument("--runs", type=int, default=1)
    args = parser.parse_args()
    env = {**os.environ, "PYTHONPATH": args.src or str(REPO / "src")}
    names = args.only or [*rewrites.EQUIVALENT, "json<->yaml"]
    print(f"{'spec':<22} {'rewrite':<24} {'changes':>8} {'breaking':>8} {'new lint':>8} {'wall s':>7} {'cpu s':>7} "
          f"{'MiB':>6}  breaking kinds")
    with tempfile.TemporaryDirectory() as folder:
        for spec in args.specs:
            if not spec.is_file():
                print(f"{spec}: absent, skipped")
                continue
            yaml_spec = spec.suffix in (".yaml", ".yml")
            data = yaml.load(spec.read_text(), Loader=yaml.CSafeLoader) if yaml_spec else json.loads(spec.read_text())
            for name in names:
                if name == "json<->yaml" and yaml_spec:
                    target = Path(folder) / f"{spec.stem}.json"
                    target.write_text(json.dumps(data, default=str))
                elif name == "json<->yaml":
                    target = Path(folder) / f"{spec.stem}.yaml"
                    target.write_text(yaml.safe_dump(data, sort_keys=False, allow_unicode=True))
                else:
                    target = Path(folder) / f"{spec.stem}.{name}.json"
                    target.write_text(json.dumps(rewrites.EQUIVALENT[name](data), default=str))
                walls, cpus, peaks = [], [], []
                for _ in range(args.runs):
                    report, wall, cpu, peak = run(spec, target, env)
                    walls.append(wall)
                    cpus.append(cpu)
                    peaks.append(peak)
                changes = report["changes"]
                breaking = [c for c in changes if c["breaking"]]
                kinds = Counter(c["id"].removeprefix("breaking/") for c in breaking).most_common(4)
                print(f"{spec.name:<22} {name:<24} {len(changes):>8} {len(breaking):>8} {len(report['new']):>8} "
                      f"{statistics.median(walls):>7.1f} {statistics.median(cpus):>7.1f} {max(peaks):>6.0f}  "
                      + ", ".join(f"{k} {n}" for k, n in kinds), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
