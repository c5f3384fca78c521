"""What changed since a git revision (`aiplint check --changed-since REV`): the specs to lint are those whose own
bytes changed, or one of the files they reach through `$ref` (transitively), or their configuration.

Changed files are what `git diff REV` (committed, staged and unstaged changes, deletions included) and
`git ls-files --others --exclude-standard` (new files git does not ignore) list, by real path (git's names under
the repository's real root: git does not follow links to folders).  A rename is a deletion and an addition: the
new name is linted, and a spec that still `$ref`s the old name reaches a changed (deleted) file, so it is linted
too and its broken reference reported.  A deleted spec has nothing to lint; `--diff-base` is what reports what
it removed.

The reference graph is read without parsing anything: the lines of every tracked file with a `$ref` to another
file come from one `git grep` (git reads the files, in C), and the file part of each value is taken by a regular
expression (what `$ref`s look like in YAML and JSON); a file git does not track is read and scanned the same way.
A `$ref` written inside an example or a description counts too: that only lints a spec more, never one less (a
binary or UTF-16 file, which git grep skips, is read when a walk reaches it, but does not guide the walk).  A
walk then enters only the folders that hold a file reaching a change, or a changed configuration file.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import tempfile
from functools import lru_cache
from typing import Iterable, Iterator
from urllib.parse import unquote

from aiplint.errors import AiplintError
from aiplint.read.loading import InputError, decode_leniently, read_file
from aiplint.read.trust import confine, is_within, repository_root

__all__ = ["ChangedSince", "GitError", "CONFIG_FILE_NAMES"]

CONFIG_FILE_NAMES = (".aiplint.toml", "pyproject.toml")  # as `aiplint.config.find_config_file` looks for them
TOOL_TABLE = "[tool.aiplint"  # what makes a pyproject.toml one

# A `$ref` key (bare or quoted) and its value: double-quoted (JSON, YAML), single-quoted (YAML) or plain (YAML,
# up to a `#`, a flow indicator or the end of the line).  Only the file part before `#` matters here.
_REF = re.compile(r"""\$ref["']?[ \t]*:[ \t]*"""
                  r"""(?:"((?:[^"\\\n]|\\.)*)"|'((?:[^'\n]|'')*)'|([^\s"'#,{}\[\]][^\n#,{}\[\]]*))""")
# For git grep (a POSIX extended regular expression): a line with a `$ref` whose value is not `#...`, local
_TO_A_FILE = r"""\$ref["']?[[:blank:]]*:[[:blank:]]*["']?[^#"'[:space:]]"""
_SCHEME = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]+:")  # http:, urn:, ... (one letter would be a Windows drive)


class GitError(AiplintError):
    """`--changed-since` cannot be answered: not in a git repository, an unknown revision, git missing."""


class ChangedSince:
    """The files changed since git revision `rev` in each repository that holds a spec, and which specs they
    make worth linting again."""

    def __init__(self, rev: str):
        self.rev = rev
        self._repositories: dict[str, Repository | None] = {}  # by root; None: git cannot answer there

    def check(self, paths: tuple[str, ...]) -> None:
        """Ask git now about the repositories of the paths named: raises GitError before anything is linted."""
        for path in paths:
            if path != "-":
                folder = path if os.path.isdir(path) else os.path.dirname(path) or "."
                top = repository_root(os.path.realpath(folder))
                if top is None:
                    raise GitError(f"{path}: not in a git repository")
                self._repository(top, strict=True)

    def may_hold(self, path: str, is_dir: bool) -> bool:
        """Whether a walk may find a spec to lint at `path` (a folder to enter, or a file): a file that reaches
        a changed one, a folder holding one, anything under a changed configuration file, or anything in a
        repository git cannot answer for.  Among what it lets through, `affects` decides."""
        real = os.path.realpath(path)
        repository = self._holding(real if is_dir else os.path.dirname(real))
        return repository is None or repository.may_hold(real)

    def affects(self, spec: str, config_file: str | None) -> bool:
        """Whether `spec` may have new findings since the revision: it changed, a file it reaches through `$ref`
        did, or its configuration did (or one appeared or went away between it and the configuration in force,
        which may have been, or may be, nearer).  Outside a repository git can answer for: yes."""
        real = os.path.realpath(spec)
        repository = self._holding(os.path.dirname(real))
        if repository is None or (config_file and os.path.realpath(config_file) in repository.changed):
            return True
        return repository.configured_anew(real, config_file) or repository.reaches_a_change(real)

    def _holding(self, folder: str) -> Repository | None:
        top = repository_root(folder)
        return self._repository(top, strict=False) if top else None

    def _repository(self, top: str, strict: bool) -> Repository | None:
        if top not in self._repositories:
            try:
                self._repositories[top] = Repository(top, self.rev)
            except GitError:
                self._repositories[top] = None
                if strict:
                    raise
        return self._repositories[top]


