"""The resources of an API, inferred from its paths: each collection whose members a path addresses by ID
(`/v1/jobs/{job_id}`), each singleton (`/v1/agents/{agent_id}/signature`), with its noun, parent and operations.

`ApiModel.resources` builds them once; `aiplint model SPEC` prints them with what each operation is
(`aiplint.model.operations`), so a user sees what aiplint understood.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from aiplint.model.roles import Role

if TYPE_CHECKING:
    from aiplint.model.api import ApiModel
    from aiplint.model.types import Operation, PathItem


@dataclass(eq=False)
class Resource:
    pattern: str  # the member's path, parameters as written first (`/v1/jobs/{job_id}`; a singleton's own path)
    singular: str  # `job`
    plural: str | None  # the collection literal (`jobs`); None for a singleton
    parent: Resource | None
    operations: list[Operation] = field(default_factory=list)

    @property
    def singleton(self) -> bool:
        return self.plural is None

    @property
    def name(self) -> str:
        return self.singular


def resources_of(api: ApiModel) -> list[Resource]:
    """Every resource, parents before children, each with the operations that act on it: those whose path is its
    member's or continues it (a custom method, a singleton of its own aside), those on its collection, and those
    whose target ID, outside the path, names it."""
    by_prefix: dict[int, Resource] = {}
    for item in api.paths:
        for seg in item.segments:
            if seg.is_param and item.collection_of(seg) is not None:
                _add(api, by_prefix, item, seg.index + 1, item.segments[seg.index - 1].text, plural=True)
            elif seg.role is Role.SINGLETON and item.under_an_id(seg):
                _add(api, by_prefix, item, seg.index + 1, seg.text, plural=False)
    found = list(by_prefix.values())
    by_stem = {api.lexicon.stem(r.plural or r.singular): r for r in found}
    for op in api.operations:
        owner = _owner(api, op, by_prefix, by_stem)
        if owner is not None:
            owner.operations.append(op)
    return found


def _add(api: ApiModel, by_prefix: dict[int, Resource], item: PathItem, end: int, literal: str, plural: bool) -> None:
    prefix = item.prefix(end)
    if prefix in by_prefix:
        return
    parent = next((by_prefix[item.prefix(i)] for i in range(end - 1, 0, -1) if item.prefix(i) in by_prefix), None)
    lex = api.lexicon
    pattern = "/" + "/".join(seg.text for seg in item.segments[:end])
    by_prefix[prefix] = Resource(pattern, lex.singularize_literal(literal) if plural else literal,
                                 literal if plural else None, parent)


def _owner(api: ApiModel, op: Operation, by_prefix: dict[int, Resource], by_stem: dict[str, Resource]
           ) -> Resource | None:
    """The resource an operation acts on: named by its target ID outside the path, else the deepest resource its
    path reaches (its collection counts: a List or Create acts on the collection's resource)."""
    facts = api.facts(op)
    if facts.target is not None and facts.target.stem in by_stem:
        return by_stem[facts.target.stem]
    item = op.path
    for end in range(len(item.segments), 0, -1):
        prefix = item.prefix(end)
        child = api.prefixes.param_child(prefix)  # a collection's path: its members' resource
        found = by_prefix.get(prefix) or (by_prefix.get(child) if child is not None else None)
        if found is not None:
            return found
    return None
