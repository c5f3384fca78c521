"""Baselines: adopt aiplint on a legacy spec by recording today's findings, then report only new ones.

The file is sorted, indented JSON that diffs well in review::

    {"version": 1,
     "files": {"specs/openapi": [{"fingerprint": "...", "rule": "...", "method": "GET", "path": "/v1/job/status",
                                   "message": "..."}]}}

Entries are keyed by the spec's path relative to the baseline file, without its `.yaml`/`.yml`/`.json`
extension (so converting a spec between YAML and JSON keeps its entries), and matched by fingerprint only:
moving lines, reordering paths, reformatting and renaming a path parameter keep a finding matched.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass, field
from typing import Any

from aiplint.engine import Finding, unmatched

VERSION = 1
_EXTENSIONS = (".yaml", ".yml", ".json")


class BaselineError(Exception):
    """A baseline that cannot be read: a usage error (exit 2)."""


def file_key(spec: str, baseline_path: str) -> str:
    relative = os.path.relpath(os.path.abspath(spec), os.path.dirname(os.path.abspath(baseline_path)))
    relative = relative.replace(os.sep, "/")
    stem, extension = os.path.splitext(relative)
    return stem if extension.lower() in _EXTENSIONS else relative


def _fingerprint(finding: Finding) -> str:
    return finding.fingerprint


def _entry(finding: Finding) -> dict[str, Any]:
    return {
        "fingerprint": finding.fingerprint,
        "rule": finding.rule,
        "method": finding.method,
        "path": finding.path,
        "message": finding.message,
    }


def _order(entry: dict[str, Any]) -> tuple:
    return entry["rule"], entry["path"] or "", entry["method"] or "", entry["fingerprint"]


@dataclass
class Baseline:
    path: str
    files: dict[str, list[dict[str, Any]]] = field(default_factory=dict)

    @classmethod
    def load(cls, path: str, missing_ok: bool = False) -> Baseline:
        try:
            with open(path, encoding="utf-8") as handle:
                data = json.load(handle)
        except FileNotFoundError:
            if missing_ok:
                return cls(path)
            raise BaselineError(f"{path}: baseline file not found (write one with --write-baseline)") from None
        except (OSError, ValueError) as exc:
            raise BaselineError(f"{path}: cannot read the baseline: {exc}") from None
        if not isinstance(data, dict) or data.get("version") != VERSION or not isinstance(data.get("files"), dict):
            raise BaselineError(f"{path}: not an aiplint baseline (version {VERSION})")
        return cls(path, data["files"])

    def split(self, spec: str, findings: list[Finding], key: str | None = None
              ) -> tuple[list[Finding], list[dict[str, Any]]]:
        """For one linted spec (its `$ref`'d files included): (findings not in the baseline, baseline entries
        that no longer occur).  `key` names entries that are no file's: an application's (`pkg.api:app`)."""
        key = key or file_key(spec, self.path)
        entries = self.files.get(key, [])
        new = unmatched(findings, (e["fingerprint"] for e in entries), _fingerprint)
        # the first entries of a repeated fingerprint are the ones no longer found
        fixed = unmatched(entries[::-1], map(_fingerprint, findings), lambda e: e["fingerprint"])[::-1]
        fixed = [{"file": key, **entry} for entry in fixed]
        return new, fixed

    def record(self, spec: str, findings: list[Finding], key: str | None = None) -> None:
        """Replace one spec's entries with its current findings; other specs' entries stay."""
        key = key or file_key(spec, self.path)
        self.files[key] = [_entry(finding) for finding in findings]

    def dump(self) -> str:
        files = {key: sorted(entries, key=_order) for key, entries in sorted(self.files.items()) if entries}
        return json.dumps({"version": VERSION, "files": files}, indent=2, ensure_ascii=False) + "\n"

    def write(self) -> None:
        with open(self.path, "w", encoding="utf-8") as handle:
            handle.write(self.dump())
