"""Compare with the base (`check --diff-base REV`): each spec and application against itself at a git
revision, and the specs a folder held at REV that this run did not take (deleted, renamed, excluded), found under
REV's own exclusions."""

from __future__ import annotations

import os
import subprocess
from functools import cached_property
from pathlib import Path
from typing import Iterator

from aiplint.config import Config, ConfigError
from aiplint.config.files import find_config_file
from aiplint.config.options import exclusions_of
from aiplint.config.settings import active_rules
from aiplint.integrations.app import AppError, load_app
from aiplint.integrations.app import diff_against_revision as diff_app
from aiplint.read.discovery import Finder, Patterns
from aiplint.read.document import Document
from aiplint.read.loading import InputError
from aiplint.read.revisions import RevisionTrees
from aiplint.read.trust import is_within
from aiplint.rule import Rule
from aiplint.run.compare import Compared, PairedReports, Side
from aiplint.run.exit import Thresholds
from aiplint.run.files import Selection
from aiplint.run.lint import open_job
from aiplint.run.results import crash_errors


def compare_with_base(selection: Selection, paths: tuple[str, ...], apps: list[tuple[str, str | None]], rev: str
                      ) -> Compared:
    """Each spec and application against itself at REV (all new where it did not exist there), and each spec the
    walk of a folder found at REV that is no spec of this run (deleted, renamed, ignored or excluded) as every
    operation removed, or against its new name (`pair_renamed`).  Files that cannot be compared are failed in
    the selection's results."""
    results = selection.results
    pairs = PairedReports(results.fail, rev)
    thresholds, ran = Thresholds(), {}

    def configured(config: Config, rules: dict[str, Rule]) -> None:
        thresholds.add(config)
        ran.update(active_rules(config, rules))

    with RevisionTrees() as trees:  # each revision extracted once for all the specs
        added: list[Side] = []  # specs new since REV, compared (in their place) once renames are paired
        documents: list[Document] = []  # what they `$ref` is known once they are compared
        for path, document, config, rules in _specs(selection, paths):
            configured(config, rules)
            try:
                old = trees.document(path, rev, config.ref_root)
            except InputError as exc:
                results.fail(exc)
                continue
            if document is not None:
                documents.append(document)
            if old is None and document is not None:
                added.append(Side(path, document, config, rules, pairs.reserve()))
            else:
                pairs.compare(Side(path, old, config, rules), Side(path, document, config, rules))
        gone = list(_gone_since(selection, paths, rev, trees))
        for side in gone:
            configured(side.config, side.rules)
        pairs.compare_renames(added, gone)
    results.inputs.update(source for document in documents for source in document.sources)
    compared = pairs.reports()
    for target, root in apps:
        try:
            current = load_app(target, root)
            config, rules = selection.resolver.for_path(current[0].home.file)
            found = diff_app(target, current, rev, config, rules, root)
        except AppError as exc:
            results.fail(InputError(target, f"--app {exc}"))
            continue
        configured(config, rules)
        for name, report, crashes in found:
            for error in crash_errors(crashes):
                results.fail(error)
            compared.append((name, report))
    return Compared(compared, ran, thresholds, results.inputs)


def _specs(selection: Selection, paths: tuple[str, ...]) -> Iterator[tuple[str, Document | None, Config, dict]]:
    """(path, document or None, configuration, rules) for each file to compare: the files named and found,
    then, for each named file that is no OpenAPI document, the specs that reach it through `$ref`."""
    fragments = []
    for job in selection.jobs(paths):
        try:
            document = open_job(job, None)[0]
        except InputError as exc:
            selection.results.fail(exc)
            continue
        if document is None and job.walked_from is None:
            fragments.append(job.path)
        yield job.name, document, job.config, job.rules
    yield from selection.fragment_roots(fragments)


