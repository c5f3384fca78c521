"""Comparing two versions of a spec (`aiplint diff`, `check --diff-base`, and `aiplint.diff` in Python, after
which the package keeps that name for the function): what changed between them.

`aiplint diff OLD NEW` lints both versions with the same rules and reports

- findings **new** in NEW, **fixed** (in OLD only) and the count **unchanged**, matched as multisets by
  `Finding.fingerprint` (rule, method, path template with parameter names normalised, rule detail: never line
  numbers or messages, so moving or reformatting lines changes nothing);
- the API's operations **added**, **removed** and **moved** (an operation removed at one path and added at
  another with the same method and the same operationId, or, without operationIds, the same parameters and
  body fields).  A move is always breaking (AIP-180: a resource must not change its name); when the old path's
  version is alpha or beta (`v1alpha`, `v2beta1`) the move carries a note (AIP-181 allows breaking changes
  there).

OLD and NEW are two files or two directories (files paired by relative path, then a spec only in NEW with
one only in OLD that it renames, by the API paths they share: `pair_renamed`; any other file only in NEW is
all new, only in OLD all fixed and removed).  A multi-file spec is compared as a whole: each root document is
linted and its `$ref`'d files come along.

`RevisionTrees` gives the same file at a git revision (for `aiplint check SPEC --diff-base REV`), with its
`$ref`'d files at that revision too: the repository is extracted once per revision for the whole run.

The JSON format is a contract (version 1)::

    {"version": 1, "new": [finding...], "fixed": [finding...], "unchanged": N,
     "operations": {"added": [{"method": "GET", "path": "/v1/x"}...], "removed": [...],
                    "moved": [{"from": {...}, "to": {...}, "breaking": true, "note": "..."}...]}}

with each finding shaped as `Finding.to_dict()` and `note` present only where there is one.

Heavy modules are imported inside the functions that need them.
"""

from __future__ import annotations

import os
import re
from contextlib import contextmanager, nullcontext
from typing import IO, TYPE_CHECKING, Any, Iterable, Iterator, Mapping, NamedTuple, Sequence

from aiplint.linting.findings import Finding, fingerprint_of, unmatched

if TYPE_CHECKING:
    import subprocess

    from aiplint.compat import Change
    from aiplint.config import Config
    from aiplint.linting.findings import RuleCrash
    from aiplint.model import ApiModel, Operation
    from aiplint.read.document import Document
    from aiplint.rule import Rule

__all__ = [
    "JSON_FORMAT_VERSION",
    "OperationRef",
    "Move",
    "ApiChanges",
    "DiffReport",
    "match_findings",
    "operation_changes",
    "compare",
    "diff_files",
    "diff_against_revision",
    "compare_with_revision",
    "pair_renamed",
    "pair_files",
    "RevisionTrees",
    "spec_at_revision",
    "tree_at_revision",
    "write_text",
    "write_json",
]

JSON_FORMAT_VERSION = 1
_PARAM = re.compile(r"\{[^{}]*\}")
_NON_WORD = re.compile(r"\W")


# --------------------------------------------------------------------------------------------------
# The report


class OperationRef(NamedTuple):
    """One operation: its method (upper case) and its path as written.  `file` (the spec it is in) is shown in
    text output when a diff spans several files; it is not part of the JSON contract."""

    method: str
    path: str
    file: str | None = None

    def to_dict(self) -> dict[str, str]:
        return {"method": self.method, "path": self.path}

    def __str__(self) -> str:
        return f"{self.method} {self.path}"


class Move(NamedTuple):
    """An operation that changed path: always breaking; `note` says when the old version allows that."""

    old: OperationRef
    new: OperationRef
    breaking: bool = True
    note: str | None = None

    def to_dict(self) -> dict[str, Any]:
        data: dict[str, Any] = {"from": self.old.to_dict(), "to": self.new.to_dict(), "breaking": self.breaking}
        if self.note:
            data["note"] = self.note
        return data


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

    def to_dict(self) -> dict[str, Any]:
        return {
            "version": JSON_FORMAT_VERSION,
            **({"revision": self.revision} if self.revision else {}),
            "new": [f.to_dict() for f in self.new],
            "fixed": [f.to_dict() for f in self.fixed],
            "unchanged": self.unchanged,
            "operations": self.operations.to_dict(),
            "changes": [c.to_dict() for c in self.changes],
        }

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
        from dataclasses import replace

        return [replace(f, file=f"{self.revision}:{f.file}") for f in self.fixed]


