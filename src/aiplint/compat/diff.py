"""Comparing two versions of a spec (`aiplint diff`, `check --diff-base`, and `aiplint.diff` in Python): both
are linted with the same rules and compared, and the `DiffReport` holds what changed between them:

- findings **new** in NEW, **fixed** (in OLD only) and the count **unchanged**, matched as multisets by
  `Finding.fingerprint` (`aiplint.linting.findings.match_findings`);
- the API's operations **added**, **removed** and **moved** (`aiplint.compat.matching`);
- every API change, classified for its clients (`aiplint.compat`).

OLD and NEW are two files or two directories (files paired by relative path: `aiplint.read.discovery.pair_files`,
then a spec only in NEW with one only in OLD that it renames, by the API paths they share:
`aiplint.compat.matching.pair_renamed`; any other file only in NEW is all new, only in OLD all fixed and
removed).  A multi-file spec is compared as a whole: each root document is linted and its `$ref`'d files come
along.  Against a git revision, OLD is read by `aiplint.read.revisions`.  Reports write it with
`aiplint.report.diff`.
"""

from __future__ import annotations

import os
from contextlib import nullcontext
from dataclasses import replace
from typing import TYPE_CHECKING, Any, Iterable, Iterator, Mapping, NamedTuple

from aiplint.compat import Change, locate, sort_key
from aiplint.compat.causes import by_cause
from aiplint.compat.matching import Move, OperationMatch, OperationRef, match_operations, version_note
from aiplint.compat.operations import compare_documents
from aiplint.compat.report import as_findings
from aiplint.linting.engine import lint_document
from aiplint.linting.findings import Finding, RuleCrash, match_findings
from aiplint.read.document import Document, open_optional

if TYPE_CHECKING:
    from aiplint.config import Config
    from aiplint.model import ApiModel, Operation
    from aiplint.read.revisions import RevisionTrees
    from aiplint.rule import Rule

__all__ = ["JSON_FORMAT_VERSION", "ApiChanges", "DiffReport", "operation_changes", "compare", "diff_files",
           "diff_against_revision", "compare_with_revision"]

JSON_FORMAT_VERSION = 1


class ApiChanges(NamedTuple):
    added: list[OperationRef]
    removed: list[OperationRef]
    moved: list[Move]

    @property
    def empty(self) -> bool:
        return not (self.added or self.removed or self.moved)

    def to_dict(self) -> dict[str, Any]:
        return {
            "added": [op.to_dict() for op in self.added],
            "removed": [op.to_dict() for op in self.removed],
            "moved": [move.to_dict() for move in self.moved],
        }


