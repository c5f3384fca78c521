"""`aiplint check --changed-since` on a generated repository of 10,000 specs, against a full `aiplint check`.

    python benchmarks/changed_since.py [--specs N] [--root DIR] [--runs N] [--json]

The repository (built once under --root, default /tmp/aiplint-changed-since, committed in git): N small specs in
folders of 100 (`services/sNN/apiNNNN/openapi.yaml`); every other spec `$ref`s the shared `common/errors.yaml`,
which `$ref`s `common/schemas.yaml`; the first 500 also `$ref` a team fragment shared by five
(`teams/tNNN.yaml`).  Each case commits one change on top of the specs and runs
`aiplint check --changed-since HEAD~1 --no-cache --quiet` (the median of --runs runs and the peak RSS):

  one spec         services/s00/api0001/openapi.yaml edited
  one fragment     teams/t000.yaml edited (five specs reach it)
  nothing          README.md edited (no spec reaches it)
  common fragment  common/schemas.yaml edited (half the specs reach it, through errors.yaml)

then a full `aiplint check` of the repository (once each) with `--jobs 1` and the default (a worker per usable
core), and, in this process, what --changed-since does before linting (git, the `$ref` graph).  See benchmarks/README.md
for the results.
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
from pathlib import Path

RSS_UNIT = 1 if sys.platform == "darwin" else 1024  # ru_maxrss is bytes on macOS, KiB on Linux
GIT = ["git", "-c", "user.name=bench", "-c", "user.email=bench@example.invalid", "-c", "commit.gpgsign=false"]
TEAM_SPECS = 500  # the specs that also $ref a team fragment, five per fragment
CASES = {
    "one spec": "services/s00/api0001/openapi.yaml",
    "one fragment (5 specs)": "teams/t000.yaml",
    "nothing": "README.md",
    "common fragment (half)": "common/schemas.yaml",
}


def spec(index: int) -> str:
    refs = []
    if index % 2 == 0:
        refs.append("        default:\n          $ref: '../../../common/errors.yaml#/Error'")
    if index < TEAM_SPECS:
        refs.append(f"        '403':\n          $ref: '../../../teams/t{index // 5:03d}.yaml#/Forbidden'")
    responses = "\n".join(refs)
    return f"""openapi: 3.0.3
info:
  title: Service {index}
  version: '1.0'
paths:
  /v1/widgets{index}:
    get:
      operationId: listWidgets{index}
      parameters:
        - {{name: page_size, in: query, schema: {{type: integer}}}}
      responses:
        '200':
          description: The widgets.
          content:
            application/json:
              schema:
                type: object
                properties:
                  widgets: {{type: array, items: {{$ref: '#/components/schemas/Widget'}}}}
{responses}
  /v1/widgets{index}/{{widget_id}}:
    get:
      operationId: getWidget{index}
      parameters:
        - {{name: widget_id, in: path, required: true, schema: {{type: string}}}}
      responses:
        '200':
          description: The widget.
          content:
            application/json:
              schema: {{$ref: '#/components/schemas/Widget'}}
components:
  schemas:
    Widget:
      type: object
      properties:
        name: {{type: string}}
"""


ERRORS = """Error:
  description: An error.
  content:
    application/json:
      schema:
        $ref: 'schemas.yaml#/Status'
