"""Which operations of two versions of an API are the same, and which specs of two folders are the same API.

An operation is the same on both sides when its method and path match, parameter names normalised: renaming
`{id}` to `{job_id}` changes nothing.  Otherwise it **moved** when it was removed at one path and added at another
with the same method and the same operationId (path-generated parts aside), or, without operationIds, the same
parameters and body fields.  A move is always breaking (AIP-180: a resource must not change its name); when the
old path's version is alpha or beta (`v1alpha`, `v2beta1`) the move carries a note (AIP-181 allows breaking
changes there).

A spec only in the new folder renames one only in the old folder when they share API paths: `pair_renamed`.
"""

from __future__ import annotations

import re
from collections import Counter
from typing import TYPE_CHECKING, Any, Iterable, NamedTuple, Sequence

from aiplint.compat.lifecycle import version_stability
from aiplint.rule import Severity

if TYPE_CHECKING:
    from aiplint.model import ApiModel, Operation
    from aiplint.read.document import Document

__all__ = ["OperationRef", "Move", "OperationMatch", "match_operations", "normalised", "operation_key",
           "operation_stem", "signature", "version_note", "pair_renamed"]

_PARAM = re.compile(r"\{[^{}]*\}")
_NON_WORD = re.compile(r"\W")


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


def normalised(op: Operation) -> tuple[str, str]:
    """What makes two operations the same one: method, and path with parameter names normalised."""
    return op.method, _PARAM.sub("{}", op.path.key)


def operation_key(op: Operation) -> str | None:
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


def signature(op: Operation) -> tuple[frozenset[tuple[str, str]], frozenset[str]]:
    """What identifies an operation without an operationId: its non-path parameters and its body fields."""
    params = frozenset((p.name, p.location) for p in op.parameters if p.location != "path")
    return params, frozenset(b.name for b in op.body)


def version_note(op: Operation) -> str | None:
    """The note a move carries when the old path's version is alpha or beta (AIP-181 allows breaking changes
    there); None otherwise."""
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
        by_key.setdefault(normalised(op), []).append(op)
    same: list[tuple[Operation, Operation]] = []
    removed: list[Operation] = []
    for op in old_ops:
        counterparts = by_key.get(normalised(op))
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
        key = operation_key(op)
        if key is not None:
            by_id.setdefault((op.method, key), []).append(op)
    for op in removed:
        key = operation_key(op)
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
                found.setdefault((op.method, signature(op)), []).append(op)
        return found

    gone, came = unnamed(removed), unnamed(added)
    for alike, ops in gone.items():
        if len(ops) == 1 and len(came.get(alike, [])) == 1:
            pairs[id(ops[0])] = came[alike][0]
            taken.add(id(came[alike][0]))

    return OperationMatch(
        same=same,
        moved=[(op, pairs[id(op)]) for op in removed if id(op) in pairs],
        removed=[op for op in removed if id(op) not in pairs],
        added=[op for op in added if id(op) not in taken],
    )


_TOO_COMMON = 16  # a path in more specs than this that went tells none of them apart


def pair_renamed(added: Sequence[Document | None], gone: Sequence[Document | None]) -> dict[int, int]:
    """Which spec that is new (index in `added`) is one that went (index in `gone`) under another name
    (`git mv api.yaml v1/api.yaml`): the one it shares the most API paths with (parameter names aside), at
    least one, each spec that went paired once, ties to the first.  By the API, not the text: a rename that
    also edits the spec is still paired, and then compared, so what the edit removed is reported.  Linear: a
    path held by many specs that went counts for none."""
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