def _gone_since(selection: Selection, paths: tuple[str, ...], rev: str, trees: RevisionTrees) -> Iterator[Side]:
    """The specs a walk of the folders named found at REV, under REV's own rules, that this run has not taken
    (deleted, renamed, ignored or excluded since), each with the configuration of its path here."""
    results = selection.results
    for folder in paths:
        if folder == "-" or not os.path.isdir(folder):
            continue
        try:
            found = list(_walk_at(selection, folder, rev, trees))
        except InputError as exc:  # not in a repository, an unknown revision: unless a spec here said so
            if exc.message not in {error.message for error in results.errors}:
                results.fail(exc)
            continue
        for path in found:
            if os.path.realpath(path) in selection.seen:
                continue
            config, rules = selection.resolver.for_path(path)
            if not selection.changed(path, config):
                continue  # --changed-since: a spec still here but not walked
            try:
                old = trees.document(path, rev, config.ref_root)
            except InputError as exc:
                results.fail(exc)
                continue
            if old is not None and selection.take(path):
                yield Side(path, old, config, rules)


def _walk_at(selection: Selection, folder: str, rev: str, trees: RevisionTrees) -> Iterator[str]:
    """The files a walk of `folder` finds at REV, named as here: under REV's `.gitignore` files and the
    `exclude` of REV's configuration files (not this tree's, which the change under review may have edited),
    with the command line's and a `--config` file's exclusions as for this tree."""
    top, prefix, _, tree = trees.tree(os.path.abspath(folder), rev, folder)
    exclusions = RevisionExclusions(selection, os.path.realpath(top), os.path.realpath(tree), rev)
    start = os.path.join(exclusions.tree, prefix)
    for found in Finder(exclusions, repository=exclusions.tree).walk(start):
        yield os.path.normpath(os.path.join(folder, os.path.relpath(found, start)))


class RevisionExclusions:
    """The exclusions in force in each folder of a revision's tree (`top`'s, extracted at `tree`): its own
    configuration files' (found up to the tree's root) or the `--config` file's (as REV has it, when it is in the
    repository), and the command line's."""

    def __init__(self, selection: Selection, top: str, tree: str, rev: str):
        options = selection.options
        self.resolver, self.fail = selection.resolver, selection.results.fail
        self.top, self.tree, self.rev = top, tree, rev
        self.replaced = options.exclude is not None  # the command line's `--exclude` replaces `exclude`
        self.command_line = Patterns(self.in_tree(os.getcwd()), (options.exclude or ()) + options.extend_exclude)
        self._by_file: dict[str | None, Patterns] = {}
        self._searched: dict = {}

    def in_tree(self, path: str) -> str:
        """A path of the work tree at the same place in the revision's tree."""
        return os.path.normpath(os.path.join(self.tree, os.path.relpath(os.path.realpath(path), self.top)))

    def __call__(self, folder: str) -> list[Patterns]:
        if self.resolver.isolated:
            return [self.command_line]
        file = self._named_at_revision if self.resolver.config_file else find_config_file(
            folder, self._searched, ceiling=self.tree)
        key = str(file) if file else None
        if key not in self._by_file:
            self._by_file[key] = self._patterns(key)
        return [self._by_file[key], self.command_line]

    @cached_property
    def _named_at_revision(self) -> str | None:
        """The `--config` file as REV has it when it is in the repository (the change under review may have
        edited it; None: REV has none there), else the file itself: one outside the repository, or one git does
        not track, which no commit under review can have written (the Action's copy of the base's configuration).
        Found once for the whole walk."""
        real = os.path.realpath(str(self.resolver.config_file))
        if not is_within(real, self.top) or not self._tracked(real):
            return real
        file = self.in_tree(real)
        return file if os.path.isfile(file) else None

    def _tracked(self, path: str) -> bool:
        listed = subprocess.run(["git", "-C", self.top, "ls-files", "--error-unmatch", "--", path],
                                capture_output=True)
        return listed.returncode == 0

    def _patterns(self, file: str | None) -> Patterns:
        if file is None:
            return Patterns(self.tree, ())
        try:
            exclude, extend = exclusions_of(Path(file))
        except ConfigError as exc:  # named as in the work tree, not in the temporary one
            shown = os.path.relpath(file, self.tree) if file.startswith(self.tree + os.sep) else file
            self.fail(InputError(shown, f"at git revision {self.rev!r}: {str(exc).removeprefix(f'{file}: ')}"))
            exclude, extend = (), ()
        folder = os.path.dirname(file)
        if is_within(folder, self.top):  # a file of the work tree (untracked): its patterns mean the same folder
            folder = self.in_tree(folder)
        return Patterns(folder, (() if self.replaced else exclude) + extend)
