"""What each operation is, decided once from all the evidence: its kind (Get, List, Create, ..., a custom verb),
the resource it acts on, and where that resource's ID travels, with the evidence behind each decision.

Rules read this (`ApiModel.facts(op)`) instead of re-deriving it from the path's syntax, and `aiplint model SPEC`
prints it.  The evidence is weighed, not taken first-match: the method, the path's segment roles, what the success
responses return (`Shape`), the names the operation is given (operationId and summary) and its parameters.

The one weighed question is whether an operation on a path that does not end in an ID acts on **one member** all
the same, named in the query or the body (`DELETE /team?teamname=`, `GET /attachments?key=` returning one
`Attachment`, `GET /rest?method=flickr.groups.getInfo&group_id=` whose operationId is `getGroupByID`).  Each signal
adds or takes away weight; the weights come from labelled operations (`benchmarks/accuracy/`):

| signal | weight | labelled case it comes from |
| --- | --- | --- |
| DELETE, PUT or PATCH on a path ending in a collection or a singular noun | +2 | `DELETE /api/team?teamname=` |
| a GET returning one object | +2 | `GET /attachments?key=` -> `Attachment` |
| a GET returning an array or a page | -3 | `GET /tickets?owner_id=`: a filter |
| the operationId or summary names one thing "by" a key | +2 | `getGroupByID`, `get_agent_by_id` |
| the operationId or summary names one thing with a get, update or delete verb | +1 | "Delete Team", `getPersonInfo` |
| the operationId or summary names many things, or a list or create verb | -2 | `list_tickets`, "Create Queue" |

A summary's verb counts in the third person too ("Returns list of users": many, Kumpe's `GET /kkid/userlist`), and
a summary's "by" only before a key ("Get user by ID"; "Returns playlists filtered by {start}" is many).  Where an
operation has neither an operationId nor a summary, the first clause of its description is its name when the
words after its verb name something its path does (Mandrill's `POST /templates/info.json`: "Get the information
for an existing template").

At 2 or more the operation acts on one member: an ID of it that the spec leaves optional is the target all the
same (the spec's `required` flag says little: FastAPI makes `Optional[str] = None` optional, Swagger generators
leave `required` out).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import Enum
from typing import TYPE_CHECKING

from aiplint.model import words
from aiplint.model.roles import Role
from aiplint.model.types import Shape

if TYPE_CHECKING:
    from aiplint.model.api import ApiModel
    from aiplint.model.lexicon import Lexicon
    from aiplint.model.targets import Target
    from aiplint.model.types import Operation

_ARTICLES = frozenset(("a", "an", "the"))
ONE_MEMBER = 2  # the weight at which an operation acts on one member named outside its path


class Kind(str, Enum):
    """What an operation is (AIP-131..136, 156, 231..235)."""

    GET = "get"
    LIST = "list"
    CREATE = "create"
    UPDATE = "update"
    REPLACE = "replace"
    DELETE = "delete"
    CUSTOM = "custom"
    BATCH = "batch"
    SEARCH = "search"
    SINGLETON_GET = "singleton-get"
    SINGLETON_UPDATE = "singleton-update"
    UNKNOWN = "unknown"


@dataclass(frozen=True)
class Evidence:
    signal: str  # "method", "path", "response", "operationId", "summary"
    says: str  # what it says, in words
    weight: int = 0  # for or against acting on one member named outside the path


@dataclass(frozen=True)
class OperationFacts:
    kind: Kind
    resource: str | None  # the resource it acts on, as a compact singular (`job`); None when nothing says
    id_in: str  # where that resource's ID travels: "path", "query", "body", "header", "path-not-in-template" or
    # "none"
    target: Target | None  # the ID outside the path, when it travels there
    shape: Shape
    named_verb: str | None  # the verb the operationId or summary starts with (`archive` for `archive_queue`)
    evidence: tuple[Evidence, ...]


def _verb_kind(lex: Lexicon, verb: str) -> str | None:
    """The standard method a name's first word says (the lexicon's `name-verb` table): `fetch` -> `get`."""
    return next(iter(lex.mapping("name-verb").get(verb, ())), None)


def named_verb(lex: Lexicon, op: Operation) -> tuple[str | None, tuple[str, ...], str]:
    """The verb an operation's name starts with, the words after it, and where it was read ("operationId" or
    "summary"): `archive_queue` -> (`archive`, (`queue`,)); Azure's `StorageSyncServices_Delete` -> (`delete`,
    (`storage`, `sync`, `services`)); None when neither name starts with a verb."""
    return next(iter(verb_names(lex, op)), (None, (), ""))


def verb_names(lex: Lexicon, op: Operation) -> list[tuple[str, tuple[str, ...], str]]:
    """`named_verb` of each name that starts with a verb, the operationId's first, then the summary's: FastAPI's
    operationId (`get_item_items__item_id__get`) carries its route, its summary ("Get Item") does not; but an
    operationId whose verb is the operation's own HTTP method and says nothing more of how (ASP.NET's `Company_Put`,
    not `Point_GetByPath`) comes after the summary."""
    found = []
    for signal, name in (("operationId", op.operation_id), ("summary", op.summary),
                         ("description", _described_name(lex, op))):
        parts = _name_words(name or "")
        if parts and signal != "operationId":
            parts = (_base_verb(lex, parts[0]), *parts[1:])  # "Returns the pet", "Deletes a user"
        if parts and (_verb_kind(lex, parts[0]) is not None or lex.is_verb(parts[0])):
            found.append((parts[0], parts[1:], signal))
    only_its_method = bool(found) and found[0][2] == "operationId" and found[0][0] == op.method and not any(
        lex.has(word, "preposition") for word in found[0][1])  # `Point_GetByPath` says how it gets
    if len(found) > 1 and only_its_method:
        found.append(found.pop(0))  # ASP.NET's `Company_Put` says only its HTTP method; "Update a Company" says more
    return found


def _described_name(lex: Lexicon, op: Operation) -> str | None:
    """The description's first clause, read as a name only where the operation has none, and where the words right
    after its verb name something its path does (Mandrill's "Get the information for an existing template" for
    `POST /templates/info.json`; not "Update the user's CV by adding a position" for `POST /positions`)."""
    description = op.raw.get("description")
    if op.operation_id or op.summary or not isinstance(description, str):
        return None
    clause = re.split(r"[.,;:\n(]", description.strip()[:200], maxsplit=1)[0]
    path_nouns = {lex.stem(word) for seg in op.path.segments if not seg.is_param
                  for word in lex.words_of(words.action_part(seg.text))}
    return clause if any(lex.stem(word) in path_nouns for word in _name_words(clause)[1:7]) else None


def _base_verb(lex: Lexicon, word: str) -> str:
    """A standard method's verb in the third person, as summaries and descriptions write it (`returns`, `deletes`,
    `retrieves`): its base form; any other word as it is (`tags` may be a noun)."""
    for cut, add in (("ies", "y"), ("es", ""), ("s", "")):
        if word.endswith(cut) and _verb_kind(lex, base := word[: -len(cut)] + add) is not None:
            return base
    return word


def named_kind(lex: Lexicon, op: Operation) -> str | None:
    """The standard method an operation's name says it is (`get`, `list`, `create`, `update`, `delete`), if any."""
    verb, _, _ = named_verb(lex, op)
    return _verb_kind(lex, verb) if verb is not None else None


