"""What every report format shares: the `Report` each writer is given, the one `Writer` signature, and the
helpers more than one format uses.

A writer is a pure function of the report (findings already sorted, written in that order): it writes UTF-8-safe
text to the stream and nothing else, and is deterministic (no timestamps, no absolute paths it was not given).
Every format reports the files that could not be linted (`Report.errors`), so a spec that breaks never reads as
one whose problems were all fixed.
"""

from __future__ import annotations

import os
from collections import Counter
from dataclasses import dataclass, field
from typing import IO, TYPE_CHECKING, Iterable, Mapping, Protocol, Sequence

from aiplint.read.trust import repository_root

if TYPE_CHECKING:
    from aiplint.compat.diff import DiffReport
    from aiplint.linting.findings import Finding
    from aiplint.read.loading import InputError
    from aiplint.rule import Rule


@dataclass(frozen=True)
class Report:
    """What a run found and how to show it: every writer's one argument besides the stream."""

    findings: Sequence[Finding] = ()  # reported, sorted (under a diff: the new ones, breaking changes included)
    rules: Mapping[str, Rule] = field(default_factory=dict)  # the rules that ran
    files: Sequence[str] = ()  # the files linted
    errors: Sequence[InputError] = ()  # the files that could not be linted
    suppressed: Mapping[str, int] = field(default_factory=dict)  # findings kept out: {"baseline": n, "inline": n}
    diff: DiffReport | None = None  # `check --diff-base` and `diff`: fixed and unchanged findings, API changes
    colour: bool = False
    quiet: bool = False  # text: findings only
    show_source: bool = False  # text: each finding's source line
    statistics: bool = False  # text: a count per rule instead of the findings
    fixes: Mapping[Finding, str] = field(default_factory=dict)  # html: a finding's fix as a unified diff, where
    # `check --fix` can make it; the others show their suggestion
    fixable: frozenset[Finding] = frozenset()  # text: marked `[*]`, the findings `--fix` would fix
    hidden_fixes: int = 0  # findings only `--unsafe-fixes` would fix too
    fixed: int | None = None  # how many findings `--fix` fixed before this lint (None: it did not run)


class Writer(Protocol):
    """Every format's one signature: ``write(report, stream)``."""

    def __call__(self, report: Report, stream: IO[str]) -> None: ...


def count_by_severity(findings: Iterable[Finding]) -> Counter[str]:
    return Counter(f.severity.value for f in findings)


def counted(n: int, noun: str) -> str:
    """`1 file`, `2 files`."""
    return f"{n} {noun}{'' if n == 1 else 's'}"


def repository_path(path: str) -> str:
    """A file's path relative to its git repository's root (POSIX separators), where GitHub's annotations and
    code scanning look for it whatever folder aiplint ran in; the path as given outside a repository."""
    absolute = os.path.realpath(path)
    root = repository_root(os.path.dirname(absolute))
    if root is None:
        return path
    return os.path.relpath(absolute, root).replace(os.sep, "/")


def summary(report: Report) -> str:
    """`Found 2 problems in 1 file (2 errors, 0 warnings, 0 infos).`, or that all checks passed; after `--fix`,
    how many it fixed first."""
    findings, n, files = report.findings, count_by_severity(report.findings), len(report.files)
    noun = "file" if files == 1 else "files"
    failed = len({e.path for e in report.errors})
    kept = _suppressed(report.suppressed)
    fixed = f"Fixed {counted(report.fixed, 'problem')}" if report.fixed else ""
    if findings:
        fixed += f", {len(findings)} remaining. " if fixed else ""
        line = (f"Found {counted(len(findings), 'problem')} in {files} {noun} ({counted(n['error'], 'error')}, "
                f"{counted(n['warning'], 'warning')}, {counted(n['info'], 'info')})")
        return fixed + line + (f"; {counted(failed, 'file')} could not be linted" if failed else "") + kept + "."
    fixed += ". " if fixed else ""
    if failed:
        return f"{fixed}No problems found in {files} {noun}, but {counted(failed, 'file')} could not be linted{kept}."
    return f"{fixed}All checks passed ({files} {noun}{kept})."


def fixable_note(report: Report) -> str:
    """What the text summary adds: ` [*] 2 fixable with --fix (1 more with --unsafe-fixes).`, ` (1 fixable with
    --fix --unsafe-fixes.)` or ""."""
    hidden = report.hidden_fixes
    if report.fixable:
        more = f" ({hidden} more with --unsafe-fixes)" if hidden else ""
        return f" [*] {len(report.fixable)} fixable with --fix{more}."
    return f" ({hidden} fixable with --fix --unsafe-fixes.)" if hidden else ""


def diff_summary(diff: DiffReport, errors: Sequence[InputError]) -> str:
    """A diff's headline: `1 new finding, 2 fixed, 3 unchanged, 0 breaking changes`, and how many files could not
    be linted."""
    failed = len({e.path for e in errors})
    return (f"{counted(len(diff.new), 'new finding')}, {len(diff.fixed)} fixed, {diff.unchanged} unchanged, "
            f"{counted(len(diff.breaking), 'breaking change')}"
            + (f"; {counted(failed, 'file')} could not be linted" if failed else ""))


def _suppressed(suppressed: Mapping[str, int]) -> str:
    """`; 1 suppressed by x-aiplint-ignore`, `; 3 suppressed: 2 by the baseline, 1 by x-aiplint-ignore`, or ""."""
    parts = [f"{n} by {'the baseline' if how == 'baseline' else 'x-aiplint-ignore'}"
             for how, n in suppressed.items() if n]
    if len(parts) == 1:
        return f"; {parts[0].replace(' by ', ' suppressed by ', 1)}"
    return f"; {sum(suppressed.values())} suppressed: {', '.join(parts)}" if parts else ""


class SourceLines:
    """The lines of the files findings are in, for the formats that show source (`text --show-source`, `html`):
    each file read once per report, None for one that cannot be read."""

    def __init__(self) -> None:
        self._files: dict[str, list[str] | None] = {}

    def __call__(self, path: str) -> list[str] | None:
        if path not in self._files:
            self._files[path] = read_lines(path)
        return self._files[path]


def read_lines(path: str) -> list[str] | None:
    """A file's lines, as the positions of findings count them; None where it cannot be read."""
    try:
        with open(path, "rb") as fh:
            raw = fh.read()
    except OSError:
        return None
    for bom, codec in ((b"\xef\xbb\xbf", "utf-8-sig"), (b"\xff\xfe", "utf-16"), (b"\xfe\xff", "utf-16")):
        if raw.startswith(bom):
            text = raw.decode(codec, errors="replace")
            break
    else:
        text = raw.decode("utf-8", errors="replace")
    # The positions count lines as the YAML and JSON parsers do: \n, \r\n and a lone \r end a line.
    return text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
