"""Collection identifiers must be plural.

## What it does
Checks every literal path segment in collection position — the literal right before a path parameter
(`/jobs/{job_id}`), before a collection-level custom method (`/books:batchGet`), or a terminal literal that a
sibling path uses before a parameter — and flags it when it is a singular countable noun.

## Why is this bad?
AIP-122: "Collection identifiers must be the plural form of the noun used for the resource."
`/agents/{agent_id}/session/{session_id}` reads as if there were one session; clients and SDK generators
derive resource names from the collection, and fixing it later breaks the API.

A mass noun before an ID that names its members more precisely is flagged too: in
`/storage/{storage-account-name}` the members are storage accounts (`storage-accounts`).  A composite key
(`/shipping_rate/{country}/{zone}`) addresses members of the literal before it.

Other uncountable nouns (`data`, `metadata`, `info`, `health`, `media`, `news`), versions, namespaces
(`/chat/completions`), aliases (`/users/me`) and singleton sub-resources (`/files/{file_id}/content`) are
never flagged, nor a literal whose following parameter identifies something else (`/Finance/Iban/{countryCode}`,
`/archive/{year}`).  An attribute of a thing (`/pipeline-status/{identifier}`: the pipeline's status) is not a
collection, unless its own path lists them (`GET /patient_plan_summary` pages summaries).

A singular literal whose members are named outside the path is a collection too: `/api/Package?PackageId=`, and
views of one member named by a query ID (Browshot's `/screenshot/info?id=`, `/screenshot/html?id=`).  A literal
named as a list of the members its operations name (`DELETE /kkid/userlist?userID=`) is their collection, and its
plural theirs: `userlist` -> `users`.

A member written as its plural's singular where its ID belongs (Doppler's `/roles/role/{role}`,
`/projects/project?project=`, NDHM's `/links/link/confirm`) is the collection's name in the singular: the fix drops
it (`/roles/{role}`), and an ID in the query moves there (`GET /projects/{project}`).  A standard method's verb
after its plural names the call instead (`GET /lists/list.json`).

In an RPC API whose calls are named `noun.verb`, a noun in the singular that the API makes or deletes members of
and whose members its calls address by ID (api2cart's `product.add.json`, `product.info.json?id=`) is a collection
named in the singular, reported once on its first call (`product` -> `products`); a catalogue the API only reads
(musixmatch's `track.get?track_id=`) is not.

A one-letter collection identifier is an abbreviation (Discourse's `/t/{id}.json`, Cloud Storage's
`/b/{bucket}/o/{object}`); it is flagged when the operations under it name the noun it stands for (`getTopic`,
`storage.buckets.get`), and the fix is that noun's plural (`topics`, `buckets`).

Singular words that end in `s` (`status`, `alias`, `analysis`) are recognised as singular.  In a noun and its
complement the noun is what is counted: `unit-of-measure` -> `units-of-measure`; a lookup by a key
(`FantasyDefenseByGame/{id}`) and an attribute of the complement's thing (`StatusForProperty/{id}`) are no
collections.

## Example
```yaml
paths:
  /v1/agents/{agent_id}/session/{session_id}: ...
```

## Use instead
```yaml
paths:
  /v1/agents/{agent_id}/sessions/{session_id}: ...
```

## Fix (unsafe)
`--unsafe-fixes` renames the collection in every path that uses it (`/v1/session/{session_id}` and
`/v1/session/{session_id}/turns` -> `/v1/sessions/...`), with the `$ref`s and link `operationRef`s that quote
those paths.  Clients calling the old paths break: every operation there moves.  No fix is offered where a renamed
path would take the place of one the document has (`/v1/sessions/{id}` beside `/v1/session/{session_id}`).

## Options
- `uncountable`: extra words to accept as uncountable (singular is correct for them).

## Measured
Peer suites (issue 19, `benchmarks/peer_suites.py`): agrees with 6 of 9 cases of AEP and Redocly; 3 deliberate
disagreements: a singleton read with GET (AIP-156) and a version segment (AIP-185) are singular by right, and
AIP-122 writes `electronicBooks` in camelCase where AEP wants kebab-case.

## References
- AIP-122 Resource names: https://google.aip.dev/122
"""

from __future__ import annotations

from typing import Iterator

from aiplint.lint_rules.shared import path_taken, rename_paths
from aiplint.model import ApiModel, PathItem, Segment, repeats_its_plural, words
from aiplint.model.lexicon import Lexicon
from aiplint.model.suggest import Part, expanded_abbreviation, join, parts_of, resource_literal
from aiplint.model.targets import target
from aiplint.rule import Context, Fix, Option, Problem, RenamePath, rule


