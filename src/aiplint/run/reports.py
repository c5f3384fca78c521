"""Write the reports: each `--format` to its file or stdout, checked before any work (an unknown format, two
reports in one file, a missing folder), never over a file the run read; the baseline file and its notes."""

from __future__ import annotations

import difflib
import importlib
import os
import sys
from dataclasses import replace
from typing import Iterable

from aiplint.errors import UsageError
from aiplint.linting.baseline import Baseline
from aiplint.linting.findings import Finding
from aiplint.read.escaping import printable
from aiplint.report.formats import FORMATS, writer
from aiplint.report.text import use_colour
from aiplint.report.writer import Report
from aiplint.run.console import plural, tell
from aiplint.run.results import Results

Reports = list[tuple[str, str | None]]  # (format, file or None for stdout)

# The modules a diff's reports need beyond the writers': imported before the work like them.
_DIFF_MODULES = ("aiplint.compat.diff", "aiplint.compat.report", "aiplint.report.diff")


def outputs(formats: tuple[str, ...], output: str | None) -> Reports:
    """(format, file or None for stdout) pairs.  An unknown format is a usage error, and so is `-o` with
    several formats that name no file of their own: it takes one report."""
    parsed = []
    for spec in formats or ("text",):
        name, _, file = spec.partition("=")
        if name not in FORMATS:
            near = difflib.get_close_matches(name, FORMATS, n=1)
            hint = f"; did you mean `{near[0]}`?" if near else ""
            raise UsageError(f"--format: unknown format `{name}`{hint} (choose from {', '.join(FORMATS)})")
        parsed.append((name, file or None))
    unnamed = [name for name, file in parsed if file is None]
    if output and len(unnamed) > 1:
        raise UsageError(f"-o/--output takes one report, not {' and '.join(unnamed)}: give the others a file "
                         "of their own (--format NAME=FILE)")
    return [(name, file or output) for name, file in parsed]


def check_report_files(reports: Reports, write_baseline: str | None) -> None:
    """Before any work: two reports in one file (under any of its names) would leave only the last, and a missing
    folder fails."""
    written: dict[FileIdentity, str] = {}
    for name, file in reports:
        if file is not None and written.setdefault(file_identity(file), name) != name:
            raise UsageError(f"--format {name}: its report and the {written[file_identity(file)]} report "
                             f"would both be written to {file}")
    for file in [file for _, file in reports if file] + ([write_baseline] if write_baseline else []):
        folder = os.path.dirname(os.path.abspath(file))
        if not os.path.isdir(folder):
            raise UsageError(f"{file}: cannot write there: no folder {folder}")


def refuse_overwriting_inputs(files: list[str | None], inputs: Iterable[str]) -> None:
    """A report or baseline written over a file the run read (a spec, a `$ref`'d file) would destroy it, under
    whatever name it is given: a symbolic or a hard link to it too."""
    reports = [file for file in files if file]
    read = {file_identity(path) for path in inputs} if reports else set()
    for file in reports:
        if file_identity(file) in read:
            raise UsageError(f"{file}: is a file this run lints; it is not overwritten with a report")


FileIdentity = tuple[int, int] | str


def file_identity(path: str) -> FileIdentity:
    """The file at `path` whatever name reaches it: its (device, inode), which every hard link to it shares (a
    real path does not: a hard link is a file of its own name); the real path of a file not made yet."""
    try:
        found = os.stat(path)
    except OSError:
        return os.path.realpath(path)
    return found.st_dev, found.st_ino


def import_what_reports_need(reports: Reports, diff: bool = False) -> None:
    """Import the requested report writers (a writer's module imports all it uses) before the work starts: a run
    that ran out of memory must still write every report and its one-line errors, and importing needs memory."""
    for name, _ in reports:
        writer(name)
    for module in _DIFF_MODULES if diff else ():
        importlib.import_module(module)


def write_reports(reports: Reports, report: Report, colour: str = "auto") -> None:
    """Each format to its stream (files are opened, written and closed in turn), coloured where `colour` says."""
    for name, file in reports:
        if file is None:
            writer(name)(replace(report, colour=use_colour(sys.stdout, colour)), sys.stdout)
            continue
        try:
            with open(file, "w", encoding="utf-8", newline="") as stream:
                writer(name)(replace(report, colour=colour == "always"), stream)
        except OSError as exc:
            raise UsageError(f"--format {name}={file}: cannot write the report: {exc.strerror}") from None


def lint_report(results: Results) -> Report:
    """The report of a lint: its findings in file and line order."""
    options = results.options
    return Report(sorted(results.findings, key=Finding.order), results.rules, results.files, results.errors,
                  results.suppressed, quiet=options.quiet, show_source=options.show_source,
                  statistics=options.statistics, fixable=frozenset(results.fixable),
                  hidden_fixes=results.hidden_fixes, fixed=results.fixes_applied)


def write_baseline(results: Results, baseline_file: str) -> None:
    """Every finding of the run into the baseline file (other specs' entries stay), and a line saying so.
    Raises BaselineError."""
    Baseline.update(baseline_file, results.by_spec, results.apps)
    total = sum(len(found) for found in results.by_spec.values())
    tell(f"Wrote {plural(total, 'finding')} of {plural(len(results.by_spec), 'spec')} to {baseline_file}.")


def report_fixed_baseline_entries(results: Results) -> None:
    """The baseline entries no longer found, for the user to shrink the baseline (not with --quiet)."""
    if results.fixed and not results.options.quiet:
        n = len(results.fixed)
        tell(f"note: {plural(n, 'baseline entry', 'baseline entries')} no longer "
             f"{'occurs' if n == 1 else 'occur'} (fixed); run with --write-baseline to shrink the baseline:")
        for entry in results.fixed:
            where = " ".join(part for part in (entry["method"], entry["path"]) if part)
            tell(printable(f"  {entry['file']}: {entry['rule']} {where}".rstrip()))
