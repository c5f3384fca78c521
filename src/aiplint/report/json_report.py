"""The `json` format, for tools (a versioned contract): the findings, the files that could not be linted, and a
summary; under a diff, the diff report of `aiplint.report.diff`.  Named so as not to shadow the standard `json`."""

from __future__ import annotations

import json
from typing import IO, TYPE_CHECKING, Any, Sequence

from aiplint.report.writer import Report, count_by_severity

if TYPE_CHECKING:
    from aiplint.read.loading import InputError

JSON_FORMAT_VERSION = 1


def write(report: Report, stream: IO[str]) -> None:
    """The findings (under a diff: the diff report), the files that could not be linted, and a summary."""
    if report.diff is not None:
        from aiplint.report.diff import write_json as write_diff

        return write_diff(report.diff, stream, error_dicts(report.errors), report.rules)
    n = count_by_severity(report.findings)
    json.dump({
        "version": JSON_FORMAT_VERSION,
        "findings": [f.to_dict(report.rules) for f in report.findings],
        "errors": error_dicts(report.errors),
        "summary": {"files": len(report.files), "errors": n["error"], "warnings": n["warning"], "infos": n["info"],
                    "suppressed": {"baseline": report.suppressed.get("baseline", 0),
                                   "inline": report.suppressed.get("inline", 0)}},
    }, stream, indent=2)
    stream.write("\n")


def error_dicts(errors: Sequence[InputError]) -> list[dict[str, Any]]:
    """The JSON shape of the files that could not be linted: `{file, line, column, message}`."""
    return [{"file": e.path, "line": e.line, "column": e.column, "message": e.message} for e in errors]
