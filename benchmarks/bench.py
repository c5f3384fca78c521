"""Benchmark `aiplint check`: whole-process wall time and peak RSS, plus a per-phase breakdown.

    python benchmarks/bench.py [SPEC ...] [--runs N] [--yaml-twin] [--json]

The Llama Stack spec of the shared corpus is always included when present; SPECs are added to it.
Each spec is run N times as `python -m aiplint check SPEC --quiet` (default rules), and once more in a
fresh interpreter that times the phases: parse, model build, rules, position lookup.
See benchmarks/README.md for the specs and the targets.
"""

from __future__ import annotations

import argparse
import gc
import json
import multiprocessing
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
LLAMA_STACK = REPO.parent / "shared/corpus/llama-stack/before/stainless-llama-stack-spec.yaml"
MIB = 1024 * 1024
RSS_UNIT = 1 if sys.platform == "darwin" else 1024  # ru_maxrss is bytes on macOS, KiB on Linux


def run_cli(spec: Path) -> tuple[float, float, int]:
    """One `aiplint check` child process: (wall seconds, its own peak RSS in MiB, findings printed)."""
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        start = time.perf_counter()
        proc = subprocess.Popen([sys.executable, "-m", "aiplint", "check", str(spec), "--quiet", "--no-cache"],
                                stdout=out, stderr=err)
        _, status, usage = os.wait4(proc.pid, 0)
        wall = time.perf_counter() - start
        proc.returncode = os.waitstatus_to_exitcode(status)
        if proc.returncode not in (0, 1):
            err.seek(0)
            raise RuntimeError(f"aiplint check {spec} exited {proc.returncode}: {err.read().decode()}")
        out.seek(0)
        findings = sum(1 for line in out if not line.startswith(b"    suggestion: "))
    return wall, usage.ru_maxrss * RSS_UNIT / MIB, findings


def time_process(spec: Path, runs: int) -> dict:
    results = [run_cli(spec) for _ in range(runs)]
    walls = [wall for wall, _, _ in results]
    return {
        "wall_min": min(walls),
        "wall_median": statistics.median(walls),
        "peak_mib": max(rss for _, rss, _ in results),
        "findings": results[0][2],
    }


def timed(fn, *args):
    start = time.perf_counter()
    value = fn(*args)
    return value, time.perf_counter() - start


def run_check(rule, ctx) -> list:
    return list(rule.problems(ctx))


def phases(spec: Path) -> dict:
    """One in-process run, phase by phase, with the garbage collector off as in the CLI."""
    from aiplint.config import Config
    from aiplint.config.settings import base_settings
    from aiplint.linting.registry import available_rules
    from aiplint.model import ApiModel
    from aiplint.read.document import open_document
    from aiplint.rule import Context

    gc.disable()
    document, parse = timed(open_document, str(spec))
    api, model = timed(ApiModel.build, document)
    config = Config()
    rule_times, problems = {}, []
    for rule in available_rules().values():
        settings = base_settings(rule, config)
        if settings is None or settings.severity is None:
            continue
        ctx = Context(api, settings.options, config.profile)
        found, rule_times[rule.id] = timed(run_check, rule, ctx)
        problems.extend(found)
    by_source: dict[int, tuple] = {}
    for problem in problems:
        by_source.setdefault(id(problem.at.source), (problem.at.source, set()))[1].add(problem.at.pointer)
    positions = sum(timed(source.positions, pointers)[1] for source, pointers in by_source.values())
    return {
        "paths": len(api.paths),
        "operations": len(api.operations),
        "parse": parse,
        "model": model,
        "rules": sum(rule_times.values()),
        "positions": positions,
        "rule_times": dict(sorted(rule_times.items(), key=lambda kv: -kv[1])),
    }


def in_fresh_interpreter(fn, *args):
    """Run fn in a new interpreter: one spec's warm caches must not flatter the next, and this process
    must stay small, since a child's peak RSS counts the memory of the parent it was started from."""
    with ProcessPoolExecutor(1, mp_context=multiprocessing.get_context("spawn")) as pool:
        return pool.submit(fn, *args).result()


