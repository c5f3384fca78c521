"""The result cache: a spec linted before, unchanged, under the same configuration and rules, is not parsed again.

As ruff's cache, an entry is found by a key over what decides the findings: the spec's bytes and name, the
configuration, the rules (aiplint's own code and data, each plugin's module) and aiplint's version.  The files the
spec `$ref`s are known only once it is parsed, so the entry lists them with the hash of the bytes that were parsed
(not of the files when the lint ends, which may have changed meanwhile), and a hit requires each to be unchanged.

The folder (`.aiplint_cache/` in the current folder, `AIPLINT_CACHE_DIR` or `--cache-dir`) may come with the
repository being linted, so nothing in it is trusted: entries are signed, key and body together, with a key kept
outside it (in the user's cache home), an entry that does not verify or names another spec is a miss, and nothing is
written through a symbolic link.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import os
import stat
import sys
from dataclasses import dataclass, fields, is_dataclass
from functools import lru_cache
from typing import TYPE_CHECKING, Any, Mapping

import aiplint
from aiplint import __version__
from aiplint.linting.findings import Also, Finding, Related
from aiplint.read.loading import InputError, read_file
from aiplint.rule import Fix, Severity

if TYPE_CHECKING:
    from aiplint.config import Config
    from aiplint.linting.engine import Linted
    from aiplint.linting.findings import Finding
    from aiplint.rule import Rule

CACHE_ENV = "AIPLINT_CACHE_DIR"
NO_CACHE_ENV = "AIPLINT_NO_CACHE"
DEFAULT_FOLDER = ".aiplint_cache"
_MAX_ENTRY_BYTES = 64 * 1024 * 1024


@dataclass(frozen=True)
class Hit:
    """What a cached lint of a spec found."""

    findings: list[Finding]
    suppressed: int
    inputs: list[str]  # the real paths of the files it read (the spec and what it `$ref`s)


def open_cache(folder: str | None, enabled: bool = True) -> ResultCache | None:
    """The cache in `folder` (default: `AIPLINT_CACHE_DIR`, else `.aiplint_cache` here); None when turned off
    (`--no-cache`, `AIPLINT_NO_CACHE=1`) or when the folder or the signing key cannot be used."""
    if not enabled or os.environ.get(NO_CACHE_ENV, "") not in ("", "0"):
        return None
    root = os.path.abspath(folder or os.environ.get(CACHE_ENV) or DEFAULT_FOLDER)
    key = _signing_key()
    return ResultCache(root, key) if key is not None else None


class ResultCache:
    def __init__(self, root: str, signing_key: bytes):
        self.root = root
        self.folder = os.path.join(root, __version__)
        self._signing_key = signing_key

    def key(self, name: str, raw: bytes, config: Config, rules: Mapping[str, Rule]) -> str:
        """The entry's name: what decides the findings of the spec `name` with bytes `raw`."""
        digest = hashlib.sha256()
        for part in (name, os.path.realpath(name), sys.version, _canonical(config), *_rule_versions(rules)):
            digest.update(part.encode("utf-8", "surrogateescape") + b"\0")
        digest.update(raw)
        return digest.hexdigest()

    def get(self, key: str, root: str) -> Hit | None:
        """What the entry `key` holds for the spec at the real path `root`, when every file it read is unchanged."""
        entry = self._read(key)
        try:
            if entry is None or entry["root"] != root:  # an entry is only ever for the spec it names
                return None
            if not all(_file_hash(path) == sha for path, sha in entry["files"]):
                return None
            findings = [Finding(**{**f, "severity": Severity(f["severity"]),
                                   "related": tuple(Related(*r) for r in f["related"]),
                                   "also": tuple(Also(*a) for a in f["also"]),
                                   "fix": Fix.from_json(f["fix"]) if f["fix"] else None})
                        for f in entry["findings"]]
            return Hit(findings, int(entry["suppressed"]), [entry["root"], *(path for path, _ in entry["files"])])
        except (KeyError, TypeError, ValueError):
            return None

    def put(self, key: str, linted: Linted, root: str, digests: Mapping[str, str]) -> None:
        """Store a lint's findings with the hash of each other file it read, taken from the bytes that were
        parsed (the key has the spec's own bytes); a lint whose rules crashed is not kept (the crash must show
        again), and a folder that cannot be written is no error."""
        if linted.crashes:
            return
        findings = [{**{f.name: getattr(finding, f.name) for f in fields(finding)},
                     "severity": finding.severity.value, "related": [list(r) for r in finding.related],
                     "also": [list(a) for a in finding.also],
                     "fix": finding.fix.to_json() if finding.fix is not None else None}
                    for finding in linted.findings]
        entry = {"root": root, "files": sorted(digests.items()), "findings": findings,
                 "suppressed": linted.suppressed}
        body = json.dumps(entry).encode()
        self._write(key, self._sign(key, body) + b"\n" + body)

    # -- entries on disk

    def _path(self, key: str) -> str:
        return os.path.join(self.folder, key[:2], key)

    def _read(self, key: str) -> dict | None:
        path = self._path(key)
        try:
            if self._folder(key, create=False) is None:
                return None
            st = os.lstat(path)  # the entry itself no symbolic link either, and not too big to read
            if not stat.S_ISREG(st.st_mode) or st.st_size > _MAX_ENTRY_BYTES:
                return None
            data = read_file(path)
        except (OSError, InputError):
            return None
        signature, _, body = data.partition(b"\n")
        if not hmac.compare_digest(signature, self._sign(key, body)):
            return None
        try:
            entry = json.loads(body)
        except ValueError:
            return None
        return entry if isinstance(entry, dict) else None

    def _write(self, key: str, data: bytes) -> None:
        import tempfile

        try:
            folder = self._folder(key, create=True)
            if folder is None:
                return
            self._ignore_in_git()
            fd, temporary = tempfile.mkstemp(dir=folder, prefix=".tmp-")
            with os.fdopen(fd, "wb") as stream:
                stream.write(data)
            os.replace(temporary, self._path(key))  # atomic: a concurrent reader sees the old entry or this one
        except OSError:
            return

    def _folder(self, key: str, create: bool) -> str | None:
        """The entry's folder when the cache root and each folder below it are real folders (made when `create`),
        None when one is missing or is a symbolic link or a file: the cache folder may come with the repository
        being linted, and a link in it could lead reads and writes outside."""
        folder = None
        for folder in (self.root, self.folder, os.path.dirname(self._path(key))):  # each checked before the next
            if create:
                try:
                    os.mkdir(folder)  # never follows a link at `folder` itself
                except FileExistsError:
                    pass
            try:
                st = os.lstat(folder)
            except FileNotFoundError:
                return None
            if not stat.S_ISDIR(st.st_mode):  # lstat: a link to a folder is no folder here
                return None
        return folder

    def _ignore_in_git(self) -> None:
        """A `.gitignore` of `*` in the cache folder, as ruff writes, so that it is never committed."""
        marker = os.path.join(self.root, ".gitignore")
        if not os.path.lexists(marker):
            with open(marker, "x", encoding="utf-8") as stream:
                stream.write("# Automatically created by aiplint.\n*\n")

    def _sign(self, key: str, body: bytes) -> bytes:
        """The entry's signature over its key and its body: a genuine entry copied under another key fails."""
        return hmac.new(self._signing_key, key.encode() + b"\n" + body, hashlib.sha256).hexdigest().encode()