@rule(
    id="aip122/plural-collection",
    summary="Collection identifiers are plural nouns",
    reference="AIP-122",
    url="https://google.aip.dev/122",
    severity="error",
    options={"uncountable": Option((), "extra uncountable words, accepted in the singular")},
    headline="plural",
)
def check(ctx: Context):
    extra = frozenset(w.lower() for w in ctx.options["uncountable"])
    seen: set[int] = set()
    for item in ctx.api.paths_by_key:
        for seg in item.segments:
            if not seg.is_collection or seg.text.lower() in extra:
                continue
            if ctx.api.names_other_thing(*_members_of(ctx.api, item, seg)):
                continue  # `Iban/{countryCode}`, `archive/{year}`: not the collection of what follows
            plural, what = _plural_for(ctx.api, item, seg, extra)
            if plural is None:
                continue
            plural = _existing_collection(ctx.api, item, seg) or plural
            member = repeats_its_plural(item, seg, ctx.api.lexicon)  # `/roles/role/{role}`: drop `role`
            prefix = item.prefix(seg.index + 1)
            if prefix in seen:
                continue  # reported once, on the first path that uses this collection
            seen.add(prefix)
            # a member literal is the collection on every path, though its own path is changed in place
            users = ctx.api.paths_under(prefix) if member else _collection_uses(ctx.api, prefix, seg.index)
            # reported on the first path using it as a collection: not the singleton's own (`PATCH /user`)
            first = item if item in users else min(users, key=lambda other: other.key, default=None)
            if first is None:
                continue
            change = f"`{seg.text}` repeats `{plural}` where the member's ID belongs" if member else \
                f"`{seg.text}` -> `{plural}`"
            yield Problem(
                f"collection identifier `{seg.text}` {what}; collection identifiers must be the plural of the "
                f"resource's noun (AIP-122): {change}" + (f" (in {len(users)} paths)" if len(users) > 1 else ""),
                first.key_at,
                path=first.key,
                suggestion=_member_fix(ctx.api, first, seg) if member else join(_renamed(first, seg, plural, member)),
                detail=f"{seg.index}:{seg.text}",
                related=tuple(other.key_at for other in users if other is not first),
                fix=_rename(ctx.api, users, seg, plural, member),
            )
    yield from _called_in_the_singular(ctx.api, extra)


def _member_fix(api: ApiModel, item: PathItem, seg: Segment) -> str | None:
    """The path without a member literal (`/roles/role/{role}` -> `/roles/{role}`); where it ends the path and the
    document has the path without it (Doppler's `GET /v3/projects` beside `/v3/projects/project?project=`), the
    member's key in its place (`/v3/projects/{project}`), or no fix where no operation names one (jellyfin's
    `/System/Logs/Log?name=` beside `/System/Logs`)."""
    dropped = join(_renamed(item, seg, "", True))
    if item.last is not seg or not path_taken(api, dropped):
        return dropped
    key = next((t.path_name for op in item.operations if (t := target(api, op, required=False)) is not None), None)
    return join(parts_of(item)[: seg.index] + [("{" + key + "}", False)]) if key else None


def _called_in_the_singular(api: ApiModel, extra: frozenset[str]) -> Iterator[Problem]:
    """An RPC API's `noun.verb` calls named after a noun in the singular whose members they address by ID
    (api2cart's `product.info.json?id=`, `product.delete.json`): one problem per noun, on its first call."""
    lex = api.lexicon
    for noun, items in api.called_collections.items():
        if noun.lower() in extra or lex.last_word_number(noun) != "singular":
            continue
        plural, first = lex.pluralize_literal(noun), items[0]
        assert first.last is not None  # a call's path ends in it
        parts = parts_of(first)
        parts[-1] = (".".join(plural if word == noun else word for word in first.last.text.split(".")), parts[-1][1])
        yield Problem(
            f"collection identifier `{noun}` is singular; collection identifiers must be the plural of the "
            f"resource's noun (AIP-122): `{noun}` -> `{plural}`" + (f" (in {len(items)} paths)" if len(items) > 1
                                                                   else ""),
            first.key_at,
            path=first.key,
            suggestion=join(parts),
            detail=f"{first.last.index}:{noun}",
            related=tuple(other.key_at for other in items[1:]),
        )


def _renamed(item: PathItem, seg: Segment, plural: str, member: bool) -> list[Part]:
    """The path's parts with the collection `seg` in the plural, or dropped where it repeats its plural."""
    parts = parts_of(item)
    if member:
        del parts[seg.index]
    else:
        parts[seg.index] = (plural, parts[seg.index][1])
    return parts


def _rename(api: ApiModel, users: list[PathItem], seg: Segment, plural: str, member: bool) -> Fix | None:
    """The unsafe fix: every path using the collection renamed; none where a path's key is not what its segments
    spell (it could not be rewritten segment by segment) or a new key would be one the document has already."""
    renames = []
    for item in users:
        if join(parts_of(item)) != item.key:
            return None
        renames.append(RenamePath(item.key, join(_renamed(item, seg, plural, member))))
    where = f"{len(renames)} paths" if len(renames) > 1 else f"`{renames[0].old}`"
    change = f"drop `{seg.text}` after `{plural}`" if member else f"rename the collection `{seg.text}` to `{plural}`"
    return rename_paths(api, renames, f"{change} in {where}")


