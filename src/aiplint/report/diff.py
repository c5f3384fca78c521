"""Writing a diff report (`aiplint diff`, `check --diff-base`) as text and as JSON; the other formats show its
new findings and breaking changes as findings.

The JSON format is a contract (version 1)::

    {"version": 1, "new": [finding...], "fixed": [finding...], "unchanged": N,
     "operations": {"added": [{"method": "GET", "path": "/v1/x"}...], "removed": [...],
                    "moved": [{"from": {...}, "to": {...}, "breaking": true, "note": "..."}...]},
     "changes": [change...], "causes": [cause...]}

with each finding shaped as `Finding.to_dict()`, each change as `Change.to_dict()` (one per operation it
affects), each cause as `Cause.to_dict()` (the changes one change to the spec makes: one entry naming what
changed, with the operations it affects, each giving the index of its change in `changes`;
`aiplint.compat.causes`), and `note` present only where there is one.
"""

from __future__ import annotations

import re
from typing import IO, TYPE_CHECKING, Any, Iterator, Mapping, Protocol, Sequence

import click

from aiplint.read.escaping import printable

if TYPE_CHECKING:
    from aiplint.compat.diff import DiffReport
    from aiplint.compat.matching import OperationRef
    from aiplint.linting.findings import Finding
    from aiplint.rule import Rule

__all__ = ["write_text", "write_json"]


class FindingsWriter(Protocol):
    """The text format's writer of findings (`aiplint.report.text.write_findings`), passed in by the text format,
    which calls `write_text` for a diff: importing it here would make the two modules import each other."""

    def __call__(self, findings: Sequence[Finding], stream: IO[str], colour: bool) -> None: ...


def write_text(report: DiffReport, stream: IO[str], colour: bool, quiet: bool, write_findings: FindingsWriter
               ) -> None:
    """New findings and breaking changes, fixed findings, the unchanged count and the operations added, removed
    and moved, then a count of the other API changes; `quiet`: new findings and breaking changes only."""
    breaking = report.breaking_findings(anchored=False)
    if quiet:
        write_findings(report.new, stream, colour)
        write_findings(breaking, stream, colour)
        return
    stream.write(f"New findings ({len(report.new)}):\n")
    write_findings(report.new, stream, colour)
    if breaking:
        causes = f" from {len(breaking)} causes" if len(breaking) != len(report.breaking) else ""
        stream.write(f"Breaking changes ({len(report.breaking)}{causes}):\n")
        write_findings(breaking, stream, colour)
    stream.write(f"Fixed ({len(report.fixed)}):\n")
    write_findings(report.shown_fixed(), stream, colour)
    stream.write(f"Unchanged: {report.unchanged}\n")
    ops = report.operations
    if ops.empty:
        stream.write("API changes: none\n" if not report.changes else "")
        _write_other_changes(report, stream)
        return
    stream.write("API changes:\n")
    def where(op: OperationRef) -> str:
        return f"  ({printable(op.file)})" if op.file and report.pairs > 1 else ""

    for move in ops.moved:
        label = "moved (breaking)" if move.breaking else "moved"
        if colour and move.breaking:
            label = click.style(label, fg="red", bold=True)
        stream.write(f"  {label}: {printable(str(move.old))} -> {printable(str(move.new))}{where(move.new)}\n")
        if move.note:
            stream.write(f"      note: {printable(move.note)}\n")
    for op in ops.removed:
        stream.write(f"  removed: {printable(str(op))}{where(op)}\n")
    for op in ops.added:
        stream.write(f"  added: {printable(str(op))}{where(op)}\n")
    _write_other_changes(report, stream)


def _write_other_changes(report: DiffReport, stream: IO[str]) -> None:
    """The safe changes, counted: `aiplint changelog` lists them."""
    safe = [c for c in report.changes if not c.breaking]
    allowed = sum(1 for c in safe if c.note)
    if safe:
        extra = f", {allowed} of them breaking but allowed by their stability level" if allowed else ""
        stream.write(f"Other API changes: {len(safe)}{extra} (`aiplint changelog` lists every change)\n")


def write_json(report: DiffReport, stream: IO[str], errors: list[dict[str, Any]],
               rules: Mapping[str, Rule] | None = None) -> None:
    """The report as JSON (the contract above), with the files that could not be linted (`errors`, shaped as in
    `check --format json`); `rules`, the rules that ran, give each finding its `aip` and `url`.  The text is what
    `json.dump(..., indent=2)` writes (non-ASCII escaped), written by orjson a list element at a time: Microsoft
    Graph v1.0 -> beta's 213 MB report in 1.5 s, not 4.2 s, and never whole in memory."""
    stream.write("{")
    for n, (key, value) in enumerate([*report.json_items(rules), ("errors", errors)]):
        stream.write(("," if n else "") + "\n  " + _json(key, 2) + ": ")
        if isinstance(value, (list, Iterator)):
            empty = True
            for item in value:
                stream.write(("[" if empty else ",") + "\n    " + _json(item, 4))
                empty = False
            stream.write("[]" if empty else "\n  ]")
        else:
            stream.write(_json(value, 2))
    stream.write("\n}\n")


def _json(value: Any, indent: int) -> str:
    """`value` as `json.dumps(value, indent=2)` writes it at `indent` spaces (every line break in orjson's text
    is its own: a string's are escaped)."""
    import orjson

    raw = orjson.dumps(value, option=orjson.OPT_INDENT_2)
    if not raw.isascii():
        raw = _NON_ASCII.sub(_escaped, raw)
    return raw.decode("ascii").replace("\n", "\n" + " " * indent)


# What `json.dump` escapes and orjson writes as it is (only ever inside strings): DEL, and runs of UTF-8 bytes of
# characters past ASCII (never split: ASCII bytes do not occur inside a character's encoding).
_NON_ASCII = re.compile(rb"[\x7f-\xff]+")


def _escaped(match: re.Match[bytes]) -> bytes:
    """Characters as `json.dump` escapes them: `\\uXXXX`, a surrogate pair past the Basic Multilingual Plane."""
    escaped = []
    for character in match.group().decode():
        code = ord(character)
        if code < 0x10000:
            escaped.append(f"\\u{code:04x}")
        else:
            code -= 0x10000
            escaped.append(f"\\u{0xD800 + (code >> 10):04x}\\u{0xDC00 + (code & 0x3FF):04x}")
    return "".join(escaped).encode("ascii")
