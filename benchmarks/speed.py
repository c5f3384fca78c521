"""Whole-process speed of `aiplint check` against the floor: a process that only parses the same file.

    python benchmarks/speed.py [--github DIR] [--apis-guru DIR] [--runs N] [--only NAME ...] [--json]
                               [--baseline SRC]

Cases (each skipped with a note when its input is absent):
  github-json   api.github.com.json (13 MB) vs a process that only runs orjson.loads on it
  github-yaml   its YAML twin (written once to a temporary folder) vs a process that only runs yaml_rs.loads
  llama-stack   fixtures/llama-stack/before/stainless-llama-stack-spec.yaml
  tiny          fixtures/examples/petstore-jobs.yaml, vs `python -c pass`
  plugins-300   the tiny spec with 300 more distributions on the import path (cold index, then warm)
  folder        the 299 googleapis.com specs of the APIs-guru directory, on one core (taskset) and on all
  directory     the whole APIs-guru directory (2,639 specs) as one folder, on all cores
  series        generated specs of 1k, 10k and 100k paths: seconds per 1,000 paths, beyond the start-up (the
                time of the same process on a one-path spec)

Every aiplint run is `python -m aiplint check --isolated --quiet --no-cache` unless the row says "cached";
figures are medians of --runs runs (min in the JSON): wall time, CPU time (user + sys of the child, steadier than
wall time on a busy machine) and the child's peak RSS.  `--baseline SRC` also runs the aiplint of another source
tree (as PYTHONPATH=SRC), alternating run by run with this one so both see the same load, and prints it first.
The `tiny` case ends with the modules that take longest to import (cumulative, `python -X importtime`, median
of the runs).  See benchmarks/README.md for the results.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
TINY = REPO / "fixtures" / "examples" / "petstore-jobs.yaml"
LLAMA = REPO / "fixtures" / "llama-stack" / "before" / "stainless-llama-stack-spec.yaml"
GITHUB = Path("/work/data/octokit/package/generated")
APIS_GURU = Path("/work/data/dir/package/api")
NOUNS = ("project widget order invoice customer account user group team policy role key secret dataset model job "
         "pipeline artifact release build deployment cluster node volume snapshot backup image instance network "
         "route rule alert incident report metric event topic subscription message queue channel device sensor "
         "reading location region zone bucket object file folder document comment review rating tag label note "
         "task ticket project_member").split()


BASELINE: dict | None = None  # the environment that runs the baseline's aiplint, when --baseline is given


def child(command: list[str], env: dict | None) -> tuple[float, float, float]:
    """One run: wall seconds, CPU seconds (user + sys) and peak RSS in MiB, from the child's own rusage."""
    start = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env)
    stderr = process.stderr.read() if process.stderr else b""
    _, status, usage = os.wait4(process.pid, 0)
    wall = time.perf_counter() - start
    process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode not in (0, 1):
        raise RuntimeError(f"{' '.join(command)} exited {process.returncode}: {stderr.decode()[-500:]}")
    return wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024  # ru_maxrss is in KiB on Linux


def in_child(function: str, *args: str) -> None:
    """Run one of this file's functions in a process of its own: Linux counts the parent's resident pages at the
    moment a child starts in the child's peak RSS, so this process must never hold a large spec."""
    code = f"import sys; sys.path.insert(0, {str(Path(__file__).parent)!r}); import speed; speed.{function}(*sys.argv[1:])"
    subprocess.run([sys.executable, "-c", code, *args], check=True)


def summary(samples: list[tuple[float, float, float]]) -> dict:
    walls, cpus, peaks = zip(*samples, strict=True)
    return {"median": statistics.median(walls), "min": min(walls), "cpu": statistics.median(cpus),
            "peak_mib": max(peaks)}


def seconds(command: list[str], runs: int, env: dict | None = None) -> dict:
    """Medians of `runs` runs; with --baseline and an aiplint command, the baseline's runs alternate with these
    and come back under "before"."""
    against = BASELINE is not None and "aiplint" in command
    ours, theirs = [], []
    for _ in range(runs):
        if against:
            theirs.append(child(command, {**(env or os.environ), **BASELINE}))
        ours.append(child(command, env))
    return {**summary(ours), **({"before": summary(theirs)} if against else {})}


def import_profile(runs: int, top: int = 15) -> list[dict]:
    """The modules with the largest cumulative import time in a run on the tiny spec (median of `runs`)."""
    cumulative: dict[str, list[int]] = {}
    for _ in range(runs):
        done = subprocess.run([sys.executable, "-X", "importtime", *aiplint(TINY)[1:]], capture_output=True,
                              text=True)
        for line in done.stderr.splitlines():
            if line.startswith("import time:") and "|" in line and "cumulative" not in line:
                _, spent, name = line.split("|")
                cumulative.setdefault(name.strip(), []).append(int(spent))
    medians = sorted(((statistics.median(us), name) for name, us in cumulative.items()), reverse=True)
    return [{"case": "import", "what": name, "seconds": us / 1e6} for us, name in medians[:top]]


