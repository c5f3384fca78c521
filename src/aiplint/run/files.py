"""Find the files: the specs named and found under the command line's and each folder's exclusions, each with
its configuration, each taken once; standard input read once; for a named file that is no OpenAPI document
(a fragment of a split spec), the specs that `$ref` it."""

from __future__ import annotations

import os
import sys
from dataclasses import dataclass
from typing import TYPE_CHECKING, Iterator

from aiplint.config import Config
from aiplint.config.resolve import Resolver
from aiplint.read.discovery import RootFinder
from aiplint.read.document import Document, open_document
from aiplint.read.loading import InputError, decode
from aiplint.rule import Rule
from aiplint.run.configure import finder
from aiplint.run.options import CheckOptions
from aiplint.run.results import Results

if TYPE_CHECKING:
    from aiplint.read.changes import ChangedSince

NOT_OPENAPI = "not an OpenAPI document (no top-level `openapi` or `swagger` key)"


@dataclass(frozen=True)
class Job:
    """One file to lint: its path as found, the name reports give it, the folder whose walk found it, the text
    standard input gave, and its configuration and rules."""

    path: str
    name: str
    walked_from: str | None
    text: str | None
    config: Config
    rules: dict[str, Rule]


class Selection:
    """The specs one run takes, each once (a root may also be named, or reach two fragments); files that cannot
    be read are reported in `results` and left out.  `changes` (--changed-since): only the specs it affects are
    linted, and a walk enters only the folders that may hold one."""

    def __init__(self, options: CheckOptions, resolver: Resolver, results: Results,
                 changes: ChangedSince | None = None):
        self.options, self.resolver, self.results, self.changes = options, resolver, results, changes
        self.finder = finder(options, resolver, changes.may_hold if changes else None)
        self.seen: set[str] = set()  # the real paths of the specs taken

    def jobs(self, paths: tuple[str, ...]) -> Iterator[Job]:
        """The files named and found, each once, with their configuration (standard input read now)."""
        for target in self.finder.targets(paths):
            if target.path == "-" and self._stdin_excluded():
                continue
            name = self.name(target.path)
            config, rules = self.resolver.for_path(name)
            text = read_stdin(name) if target.path == "-" else None
            if isinstance(text, InputError):
                self.results.fail(text)
                continue
            if text is None and not self.take(name):
                continue
            self.results.inputs.add(os.path.realpath(name))
            if text is None and not self.changed(name, config):
                continue  # taken all the same: with --diff-base, a spec left out is not one gone since REV
            yield Job(target.path, name, target.walked_from, text, config, rules)

    def fragment_roots(self, fragments: list[str]) -> Iterator[tuple[str, Document | None, Config, dict[str, Rule]]]:
        """For each named file that is no OpenAPI document, the specs that reach it through `$ref`."""
        roots = RootFinder(self.finder, self._open_root)
        for fragment in fragments:
            if fragment == "-":
                self.results.note(f"{self.name(fragment)}: {NOT_OPENAPI}; skipped")
                continue
            config, _ = self.resolver.for_path(fragment)
            found = roots.roots(fragment, config.roots, config.folder)
            if not found:
                self.results.note(f"{fragment}: {NOT_OPENAPI}; skipped")
            for root, document in found:
                self.results.note(f"{fragment}: linted as part of {root}, which $refs it")
                if self.take(root):
                    yield (root, document, *self.resolver.for_path(root))

    def name(self, path: str) -> str:
        return (self.options.stdin_filename or "-") if path == "-" else path

    def take(self, path: str) -> bool:
        """Whether the spec at `path` is new to this run, which takes it."""
        real = os.path.realpath(path)
        if real in self.seen:
            return False
        self.seen.add(real)
        return True

    def changed(self, path: str, config: Config) -> bool:
        """Whether the spec at `path` is to be linted under --changed-since (without it: every spec is)."""
        return self.changes is None or self.changes.affects(path, config.path)

    def _stdin_excluded(self) -> bool:
        name = self.options.stdin_filename
        return bool(self.options.force_exclude and name and self.finder.excluded(name))

    def _open_root(self, path: str, walked_from: str) -> Document | None:
        """A candidate root spec for a fragment: a file that cannot be read is no candidate (it is another
        file's problem, reported when that file is linted)."""
        config, _ = self.resolver.for_path(path)
        try:
            return open_document(path, project_root=config.ref_root, walked_from=walked_from)
        except InputError:
            return None


def read_stdin(name: str) -> str | InputError:
    """The text `-` stands for (read once), or the error reading it."""
    try:
        return decode(name, sys.stdin.buffer.read())
    except InputError as exc:
        return exc
    except OSError as exc:
        return InputError(name, f"cannot read standard input: {exc.strerror or exc}")
