"""Small helpers several built-in rules share."""

from __future__ import annotations

from typing import Callable, Iterator

from aiplint.model import Operation, PathItem, Role, Segment
from aiplint.model.suggest import operation_fix
from aiplint.model.targets import target
from aiplint.rule import Context, Problem


def colon_style(ctx: Context) -> bool:
    """Whether suggested custom methods use `:verb`: always under the `aip` profile, else when the document
    already mostly does."""
    return ctx.profile == "aip" or ctx.api.custom_verb_style == "colon"


def fix(ctx: Context, op: Operation) -> str | None:
    """The operation's one suggested fix, the same whichever rule reports it (`aiplint.model.suggest.operation_fix`)."""
    return operation_fix(ctx.api, op, colon_style(ctx))


def id_outside_path(ctx: Context, op: Operation, where: str, why: Callable[[str], str]) -> Iterator[Problem]:
    """The problem of an operation whose target's required ID travels `where` ("query" or "body") instead of the
    path (`aiplint.model.targets`): `why(what)` is the message, `what` naming the parameter (`required query
    parameter `job_id``); the option `ignore` lists names that never are IDs."""
    found = target(ctx.api, op, where, frozenset(ctx.options["ignore"]))
    if found is not None:
        silent = where == "query" and found.required and not any(
            p.required for p in op.parameters if p.location == "query" and p.name == found.name)
        message = why(f"{'required ' if found.required and not silent else ''}{_PLACE[where]} `{found.name}`")
        if not found.required:
            message += f"; the spec leaves it optional, but {op.label} {_one_member_because(ctx, op)}"
        if silent:
            message += "; the document declares no query parameter required, so one named as an ID counts as required"
        if where == "body" and op.body_required and ctx.api.silent_on_required_fields:
            message += "; the document lists no required body field, so a required body's ID field counts as required"
        yield Problem(message, found.at, operation=op, suggestion=fix(ctx, op), detail=found.name)


_PLACE = {"query": "query parameter", "body": "body field"}


def _one_member_because(ctx: Context, op: Operation) -> str:
    """Why an operation acts on one member: the signals for it (`aiplint.model.operations`)."""
    said = [e.says for e in ctx.api.one_member_evidence(op) if e.weight > 0]
    return "acts on one: " + ", ".join(said) if said else "acts on one"


def unattached_verb(item: PathItem) -> Segment | None:
    """The custom verb a path ends in when it follows neither an ID nor a collection (`/v1/vector-io/insert`,
    `/job/cancel`), except a stateless colon method at a version or parameter (`/v1:translateText`)."""
    seg = item.custom_verb
    if seg is None or item.is_attached(seg):
        return None
    before = item.before(seg)
    stateless = seg.colon and (before is None or before.role is Role.VERSION or before.role is Role.PARAM)
    return None if stateless else seg
