"""Hostile inputs at the sizes issues 7 and 16 measured: wall time, peak RSS and outcome of `aiplint` on each.

    python benchmarks/hostile.py [CASE ...] [--timeout S] [--memory-gib G]

Each case is generated (tests/hostile_inputs.py) into a temporary folder and run as a child process under a
time limit and an address-space limit, so a case that still explodes is stopped and reported as such instead
of taking the machine down.  The targets: every case finishes in under 2 s or is refused with a one-line
input error (exit 2); the 100,000-path spec lints in under 10 s and 1 GiB; issue 16's cases (a long path segment,
repeated `**/` in a `.gitignore` and in a `[stability]` glob) in under 2 s and 200 MB, and their 10x sizes too.
Peak RSS is the child's own (`os.wait4`).  Nothing fails: it prints figures.
"""

from __future__ import annotations

import argparse
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "tests"))

import hostile_inputs as gen  # noqa: E402

MIB = 1024 * 1024

DIFF_BASE = ["check", "specs", "--quiet", "--isolated", "--diff-base", "HEAD~1"]
# name -> (file name, generator, arguments)
SPECS = {
    "allof-fanout-6": ("spec.yaml", gen.self_referencing_all_of, (6,)),
    "alias-100kb-x10k": ("spec.yaml", gen.alias_bomb, (100_000, 10_000)),
    "alias-1mb-x100k": ("spec.yaml", gen.alias_bomb, (1_000_000, 100_000)),
    "anchored-nesting-15k": ("spec.yaml", gen.anchored_nesting, (500, 30)),
    "schema-errors-4k": ("spec.json", gen.bad_parameters, (4_000,)),
    "schema-errors-20k": ("spec.json", gen.bad_parameters, (20_000,)),
    "path-5k-segments": ("spec.json", gen.long_path, (5_000,)),
    "path-20k-segments": ("spec.json", gen.long_path, (20_000,)),
    "paths-100k": ("spec.json", gen.many_paths, (50_000,)),  # 50,000 collections and their members
    "segment-40k-letters": ("spec.json", gen.long_segment, (40_000,)),  # issue 16: one path segment `aaa...`
    "segment-80k-letters": ("spec.json", gen.long_segment, (80_000,)),
    "segment-800k-letters": ("spec.json", gen.long_segment, (800_000,)),
    "description-1m-webhooks": ("spec.json", gen.long_description, (1_000_000,)),  # 8 MB, no full stop
}
# name -> (generator of a folder, arguments, command line run in it)
FOLDERS = {
    "gitignore-40-folders-x8": (gen.nested_gitignore_tree, (40, 8), ["check", ".", "--quiet", "--isolated"]),
    "gitignore-40-folders-x10": (gen.nested_gitignore_tree, (40, 10), ["check", ".", "--quiet", "--isolated"]),
    "gitignore-400-folders-x10": (gen.nested_gitignore_tree, (400, 10), ["check", ".", "--quiet", "--isolated"]),
    "stability-40-segments-x8": (gen.stability_glob_pair, (40, 8), ["diff", "old.yaml", "new.yaml", "--quiet"]),
    "stability-40-segments-x12": (gen.stability_glob_pair, (40, 12), ["diff", "old.yaml", "new.yaml", "--quiet"]),
    "stability-400-segments-x12": (gen.stability_glob_pair, (400, 12), ["diff", "old.yaml", "new.yaml", "--quiet"]),
    "diff-base-200-specs-30mb-blob": (gen.repository_with_blob, (200, 30 * MIB), DIFF_BASE),
    "diff-base-200-specs-no-blob": (gen.repository_with_blob, (200, 0), DIFF_BASE),
}
CASES = [*SPECS, *FOLDERS]


def run(args: list[str], cwd: str, timeout: float, memory: int) -> dict:
    """One `aiplint` child process under the limits: wall seconds, peak RSS (MiB), exit code ("timeout" when it
    was stopped), its output, and whether it printed a traceback."""
    def limit() -> None:
        os.nice(5)
        resource.setrlimit(resource.RLIMIT_AS, (memory, memory))

    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        start = time.perf_counter()
        proc = subprocess.Popen([sys.executable, "-m", "aiplint", *args], cwd=cwd, stdout=out, stderr=err,
                                preexec_fn=limit)
        deadline = start + timeout
        while True:
            pid, status, usage = os.wait4(proc.pid, os.WNOHANG)
            if pid:
                break
            if time.perf_counter() > deadline:
                proc.kill()
                _, status, usage = os.wait4(proc.pid, 0)
                break
            time.sleep(0.02)
        wall = time.perf_counter() - start
        code = os.waitstatus_to_exitcode(status)
        out.seek(0)
        err.seek(0)
        stdout, stderr = out.read().decode(errors="replace"), err.read().decode(errors="replace")
    timed_out = wall > timeout
    return {"wall": wall, "peak_mib": usage.ru_maxrss / 1024, "exit": "timeout" if timed_out else code,
            "stdout": stdout, "stderr": stderr, "traceback": "Traceback" in stderr}


def case(name: str, folder: str, timeout: float, memory: int) -> dict:
    if name in SPECS:
        file, make, arguments = SPECS[name]
        Path(folder, file).write_text(make(*arguments), encoding="utf-8")
        size = Path(folder, file).stat().st_size / MIB
        result = run(["check", file, "--quiet", "--isolated"], folder, timeout, memory)
        return {**result, "input_mib": size}
    make_folder, arguments, command = FOLDERS[name]
    make_folder(folder, *arguments)
    return run(command, folder, timeout, memory)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("cases", nargs="*", choices=[[], *CASES], default=[], metavar="CASE")
    parser.add_argument("--timeout", type=float, default=60.0)
    parser.add_argument("--memory-gib", type=float, default=4.0)
    options = parser.parse_args()
    memory = int(options.memory_gib * 1024 * MIB)
    print(f"{'case':<32} {'input MiB':>9} {'wall s':>8} {'peak MiB':>9} {'exit':>7}  stderr")
    for name in options.cases or CASES:
        with tempfile.TemporaryDirectory(prefix="aiplint-hostile-") as folder:
            r = case(name, folder, options.timeout, memory)
        size = f"{r['input_mib']:.2f}" if "input_mib" in r else ""
        note = "TRACEBACK " if r["traceback"] else ""
        first = r["stderr"].splitlines()[0][:110] if r["stderr"] else ""
        print(f"{name:<32} {size:>9} {r['wall']:>8.2f} {r['peak_mib']:>9.0f} {r['exit']!s:>7}  {note}{first}",
              flush=True)


if __name__ == "__main__":
    main()
