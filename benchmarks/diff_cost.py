"""What `aiplint diff` costs on large real pairs (issue 20, section 3): GitHub 22.0.0 -> 23.0.2, GitHub 23 against
its dereferenced twin (every `$ref` under `paths` inlined: tests/rewrites.py's `dereference`, what
`@octokit/openapi`'s `*.deref.json` is), and Microsoft Graph v1.0 -> beta.

    python benchmarks/diff_cost.py [--pairs NAME ...] [--src SRC] [--runs N]

Each row is `python -m aiplint diff --isolated --format json OLD NEW` as a child process (benchmarks/invariance.py's
`run`): changes and breaking ones, the causes they come from, wall and CPU seconds (the median of --runs), peak RSS.
GitHub's pair also prints the changelog's size (`aiplint changelog -o FILE`: every change; and on stdout, cut to
fit a pull-request comment).  `--src SRC` runs the aiplint of another source tree (PYTHONPATH=SRC), for
before/after figures.  The target: a pair of the GitHub spec's size in under 3 s and 400 MiB.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

from invariance import REPO, rewrites, run

GITHUB = Path("/work/data/gh{}/package/generated/api.github.com.json")
GRAPH = Path("/work/data/dir/package/api/microsoft.com")


def github(version: int) -> Path:
    return Path(str(GITHUB).format(version))


def pairs(folder: Path) -> dict[str, tuple[Path, Path]]:
    """The pairs measured; the dereferenced twin is written to `folder` when GitHub 23 is present."""
    twin = folder / "api.github.com.deref.json"
    if github(23).is_file():
        twin.write_text(json.dumps(rewrites.dereference(json.loads(github(23).read_text()))))
    return {
        "github-22-23": (github(22), github(23)),
        "github-23-deref": (github(23), twin),
        "graph-v1-beta": (GRAPH / "graph.json", GRAPH / "graph-beta.json"),
    }


def changelog_size(old: Path, new: Path, env: dict, folder: Path) -> str:
    """`lines/characters` of the whole changelog, and of the one cut to fit a comment."""
    whole = folder / "changelog.md"
    command = [sys.executable, "-m", "aiplint", "changelog", "--isolated", str(old), str(new)]
    subprocess.run([*command, "-o", str(whole)], env=env, check=True)
    cut = subprocess.run(command, env=env, check=True, capture_output=True, text=True).stdout
    text = whole.read_text()
    return f"changelog {text.count(chr(10)):,} lines/{len(text):,} chars, cut {cut.count(chr(10)):,}/{len(cut):,}"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--pairs", nargs="*", help="pairs to run (default: all)")
    parser.add_argument("--src", help="the source tree whose aiplint runs (default: this one)")
    parser.add_argument("--runs", type=int, default=1)
    args = parser.parse_args()
    env = {**os.environ, "PYTHONPATH": args.src or str(REPO / "src")}
    print(f"{'pair':<18} {'changes':>8} {'breaking':>8} {'causes':>7} {'wall s':>7} {'cpu s':>7} {'MiB':>6}")
    with tempfile.TemporaryDirectory() as scratch:
        folder = Path(scratch)
        for name, (old, new) in pairs(folder).items():
            if args.pairs and name not in args.pairs:
                continue
            if not (old.is_file() and new.is_file()):
                print(f"{name}: absent, skipped")
                continue
            measured = [run(old, new, env) for _ in range(args.runs)]
            report = measured[0][0]
            changes, causes = report["changes"], report.get("causes")
            breaking = sum(c["breaking"] for c in changes)
            cause_count = f"{len(causes):>7}" if causes is not None else f"{'-':>7}"
            size = f"  {changelog_size(old, new, env, folder)}" if name == "github-22-23" else ""
            print(f"{name:<18} {len(changes):>8} {breaking:>8} {cause_count} "
                  f"{statistics.median(m[1] for m in measured):>7.1f} {statistics.median(m[2] for m in measured):>7.1f} "
                  f"{max(m[3] for m in measured):>6.0f}{size}", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