def _name_words(name: str) -> tuple[str, ...]:
    """The words of an operation's name, verb first: Azure's `Noun_Verb` turned round, FastAPI's route suffix
    (`get_agent_v1_agents__agent_id__get`) and the words after an HTTP method left as they are."""
    head, sep, tail = name.rpartition("_")
    if sep and head and tail[:1].isupper() and "_" not in head and " " not in name:  # `Pets_CreateOrUpdate`
        return words.split_words(tail) + words.split_words(head)
    return words.split_words(name.split(" (", 1)[0])


def one_member_evidence(api: ApiModel, op: Operation) -> tuple[Evidence, ...]:
    """The signals, for and against, that `op` acts on one member though its path does not end in an ID (see the
    module's table); empty when the path names its member already.  A custom verb's own words count as a name's
    (`flickr.groups.getInfo`)."""
    last = op.path.last
    if last is None or last.role.identifies or (last.role is Role.SINGLETON and op.path.under_an_id(last)):
        return ()  # the path names its member already: an ID, an alias (`/users/me`), a member's singleton
    found: list[Evidence] = []
    if last.is_custom_verb:  # `getInfo`, `flickr.groups.getInfo`: the action names what it does, as a name does
        verb_words = api.lexicon.words_of(words.action_part(last.text))
        found.extend(_verb_evidence(api.lexicon, "path", verb_words[0], verb_words[1:]))
    elif op.method in ("delete", "put", "patch") and last.role in (Role.COLLECTION, Role.SINGLETON, Role.NAMESPACE):
        found.append(Evidence("method", f"{op.method.upper()} changes or removes one thing", 2))
    if op.method == "get" and op.shape is Shape.ONE:
        found.append(Evidence("response", "returns one object", 2))
    elif op.method == "get" and op.shape.many:
        found.append(Evidence("response", f"returns {'an array' if op.shape is Shape.LIST else 'a page'}", -3))
    if not last.is_custom_verb and _members_addressed_beside(api, op) and named_kind(api.lexicon, op) not in (
            "create", "list"):
        found.append(Evidence("siblings", "its members are addressed by ID on another path", 1))
    paging = [p.name for p in op.params_in("query") if api.lexicon.has(words.compact(p.name), "paging-parameter")]
    if paging:
        found.append(Evidence("parameters", f"pages its results (`{paging[0]}`)", -3))
    found.extend(_name_evidence(api.lexicon, op))
    return tuple(found)