def _existing_collection(api: ApiModel, item: PathItem, seg: Segment) -> str | None:
    """The plural collection the document already has, beside this one, for the resource its ID names, when the
    literal is that resource's noun glued to another word (`/v1/ticketlabel/{label_id}` beside
    `/v1/labels/{label_id}`: `labels`)."""
    following = item.after(seg)
    lex = api.lexicon
    stem = lex.id_stem(following.param or "") if following is not None and following.is_param else None
    parts = api.resource_prefixes.get(stem) if stem else None
    if not parts or parts[:-1] != parts_of(item)[: seg.index]:
        return None
    words_ = lex.words_of(seg.text)
    existing = parts[-1][0]
    return existing if len(words_) > 1 and lex.stem(words_[-1]) == lex.stem(existing) == stem else None


def _collection_uses(api: ApiModel, prefix: int, index: int) -> list[PathItem]:
    """The paths that use a literal as a collection: all those under it, unless the literal is also one thing,
    changed in place and never created in (`PATCH /user`): then only those where an ID follows it
    (`/user/{account_id}`), since `/user/repos` belongs to the singleton."""
    users = api.paths_under(prefix)
    one_thing = any(len(other.segments) == index + 1 and other.methods & {"put", "patch"}
                    and "post" not in other.methods for other in users)
    if not one_thing:
        return users
    return [other for other in users if other.followed_by_id(other.segments[index])]


def _plural_for(api: ApiModel, item: PathItem, seg: Segment, extra: frozenset[str]) -> tuple[str | None, str]:
    """The plural a collection identifier should be, or None when it is right, and what is wrong with it: the
    literal's plural; for a mass noun whose members the ID names more precisely (`storage/{storage-account-name}`:
    storage accounts), the members' plural (`storage-accounts`); for a one-letter abbreviation, the plural of the
    noun the operations under it name (`t` -> `topics`)."""
    lex = api.lexicon
    if seg.members is not None:
        return lex.pluralize_literal(seg.members), f"names a list of its members (`{seg.members}`)"
    following = item.after(seg)
    number = lex.last_word_number(seg.text, extra, item.followed_by_id(seg))
    head, complement = words.split_before(seg.text, lex.words("preposition"))
    if complement and number == "singular":
        return _head_plural(lex, head, complement, extra)
    if number == "singular":
        return lex.pluralize_literal(seg.text), "is singular"
    if number == "unknown" and (expanded := expanded_abbreviation(api, item, seg)) is not None:
        return expanded, f"abbreviates `{lex.singular_of(expanded.lower())}`"
    if number != "uncountable" or following is None or not following.is_param:
        return None, ""
    head, member = lex.words_of(seg.text)[-1], lex.subject(following.param or "") or ""
    members = resource_literal(lex, following.param or "", keys=True)
    if not member.startswith(head) or len(member) <= len(head) or not members:
        return None, ""
    return (seg.text[: seg.text.lower().rfind(head)] + members,
            f"is a mass noun for the resources its IDs name (`{following.text}`)")


def _head_plural(lex: Lexicon, head: str, complement: str, extra: frozenset[str]) -> tuple[str | None, str]:
    """A noun and its complement (`unit-of-measure`, `areaOfLaw`): the noun is what is counted, so its plural
    (`units-of-measure`); none for a lookup by a key (`CountByID`, `FantasyDefenseByGame`) nor for an attribute of
    the complement's thing (`VirtualTariffsStatusForProperty/{id}`: the property's status)."""
    words_ = lex.words_of(head)
    lookup = words.split_words(complement)[:1] == ("by",)
    if lookup or not words_ or lex.has(words_[-1], "attribute") or lex.last_word_number(head, extra) != "singular":
        return None, ""
    return lex.pluralize_literal(head) + complement, "is singular"


def _members_of(api: ApiModel, item: PathItem, seg: Segment) -> tuple[PathItem, Segment]:
    """Where a collection's members are addressed: this path, or for a terminal literal that is a collection
    because a sibling has `/literal/{param}`, that sibling (`import/status` beside `import/status/{importUuid}`);
    for an attribute, also before a literal (`state/checkpoint` beside `state/{checkpoint_id}`: a thread's state
    at a checkpoint, whatever follows it)."""
    following = item.after(seg)
    if following is not None and (following.is_param or not api.lexicon.has(seg.text.lower(), "attribute")):
        return item, seg
    other = api.member_path(item, seg)
    return (other, other.segments[seg.index]) if other is not None else (item, seg)
