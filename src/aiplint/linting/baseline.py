"""Baselines: adopt aiplint on a legacy spec by recording today's findings, then report only new ones.

The file is sorted, indented JSON that diffs well in review::

    {"version": 1,
     "files": {"specs/openapi": [{"fingerprint": "...", "rule": "...", "method": "GET", "path": "/v1/job/status",
                                   "message": "..."}]}}

Entries are keyed by the spec's path relative to the baseline file, without its `.yaml`/`.yml`/`.json`
extension (so converting a spec between YAML and JSON keeps its entries), and matched by fingerprint only:
moving lines, reordering paths, reformatting and renaming a path parameter keep a finding matched.

Nothing is lost on disk: the file is replaced atomically (written beside it, then renamed), so a reader or a
crash never sees half of it, and writers (pre-commit runs hooks in parallel) update it one at a time under a
lock on its folder, each merging its specs into what the one before wrote.
"""

from __future__ import annotations

import json
import os
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any, Container, Iterator, Mapping

from aiplint.linting.findings import Finding, unmatched
from aiplint.read.loading import InputError

VERSION = 1
_EXTENSIONS = (".yaml", ".yml", ".json")


class BaselineError(InputError):
    """A baseline that cannot be read or written: an input error of the baseline file (exit 2)."""


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
        import orjson

        from aiplint.read.loading import read_file

        try:
            data = orjson.loads(_without_bom(read_file(path)))
        except InputError as exc:
            if exc.message.startswith("file not found") and missing_ok:
                return cls(path)
            if exc.message.startswith("file not found"):
                raise BaselineError(path, "baseline file not found (write one with --write-baseline)") from None
            raise BaselineError(path, f"cannot read the baseline: {exc.message}") from None
        except orjson.JSONDecodeError as exc:  # a position, and no recursion: nesting past 1,024 levels is an error
            raise BaselineError(path, f"cannot read the baseline: invalid JSON: {exc.msg}", exc.lineno,
                                exc.colno) from None
        if not isinstance(data, dict) or data.get("version") != VERSION or not isinstance(data.get("files"), dict):
            raise BaselineError(path, f"not an aiplint baseline (version {VERSION})")
        return cls(path, {key: _entries(path, key, entries) for key, entries in data["files"].items()})

    @classmethod
    def update(cls, path: str, findings_by_spec: Mapping[str, list[Finding]], apps: Container[str] = ()) -> Baseline:
        """Record each spec's findings in the baseline file, keeping other specs' entries, under the lock.
        `apps`: the names in `findings_by_spec` that are applications, which are their own keys."""
        with _locked(path):
            baseline = cls.load(path, missing_ok=True)
            for spec, findings in findings_by_spec.items():
                baseline.record(spec, findings, key=spec if spec in apps else None)
            baseline.write()
        return baseline

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
        """Replace the file atomically: a temporary file in the same folder, renamed over it."""
        import tempfile

        folder = os.path.dirname(os.path.abspath(self.path))
        try:
            fd, temporary = tempfile.mkstemp(prefix=f".{os.path.basename(self.path)}.", suffix=".tmp", dir=folder)
        except OSError as exc:
            raise BaselineError(self.path, f"cannot write the baseline: {exc.strerror}") from None
        try:
            with os.fdopen(fd, "w", encoding="utf-8") as handle:
                handle.write(self.dump())
            os.chmod(temporary, _mode(self.path))
            os.replace(temporary, self.path)
        except BaseException as exc:
            os.unlink(temporary)
            if isinstance(exc, OSError):
                raise BaselineError(self.path, f"cannot write the baseline: {exc.strerror}") from None
            raise


_ENTRY_TYPES = {"fingerprint": (str,), "rule": (str,), "method": (str, type(None)), "path": (str, type(None)),
                "message": (str,)}


def _entries(path: str, key: str, entries: Any) -> list[dict[str, Any]]:
    """A spec's entries, checked: a malformed one is a one-line error naming it."""
    if not isinstance(entries, list):
        raise BaselineError(path, f"files.{json.dumps(key)} must be a list of entries")
    for index, entry in enumerate(entries):
        where = f"files.{json.dumps(key)}[{index}]"
        if not isinstance(entry, dict):
            raise BaselineError(path, f"{where} must be an object")
        for name, types in _ENTRY_TYPES.items():
            if name not in entry or not isinstance(entry[name], types):
                kind = " or ".join("null" if t is type(None) else "a string" for t in types)
                raise BaselineError(path, f"{where}: `{name}` must be {kind}")
    return entries


def _without_bom(raw: bytes) -> bytes:
    """An editor may start the file with a UTF-8 byte order mark, which the JSON parser refuses."""
    return raw[3:] if raw.startswith(b"\xef\xbb\xbf") else raw


def _mode(path: str) -> int:
    """The permissions the baseline keeps (a new one: what the umask gives a new file)."""
    try:
        return os.stat(path).st_mode & 0o777
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask


@contextmanager
def _locked(path: str) -> Iterator[None]:
    """Exclusive access to the baseline for one read-modify-write: a lock on its folder (the file itself is
    replaced by each write, so it cannot carry the lock).  Where there is no `fcntl` (Windows): no lock."""
    try:
        import fcntl
    except ImportError:
        yield
        return
    folder = os.path.dirname(os.path.abspath(path))
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError as exc:
        raise BaselineError(path, f"cannot write the baseline: {folder}: {exc.strerror}") from None
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)
        yield
    finally:
        os.close(fd)
