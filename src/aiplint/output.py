"""Report formats: `text` for people, `json` for tools (a versioned contract)."""

from __future__ import annotations

import json
import os
from collections import Counter
from typing import IO, Iterable

from aiplint.engine import Finding

JSON_FORMAT_VERSION = 1
_COLOURS = {"error": "red", "warning": "yellow", "info": "blue"}


def use_colour(stream: IO[str]) -> bool:
    """Colour only on a terminal, never when NO_COLOR is set (https://no-color.org)."""
    return stream.isatty() and not os.environ.get("NO_COLOR")


def counts(findings: Iterable[Finding]) -> Counter[str]:
    return Counter(f.severity.value for f in findings)


def write_text(findings: list[Finding], files: int, stream: IO[str], colour: bool, quiet: bool = False) -> None:
    import click

    for f in findings:
        severity = click.style(f.severity.value, fg=_COLOURS[f.severity.value], bold=True) if colour else f.severity.value
        rule = click.style(f.rule, bold=True) if colour else f.rule
        stream.write(f"{f.file}:{f.line}:{f.column}: {severity} {rule} {f.message}\n")
        if f.suggestion:
            stream.write(f"    suggestion: {f.suggestion}\n")
    if quiet:
        return
    n = counts(findings)
    noun = "file" if files == 1 else "files"
    if findings:
        total = len(findings)
        stream.write(
            f"Found {_count(total, 'problem')} in {files} {noun} "
            f"({_count(n['error'], 'error')}, {_count(n['warning'], 'warning')}, {_count(n['info'], 'info')}).\n"
        )
    else:
        stream.write(f"All checks passed ({files} {noun}).\n")


def _count(n: int, noun: str) -> str:
    return f"{n} {noun}{'' if n == 1 else 's'}"


def write_json(findings: list[Finding], files: int, stream: IO[str]) -> None:
    n = counts(findings)
    report = {
        "version": JSON_FORMAT_VERSION,
        "findings": [f.to_dict() for f in findings],
        "summary": {"files": files, "errors": n["error"], "warnings": n["warning"], "infos": n["info"]},
    }
    json.dump(report, stream, indent=2)
    stream.write("\n")
