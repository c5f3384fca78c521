"""Compare two versions of specs (`aiplint diff`, `aiplint changelog`, and `check --diff-base` through
`diff_base`): pair them, renames included, compare each pair under NEW's configuration, and write the diff's
reports."""

from __future__ import annotations

import os
import shlex
from typing import Callable, NamedTuple

from aiplint.compat import report as changes
from aiplint.compat.diff import DiffReport, compare, compare_with_revision
from aiplint.compat.matching import pair_renamed
from aiplint.config import Config
from aiplint.config.resolve import Resolver
from aiplint.config.settings import active_rules
from aiplint.errors import UsageError
from aiplint.read.discovery import pair_files
from aiplint.read.document import Document, open_optional
from aiplint.read.escaping import markdown_code
from aiplint.read.loading import InputError
from aiplint.report.changelog import markdown
from aiplint.report.writer import Report
from aiplint.rule import Rule
from aiplint.run.console import say
from aiplint.run.exit import Thresholds, diff_status
from aiplint.run.files import NOT_OPENAPI
from aiplint.run.reports import Reports, refuse_overwriting_inputs, write_reports
from aiplint.run.results import crash_errors


class Side(NamedTuple):
    """One side of a comparison: a spec's path (as NEW, or the work tree, names it), its document (None: no
    spec), its configuration and rules, and the place its report keeps among the others (None: the next one)."""

    path: str
    document: Document | None
    config: Config
    rules: dict[str, Rule]
    slot: int | None = None


class Compared(NamedTuple):
    """A diff's reports by spec, the rules that ran, the thresholds in force, and the files read besides the
    compared specs (what they `$ref`), which no report may overwrite."""

    reports: list[tuple[str, DiffReport]]
    rules: dict[str, Rule]
    thresholds: Thresholds
    read: set[str]

    def merged(self) -> DiffReport:
        return DiffReport.merge(report for _, report in self.reports)


class PairedReports:
    """The reports of a diff's spec pairs, in their order, and the `fail` for what could not be compared.  A
    spec found on one side only keeps its place while the renamed ones are paired (`pair_renamed`).  `rev`: the
    git revision the old specs are at (`check --diff-base`), whose findings are named as in the work tree."""

    def __init__(self, fail: Callable[[InputError], object], rev: str | None = None):
        self.fail, self.rev = fail, rev
        self._reports: list[tuple[str, DiffReport] | None] = []  # None: a place kept

    def reserve(self) -> int:
        self._reports.append(None)
        return len(self._reports) - 1

    def reports(self) -> list[tuple[str, DiffReport]]:
        return [entry for entry in self._reports if entry is not None]

    def compare(self, old: Side | None, new: Side) -> None:
        """`old` (None: no spec) against `new` (its document None: none), the report in `new`'s place."""
        before = old.document if old is not None else None
        try:
            if self.rev is None:
                report, crashes = compare(before, new.document, new.config, new.rules)
            else:
                report, crashes = compare_with_revision(before, new.document, (old or new).path, self.rev,
                                                        new.config, new.rules)
        except InputError as exc:
            self.fail(exc)
            return
        for error in crash_errors(crashes):
            self.fail(error)
        if new.slot is None:
            self._reports.append((new.path, report))
        else:
            self._reports[new.slot] = (new.path, report)

    def compare_renames(self, came: list[Side], gone: list[Side]) -> None:
        """The specs only in NEW against the ones only in OLD (their documents the old ones) that they rename,
        the rest against nothing (a renamed one's own place stays empty)."""
        pairs = pair_renamed([side.document for side in came], [side.document for side in gone])
        for index, side in enumerate(came):
            self.compare(gone[pairs[index]] if index in pairs else None, side)
        for index, side in enumerate(gone):
            if index not in pairs.values():
                self.compare(side, side._replace(document=None))


def compare_pairs(resolver: Resolver, old: str, new: str, lint: bool = True) -> tuple[Compared, list[InputError]]:
    """Compare OLD and NEW (two files, or two directories paired by relative path, then a spec only in OLD
    with one only in NEW that is the same API renamed: `pair_renamed`), and the files that could not be
    compared (shown)."""
    if os.path.isdir(old) != os.path.isdir(new):
        raise UsageError("OLD and NEW must both be files or both be directories")
    single = not os.path.isdir(new)
    errors: list[InputError] = []

    def fail(error: InputError) -> None:
        say("error", str(error))
        errors.append(error)

    pairs = PairedReports(fail)
    thresholds, ran = Thresholds(), {}
    came: list[Side] = []  # specs only in NEW, and only in OLD: compared once renames are paired
    gone: list[Side] = []
    read: set[str] = set()
    loaded: list[Document] = []  # what they `$ref` is known once they are compared
    for old_path, new_path in ([(old, new)] if single else pair_files(old, new)):
        name = new_path or old_path or ""  # never both None
        config, rules = resolver.for_path(name)
        thresholds.add(config)
        ran.update(active_rules(config, rules) if lint else {})
        rules = rules if lint else {}
        read.update(path for path in (old_path, new_path) if path is not None)
        try:
            before = open_optional(old_path, walked_from=None if single else old)
            after = open_optional(new_path, project_root=config.ref_root, walked_from=None if single else new)
            if single and None in (before, after):
                raise InputError(old if before is None else new, NOT_OPENAPI)
        except InputError as exc:
            pairs.fail(exc)
            continue
        loaded.extend(document for document in (before, after) if document is not None)
        if before is None and after is None:
            continue  # $ref'd fragments and other YAML in the directories
        if before is None or after is None:
            (came if before is None else gone).append(Side(name, after or before, config, rules, pairs.reserve()))
        else:
            pairs.compare(Side(name, before, config, rules), Side(name, after, config, rules))
    pairs.compare_renames(came, gone)
    read.update(source for document in loaded for source in document.sources)
    return Compared(pairs.reports(), ran, thresholds, read), errors


def finish_diff(compared: Compared, errors: list[InputError], reports: Reports, quiet: bool, colour: str = "auto",
                exit_zero: bool = False) -> int:
    """Write a diff (`text`, `json` and `markdown` as the diff report, the CI formats with the new findings and
    the breaking changes, SARIF with every finding's baseline state); the exit status.  `errors`: the files that
    could not be compared, already shown, named in every report."""
    refuse_overwriting_inputs([file for _, file in reports], [*(path for path, _ in compared.reports),
                                                               *compared.read])
    report = compared.merged()
    found = report.new + report.breaking_findings(anchored=True)
    write_reports(reports, Report(found, {**compared.rules, **changes.rules()},
                                  [path for path, _ in compared.reports], errors, diff=report, quiet=quiet), colour)
    return diff_status(report, bool(errors), compared.thresholds, exit_zero)


def changelog_of(compared: Compared, old: str, new: str, output_format: str = "markdown", limit: int | None = None
                 ) -> str:
    """The API changes from OLD to NEW as a Markdown changelog (`limit`: cut to at most that many characters), or
    (`html`) a page of them."""
    changes = compared.merged().changes
    if output_format == "html":
        from aiplint.report.html_report import changelog_page

        return changelog_page(changes, f"API changes from {old} to {new}")
    return markdown(changes, f"API changes from {markdown_code(old)} to {markdown_code(new)}", limit,
                    markdown_code(f"aiplint changelog {shlex.join([old, new])} -o FILE"))
