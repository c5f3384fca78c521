"""The `text` format, for people: `PATH:LINE:COL: SEVERITY RULE message` per finding (with `show_source`, the
source line and a caret; with `statistics`, a count per rule instead), then a one-line summary.  Under a diff,
the diff report of `aiplint.report.diff`.

Strings from the spec show their control characters as escapes (`printable`), so one finding is one line."""

from __future__ import annotations

import os
import unicodedata
from collections import Counter
from typing import IO, TYPE_CHECKING, Mapping, Sequence

import click

from aiplint.read.escaping import printable
from aiplint.report.writer import Report, SourceLines, counted, fixable_note, summary

if TYPE_CHECKING:
    from aiplint.linting.findings import Finding
    from aiplint.rule import Rule

_COLOURS = {"error": "red", "warning": "yellow", "info": "blue"}


def write(report: Report, stream: IO[str]) -> None:
    """The findings and the summary; under a diff, the diff report and how many files could not be compared."""
    if report.diff is None:
        return _write_lint(report, stream)
    from aiplint.report.diff import write_text as write_diff

    write_diff(report.diff, stream, report.colour, report.quiet, write_findings)
    failed = len({e.path for e in report.errors})
    if failed and not report.quiet:
        stream.write(f"Not compared: {counted(failed, 'file')} could not be linted.\n")


def use_colour(stream: IO[str], choice: str = "auto") -> bool:
    """`always`, `never`, or `auto`: never with NO_COLOR set (https://no-color.org), always with FORCE_COLOR set
    (https://force-color.org), else on a terminal."""
    if choice != "auto":
        return choice == "always"
    if os.environ.get("NO_COLOR"):
        return False
    return bool(os.environ.get("FORCE_COLOR")) or stream.isatty()


def _write_lint(report: Report, stream: IO[str]) -> None:
    """One line per finding (or, with `statistics`, a count per rule), then a summary, which says how many files
    could not be linted (their errors are on stderr) and how many findings the baseline and inline ignores kept
    out."""
    if report.statistics:
        write_statistics(report.findings, report.rules, stream)
    else:
        write_findings(report.findings, stream, report.colour, show_source=report.show_source,
                       fixable=report.fixable)
    if not report.quiet:
        stream.write(summary(report) + (fixable_note(report) if report.findings else "") + "\n")


def write_statistics(findings: Sequence[Finding], rules: Mapping[str, Rule], stream: IO[str]) -> None:
    """A count per rule, most frequent first (as `ruff --statistics`): `  2  rest/resource-id-in-query  summary`."""
    by_rule = Counter(f.rule for f in findings)
    if not by_rule:
        return
    width, id_width = len(str(max(by_rule.values()))), max(map(len, by_rule))
    for rule_id, n in sorted(by_rule.items(), key=lambda item: (-item[1], item[0])):
        rule = rules.get(rule_id)
        stream.write(f"{n:>{width}}  {printable(rule_id):<{id_width}}  {rule.summary if rule else ''}".rstrip() + "\n")


def write_findings(findings: Sequence[Finding], stream: IO[str], colour: bool, *, show_source: bool = False,
                   fixable: frozenset[Finding] = frozenset()) -> None:
    """`PATH:LINE:COL: SEVERITY RULE message` and the suggestion, per finding, `[*]` before the message of those
    `--fix` would fix (as ruff marks them).  With `show_source`, each finding is followed by the offending source
    line under a line-number gutter with a caret at the finding's column (as ruff and rustc do)."""
    lines_of = SourceLines()
    for f in findings:
        severity = (click.style(f.severity.value, fg=_COLOURS[f.severity.value], bold=True) if colour
                    else f.severity.value)
        rule = click.style(printable(f.rule), bold=True) if colour else printable(f.rule)
        mark = "[*] " if f in fixable else ""
        stream.write(f"{printable(f.file)}:{f.line}:{f.column}: {severity} {rule} {mark}{printable(f.message)}\n")
        if show_source:
            frame = _frame(lines_of(f.file), f.line, f.column)
            if frame and colour:
                frame = _colour_frame(frame, _COLOURS[f.severity.value])
            stream.write(frame)
        if f.suggestion:
            stream.write(f"    suggestion: {printable(f.suggestion)}\n")
        if f.also:
            stream.write(f"    also fixes: {', '.join(printable(a.rule) for a in f.also)}\n")


def _frame(lines: list[str] | None, line: int, column: int) -> str:
    if lines is None or not 1 <= line <= len(lines):
        return ""
    source = lines[line - 1]
    # A spec's text must not drive the terminal: its control characters show as escapes, as everywhere else; tabs
    # stay tabs, so the caret, padded by the same characters (or as many columns, for wide ones), lines up.
    text = _printable_but_tabs(source).rstrip()
    before = _printable_but_tabs(source[: max(column, 1) - 1])
    pad = "".join("\t" if ch == "\t" else "  " if unicodedata.east_asian_width(ch) in "WF" else " " for ch in before)
    pad += " " * max(0, column - 1 - len(source))
    number = str(line)
    blank = " " * len(number)
    return f"{blank} |\n{number} | {text}\n{blank} | {pad}^\n"


def _printable_but_tabs(text: str) -> str:
    return "\t".join(map(printable, text.split("\t")))


def _colour_frame(frame: str, fg: str) -> str:
    out = []
    for i, row in enumerate(frame.splitlines()):
        gutter, _, rest = row.partition(" |")
        caret = i == 2
        marked = click.style(rest, fg=fg, bold=True) if caret else rest
        out.append(click.style(gutter + " |", fg="blue", bold=True) + marked)
    return "\n".join(out) + "\n"
