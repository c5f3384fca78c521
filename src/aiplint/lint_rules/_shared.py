"""Small helpers several built-in rules share."""

from __future__ import annotations

from typing import Iterator

from aiplint import words
from aiplint.model import ApiModel, Operation, PathItem, Role, Segment, is_attached
from aiplint.rule import Context
from aiplint.suggest import nest_id


def colon_style(ctx: Context) -> bool:
    """Whether suggested custom methods use `:verb`: always under the `aip` profile, else when the document
    already mostly does."""
    return ctx.profile == "aip" or ctx.api.custom_verb_style == "colon"


def nested_fix(ctx: Context, op: Operation, param: str) -> str | None:
    """`METHOD path` with the resource ID `param` nested under its collection, or None where none follows."""
    path = nest_id(ctx.api, op.path, param, colon_style(ctx))
    return f"{op.method.upper()} {path}" if path else None


def names_a_resource(api: ApiModel, op: Operation, stem: str) -> bool:
    """Whether an ID's stem (`job` of `job_uuid`) names a resource of this API: a collection anywhere, or a
    literal of the operation's own path (`/job/status`).  A bare `id` always names the operation's target."""
    if not stem or stem in api.collection_stems:
        return True
    return any(not seg.is_param and words.names(seg.text, stem) for seg in op.path.segments)


def targets_no_resource(op: Operation) -> bool:
    """Whether an operation's path stops short of any resource: it ends in a verb, namespace or singleton
    that does not follow an ID (`/post-training/job/cancel`, `/v1/safety/run-shield`)."""
    segments = op.path.segments
    if not segments:
        return False
    last = segments[-1]
    before = segments[last.index - 1] if last.index > 0 else None
    if last.role not in (Role.CUSTOM_VERB, Role.NAMESPACE, Role.SINGLETON):
        return False
    return before is None or before.role not in (Role.PARAM, Role.COLLECTION, Role.ALIAS)


def unattached_verbs(api: ApiModel) -> Iterator[tuple[PathItem, Segment]]:
    """Custom verbs that follow neither an ID nor a collection (`/v1/vector-io/insert`, `/job/cancel`),
    except stateless colon methods at a version or parameter (`/v1:translateText`)."""
    for item, seg in api.custom_verbs():
        if is_attached(item, seg):
            continue
        before = item.segments[seg.index - 1] if seg.index > 0 else None
        if seg.colon and (before is None or before.role in (Role.VERSION, Role.PARAM)):
            continue
        yield item, seg
