"""One mistake, one finding: problems of several rules at one operation that share a fix are reported once.

`DELETE /v1/team?team_id=` is one mistake (the team's ID belongs in the path, under `teams`), though three rules
see it: the ID in the query, the singular `team` beside `teams`, and the method on a collection.  They suggest the
same fix (`DELETE /v1/teams/{team_id}`, `aiplint.model.suggest.operation_fix`), so they are one finding.  The rule
that reports it is the one whose mistake the fix is about (`Rule.headline`): an ID rule when the fix is a standard
method on a member, a custom-method rule when the fix stays a custom method, else a collection rule; rules with no
headline come last, and the document's rule order breaks ties.  The others are the finding's `also`.

Grouping happens after suppressions and severities: a suppressed or disabled rule is not in its group, so the next
rule reports, and every rule stays a selectable plugin.
"""

from __future__ import annotations

from dataclasses import replace
from typing import NamedTuple, Sequence

from aiplint.linting.findings import Also
from aiplint.model import Operation, PathItem, words
from aiplint.read.pointers import unescape_token
from aiplint.rule import Problem, Rule, Severity

_SEVERITY_ORDER = (Severity.INFO, Severity.WARNING, Severity.ERROR)


class Reported(NamedTuple):
    rule: Rule
    severity: Severity
    problem: Problem
    also: tuple[Also, ...] = ()


def one_per_fix(reported: list[tuple[Rule, Severity, Problem]], paths: Sequence[PathItem] = ()) -> list[Reported]:
    """The problems, those sharing an operation (or path) and a fix merged into the most specific rule's."""
    groups: dict[tuple[str, str], list[tuple[Rule, Severity, Problem]]] = {}
    alone: list[Reported] = []
    for entry in reported:
        key = _fix_key(entry[2])
        if key is None:
            alone.append(Reported(*entry))
        else:
            groups.setdefault(key, []).append(entry)
    merged = [_merge(group) for group in groups.values()]
    return _absorb_path_problems(_one_per_verb(alone), merged, {item.key: item for item in paths})


def _one_per_verb(alone: list[Reported]) -> list[Reported]:
    """Custom-method problems of one path's verb that no rule can fix (`GET /chart.artists.get`: a verb segment
    attached to nothing, and a standard Get spelled as a verb) are one mistake: the path-level problem, else the
    first, reports it, the others are its `also`."""
    groups: dict[tuple[str, str], list[int]] = {}
    for i, entry in enumerate(alone):
        problem = entry.problem
        path = problem.operation.path.key if problem.operation is not None else problem.path
        if problem.suggestion is None and entry.rule.headline == "custom" and path is not None:
            groups.setdefault((path, _segment_of(problem.detail)), []).append(i)
    absorbed: set[int] = set()
    for indexes in groups.values():
        if len({alone[i].rule.id for i in indexes}) < 2:
            continue
        head = min(indexes, key=lambda i: (alone[i].problem.operation is not None, i))
        rest = [i for i in indexes if i != head]
        also: dict[str, Also] = {}  # one per other rule (its last problem's message)
        for i in rest:
            if alone[i].rule.id != alone[head].rule.id:
                also[alone[i].rule.id] = Also(alone[i].rule.id, alone[i].problem.message)
        severity = max((alone[i].severity for i in indexes), key=_SEVERITY_ORDER.index)
        alone[head] = alone[head]._replace(also=(*alone[head].also, *also.values()), severity=severity)
        absorbed.update(i for i in rest if alone[i].rule.id != alone[head].rule.id or alone[head].problem.operation
                        is None)
    return [entry for i, entry in enumerate(alone) if i not in absorbed]


def _segment_of(detail: str) -> str:
    """The segment a custom-method problem's detail names: `chart.artists.get`, `get:standard`, `3:append-rows`."""
    parts = detail.split(":")
    return parts[1] if parts[0].isdigit() and len(parts) > 1 else parts[0]


def _absorb_path_problems(alone: list[Reported], merged: list[Reported], items: dict[str, PathItem]
                          ) -> list[Reported]:
    """A path-level problem (a singular collection) about operations, on its path and on the other paths it names
    (`related`), that all but one already have a finding with a fix of their own is one of their mistakes too
    (`/job/cancel {job_uuid}`: the operation's fix `/jobs/{job_uuid}/cancel` names the collection in the plural): it
    joins each of those findings' `also`, and is reported at the one operation left (`GET /v1/team` beside `DELETE
    /v1/team?team_id=`), if any, with that operation's method."""
    path_level = [r for r in alone + merged if r.problem.operation is None]
    merged = [r for r in merged if r.problem.operation is not None]
    by_operation = {id(r.problem.operation): i for i, r in enumerate(merged)}
    kept = [r for r in alone if r.problem.operation is not None]
    for entry in path_level:
        operations = _operations_of(entry.problem, items)
        uncovered = [op for op in operations if id(op) not in by_operation]
        if not operations or len(uncovered) > 1 or len(uncovered) == len(operations):
            kept.append(entry)  # nothing joins another finding: it stays as the rule wrote it (baselines hold it)
            continue
        if uncovered:
            kept.append(entry._replace(problem=_at_operation(entry.problem, uncovered[0])))
        for op in operations:
            if id(op) not in by_operation:
                continue
            i = by_operation[id(op)]
            severity = max(merged[i].severity, entry.severity, key=_SEVERITY_ORDER.index)  # merging lowers none
            merged[i] = merged[i]._replace(also=(*merged[i].also, Also(entry.rule.id, entry.problem.message)),
                                           severity=severity)
    return kept + merged


