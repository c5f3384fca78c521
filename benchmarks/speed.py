"""Whole-process speed of `aiplint check` against the floor: a process that only parses the same file.

    python benchmarks/speed.py [--github DIR] [--apis-guru DIR] [--runs N] [--only NAME ...] [--json]

Cases (each skipped with a note when its input is absent):
  github-json   api.github.com.json (13 MB) vs a process that only runs orjson.loads on it
  github-yaml   its YAML twin (written once to a temporary folder) vs a process that only runs yaml_rs.loads
  llama-stack   fixtures/llama-stack/before/stainless-llama-stack-spec.yaml
  tiny          fixtures/examples/petstore-jobs.yaml, vs `python -c pass`
  plugins-300   the tiny spec with 300 more distributions on the import path (cold index, then warm)
  folder        the 299 googleapis.com specs of the APIs-guru directory, on one core (taskset) and on all
  series        generated specs of 1k, 10k and 100k paths: seconds per 1,000 paths, beyond the start-up (the
                time of the same process on a one-path spec)

Every aiplint run is `python -m aiplint check --isolated --quiet --no-cache` unless the row says "cached";
figures are medians of --runs runs (min in the JSON).  See benchmarks/README.md for the results.
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


def seconds(command: list[str], runs: int, env: dict | None = None) -> dict:
    walls = []
    for _ in range(runs):
        start = time.perf_counter()
        done = subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env)
        walls.append(time.perf_counter() - start)
        if done.returncode not in (0, 1):
            raise RuntimeError(f"{' '.join(command)} exited {done.returncode}: {done.stderr.decode()[-500:]}")
    return {"median": statistics.median(walls), "min": min(walls)}


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
    return [{"case": name, "what": f"aiplint vs a {loader} process", "seconds": cold["median"],
             "floor": floor["median"], "ratio": cold["median"] / floor["median"]},
            {"case": name, "what": "aiplint, cached (unchanged spec)", "seconds": warm["median"],
             "floor": floor["median"], "ratio": warm["median"] / floor["median"]}]


def yaml_twin(spec: Path, folder: Path) -> Path:
    import orjson
    import yaml

    twin = folder / (spec.stem + ".yaml")
    with open(twin, "w", encoding="utf-8") as stream:
        yaml.dump(orjson.loads(spec.read_bytes()), stream, Dumper=yaml.CSafeDumper, sort_keys=False,
                  allow_unicode=True, width=120)
    return twin


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
    return [{"case": "plugins-300", "what": "first run (builds the plugin index)", "seconds": cold["median"]},
            {"case": "plugins-300", "what": "later runs", "seconds": warm["median"]},
            {"case": "plugins-300", "what": "a bare entry-point scan process, for scale", "seconds": scan["median"]}]


def folder_case(runs: int, folder: Path) -> list[dict]:
    one = seconds(["taskset", "-c", "0", *aiplint(folder)], runs)
    every = seconds(aiplint(folder), runs)
    return [{"case": "folder", "what": "299 googleapis.com specs, one core", "seconds": one["median"]},
            {"case": "folder", "what": f"the same, {os.cpu_count()} cores", "seconds": every["median"],
             "speedup": one["median"] / every["median"]}]


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


def series(runs: int, folder: Path) -> list[dict]:
    import orjson

    rows = []
    one = folder / "generated-1.json"
    one.write_bytes(orjson.dumps(generated_spec(1)))
    start_up = seconds(aiplint(one), runs)["median"]  # the same process for a one-path spec
    for paths in (1_000, 10_000, 100_000):
        spec = folder / f"generated-{paths}.json"
        spec.write_bytes(orjson.dumps(generated_spec(paths)))
        took = seconds(aiplint(spec), runs if paths < 100_000 else 1)["median"]
        rows.append({"case": "series", "what": f"{paths:,} paths ({spec.stat().st_size / 1e6:.1f} MB)",
                     "seconds": took, "per_1000_paths": (took - start_up) / paths * 1000})
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--github", type=Path, default=GITHUB)
    parser.add_argument("--apis-guru", type=Path, default=APIS_GURU)
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--only", nargs="*", default=None)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    os.environ.pop("PYTHONDONTWRITEBYTECODE", None)  # a run without .pyc files measures the compiler
    wanted = set(args.only or ["github-json", "github-yaml", "llama-stack", "tiny", "plugins-300", "folder",
                               "series"])
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
            bare = seconds([sys.executable, "-c", "pass"], args.runs)["median"]
            rows.append({"case": "tiny", "what": "python -c pass", "seconds": bare})
        if "plugins-300" in wanted:
            rows += plugins_300(args.runs, folder)
        if "folder" in wanted:
            if (args.apis_guru / "googleapis.com").is_dir() and shutil.which("taskset"):
                rows += folder_case(max(1, args.runs // 3), args.apis_guru / "googleapis.com")
            else:
                print("note: APIs-guru directory or taskset absent; folder case skipped", file=sys.stderr)
        if "series" in wanted:
            rows += series(max(1, args.runs // 3), folder)
    if args.json:
        print(json.dumps(rows, indent=2))
        return
    for row in rows:
        extra = "".join(f"  {key} {row[key]:.2f}" for key in ("floor", "ratio", "speedup", "per_1000_paths")
                        if key in row)
        print(f"{row['case']:<12} {row['what']:<45} {row['seconds']:7.3f} s{extra}")


if __name__ == "__main__":
    main()
