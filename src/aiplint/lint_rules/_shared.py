"""Small helpers several built-in rules share."""

from __future__ import annotations

from typing import Iterator

from aiplint import words
from aiplint.lexicon import Lexicon
from aiplint.model import ApiModel, BodyProperty, Operation, PathItem, Role, Segment, is_attached
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
    """Whether an ID's stem (`job` of `job_uuid`) names the resource an operation acts on.

    Where the path already identifies a resource (`/u/{username}/preferences/avatar/pick`,
    `/carts/mine/...`), only a literal after that ID may name it (`/projects/{p}/job/status` names `job`);
    other IDs are arguments or scopes.  Else a literal of the path (`/job/status`, `DeleteMessage`,
    `describe-app-version`) or a collection of the API must name it.  A bare `id` names what the path ends in,
    when that is a thing: a collection, a singular noun or a verb's object (`DeleteMessage`, not `validate`)."""
    segments = op.path.segments
    identified = max((s.index for s in segments if s.role in (Role.PARAM, Role.ALIAS)), default=-1)
    tail = [s for s in segments[identified + 1 :] if not s.is_param and s.role is not Role.VERSION]
    if not stem:
        return bool(tail) and _names_a_thing(api.lexicon, tail[-1])
    if any(api.lexicon.mentions(s.text, stem) for s in tail):
        return True
    return identified < 0 and stem in api.collection_stems


def _names_a_thing(lex: Lexicon, seg: Segment) -> bool:
    if seg.role is Role.CUSTOM_VERB:
        return len(words.split_words(words.action_part(seg.text))) > 1 and lex.verb_leads(seg.text, seg.verb or "")
    return seg.role in (Role.COLLECTION, Role.SINGLETON)


def target_id(api: ApiModel, op: Operation) -> tuple[str, str] | None:
    """The ID an operation identifies its target by outside the path: (name, where) for the first `in: path`
    parameter missing from the template, or required query parameter or body field that names the resource
    acted on.  IDs in a role (`to_user_id`, `parent_id`), of the resource being created, and the arguments of
    a create-like verb (`POST /createRobot` with a `groupId`) are not targets."""
    template = set(op.path.template_params)
    for p in op.parameters:
        if p.location == "path" and p.name not in template and target_stem(api.lexicon, p.name) is not None:
            return p.name, "path"
    for p in op.parameters:
        stem = target_stem(api.lexicon, p.name)
        if p.location == "query" and p.required and not p.is_array and "enum" not in p.schema and stem is not None:
            if names_a_resource(api, op, stem):
                return p.name, "query"
    prop = body_target(api, op)
    return (prop.name, "body") if prop is not None else None


def body_target(api: ApiModel, op: Operation, ignored: frozenset[str] = frozenset()) -> BodyProperty | None:
    """The required body field that identifies the resource an operation acts on, preferring the one the
    verb names (`/contact/schedule`: `ContactId` before `InstanceId`).  Not: fields listing their values (a
    kind, not an instance), the IDs of what a create-like verb makes, or an event payload's own IDs."""
    lex = api.lexicon
    if creates_something(lex, op) or receives_events(lex, op):
        return None
    candidates = []
    for prop in op.body:
        stem = target_stem(lex, prop.name)
        if prop.name in ignored or not prop.required or prop.enum or stem is None or op.creates(stem):
            continue
        if names_a_resource(api, op, stem):
            candidates.append((stem, prop))
    last = op.path.segments[-1].text if op.path.segments else ""
    named = [prop for stem, prop in candidates if stem and lex.mentions(last, stem)]
    return (named or [prop for _, prop in candidates] or [None])[0]


def target_stem(lex: Lexicon, name: str) -> str | None:
    """`Lexicon.id_stem`, except for IDs in a role relative to the target: `to_user_id`, `source_bucket_id`."""
    stem = lex.id_stem(name)
    first = words.split_words(name)[:1]
    return None if stem is None or (first and lex.has(first[0], "role-prefix") and stem != first[0]) else stem


def creates_something(lex: Lexicon, op: Operation) -> bool:
    """Whether the operation's verb makes something new (`/createRobot`, `.../register`): its body IDs are
    references for the new thing, not its target."""
    last = op.path.segments[-1] if op.path.segments else None
    return last is not None and last.role is Role.CUSTOM_VERB and lex.has(last.verb or "", "create-verb")


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


def receives_events(lex: Lexicon, op: Operation) -> bool:
    """Whether the operation receives a callback or notification (its path or operationId says so)."""
    names = [seg.text for seg in op.path.segments if not seg.is_param] + [op.operation_id or ""]
    return any(lex.has(word, "event-word") for name in names for word in words.split_words(name))