# --------------------------------------------------------------------------------------------------
# Findings


def match_findings(old: Iterable[Finding], new: Iterable[Finding]
                   ) -> tuple[list[Finding], list[Finding], list[Finding]]:
    """(new, fixed, unchanged), matching findings by fingerprint as multisets: two identical findings in OLD and
    three in NEW are two unchanged and one new."""
    old, new = sorted(old, key=Finding.order), sorted(new, key=Finding.order)
    added = unmatched(new, map(fingerprint_of, old), fingerprint_of)
    fixed = unmatched(old[::-1], map(fingerprint_of, new), fingerprint_of)[::-1]  # the last repeated ones are fixed
    new_ones = set(map(id, added))
    return added, fixed, [f for f in new if id(f) not in new_ones]


# --------------------------------------------------------------------------------------------------
# Operations


def _normalised(op: Operation) -> tuple[str, str]:
    return op.method, _PARAM.sub("{}", op.path.key)


def _ref(op: Operation, file: str | None) -> OperationRef:
    return OperationRef(op.method.upper(), op.path.key, file)


def _operation_key(op: Operation) -> str | None:
    """The operationId, without the part generated from the path: FastAPI's default operationId is
    `{function}{path with non-word characters as _}_{method}` (Llama Stack's
    `get_training_job_status_v1alpha_post_training_job_status_get`), which changes whenever the path does."""
    return operation_stem(op.operation_id, op.method, (op.path.key, op.path.template))


def operation_stem(oid: Any, method: str, paths: Iterable[str]) -> str | None:
    """An operationId without the `{path}_{method}` suffix FastAPI generates from one of `paths`."""
    if not isinstance(oid, str) or not oid:
        return None
    for path in dict.fromkeys(paths):
        suffix = f"{_NON_WORD.sub('_', path.split('?', 1)[0])}_{method}"
        if len(oid) > len(suffix) and oid.endswith(suffix):
            return oid[: -len(suffix)]
    return oid


def _signature(op: Operation) -> tuple[frozenset[tuple[str, str]], frozenset[str]]:
    """What identifies an operation without an operationId: its non-path parameters and its body fields."""
    params = frozenset((p.name, p.location) for p in op.parameters if p.location != "path")
    return params, frozenset(b.name for b in op.body)


def _version_note(op: Operation) -> str | None:
    from aiplint.compat.lifecycle import version_stability
    from aiplint.rule import Severity

    stability = version_stability(op)
    return stability.adjust(Severity.ERROR)[1] if stability else None


class OperationMatch(NamedTuple):
    """How the operations of two models correspond: the same operation on both sides (same method, path with
    parameter names normalised), operations that moved, and what is left on each side."""

    same: list[tuple[Operation, Operation]]
    moved: list[tuple[Operation, Operation]]
    removed: list[Operation]
    added: list[Operation]