def _members_addressed_beside(api: ApiModel, op: Operation) -> bool:
    """Another path addresses members of what this path ends in by ID (`/secret/{name}` beside `POST /secret`)."""
    last = op.path.last
    return last is not None and api.member_path(op.path, last) is not None


def _name_evidence(lex: Lexicon, op: Operation) -> list[Evidence]:
    verb, rest, signal = named_verb(lex, op)
    return _verb_evidence(lex, signal, verb, rest) if verb is not None else []


def _verb_evidence(lex: Lexicon, signal: str, verb: str, rest: tuple[str, ...]) -> list[Evidence]:
    """What a verb and the words after it say: one thing by a key (`getGroupByID`), many (`list_tickets`), or one
    thing got, changed or removed (`delete_team`)."""
    kind = _verb_kind(lex, verb)
    nouns = [w for w in rest if not lex.has(w, "preposition") and not lex.is_id_word(w) and w not in _ARTICLES
             and not lex.has(w, "generic-id") and not words.is_version(w)]
    if _by_a_key(lex, signal, rest) and kind in ("get", "update", "delete", None):
        return [Evidence(signal, f"`{verb}` one thing by a key", 2)]
    phrase = [w for w in rest if w not in _ARTICLES]
    wraps_many = phrase[:1] in (["list"], ["page"]) and phrase[1:2] == ["of"]  # "Retrieve a page of schemes"
    # a thing's details are one thing's ("Get route details"), as its info is; not where more follows ("Get route
    # details for stop" reads a stop's routes)
    whole = len(nouns) == 2 and lex.has(nouns[1], "whole-view")
    plurals = [w for w in nouns[:2] if lex.noun_number(w) == "plural" and not (whole and w == nouns[1])]
    many = kind in ("list", "create") or wraps_many or bool(plurals)
    if many:
        return [Evidence(signal, f"`{verb}` names many things or a new one", -2)]
    if kind in ("get", "update", "delete") and nouns:
        return [Evidence(signal, f"`{verb}` one {nouns[0]}", 1)]
    return []


