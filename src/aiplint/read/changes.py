"""What changed since a git revision (`aiplint check --changed-since REV`): the specs to lint are those whose own
bytes changed, or one of the files they reach through `$ref` (transitively), or their configuration.

Changed files are what `git diff REV` (committed, staged and unstaged changes, deletions included) and
`git ls-files --others --exclude-standard` (new files git does not ignore) list, by real path.  A rename is a
deletion and an addition: the new name is linted, and a spec that still `$ref`s the old name reaches a changed
(deleted) file, so it is linted too and its broken reference reported.  A deleted spec has nothing to lint;
`--diff-base` is what reports what it removed.

The reference graph is read without parsing anything: each file is scanned once for the file part of its `$ref`
values (a regular expression over its text, what `$ref`s look like in YAML and JSON).  A `$ref` written inside an
example or a description is counted too; that only lints a spec more, never one less.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
from urllib.parse import unquote

from aiplint.read.loading import InputError, decode_leniently, read_file
from aiplint.read.trust import confine, repository_root

__all__ = ["ChangedSince", "GitError", "CONFIG_FILE_NAMES"]

CONFIG_FILE_NAMES = (".aiplint.toml", "pyproject.toml")  # as `aiplint.config.find_config_file` looks for them

# A `$ref` key (bare or quoted) and its value: double-quoted (JSON, YAML), single-quoted (YAML) or plain (YAML,
# up to a `#`, a flow indicator or the end of the line).  Only the file part before `#` matters here.
_REF = re.compile(r"""\$ref["']?[ \t]*:[ \t]*(?:"((?:[^"\\\n]|\\.)*)"|'((?:[^'\n]|'')*)'|([^\s"'#,{}\[\]][^\n#,{}\[\]]*))""")
_SCHEME = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]+:")  # http:, urn:, ... (one letter would be a Windows drive)


class GitError(Exception):
    """`--changed-since` cannot be answered: not in a git repository, an unknown revision, git missing."""


class ChangedSince:
    """The files changed since git revision `rev` in each repository that holds a spec, and which specs they
    make worth linting again."""

    def __init__(self, rev: str):
        self.rev = rev
        self._changed: dict[str, frozenset[str] | None] = {}  # by repository root; None: the revision is unknown
        self._refs: dict[str, tuple[str, ...]] = {}  # the files each file `$ref`s, by real path

    def check(self, paths: tuple[str, ...]) -> None:
        """Ask git now about the repositories of the paths named: raises GitError before anything is linted."""
        for path in paths:
            if path != "-":
                folder = path if os.path.isdir(path) else os.path.dirname(path) or "."
                self._changed_in(_repository(folder, path), self.rev, strict=True)

    def affects(self, spec: str, config_file: str | None, baseline: str | None) -> bool:
        """Whether `spec` may have new findings since the revision: it changed, a file it reaches through `$ref`
        did, its configuration or baseline did, or a configuration file appeared or went away between it and
        the configuration in force (which may have been, or may be, nearer).  Outside a known repository: yes."""
        real = os.path.realpath(spec)
        top = repository_root(os.path.dirname(real))
        changed = self._changed_in(top, self.rev, strict=False) if top else None
        if changed is None:
            return True
        if any(os.path.realpath(file) in changed for file in (config_file, baseline) if file):
            return True
        return self._configuration_moved(real, config_file, top, changed) or self._reaches(real, top, changed)

    def _changed_in(self, top: str, rev: str, strict: bool) -> frozenset[str] | None:
        if top not in self._changed:
            try:
                self._changed[top] = changed_files(top, rev)
            except GitError:
                self._changed[top] = None
                if strict:
                    raise
        return self._changed[top]

    def _configuration_moved(self, spec: str, config_file: str | None, top: str, changed: frozenset[str]) -> bool:
        """A configuration file changed in the spec's folder or a folder above it, up to the folder of its
        configuration (or the repository's root when none applies)."""
        ceiling = os.path.dirname(os.path.realpath(config_file)) if config_file else top
        folder = os.path.dirname(spec)
        while True:
            if any(os.path.join(folder, name) in changed for name in CONFIG_FILE_NAMES):
                return True
            if folder in (ceiling, top) or os.path.dirname(folder) == folder:
                return False
            folder = os.path.dirname(folder)

    def _reaches(self, spec: str, top: str, changed: frozenset[str]) -> bool:
        """Whether the spec or a file it reaches through `$ref` (inside its repository) changed."""
        pending, seen = [spec], {spec}
        while pending:
            file = pending.pop()
            if file in changed:
                return True
            for target in self._references(file, top):
                if target not in seen:
                    seen.add(target)
                    pending.append(target)
        return False

    def _references(self, file: str, top: str) -> tuple[str, ...]:
        if file not in self._refs:
            self._refs[file] = tuple(referenced_files(file, top))
        return self._refs[file]


def changed_files(top: str, rev: str) -> frozenset[str]:
    """The real paths of the files that differ between `rev` and the work tree of the repository at `top`:
    changed, added or deleted since (committed or not), and new files git does not ignore."""
    if _git(top, "rev-parse", "--verify", "--quiet", f"{rev}^{{commit}}").returncode != 0:
        raise GitError(f"unknown git revision {rev!r}")
    names = []
    for command in (("diff", "--name-only", "--no-renames", "-z", rev, "--"),
                    ("ls-files", "--others", "--exclude-standard", "-z")):
        listed = _git(top, *command)
        if listed.returncode != 0:
            raise GitError(f"git {command[0]} failed: {' '.join(listed.stderr.split())}")
        names += listed.stdout.split("\0")
    return frozenset(os.path.realpath(os.path.join(top, name)) for name in names if name)


def referenced_files(file: str, top: str) -> list[str]:
    """The real paths of the files `file`'s `$ref`s name inside the repository at `top` (read, not parsed; one
    that cannot be read names none).  Local, remote and URI references name no file."""
    try:
        text = decode_leniently(read_file(file))
    except InputError:
        return []
    folder = os.path.dirname(file)
    found = []
    for ref in {_ref_value(match) for match in _REF.finditer(text)}:
        target = _file_part(ref)
        if target:
            inside = confine(os.path.join(folder, target), top)
            if inside is not None:
                found.append(inside)
    return found


def _ref_value(match: re.Match[str]) -> str:
    double, single, plain = match.groups()
    if double is not None:
        return _json_string(double) if "\\" in double else double
    if single is not None:
        return single.replace("''", "'")
    return plain.rstrip()


def _json_string(escaped: str) -> str:
    try:
        return json.loads(f'"{escaped}"')
    except ValueError:
        return escaped


def _file_part(ref: str) -> str:
    """`schemas/pet.yaml` of `schemas/pet.yaml#/Pet`; empty for `#/components/...` and remote or URI refs."""
    file = ref.partition("#")[0].partition("?")[0]
    if file.startswith("//") or _SCHEME.match(file):
        return ""
    try:
        return unquote(file, errors="strict")
    except UnicodeDecodeError:
        return file


def _repository(folder: str, subject: str) -> str:
    top = repository_root(os.path.realpath(folder))
    if top is None:
        raise GitError(f"{subject}: not in a git repository")
    return top


def _git(top: str, *args: str) -> subprocess.CompletedProcess[str]:
    try:
        return subprocess.run(["git", "-C", top, *args], capture_output=True, text=True, errors="surrogateescape")
    except FileNotFoundError:
        raise GitError("`git` is not installed") from None
    except OSError as exc:
        raise GitError(f"cannot run git: {exc}") from None