def match_operations(old: ApiModel | None, new: ApiModel | None) -> OperationMatch:
    """Pair the operations of two models (None: the spec does not exist on that side).  Paths are compared with
    parameter names normalised: renaming `{id}` to `{job_id}` changes nothing.  A move is an operation removed
    at one path and added at another with the same method and operationId (path-generated parts aside), or,
    without operationIds, the same parameters and body fields."""
    old_ops = old.operations if old is not None else []
    new_ops = new.operations if new is not None else []
    by_key: dict[tuple[str, str], list[Operation]] = {}
    for op in new_ops:
        by_key.setdefault(_normalised(op), []).append(op)
    same: list[tuple[Operation, Operation]] = []
    removed: list[Operation] = []
    for op in old_ops:
        counterparts = by_key.get(_normalised(op))
        if counterparts:
            same.append((op, counterparts.pop(0)))
        else:
            removed.append(op)
    paired = {id(b) for _, b in same}
    added = [op for op in new_ops if id(op) not in paired]

    pairs: dict[int, Operation] = {}  # id(removed op) -> added op
    taken: set[int] = set()
    # 1. the same operationId (path-generated parts aside) and method
    by_id: dict[tuple[str, str], list[Operation]] = {}
    for op in added:
        key = _operation_key(op)
        if key is not None:
            by_id.setdefault((op.method, key), []).append(op)
    for op in removed:
        key = _operation_key(op)
        candidates = [c for c in by_id.get((op.method, key), []) if id(c) not in taken] if key is not None else []
        if candidates:
            pairs[id(op)] = candidates[0]
            taken.add(id(candidates[0]))
    # 2. no operationId on either side: the same method, parameters and body fields, and only one such operation
    #    on each side (two parameterless GETs moving at once cannot be told apart)
    def unnamed(ops: list[Operation]) -> dict[tuple[Any, ...], list[Operation]]:
        found: dict[tuple[Any, ...], list[Operation]] = {}
        for op in ops:
            if op.operation_id is None and id(op) not in pairs and id(op) not in taken:
                found.setdefault((op.method, _signature(op)), []).append(op)
        return found

    gone, came = unnamed(removed), unnamed(added)
    for signature, ops in gone.items():
        if len(ops) == 1 and len(came.get(signature, [])) == 1:
            pairs[id(ops[0])] = came[signature][0]
            taken.add(id(came[signature][0]))

    return OperationMatch(
        same=same,
        moved=[(op, pairs[id(op)]) for op in removed if id(op) in pairs],
        removed=[op for op in removed if id(op) not in pairs],
        added=[op for op in added if id(op) not in taken],
    )


def operation_changes(
    old: ApiModel | None, new: ApiModel | None, old_file: str | None = None, new_file: str | None = None,
    match: OperationMatch | None = None,
) -> ApiChanges:
    """Operations added, removed and moved between two models (None: the spec does not exist on that side)."""
    match = match_operations(old, new) if match is None else match
    return ApiChanges(
        added=[_ref(op, new_file) for op in match.added],
        removed=[_ref(op, old_file) for op in match.removed],
        moved=[Move(_ref(a, old_file), _ref(b, new_file), True, _version_note(a)) for a, b in match.moved],
    )


# --------------------------------------------------------------------------------------------------
# Comparing documents and files


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
    from aiplint.linting.engine import lint_document

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
        from aiplint.linting.findings import RuleCrash

        changes = ()
        document = new if new is not None else old
        crashes.append(RuleCrash("breaking/", document.root.path if document is not None else "",
                                 f"{type(exc).__name__}: {exc}"))
    return DiffReport(added, fixed, len(unchanged), operations, 1, changes, tuple(unchanged)), crashes


def _api_changes(old: Document | None, new: Document | None, match: OperationMatch, selection: Config,
                 old_display: str | None) -> tuple[Change, ...]:
    """The classified API changes, located (OLD's files under the names `old_display` gives them)."""
    from aiplint import compat

    changes = compat.compare_documents(old, new, match, selection.stability)
    root = old.root.path if old is not None else ""

    def rename(source) -> str:
        return _rebased_file(source.path, root, old_display) if old_display and source.path else source.path

    compat.locate(changes, rename if old_display else None)
    return tuple(sorted(changes, key=compat.sort_key))


def _rebase(findings: list[Finding], root: str, display: str) -> list[Finding]:
    """Findings of a spec at `root` reported as if the spec were at `display` (its `$ref`s alike)."""
    from dataclasses import replace

    return [replace(f, file=_rebased_file(f.file, root, display)) for f in findings]


def _rebased_file(file: str, root: str, display: str) -> str:
    """The name of `file`, a spec at `root` or one of its `$ref`'d files, when the spec is shown as `display`."""
    if file == root:
        return display
    rel = os.path.relpath(file, os.path.dirname(root) or ".")
    return os.path.normpath(os.path.join(os.path.dirname(display), rel)) if not rel.startswith("..") else file


def load(path: str | None, *, project_root: str | None = None, walked_from: str | None = None) -> Document | None:
    from aiplint.read.document import open_document

    return open_document(path, project_root=project_root, walked_from=walked_from) if path is not None else None


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
    return compare(load(old), load(new), selection, rules, old_display=old_display)


