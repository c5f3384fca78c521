"""Small helpers several built-in rules share."""

from __future__ import annotations

from typing import Any, Callable, Iterator

from aiplint.model import Location, Operation, PathItem, Role, Segment
from aiplint.model.lexicon import Lexicon
from aiplint.model.suggest import operation_fix
from aiplint.model.targets import target
from aiplint.model.words import split_words
from aiplint.read.pointers import join_pointer
from aiplint.rule import Context, Problem


def colon_style(ctx: Context) -> bool:
    """Whether suggested custom methods use `:verb`: always under the `aip` profile, else when the document
    already mostly does."""
    return ctx.profile == "aip" or ctx.api.custom_verb_style == "colon"


def fix(ctx: Context, op: Operation) -> str | None:
    """The operation's one suggested fix, the same whichever rule reports it (`aiplint.model.suggest.operation_fix`)."""
    return operation_fix(ctx.api, op, colon_style(ctx))


def fixed_path(ctx: Context, op: Operation) -> str:
    """The operation's path as its one fix writes it (its collections in the plural, `fix`), else as written: a rule
    that keeps the path suggests this one, so that its fix is the others' too."""
    found = fix(ctx, op)
    return found.partition(" ")[2] if found is not None else op.path.key


def names_an_action(op: Operation) -> bool:
    """A segment of the path is a verb standing where a collection belongs (`/monitor/update/{id}`): that mistake,
    and its fix, are `rest/verb-before-id`'s."""
    return any(seg.verb for seg in op.path.segments if not seg.is_custom_verb)


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


def json_success_schemas(ctx: Context, op: Operation) -> Iterator[tuple[Location, dict[str, Any], dict[str, Any]]]:
    """The JSON schemas of the operation's 2xx responses (OpenAPI 3 JSON media types, OpenAPI 2.0 `schema`),
    `$ref`s resolved, each with where it is written and its response."""
    refs = ctx.api.document.refs
    responses = op.raw.get("responses")
    for status, response in (responses.items() if isinstance(responses, dict) else ()):
        pointer = join_pointer(op.at.pointer, "responses", status)
        found = refs.resolve(response, op.at.source, pointer)
        if not str(status).startswith("2") or not isinstance(found.node, dict):
            continue
        content = found.node.get("content")
        written = [(join_pointer(found.pointer, "content", media_type, "schema"), media.get("schema"))
                   for media_type, media in (content.items() if isinstance(content, dict) else ())
                   if "json" in media_type and isinstance(media, dict)]
        for at, schema in written or [(join_pointer(found.pointer, "schema"), found.node.get("schema"))]:
            if isinstance(schema, dict):
                yield Location(found.source, at), refs.resolve(schema, found.source, at).node, found.node


def is_array(schema: Any) -> bool:
    """A JSON Schema for an array (`type: array`, or `items` without a type)."""
    return isinstance(schema, dict) and (schema.get("type") == "array" or "items" in schema)


def member_of_a_collection(lex: Lexicon, op: Operation) -> bool:
    """The path ends in an ID right after a plural collection (`/v1/countries/{country}`, `/media/{id}.json` is
    not: `media` names no countable resource, nor `/api/person/{number}`)."""
    last = op.path.last
    collection = op.path.collection_of(last) if last is not None else None
    return collection is not None and lex.last_word_number(collection.text, before_id=True) == "plural"


def last_variable_names(lex: Lexicon, op: Operation, resource: str) -> bool | None:
    """Whether the path's last variable names the resource (`{country}`, `{code3}`, `{policyName}`), nothing (None:
    `{id}`, `{name}`, `{sha}`), or something else (False: a selector, `/activities/{type}`, `{archiveKind}`, or
    another thing, `/scheduled_sends/{batch_id}`, `/bounces/{email}`)."""
    last = op.path.last
    name = (last.param or "") if last is not None else ""
    subject = lex.subject(name)
    if subject is None:
        return None
    selects = any(lex.has(w, "selector") for w in split_words(name))  # `{settingType}`, `{archiveKind}`
    return not selects and subject != "" and (resource.endswith(subject) or subject.startswith(resource))


def qualifiers_of_one(lex: Lexicon, words: tuple[str, ...], resource: str) -> tuple[str, ...] | None:
    """The words before the resource in a name's noun phrase (its words before the first preposition, an ID word at
    its end left out) when the phrase ends in the resource, spelt in the singular, with no plural in it: () for
    `getCountry` and `getArticleById`, (`site`,) for `getSiteRssiZone`; None for `get_services_by_name`,
    `getApiKeysInbox`, `readStringTable`."""
    end = next((i for i, w in enumerate(words) if lex.has(w, "preposition")), len(words))
    phrase = list(words[:end])
    while phrase and lex.is_id_word(phrase[-1]):
        phrase.pop()
    if any(lex.noun_number(w) == "plural" for w in phrase):
        return None
    return next((tuple(phrase[:i]) for i in range(len(phrase)) if "".join(phrase[i:]) == resource), None)