def aiplint(*args: str | Path, cached: bool = False) -> list[str]:
    return [sys.executable, "-m", "aiplint", "check", "--isolated", "--quiet",
            *([] if cached else ["--no-cache"]), *map(str, args)]


def parse_only(loader: str, path: Path) -> list[str]:
    module, function = loader.rsplit(".", 1)
    reading = "open(p, 'rb').read()" if module == "orjson" else "open(p, encoding='utf-8').read()"
    return [sys.executable, "-c", f"import sys, {module}; p = sys.argv[1]; {module}.{function}({reading})", str(path)]


def against_floor(name: str, spec: Path, loader: str, runs: int) -> list[dict]:
    floor = seconds(parse_only(loader, spec), runs)
    cold = seconds(aiplint(spec), runs)
    seconds(aiplint(spec, cached=True), 1)  # fill the cache
    warm = seconds(aiplint(spec, cached=True), runs)
    return [{"case": name, "what": f"aiplint vs a {loader} process", **figures(cold, floor)},
            {"case": name, "what": "aiplint, cached (unchanged spec)", **figures(warm, floor)}]


def figures(measured: dict, floor: dict | None = None) -> dict:
    """A row's numbers: wall, CPU and peak memory, the ratio to the floor's wall and CPU time when there is one,
    and the same for the baseline under "before"."""
    row = {"seconds": measured["median"], "cpu": measured["cpu"], "peak_mib": measured["peak_mib"]}
    if floor:
        row.update(floor=floor["median"], ratio=measured["median"] / floor["median"],
                   cpu_ratio=measured["cpu"] / floor["cpu"])
    if "before" in measured:
        row["before"] = figures(measured["before"], floor)
    return row


def yaml_twin(spec: Path, folder: Path) -> Path:
    twin = folder / (spec.stem + ".yaml")
    in_child("write_yaml_twin", str(spec), str(twin))
    return twin


def write_yaml_twin(spec: str, twin: str) -> None:
    import orjson
    import yaml

    with open(twin, "w", encoding="utf-8") as stream:
        yaml.dump(orjson.loads(Path(spec).read_bytes()), stream, Dumper=yaml.CSafeDumper, sort_keys=False,
                  allow_unicode=True, width=120)


def plugins_300(runs: int, folder: Path) -> list[dict]:
    """300 distributions with entry points (none in aiplint's group) on the import path; the first run builds
    the plugin index, the others read it."""
    site = folder / "site-packages"
    for index in range(300):
        info = site / f"dist{index}-1.0.dist-info"
        info.mkdir(parents=True)
        (info / "METADATA").write_text(f"Metadata-Version: 2.1\nName: dist{index}\nVersion: 1.0\n")
        (info / "entry_points.txt").write_text(f"[console_scripts]\ndist{index} = dist{index}.cli:main\n")
    env = {**os.environ, "PYTHONPATH": str(site), "XDG_CACHE_HOME": str(folder / "cache")}
    cold = seconds(aiplint(TINY), 1, env)
    warm = seconds(aiplint(TINY), runs, env)
    scan = seconds([sys.executable, "-c", "from importlib.metadata import entry_points; "
                    "entry_points(group='aiplint.rules')"], runs, env)
    return [{"case": "plugins-300", "what": "first run (builds the plugin index)", **figures(cold)},
            {"case": "plugins-300", "what": "later runs", **figures(warm)},
            {"case": "plugins-300", "what": "a bare entry-point scan process, for scale", **figures(scan)}]


def folder_case(runs: int, folder: Path) -> list[dict]:
    one = seconds(["taskset", "-c", "0", *aiplint(folder)], runs)
    every = seconds(aiplint(folder), runs)
    return [{"case": "folder", "what": "299 googleapis.com specs, one core", **figures(one)},
            {"case": "folder", "what": f"the same, {os.cpu_count()} cores", **figures(every),
             "speedup": one["median"] / every["median"]}]


def directory_case(runs: int, folder: Path) -> list[dict]:
    every = seconds(aiplint(folder), runs)
    return [{"case": "directory", "what": f"the whole APIs-guru directory, {os.cpu_count()} cores",
             **figures(every)}]


