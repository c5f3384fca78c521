"""Concrete fixes: the path an operation should have.  Shared by every rule that suggests one."""

from __future__ import annotations

from aiplint import words
from aiplint.lexicon import Lexicon
from aiplint.model import ApiModel, PathItem, Role, Segment


def resource_literal(lex: Lexicon, param: str) -> str:
    """The collection a resource ID parameter belongs to, spelled like the parameter:
    `vector_store_id` -> `vector_stores`, `jobUuid` -> `jobs`, `AccountSid` -> `Accounts`."""
    parts = words.split_words(param)
    if not parts or not lex.is_id_word(parts[-1]):
        return ""
    base = param[: len(param) - len(parts[-1])].rstrip("-_")
    return lex.pluralize_literal(base) if base else ""


def camel_verb(literal: str) -> str:
    """`set-default-version` -> `setDefaultVersion` (AIP-136: custom verbs are camelCase after `:`)."""
    parts = words.split_words(literal)
    return parts[0] + "".join(p.capitalize() for p in parts[1:]) if parts else literal


Part = tuple[str, bool]  # segment text, written after `:` instead of `/`


def join(parts: list[Part]) -> str:
    return "".join((":" if colon else "/") + text for text, colon in parts) or "/"


def parts_of(item: PathItem) -> list[Part]:
    return [(seg.text, seg.colon) for seg in item.segments]


def verb_part(literal: str, colon: bool) -> Part:
    return (camel_verb(literal) if colon else literal, colon)


def nest_id(api: ApiModel, item: PathItem, param: str, colon: bool) -> str | None:
    """The path with the resource ID `param` where it belongs: after its plural collection.

    - a literal of the path names the resource: pluralise it and put the ID after it
      (`/v1alpha/post-training/job/status` + `job_uuid` -> `/v1alpha/post-training/jobs/{job_uuid}/status`);
    - the API already has the resource's collection: the action moves under it
      (`/v1/safety/run-shield` + `shield_id`, beside `/v1/shields/{id}` -> `/v1/shields/{shield_id}/run`);
    - a list's parent ID goes before the listed collection (`/messages` + `thread_id` -> `/threads/{thread_id}/messages`);
    - else the collection is made from the parameter's name, in place."""
    lex = api.lexicon
    stem = lex.id_stem(param)
    if stem is None or not item.segments:
        return None
    parts = parts_of(item)
    id_part = ("{" + param + "}", False)
    last = item.segments[-1]
    if not stem:  # a bare `id`: the member of the collection the path ends in
        return join(parts + [id_part]) if last.role is Role.COLLECTION else None
    for seg in reversed(item.segments):
        if not seg.is_param and seg.role is not Role.VERSION and seg.role is not Role.CUSTOM_VERB:
            if lex.stem(seg.text) == stem:
                plural = lex.pluralize_literal(seg.text) if lex.last_word_number(seg.text) == "singular" else seg.text
                parts[seg.index] = (plural, False)
                following = item.segments[seg.index + 1] if seg.index + 1 < len(item.segments) else None
                if following is None or not following.is_param:
                    parts.insert(seg.index + 1, id_part)
                last = item.segments[-1]
                if last.role is Role.CUSTOM_VERB and last.index > seg.index:
                    parts[-1] = verb_part(last.text, colon or last.colon)
                return join(parts)
    if last.role is Role.COLLECTION:  # the ID of the listed collection's parent (AIP-132)
        tail: Part = (last.text, False)
    elif last.role in (Role.CUSTOM_VERB, Role.SINGLETON):
        tail = _action_without_noun(lex, last, stem, colon) if last.role is Role.CUSTOM_VERB else (last.text, False)
    else:
        return None
    prefix = api.resource_prefixes.get(stem) or parts[: last.index] + [(resource_literal(lex, param), False)]
    return join(prefix + [id_part, tail])


def _action_without_noun(lex: Lexicon, seg: Segment, stem: str, colon: bool) -> Part:
    """`run-shield` acting on a shield is `run`; other verbs stay as they are."""
    parts = seg.words
    if len(parts) > 1 and seg.verb == parts[0] and lex.names("-".join(parts[1:]), stem):
        return verb_part(parts[0], colon)
    return verb_part(seg.text, colon)