"""
SCHEMAS = "Status:\n  type: object\n  properties:\n    code: {type: integer}\n    message: {type: string}\n"
TEAM = "Forbidden:\n  description: Not this team's.\n"


def build(root: Path, count: int) -> None:
    """The repository, committed once; kept when it is already there with as many specs."""
    marker = root / ".specs"
    if marker.exists() and marker.read_text() == str(count):
        return
    subprocess.run(["rm", "-rf", str(root)], check=True)
    for index in range(count):
        write(root / f"services/s{index // 100:02d}/api{index:04d}/openapi.yaml", spec(index))
    write(root / "common/errors.yaml", ERRORS)
    write(root / "common/schemas.yaml", SCHEMAS)
    for team in range(TEAM_SPECS // 5):
        write(root / f"teams/t{team:03d}.yaml", TEAM)
    write(root / "README.md", "Generated specs.\n")
    git(root, "init", "-q")
    (root / ".git/info/exclude").write_text(".specs\n")
    git(root, "add", "-A")
    git(root, "commit", "-q", "-m", "specs")
    marker.write_text(str(count))


def write(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text)


def git(root: Path, *args: str) -> None:
    subprocess.run([*GIT, *args], cwd=root, check=True, capture_output=True)


def aiplint(root: Path, *args: str) -> tuple[float, float, float, str]:
    """One `aiplint check` child process in `root`: (wall seconds, CPU seconds of it and its git commands and
    workers, its peak RSS in MiB, its summary line)."""
    with tempfile.TemporaryFile("w+") as out, tempfile.TemporaryFile("w+") as err:
        start = time.perf_counter()
        child = subprocess.Popen([sys.executable, "-m", "aiplint", "check", "--no-cache", *args], cwd=root,
                                 stdout=out, stderr=err)
        _, status, usage = os.wait4(child.pid, 0)
        wall = time.perf_counter() - start
        out.seek(0)
        err.seek(0)
        if os.waitstatus_to_exitcode(status) not in (0, 1):
            raise RuntimeError(f"aiplint check {' '.join(args)} failed: {err.read()[-500:]}")
        lines = out.read().splitlines()
    cpu = usage.ru_utime + usage.ru_stime
    return wall, cpu, usage.ru_maxrss * RSS_UNIT / 1024 / 1024, lines[-1] if lines else ""


def changed_case(root: Path, file: str, runs: int) -> dict:
    """One commit that edits `file` on top of the specs, measured, then undone."""
    with open(root / file, "a") as stream:
        stream.write("# edited\n")
    git(root, "commit", "-q", "-am", f"edit {file}")
    try:
        results = [aiplint(root, "--changed-since", "HEAD~1") for _ in range(runs)]
    finally:
        git(root, "reset", "-q", "--hard", "HEAD~1")
    return {"seconds": statistics.median(wall for wall, _, _, _ in results),
            "cpu_seconds": statistics.median(cpu for _, cpu, _, _ in results),
            "peak_mib": max(rss for _, _, rss, _ in results), "summary": results[0][3]}


def full_case(root: Path, *args: str) -> dict:
    wall, cpu, rss, summary = aiplint(root, *args)
    return {"seconds": wall, "cpu_seconds": cpu, "peak_mib": rss, "summary": summary}


def graph_seconds(root: Path, runs: int) -> dict:
    """What --changed-since adds before linting, in this process: git's changed files and `$ref` lines (three
    git commands at once), the `$ref` graph read from them, and the files that reach a change."""
    from aiplint.read.changes import Repository

    top = os.path.realpath(root)
    walls = []
    for _ in range(runs):
        start = time.perf_counter()
        Repository(top, "HEAD")
        walls.append(time.perf_counter() - start)
    return {"seconds": statistics.median(walls), "summary": "git diff, ls-files and grep, the graph"}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--specs", type=int, default=10_000)
    parser.add_argument("--root", type=Path, default=Path("/tmp/aiplint-changed-since"))
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    build(args.root, args.specs)
    results = {name: changed_case(args.root, file, args.runs) for name, file in CASES.items()}
    results["git + $ref graph, in process"] = graph_seconds(args.root, args.runs)
    results["full check, --jobs 1"] = full_case(args.root, "--jobs", "1")
    results["full check, default jobs"] = full_case(args.root)
    if args.json:
        print(json.dumps(results, indent=2))
        return
    for name, result in results.items():
        cpu = f"{result['cpu_seconds']:6.2f} s CPU" if "cpu_seconds" in result else ""
        peak = f"{result['peak_mib']:6.0f} MiB" if "peak_mib" in result else ""
        print(f"{name:<30} {result['seconds']:6.2f} s {cpu:>12} {peak:>10}  {result['summary']}")


if __name__ == "__main__":
    main()