class DiffReport(NamedTuple):
    new: list[Finding]
    fixed: list[Finding]  # located in the old version (at `revision`, for a diff against a git revision)
    unchanged: int
    operations: ApiChanges
    pairs: int = 1  # how many file pairs it covers (text output names the file of each API change when > 1)
    changes: tuple[Change, ...] = ()  # every API change, classified (aiplint.compat), most severe first
    unchanged_findings: tuple[Finding, ...] = ()  # the unchanged ones, located in the new version
    revision: str | None = None  # the git revision the old version was read at (`check --diff-base`)

    def failed(self, threshold_rank: int) -> bool:
        """Whether a *new* finding is at or above the threshold (`Severity(...).rank`): the diff's exit 1."""
        return any(f.severity.rank >= threshold_rank for f in self.new)

    def breaks(self, threshold: str) -> bool:
        """Whether a change is at or above `--fail-on-breaking` (`error`, `warning`, or `never`)."""
        if threshold == "never":
            return False
        rank = 3 if threshold == "error" else 2
        return any(c.level.rank >= rank for c in self.changes)

    @property
    def breaking(self) -> list[Change]:
        return [c for c in self.changes if c.breaking]

    def breaking_findings(self, anchored: bool) -> list[Finding]:
        """The breaking changes as findings, one per cause (`aiplint.compat.report.as_findings`); what the new
        version no longer has at the old one's place, `REV:PATH` against a revision, or (`anchored`, for reports
        read beside the new files: SARIF, annotations) at the new version's nearest place."""
        return as_findings(self.breaking, self.revision, anchored=anchored)

    def to_dict(self, rules: Mapping[str, Rule] | None = None) -> dict[str, Any]:
        """The JSON report (a contract: `aiplint.report.diff`); `rules`, the rules that ran, give each finding its
        `aip` and `url` (`Finding.to_dict`)."""
        return {key: list(value) if isinstance(value, Iterator) else value for key, value in self.json_items(rules)}

    def json_items(self, rules: Mapping[str, Rule] | None = None) -> Iterator[tuple[str, Any]]:
        """`to_dict`'s keys and values, the changes and their causes as iterators: a writer takes them one at a
        time, and a report of 235,000 changes (Graph v1.0 -> beta) is never whole in memory."""
        yield "version", JSON_FORMAT_VERSION
        if self.revision:
            yield "revision", self.revision
        yield "new", [f.to_dict(rules) for f in self.new]
        yield "fixed", [f.to_dict(rules) for f in self.fixed]
        yield "unchanged", self.unchanged
        yield "operations", self.operations.to_dict()
        yield "changes", (c.to_dict() for c in self.changes)
        index = {id(change): i for i, change in enumerate(self.changes)}
        yield "causes", (cause.to_dict(index) for cause in by_cause(self.changes))

    @classmethod
    def merge(cls, reports: Iterable[DiffReport]) -> DiffReport:
        """One report for several file pairs (a directory diff), in the order given."""
        new: list[Finding] = []
        fixed: list[Finding] = []
        same: list[Finding] = []
        revision = None
        unchanged = pairs = 0
        added: list[OperationRef] = []
        removed: list[OperationRef] = []
        moved: list[Move] = []
        changes: list[Change] = []
        for report in reports:
            changes += report.changes
            new += report.new
            fixed += report.fixed
            unchanged += report.unchanged
            same += report.unchanged_findings
            revision = revision or report.revision
            added += report.operations.added
            removed += report.operations.removed
            moved += report.operations.moved
            pairs += report.pairs
        return cls(new, fixed, unchanged, ApiChanges(added, removed, moved), pairs, tuple(changes), tuple(same),
                   revision)

    def shown_fixed(self) -> list[Finding]:
        """The fixed findings as reports show them: at `REV:PATH` when the old version is a git revision's."""
        if not self.revision:
            return self.fixed
        return [replace(f, file=f"{self.revision}:{f.file}") for f in self.fixed]


def _ref(op: Operation, file: str | None) -> OperationRef:
    return OperationRef(op.method.upper(), op.path.key, file)


def operation_changes(
    old: ApiModel | None, new: ApiModel | None, old_file: str | None = None, new_file: str | None = None,
    match: OperationMatch | None = None,
) -> ApiChanges:
    """Operations added, removed and moved between two models (None: the spec does not exist on that side)."""
    match = match_operations(old, new) if match is None else match
    return ApiChanges(
        added=[_ref(op, new_file) for op in match.added],
        removed=[_ref(op, old_file) for op in match.removed],
        moved=[Move(_ref(a, old_file), _ref(b, new_file), True, version_note(a)) for a, b in match.moved],
    )


def compare(
    old: Document | None,
    new: Document | None,
    selection: Config,
    rules: Mapping[str, Rule] | None = None,
    *,
    old_display: str | None = None,
) -> tuple[DiffReport, list[RuleCrash]]:
    """Lint both documents (None: absent on that side) and compare them.  `old_display` names the file OLD's
    findings are reported in (for a revision materialised in a temporary directory: the working-tree path);
    its `$ref`'d files are renamed the same way."""
    linted_old = lint_document(old, selection, rules) if old is not None else None
    linted_new = lint_document(new, selection, rules) if new is not None else None
    old_findings = linted_old.findings if linted_old else []
    if old is not None and old_display is not None:
        old_findings = _rebase(old_findings, old.root.path, old_display)
    new_findings = linted_new.findings if linted_new else []
    crashes = (linted_old.crashes if linted_old else []) + (linted_new.crashes if linted_new else [])
    added, fixed, unchanged = match_findings(old_findings, new_findings)
    old_file = old_display or (old.root.path if old is not None else None)
    new_file = new.root.path if new is not None else None
    match = match_operations(linted_old.api if linted_old else None, linted_new.api if linted_new else None)
    operations = operation_changes(None, None, old_file, new_file or old_file, match=match)
    try:
        changes = _api_changes(old, new, match, selection, old_display)
    except Exception as exc:  # a bug must not hide the rest of the report behind a traceback
        changes = ()
        document = new if new is not None else old
        crashes.append(RuleCrash("breaking/", document.root.path if document is not None else "",
                                 f"{type(exc).__name__}: {exc}"))
    return DiffReport(added, fixed, len(unchanged), operations, 1, changes, tuple(unchanged)), crashes