class Repository:
    """One repository's changes since a revision: the files changed, the `$ref`s of its files, the files that
    reach a change through them, and the folders of the configuration files changed."""

    def __init__(self, top: str, rev: str):
        self.top = top
        self.changed, self._refs = _changes_and_references(top, rev)
        self.configurations = {os.path.dirname(file) for file in self.changed if _configures(file, top, rev)}
        self._holders = {folder for file in self._reaching() for folder in _folders_holding(file, top)}

    def may_hold(self, real: str) -> bool:
        return real in self._holders or any(is_within(real, folder) for folder in self.configurations)

    def configured_anew(self, spec: str, config_file: str | None) -> bool:
        """A configuration file changed in the spec's folder or one above it, up to the folder of its
        configuration (the repository's root when none applies)."""
        ceiling = os.path.dirname(os.path.realpath(config_file)) if config_file else self.top
        folder = os.path.dirname(spec)
        while folder not in self.configurations:
            if folder in (ceiling, self.top) or os.path.dirname(folder) == folder:
                return False
            folder = os.path.dirname(folder)
        return True

    def reaches_a_change(self, spec: str) -> bool:
        """Whether the spec or a file it reaches through `$ref` changed."""
        pending, seen = [spec], {spec}
        while pending:
            file = pending.pop()
            if file in self.changed:
                return True
            for target in self.references(file):
                if target not in seen:
                    seen.add(target)
                    pending.append(target)
        return False

    def references(self, file: str) -> tuple[str, ...]:
        """The files `file` `$ref`s: from `git grep`, or read now (one without a `$ref` to a file, or one git does
        not track or ignores)."""
        if file not in self._refs:
            self._refs[file] = tuple(referenced_files(file, self.top))
        return self._refs[file]

    def _reaching(self) -> set[str]:
        """The changed files and every file that reaches one through the `$ref`s git grep found."""
        referrers: dict[str, list[str]] = {}
        for file, targets in self._refs.items():
            for target in targets:
                referrers.setdefault(target, []).append(file)
        reaching, pending = set(self.changed), list(self.changed)
        while pending:
            for file in referrers.get(pending.pop(), ()):
                if file not in reaching:
                    reaching.add(file)
                    pending.append(file)
        return reaching


def _changes_and_references(top: str, rev: str) -> tuple[frozenset[str], dict[str, tuple[str, ...]]]:
    """(the real paths of the files that differ between `rev` and the work tree: changed, added or deleted
    since, committed or not, and new files git does not ignore; the files each tracked file `$ref`s).  The
    three git commands run at once."""
    if _git(top, "rev-parse", "--verify", "--quiet", f"{rev}^{{commit}}").returncode != 0:
        raise GitError(f"unknown git revision {rev!r}")
    changed, untracked, ref_lines = _git_all(top, [
        ("diff", "--name-only", "--no-renames", "-z", rev, "--"),
        ("ls-files", "--others", "--exclude-standard", "-z"),
        # `path NUL line` for each line with a `$ref` to a file, whatever the user's configuration of git grep says
        ("grep", "-z", "-I", "-E", "--no-line-number", "--no-column", "--no-color", "--full-name", "-e", _TO_A_FILE,
         "--"),
    ])
    names = changed.split("\0") + untracked.split("\0")
    return frozenset(_in(top, name) for name in names if name), _references_of_lines(top, ref_lines)