def generated_spec(paths: int) -> dict:
    """A valid, realistic resource tree: collections and their items one to three levels deep, each with its
    standard methods, drawn from a few dozen nouns (as real specs repeat their nouns)."""
    spec: dict = {"openapi": "3.0.3", "info": {"title": "generated", "version": "1"}, "paths": {}}
    ok = {"200": {"description": "ok"}}

    def param(name: str) -> dict:
        return {"name": name, "in": "path", "required": True, "schema": {"type": "string"}}

    count = 0
    for depth in (1, 2, 3):
        for index in range(len(NOUNS) ** depth):
            words = [NOUNS[(index // len(NOUNS) ** level) % len(NOUNS)] for level in range(depth)]
            if len(set(words)) < depth:
                continue  # `/projects/{project_id}/projects/{project_id}` repeats a parameter
            prefix, params = "/v1", []
            for word in words[:-1]:
                prefix += f"/{word}s/{{{word}_id}}"
                params.append(param(f"{word}_id"))
            last = words[-1]
            for key, methods, extra in ((f"{prefix}/{last}s", ("get", "post"), []),
                                        (f"{prefix}/{last}s/{{{last}_id}}", ("get", "patch", "delete"),
                                         [param(f"{last}_id")])):
                if key in spec["paths"]:
                    continue
                spec["paths"][key] = {m: {"operationId": f"{m}{count}", "parameters": params + extra,
                                          "responses": ok} for m in methods}
                count += 1
                if count == paths:
                    return spec
    raise ValueError(f"cannot generate {paths} distinct paths")


def write_generated_spec(paths: str, path: str) -> None:
    import orjson

    Path(path).write_bytes(orjson.dumps(generated_spec(int(paths))))


def series(runs: int, folder: Path) -> list[dict]:
    rows = []
    one = folder / "generated-1.json"
    in_child("write_generated_spec", "1", str(one))
    start_up = seconds(aiplint(one), runs)["median"]  # the same process for a one-path spec
    for paths in (1_000, 10_000, 100_000):
        spec = folder / f"generated-{paths}.json"
        in_child("write_generated_spec", str(paths), str(spec))
        took = seconds(aiplint(spec), runs if paths < 100_000 else 1)
        rows.append({"case": "series", "what": f"{paths:,} paths ({spec.stat().st_size / 1e6:.1f} MB)",
                     **figures(took), "per_1000_paths": (took["median"] - start_up) / paths * 1000})
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--github", type=Path, default=GITHUB)
    parser.add_argument("--apis-guru", type=Path, default=APIS_GURU)
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--only", nargs="*", default=None)
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--baseline", type=Path, help="the src folder of another checkout to measure alongside")
    args = parser.parse_args()
    global BASELINE
    if args.baseline:
        BASELINE = {"PYTHONPATH": str(args.baseline.resolve())}
    os.environ.pop("PYTHONDONTWRITEBYTECODE", None)  # a run without .pyc files measures the compiler
    wanted = set(args.only or ["github-json", "github-yaml", "llama-stack", "tiny", "plugins-300", "folder",
                               "directory", "series"])
    rows: list[dict] = []
    with tempfile.TemporaryDirectory() as scratch:
        folder = Path(scratch)
        subprocess.run(aiplint(TINY), stdout=subprocess.DEVNULL)  # compile aiplint's .pyc files first
        github = args.github / "api.github.com.json"
        if {"github-json", "github-yaml"} & wanted and not github.is_file():
            print(f"note: {github} absent (npm pack @octokit/openapi@23.0.2); GitHub cases skipped", file=sys.stderr)
        elif github.is_file():
            if "github-json" in wanted:
                rows += against_floor("github-json", github, "orjson.loads", args.runs)
            if "github-yaml" in wanted:
                rows += against_floor("github-yaml", yaml_twin(github, folder), "yaml_rs.loads", args.runs)
        if "llama-stack" in wanted:
            rows += against_floor("llama-stack", LLAMA, "yaml_rs.loads", args.runs)
        if "tiny" in wanted:
            rows += against_floor("tiny", TINY, "yaml_rs.loads", args.runs)
            bare = seconds([sys.executable, "-c", "pass"], args.runs)
            rows.append({"case": "tiny", "what": "python -c pass", **figures(bare)})
            rows += import_profile(args.runs)
        if "plugins-300" in wanted:
            rows += plugins_300(args.runs, folder)
        if "folder" in wanted:
            if (args.apis_guru / "googleapis.com").is_dir() and shutil.which("taskset"):
                rows += folder_case(max(1, args.runs // 3), args.apis_guru / "googleapis.com")
            else:
                print("note: APIs-guru directory or taskset absent; folder case skipped", file=sys.stderr)
        if "directory" in wanted and args.apis_guru.is_dir():
            rows += directory_case(max(1, args.runs // 7), args.apis_guru)
        if "series" in wanted:
            rows += series(max(1, args.runs // 3), folder)
    if args.json:
        print(json.dumps(rows, indent=2))
        return
    for row in rows:
        if "before" in row:
            print(line(row["case"], "  before: " + row["what"], row["before"]))
        print(line(row["case"], row["what"], row))


def line(case: str, what: str, row: dict) -> str:
    extra = f"  cpu {row['cpu']:.3f} s" if "cpu" in row else ""
    extra += "".join(f"  {key} {row[key]:.2f}" for key in ("floor", "ratio", "cpu_ratio", "speedup", "per_1000_paths")
                     if key in row)
    peak = f"  {row['peak_mib']:.0f} MiB" if "peak_mib" in row else ""
    return f"{case:<12} {what:<55} {row['seconds']:7.3f} s{extra}{peak}"


if __name__ == "__main__":
    main()