def _api_changes(old: Document | None, new: Document | None, match: OperationMatch, selection: Config,
                 old_display: str | None) -> tuple[Change, ...]:
    """The classified API changes, located (OLD's files under the names `old_display` gives them)."""
    changes = compare_documents(old, new, match, selection.stability)
    root = old.root.path if old is not None else ""

    def rename(source) -> str:
        return _rebased_file(source.path, root, old_display) if old_display and source.path else source.path

    locate(changes, rename if old_display else None, new.root.path if new is not None else None)
    return tuple(sorted(changes, key=sort_key))


def _rebase(findings: list[Finding], root: str, display: str) -> list[Finding]:
    """Findings of a spec at `root` reported as if the spec were at `display` (its `$ref`s alike)."""
    return [replace(f, file=_rebased_file(f.file, root, display)) for f in findings]


def _rebased_file(file: str, root: str, display: str) -> str:
    """The name of `file`, a spec at `root` or one of its `$ref`'d files, when the spec is shown as `display`:
    any file of the tree `root` stands in (a revision's, extracted to a temporary folder) is named at the same
    place beside `display`, also outside the spec's own folder (`../common/schemas.yaml`)."""
    if file == root:
        return display
    if os.path.relpath(file, _stand_in(root, display)).startswith(".."):
        return file  # not in the tree that stands in for the working tree's
    rel = os.path.relpath(file, os.path.dirname(root) or ".")
    return os.path.normpath(os.path.join(os.path.dirname(display), rel))


def _stand_in(root: str, display: str) -> str:
    """The folder holding `root` that stands for the one holding `display`: `root` without the trailing names the
    two paths share (`/tmp/aiplint-rev-x/api/openapi.yaml`, `api/openapi.yaml` -> `/tmp/aiplint-rev-x`)."""
    ours, theirs = os.path.abspath(root).split(os.sep), os.path.abspath(display).split(os.sep)
    shared = 0
    while shared < min(len(ours), len(theirs)) - 1 and ours[-1 - shared] == theirs[-1 - shared]:
        shared += 1
    return os.sep.join(ours[:len(ours) - shared]) or os.sep


def diff_files(
    old: str | None,
    new: str | None,
    selection: Config,
    rules: Mapping[str, Rule] | None = None,
    *,
    old_display: str | None = None,
) -> tuple[DiffReport, list[RuleCrash]]:
    """Load and compare two spec files (None, or a file that is not an OpenAPI document: absent on that side).
    Raises `aiplint.read.document.InputError` for a file that cannot be read or parsed."""
    return compare(open_optional(old), open_optional(new), selection, rules, old_display=old_display)


def diff_against_revision(
    path: str, rev: str, selection: Config, rules: Mapping[str, Rule] | None = None,
    trees: RevisionTrees | None = None, *, walked_from: str | None = None, current: Document | None = None,
) -> tuple[DiffReport, list[RuleCrash]]:
    """`aiplint check PATH --diff-base REV`: PATH in the working tree (`current`: already loaded) against PATH at
    REV (all new where the file did not exist at REV).  The fixed findings name PATH, at their lines in REV, and
    the report names REV.  `trees`: the run's extracted revisions (default: extracted for this call only)."""
    # imported here: git's modules (subprocess, tempfile, shutil) load only for a diff against a revision
    from aiplint.read.revisions import RevisionTrees

    with nullcontext(trees) if trees is not None else RevisionTrees() as revisions:
        old = revisions.document(path, rev, selection.ref_root)
        new = current if current is not None else open_optional(path, project_root=selection.ref_root,
                                                                 walked_from=walked_from)
        return compare_with_revision(old, new, path, rev, selection, rules)


def compare_with_revision(old: Document | None, new: Document | None, was: str, rev: str, selection: Config,
                          rules: Mapping[str, Rule] | None = None) -> tuple[DiffReport, list[RuleCrash]]:
    """`old`, the spec at `was` (a working-tree path) at REV, against `new` (None: no spec takes its place):
    OLD's findings are reported at `was`, and the report names REV."""
    report, crashes = compare(old, new, selection, rules, old_display=was)
    return report._replace(revision=rev), crashes