def _references_of_lines(top: str, lines: str) -> dict[str, tuple[str, ...]]:
    """The files each file `$ref`s, from its lines with a `$ref` to a file (`path NUL line`)."""
    by_file: dict[str, list[str]] = {}
    for line in lines.split("\n"):
        name, _, text = line.partition("\0")
        if name:
            by_file.setdefault(name, []).append(text)
    return {_in(top, name): tuple(_targets(_in(top, name), "\n".join(texts), top)) for name, texts in by_file.items()}


def _in(top: str, name: str) -> str:
    """The path of a file git names (`a/b.yaml`, from the repository's root) as this system writes it."""
    return os.path.normpath(os.path.join(top, name))


def referenced_files(file: str, top: str) -> list[str]:
    """The real paths of the files `file`'s `$ref`s name inside the repository at `top` (read, not parsed; one
    that cannot be read names none).  Local, remote and URI references name no file."""
    try:
        text = decode_leniently(read_file(file))
    except InputError:
        return []
    return list(_targets(file, text, top))


def _targets(file: str, text: str, top: str) -> Iterator[str]:
    """The real paths of the files the `$ref`s of `text`, written in `file`, name inside `top`, each once."""
    folder = os.path.dirname(file)
    found = set()
    for match in _REF.finditer(text):
        target = _file_part(_ref_value(match))
        if target:
            inside = _confined(os.path.normpath(os.path.join(folder, target)), top)
            if inside is not None and inside not in found:
                found.add(inside)
                yield inside


@lru_cache(maxsize=65536)
def _confined(path: str, top: str) -> str | None:
    """`confine`, memoised: many files `$ref` the same few."""
    return confine(path, top)


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


def _configures(file: str, top: str, rev: str) -> bool:
    """Whether a changed file is, or was at `rev`, a configuration file: `.aiplint.toml`, or a `pyproject.toml`
    with a `[tool.aiplint]` table (a version bump in one without is no change of configuration)."""
    name = os.path.basename(file)
    if name != "pyproject.toml":
        return name in CONFIG_FILE_NAMES
    try:
        now = decode_leniently(read_file(file))
    except InputError:
        now = ""
    before = _git(top, "show", f"{rev}:{os.path.relpath(file, top)}").stdout
    return any(TOOL_TABLE in text for text in (now, before))


def _folders_holding(file: str, top: str) -> Iterator[str]:
    """`file` and the folders holding it, up to the repository's root."""
    while is_within(file, top) and file != top:
        yield file
        file = os.path.dirname(file)
    yield top


def _git(top: str, *args: str) -> subprocess.CompletedProcess[str]:
    try:
        return subprocess.run(["git", "-C", top, *args], capture_output=True, text=True, errors="surrogateescape")
    except FileNotFoundError:
        raise GitError("`git` is not installed") from None
    except OSError as exc:
        raise GitError(f"cannot run git: {exc}") from None


def _git_all(top: str, commands: Iterable[tuple[str, ...]]) -> list[str]:
    """The output of git commands run side by side (`grep`'s exit 1: no line found, no failure)."""
    with tempfile.TemporaryFile() as errors:
        running = []
        for command in commands:
            output = tempfile.TemporaryFile()
            running.append((command, output, subprocess.Popen(["git", "-C", top, *command], stdout=output,
                                                              stderr=errors)))
        results = []
        for command, output, process in running:
            with output:
                if process.wait() not in ((0, 1) if command[0] == "grep" else (0,)):
                    errors.seek(0)
                    message = " ".join(errors.read().decode(errors="replace").split())
                    raise GitError(f"git {command[0]} failed: {message}")
                output.seek(0)
                results.append(output.read().decode(errors="surrogateescape"))
    return results