def diff_against_revision(
    path: str, rev: str, selection: Config, rules: Mapping[str, Rule] | None = None,
    trees: RevisionTrees | None = None, *, walked_from: str | None = None, current: Document | None = None,
) -> tuple[DiffReport, list[RuleCrash]]:
    """`aiplint check PATH --diff-base REV`: PATH in the working tree (`current`: already loaded) against PATH at
    REV (all new where the file did not exist at REV).  The fixed findings name PATH, at their lines in REV, and
    the report names REV.  `trees`: the run's extracted revisions (default: extracted for this call only)."""
    with nullcontext(trees) if trees is not None else RevisionTrees() as revisions:
        old = revisions.document(path, rev, selection.ref_root)
        new = current if current is not None else load(path, project_root=selection.ref_root, walked_from=walked_from)
        return compare_with_revision(old, new, path, rev, selection, rules)


def compare_with_revision(old: Document | None, new: Document | None, was: str, rev: str, selection: Config,
                          rules: Mapping[str, Rule] | None = None) -> tuple[DiffReport, list[RuleCrash]]:
    """`old`, the spec at `was` (a working-tree path) at REV, against `new` (None: no spec takes its place):
    OLD's findings are reported at `was`, and the report names REV."""
    report, crashes = compare(old, new, selection, rules, old_display=was)
    return report._replace(revision=rev), crashes


_TOO_COMMON = 16  # a path in more specs than this that went tells none of them apart


def pair_renamed(added: Sequence[Document | None], gone: Sequence[Document | None]) -> dict[int, int]:
    """Which spec that is new (index in `added`) is one that went (index in `gone`) under another name
    (`git mv api.yaml v1/api.yaml`): the one it shares the most API paths with (parameter names aside), at
    least one, each spec that went paired once, ties to the first.  By the API, not the text: a rename that
    also edits the spec is still paired, and then compared, so what the edit removed is reported.  Linear: a
    path held by many specs that went counts for none."""
    from collections import Counter

    holders: dict[str, list[int]] = {}
    for index, document in enumerate(gone):
        for path in _paths_of(document):
            holders.setdefault(path, []).append(index)
    pairs: dict[int, int] = {}
    taken: set[int] = set()
    for index, document in enumerate(added):
        shared: Counter[int] = Counter()
        for path in _paths_of(document):
            held = holders.get(path, [])
            if len(held) <= _TOO_COMMON:
                shared.update(j for j in held if j not in taken)
        if shared:
            best = min(shared, key=lambda j: (-shared[j], j))
            pairs[index] = best
            taken.add(best)
    return pairs


def _paths_of(document: Document | None) -> set[str]:
    paths = document.root.data.get("paths") if document is not None else None
    return {_PARAM.sub("{}", key) for key in paths if isinstance(key, str)} if isinstance(paths, dict) else set()


def pair_files(old_dir: str, new_dir: str) -> list[tuple[str | None, str | None]]:
    """(old, new) file pairs of two directories by relative path, in path order; None where a file exists
    on one side only."""
    from aiplint.read.discovery import spec_files

    old = {os.path.relpath(p, old_dir).replace(os.sep, "/"): p for p in spec_files(old_dir)}
    new = {os.path.relpath(p, new_dir).replace(os.sep, "/"): p for p in spec_files(new_dir)}
    return [(old.get(rel), new.get(rel)) for rel in sorted(old.keys() | new.keys())]


# --------------------------------------------------------------------------------------------------
# A spec at a git revision


