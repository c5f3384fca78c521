"""The `github` format: GitHub Actions workflow commands, which annotate the pull request.  Files are named
relative to their git repository's root, where GitHub looks for them."""

from __future__ import annotations

from typing import IO

from aiplint.read.escaping import printable
from aiplint.report.writer import Report, repository_path
from aiplint.rule import Severity

_GITHUB_COMMANDS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}


def write(report: Report, stream: IO[str]) -> None:
    """GitHub Actions workflow commands, one line per finding, which annotate the pull request:
    ``::error file=PATH,line=L,col=C,title=RULE::MESSAGE`` (``::warning``, ``::notice`` for info); a file
    that could not be linted is an ``::error`` titled `aiplint`.  Under a diff, the new findings only."""
    for e in report.errors:
        _github_command(stream, "error", e.path, e.line, e.column, "aiplint", e.message)
    for f in report.findings:
        message = f.message if not f.suggestion else f"{f.message}\nSuggestion: {f.suggestion}"
        _github_command(stream, _GITHUB_COMMANDS[f.severity], f.file, f.line, f.column, f.rule, message)


def _github_command(stream: IO[str], command: str, file: str, line: int, column: int, title: str,
                    message: str) -> None:
    props = ",".join(f"{key}={_github_property(str(value))}" for key, value in (
        ("file", repository_path(file)), ("line", line), ("col", column), ("title", title)))
    stream.write(f"::{command} {props}::{_github_data(message)}\n")


def _github_data(text: str) -> str:
    """GitHub's escapes for line breaks (the annotation shows them as such), then other control characters
    written out (an escape sequence in an annotation or the log)."""
    return printable(text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A"))


def _github_property(text: str) -> str:
    return _github_data(text).replace(":", "%3A").replace(",", "%2C")
