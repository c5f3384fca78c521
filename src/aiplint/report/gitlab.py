"""The `gitlab` format: a GitLab Code Quality report."""

from __future__ import annotations

import hashlib
import json
from collections import Counter
from typing import IO

from aiplint.report.writer import Report
from aiplint.rule import Severity

_GITLAB_SEVERITIES = {Severity.ERROR: "major", Severity.WARNING: "minor", Severity.INFO: "info"}


def write(report: Report, stream: IO[str]) -> None:
    """A GitLab Code Quality report (a JSON list of CodeClimate-style issues).  GitLab needs fingerprints
    unique within a report, and ours can repeat (the same problem in two files, or twice at one
    operation): a repeat gets `-2`, `-3`, ... in the order of the findings.  A file that could not be linted
    is a `critical` issue `aiplint/error`.  Under a diff, the new findings only."""
    seen: Counter[str] = Counter()
    issues = [
        {
            "description": f"aiplint could not lint this file: {e.message}",
            "check_name": "aiplint/error",
            "fingerprint": hashlib.sha256(f"{e.path}\x1f{e.message}".encode()).hexdigest()[:16],
            "severity": "critical",
            "location": {"path": e.path, "lines": {"begin": e.line}},
        }
        for e in report.errors
    ]
    for f in report.findings:
        seen[f.fingerprint] += 1
        fingerprint = f.fingerprint if seen[f.fingerprint] == 1 else f"{f.fingerprint}-{seen[f.fingerprint]}"
        issues.append(
            {
                "description": f"{f.rule}: {f.message}",
                "check_name": f.rule,
                "fingerprint": fingerprint,
                "severity": _GITLAB_SEVERITIES[f.severity],
                "location": {"path": f.file, "lines": {"begin": f.line}},
            }
        )
    json.dump(issues, stream, indent=2)
    stream.write("\n")