class RevisionTrees:
    """Repository trees at git revisions, each extracted once (`git archive REV | tar -x`, from the repository's
    top level) into a temporary folder, so `$ref`'d files come at the same revision; removed by `close()` or on
    leaving a `with` block.  Files marked `export-ignore` in `.gitattributes` are not extracted."""

    def __init__(self) -> None:
        self._revisions: dict[tuple[str, str], tuple[str, str, str]] = {}  # (folder, rev) -> _revision(...)
        self._trees: dict[tuple[str, str], str] = {}  # (top level, commit) -> extracted folder

    def __enter__(self) -> RevisionTrees:
        return self

    def __exit__(self, *_: object) -> None:
        self.close()

    def close(self) -> None:
        import shutil

        for folder in self._trees.values():
            shutil.rmtree(folder, ignore_errors=True)
        self._trees.clear()

    def tree(self, folder: str, rev: str, subject: str) -> tuple[str, str, str, str]:
        """(git top level, `folder` relative to it, the commit, the extracted tree) for `folder` at `rev`.
        Raises `aiplint.read.document.InputError` about `subject` (one line) when `folder` is not in a git work tree
        or `rev` is unknown."""
        if (folder, rev) not in self._revisions:
            self._revisions[folder, rev] = _revision(folder, rev, subject)
        top, prefix, commit = self._revisions[folder, rev]
        if (top, commit) not in self._trees:
            self._trees[top, commit] = _extract(top, commit, rev, subject)
        return top, prefix, commit, self._trees[top, commit]

    def document(self, path: str, rev: str, project_root: str | None = None) -> Document | None:
        """The spec at `path` as it was at `rev`, loaded (None where no OpenAPI document was there)."""
        old, old_root = self.spec(path, rev, project_root)
        return load(old, project_root=old_root)

    def spec(self, path: str, rev: str, project_root: str | None = None) -> tuple[str | None, str | None]:
        """(the file `path` as it was at `rev`, or None where it did not exist there; the project root its
        `$ref`s stay in there: `project_root`, or else the repository's, at the same place in the tree)."""
        from aiplint.read.loading import InputError
        from aiplint.read.trust import is_within
        from aiplint.read.trust import project_root as project_of

        folder, gone = os.path.dirname(os.path.abspath(path)), ""
        while not os.path.isdir(folder) and os.path.dirname(folder) != folder:  # a folder removed since REV
            folder, name = os.path.split(folder)
            gone = f"{name}/{gone}"
        top, prefix, commit, tree = self.tree(folder, rev, path)
        relative = prefix + gone + os.path.basename(path)
        materialised = os.path.join(tree, *relative.split("/"))
        if not os.path.isfile(materialised):
            if _git(folder, path, "cat-file", "-e", f"{commit}:{relative}").returncode != 0:
                return None, None
            raise InputError(path, f"not extracted from git revision {rev!r} (marked export-ignore?)")
        root = os.path.realpath(project_root or project_of(os.path.realpath(folder)))
        real_top = os.path.realpath(top)
        inside = is_within(root, real_top)
        return materialised, os.path.join(tree, os.path.relpath(root, real_top)) if inside else tree


@contextmanager
def spec_at_revision(path: str, rev: str) -> Iterator[str | None]:
    """The file `path` as it was at git revision `rev` (None where it did not exist), in a tree removed on
    exit: `RevisionTrees` for one file."""
    with RevisionTrees() as trees:
        yield trees.spec(path, rev)[0]


class Checkout(NamedTuple):
    """A repository's tree at a revision, extracted into a temporary directory."""

    root: str  # the temporary directory
    worktree: str  # the working tree's root folder, which `root` stands for
    folder: str  # the folder asked for, in the checkout


@contextmanager
def tree_at_revision(folder: str, rev: str, subject: str) -> Iterator[Checkout]:
    """The whole repository holding `folder` at git revision `rev`, extracted into a temporary directory that
    is removed on exit.  Raises InputError about `subject` as `spec_at_revision` does."""
    with RevisionTrees() as trees:
        top, prefix, _, tree = trees.tree(folder, rev, subject)
        yield Checkout(tree, top, os.path.join(tree, *prefix.split("/")))


def _git(folder: str, subject: str, *args: str) -> subprocess.CompletedProcess[str]:
    import subprocess

    from aiplint.read.loading import InputError

    try:
        return subprocess.run(["git", "-C", folder, *args], capture_output=True, text=True)
    except FileNotFoundError:
        raise InputError(subject, "cannot compare with a git revision: `git` is not installed") from None
    except OSError as exc:  # the folder does not exist, ...
        raise InputError(subject, f"cannot run git: {exc}") from None


def _revision(folder: str, rev: str, subject: str) -> tuple[str, str, str]:
    """(the git toplevel, `folder` relative to it with a trailing `/` or empty, the commit `rev` names)."""
    from aiplint.read.loading import InputError

    if not os.path.isdir(folder):
        raise InputError(subject, "not in a git repository (its directory does not exist)")
    where = _git(folder, subject, "rev-parse", "--show-toplevel", "--show-prefix")
    lines = where.stdout.split("\n")
    if where.returncode != 0 or len(lines) < 2 or not lines[0]:
        raise InputError(subject, "not in a git repository (needed to compare with a revision)")
    if not rev or rev.startswith("-"):
        raise InputError(subject, f"unknown git revision {rev!r}")
    resolved = _git(folder, subject, "rev-parse", "--verify", "--quiet", f"{rev}^{{commit}}")
    if resolved.returncode != 0 or not resolved.stdout.strip():
        raise InputError(subject, f"unknown git revision {rev!r}")
    return lines[0], lines[1], resolved.stdout.strip()