def user_cache_folder() -> str | None:
    """aiplint's folder in the user's cache home (`$XDG_CACHE_HOME/aiplint`, `~/.cache/aiplint`), made private
    on first use; None when it cannot be made."""
    home = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    folder = os.path.join(home, "aiplint")
    try:
        os.makedirs(folder, mode=0o700, exist_ok=True)
    except OSError:
        return None
    return folder


def _signing_key() -> bytes | None:
    """The user's secret for signing entries, created on first use in the user's cache folder (mode 0600): a
    repository can carry a cache folder, never this key, so it cannot forge a clean result."""
    folder = user_cache_folder()
    if folder is None:
        return None
    path = os.path.join(folder, "signing-key")
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "wb") as stream:
            stream.write(os.urandom(32).hex().encode())
    except FileExistsError:
        pass
    except OSError:
        return None
    try:
        with open(path, "rb") as stream:
            key = stream.read(64)
    except OSError:
        return None
    return key if len(key) == 64 else None  # short: another run is writing it; no cache this time


def _file_hash(path: str) -> str | None:
    try:
        return hashlib.sha256(read_file(path)).hexdigest()
    except InputError:
        return None


def _canonical(value: Any) -> str:
    """One text for equal configurations whatever their sets' iteration order."""
    return json.dumps(_plain(value), sort_keys=True, default=repr)


def _plain(value: Any) -> Any:
    if is_dataclass(value) and not isinstance(value, type):
        return {f.name: _plain(getattr(value, f.name)) for f in fields(value) if f.name != "origins"}
    if isinstance(value, Mapping):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, (set, frozenset)):
        return sorted(_plain(v) for v in value)
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    return value


def _rule_versions(rules: Mapping[str, Rule]) -> list[str]:
    """The rules that run and the code they run: aiplint's own (its files' sizes and times, so an edited
    checkout is not served stale results) and each plugin's module file."""
    return sorted(rules) + list(_code_stamps(frozenset(rule.check.__module__ for rule in rules.values())))


@lru_cache(maxsize=None)
def _code_stamps(modules: frozenset[str]) -> tuple[str, ...]:
    files = {getattr(sys.modules[name], "__file__", None) or "" for name in modules} | set(_own_files())
    return tuple(f"{path}:{_stamp(path)}" for path in sorted(files))


def _own_files() -> list[str]:
    package = os.path.dirname(aiplint.__file__)
    return [os.path.join(folder, name) for folder, _, names in os.walk(package) if "__pycache__" not in folder
            for name in names if name.endswith((".py", ".txt", ".json", ".toml"))]


def _stamp(path: str) -> str:
    try:
        st = os.stat(path)
    except OSError:
        return "missing"
    return f"{st.st_size}:{st.st_mtime_ns}"