def _at_operation(problem: Problem, op: Operation) -> Problem:
    """A path-level problem as its one operation's: `/v1/teams` is `GET /v1/teams` there.  On another path it names
    (`related`), the operation's own path with the same literals renamed, at that path (`/api/client/new` ->
    `/api/clients/new` is `GET /api/clients/{id}` for `GET /api/client/{id}`)."""
    suggestion, at = problem.suggestion, problem.at
    if suggestion is not None and suggestion.startswith("/"):
        if op.path.key != problem.path:
            suggestion = _renamed_alike(problem.path or "", suggestion, op.path.key)
            at = op.path.key_at
        suggestion = f"{op.method.upper()} {suggestion}" if suggestion is not None else None
    # the other paths' operations report it in their own findings' `also`
    return replace(problem, operation=op, path=None, suggestion=suggestion, at=at, related=())


def _renamed_alike(old: str, new: str, other: str) -> str | None:
    """`other` with the segments `old` -> `new` renamed at the same places, where `other` has them (a collection
    made plural on every path it starts); None where the two paths do not line up, or `other` has none of them (a
    call `noun.verb` of the same noun, `product.option.value.add.json`: no fix is better than itself)."""
    before, after, texts = old.split("/"), new.split("/"), other.split("/")
    if len(before) != len(after):
        return None
    for i, (was, now) in enumerate(zip(before, after, strict=True)):
        if was != now and i < len(texts) and texts[i] == was:
            texts[i] = now
    renamed = "/".join(texts)
    return renamed if renamed != other else None


def _operations_of(problem: Problem, items: dict[str, PathItem]) -> list[Operation]:
    """The operations a path-level problem is about, on its path and its related ones (`items`: the document's
    paths by key); none where a path is not known."""
    if problem.operation is not None or problem.path is None:
        return []
    keys = [problem.path, *(unescape_token(at.pointer.split("/")[2]) for at in problem.related
                            if at.pointer.startswith("/paths/"))]
    if len(keys) != 1 + len(problem.related) or any(key not in items for key in keys):
        return []
    return [op for key in keys for op in items[key].operations]


def _fix_key(problem: Problem) -> tuple[str, str] | None:
    """What problems are grouped by: their path and the fixed path (`GET /v1/teams` and `/v1/teams` agree)."""
    if problem.suggestion is None:
        return None
    path = problem.operation.path.key if problem.operation is not None else problem.path
    if path is None:
        return None
    method, _, rest = problem.suggestion.partition(" ")
    fixed = rest if rest.startswith("/") and method.isupper() else problem.suggestion
    operation = problem.operation.method if problem.operation is not None else ""
    return f"{path} {operation}", fixed


def _merge(group: list[tuple[Rule, Severity, Problem]]) -> Reported:
    if len(group) == 1:
        return Reported(*group[0])
    custom_fix = _stays_custom(group)
    order = ("custom", "id", "plural") if custom_fix else ("id", "plural", "custom")
    ranked = sorted(enumerate(group), key=lambda e: (_rank(e[1][0], order), e[0]))
    (_, (rule, _, problem)), rest = ranked[0], [entry for _, entry in ranked[1:]]
    severity = max((entry[1] for entry in group), key=_SEVERITY_ORDER.index)
    # a group is one operation's problems or one path's (`_fix_key`); of its fixes, the one with its method
    # (`GET /v1/teams`) rather than the path alone (`/v1/teams`)
    suggestion = next((p.suggestion for _, _, p in group if p.suggestion and " /" in p.suggestion), problem.suggestion)
    problem = replace(problem, suggestion=suggestion)
    return Reported(rule, severity, problem, tuple(Also(r.id, p.message) for r, _, p in rest))


def _rank(rule: Rule, order: tuple[str, ...]) -> int:
    return order.index(rule.headline) if rule.headline in order else len(order)


def _stays_custom(group: list[tuple[Rule, Severity, Problem]]) -> bool:
    """The fix keeps a custom method: the fixed path ends in a verb the operation's path has (`/cancel`), not in
    an ID or a collection."""
    suggestion = next(p.suggestion for _, _, p in group if p.suggestion)
    last = suggestion.rsplit(" ", 1)[-1].rstrip("/").rsplit("/", 1)[-1]
    if last.endswith("}"):
        return False
    verbs = [p.operation.path.custom_verb for _, _, p in group if p.operation is not None]
    verb = next((v for v in verbs if v is not None), None)
    return ":" in last or (verb is not None and words.compact(last) in words.compact(verb.text))