def _extract(top: str, commit: str, rev: str, subject: str) -> str:
    """The tree of `commit` in a new temporary folder."""
    import shutil
    import subprocess
    import tempfile

    from aiplint.read.loading import InputError

    tmp = tempfile.mkdtemp(prefix="aiplint-rev-")
    with tempfile.TemporaryFile() as errors:
        archive = subprocess.Popen(["git", "-C", top, "archive", "--format=tar", commit], stdout=subprocess.PIPE,
                                   stderr=errors)
        assert archive.stdout is not None
        try:
            untar = subprocess.run(["tar", "-x", "-f", "-", "-C", tmp], stdin=archive.stdout, capture_output=True,
                                   text=True)
        finally:
            archive.stdout.close()
            archive.wait()
        errors.seek(0)
        message = errors.read().decode(errors="replace")
    if archive.returncode != 0 or untar.returncode != 0:
        shutil.rmtree(tmp, ignore_errors=True)
        detail = " ".join((message or untar.stderr or "failed").split())
        raise InputError(subject, f"cannot extract git revision {rev!r}: {detail}")
    return tmp


# --------------------------------------------------------------------------------------------------
# Output


def write_text(report: DiffReport, stream: IO[str], colour: bool | None = None, quiet: bool = False) -> None:
    """New findings and breaking changes, fixed findings, the unchanged count and the operations added, removed
    and moved, then a count of the other API changes; `quiet`: new findings and breaking changes only."""
    from aiplint.compat.report import as_findings
    from aiplint.read.escaping import printable
    from aiplint.report.text import use_colour, write_findings

    colour = use_colour(stream) if colour is None else colour
    breaking = as_findings(report.breaking)
    if quiet:
        write_findings(report.new, stream, colour)
        write_findings(breaking, stream, colour)
        return
    stream.write(f"New findings ({len(report.new)}):\n")
    write_findings(report.new, stream, colour)
    if breaking:
        stream.write(f"Breaking changes ({len(breaking)}):\n")
        write_findings(breaking, stream, colour)
    stream.write(f"Fixed ({len(report.fixed)}):\n")
    write_findings(report.shown_fixed(), stream, colour)
    stream.write(f"Unchanged: {report.unchanged}\n")
    ops = report.operations
    if ops.empty:
        stream.write("API changes: none\n" if not report.changes else "")
        _write_other_changes(report, stream)
        return
    stream.write("API changes:\n")
    def where(op: OperationRef) -> str:
        return f"  ({printable(op.file)})" if op.file and report.pairs > 1 else ""

    for move in ops.moved:
        label = "moved (breaking)" if move.breaking else "moved"
        if colour and move.breaking:
            import click

            label = click.style(label, fg="red", bold=True)
        stream.write(f"  {label}: {printable(str(move.old))} -> {printable(str(move.new))}{where(move.new)}\n")
        if move.note:
            stream.write(f"      note: {printable(move.note)}\n")
    for op in ops.removed:
        stream.write(f"  removed: {printable(str(op))}{where(op)}\n")
    for op in ops.added:
        stream.write(f"  added: {printable(str(op))}{where(op)}\n")
    _write_other_changes(report, stream)


def _write_other_changes(report: DiffReport, stream: IO[str]) -> None:
    """The safe changes, counted: `aiplint changelog` lists them."""
    safe = [c for c in report.changes if not c.breaking]
    allowed = sum(1 for c in safe if c.note)
    if safe:
        extra = f", {allowed} of them breaking but allowed by their stability level" if allowed else ""
        stream.write(f"Other API changes: {len(safe)}{extra} (`aiplint changelog` lists every change)\n")


def write_json(report: DiffReport, stream: IO[str], errors: Iterable[Any] = ()) -> None:
    """The report as JSON, with the files that could not be linted (`errors`, as in `check --format json`)."""
    import json

    from aiplint.report.json_report import error_dicts

    json.dump({**report.to_dict(), "errors": error_dicts(list(errors))}, stream, indent=2)
    stream.write("\n")