def _by_a_key(lex: Lexicon, signal: str, rest: tuple[str, ...]) -> bool:
    """One thing got "by" a key: `getGroupByID`, "Get user by ID"; a sentence's "by" only before a key
    ("Returns playlists optionally filtered by {start}", "Verify that an OTP sent by the Send SMS API" name none),
    and never after a plural (`findPetsByStatus` filters many)."""
    if "by" not in rest:
        return False
    at = rest.index("by")
    # a thing's details or settings are one thing's ("Get package details by packageId")
    if any(lex.noun_number(word) == "plural" and not lex.has(word, "attribute") for word in rest[:at]
           if word not in _ARTICLES):
        return False
    return signal == "operationId" or any(lex.is_id_word(word) or lex.has(word, "generic-id")
                                          for word in rest[at + 1 : at + 4])


def one_member_weight(api: ApiModel, op: Operation) -> int:
    """The weighed evidence that `op` acts on one member named outside its path: at `ONE_MEMBER` or more it does;
    below 0 it reads or makes many (`DescribeJobDefinitions` paged)."""
    return sum(e.weight for e in api.one_member_evidence(op))


def describe(api: ApiModel, op: Operation) -> OperationFacts:
    """The facts of one operation: its kind, resource, where its ID travels, and why."""
    lex = api.lexicon
    found = api.targets(op)
    target = next((t for t in found if t.counts), None)
    verb, _, _ = named_verb(lex, op)
    kind = _kind(api, op, target)
    last = next((s for s in reversed(op.path.segments) if s.role.is_thing), None)
    resource = target.stem if target is not None and target.stem else (lex.stem(last.text) if last else None)
    id_in = _id_in(op, target)
    evidence = (Evidence("method", op.method.upper()), Evidence("path", _path_says(op)),
                Evidence("response", op.shape.value), *api.one_member_evidence(op))
    return OperationFacts(kind, resource, id_in, target, op.shape, verb, evidence)


def _id_in(op: Operation, target: Target | None) -> str:
    """Where the ID of what `op` acts on travels: its target's place outside the path (`path-not-in-template` for
    an `in: path` parameter its template lacks), the path when it ends in a member, else nowhere."""
    if target is not None:
        return "path-not-in-template" if target.where == "path" else target.where
    return "path" if _ends_in_member(op) else "none"


def _ends_in_member(op: Operation) -> bool:
    segments = [s for s in op.path.segments if not s.is_custom_verb]
    return bool(segments) and segments[-1].role.identifies


def _path_says(op: Operation) -> str:
    return " ".join(f"{seg.text}={seg.role.value}" for seg in op.path.segments) or "/"


def _kind(api: ApiModel, op: Operation, target: Target | None) -> Kind:
    """The operation's kind from its method, what its path ends in (an ID, or a member named outside the path),
    its custom verb and its response."""
    custom = op.path.custom_verb
    if custom is not None:
        return _custom_kind(api.lexicon, custom.text)
    last = op.path.last
    on_member = _ends_in_member(op) or target is not None
    if last is not None and last.role is Role.SINGLETON and not on_member:
        return {"get": Kind.SINGLETON_GET, "patch": Kind.SINGLETON_UPDATE, "put": Kind.SINGLETON_UPDATE}.get(
            op.method, Kind.UNKNOWN)
    if on_member:
        return {"get": Kind.GET, "patch": Kind.UPDATE, "put": Kind.REPLACE, "delete": Kind.DELETE}.get(
            op.method, Kind.UNKNOWN)
    if op.method == "get":
        return Kind.LIST if last is None or last.role is Role.COLLECTION or op.shape.many else Kind.UNKNOWN
    return Kind.CREATE if op.method == "post" and last is not None and last.role is Role.COLLECTION else Kind.UNKNOWN


def _custom_kind(lex: Lexicon, verb: str) -> Kind:
    first = next(iter(lex.words_of(words.action_part(verb))), "")
    if first in ("batch", "bulk"):
        return Kind.BATCH
    return Kind.SEARCH if first == "search" else Kind.CUSTOM