def write_yaml(spec: Path, twin: Path) -> None:
    import yaml

    with open(spec, "rb") as src, open(twin, "w", encoding="utf-8") as dst:
        yaml.dump(json.load(src), dst, Dumper=yaml.CSafeDumper, sort_keys=False)


def yaml_twin(spec: Path, folder: Path) -> Path:
    twin = folder / f"{spec.stem}.twin.yaml"
    in_fresh_interpreter(write_yaml, spec, twin)
    return twin


def bench(spec: Path, runs: int) -> dict:
    process = time_process(spec, runs)  # first: its runs also warm the file cache for the phases
    return {"spec": str(spec), "size_mb": spec.stat().st_size / 1e6, **in_fresh_interpreter(phases, spec),
            **process}


def machine() -> dict:
    from aiplint import __version__

    return {"platform": platform.platform(), "cpus": os.cpu_count(),
            "python": platform.python_version(), "aiplint": __version__}


COLUMNS = [  # header, result key, width, number format
    ("spec", "spec", 34, ""), ("MB", "size_mb", 6, ".2f"), ("paths", "paths", 5, ""),
    ("ops", "operations", 5, ""), ("parse s", "parse", 7, ".3f"), ("model s", "model", 7, ".3f"),
    ("rules s", "rules", 7, ".3f"), ("pos s", "positions", 6, ".3f"), ("min s", "wall_min", 6, ".3f"),
    ("median s", "wall_median", 8, ".3f"), ("peak MiB", "peak_mib", 8, ".0f"), ("findings", "findings", 8, ""),
]


def table_line(cells: list[str]) -> str:
    return "  ".join(cell.ljust(width) if i == 0 else cell.rjust(width)
                     for i, (cell, (_, _, width, _)) in enumerate(zip(cells, COLUMNS, strict=True)))


def print_table(info: dict, results: list[dict], runs: int) -> None:
    print(f"{info['platform']}, {info['cpus']} CPUs, Python {info['python']}, aiplint {info['aiplint']}")
    print(f"whole process: {runs} runs of `aiplint check SPEC --quiet`; phases: one in-process run\n")
    print(table_line([header for header, *_ in COLUMNS]))
    for row in results:
        row = dict(row, spec=Path(row["spec"]).name[:34])
        print(table_line([format(row[key], fmt) for _, key, _, fmt in COLUMNS]))
    print()
    for row in results:
        slowest = ", ".join(f"{rule} {t:.3f}" for rule, t in list(row["rule_times"].items())[:3])
        print(f"slowest rules, {Path(row['spec']).name}: {slowest}")


def specs_to_run(paths: list[Path], twins: bool, folder: Path) -> list[Path]:
    specs = []
    if LLAMA_STACK.is_file():
        specs.append(LLAMA_STACK)
    else:
        print(f"note: {LLAMA_STACK} not found; skipped", file=sys.stderr)
    for path in paths:
        specs.append(path)
        if twins and path.suffix == ".json":
            specs.append(yaml_twin(path, folder))
    return specs


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("specs", nargs="*", type=Path, help="extra specs to benchmark")
    parser.add_argument("--runs", type=int, default=5, help="whole-process runs per spec (default 5)")
    parser.add_argument("--yaml-twin", action="store_true", help="also benchmark a YAML conversion of each JSON spec")
    parser.add_argument("--json", action="store_true", help="machine-readable output")
    args = parser.parse_args()
    missing = [str(path) for path in args.specs if not path.is_file()]
    if missing:
        parser.error(f"no such file: {', '.join(missing)}")
    with tempfile.TemporaryDirectory() as folder:
        results = [bench(spec, args.runs) for spec in specs_to_run(args.specs, args.yaml_twin, Path(folder))]
    if args.json:
        print(json.dumps({"machine": machine(), "runs": args.runs, "results": results}, indent=2))
    else:
        print_table(machine(), results, args.runs)


if __name__ == "__main__":
    main()
