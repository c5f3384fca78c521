"""Which resource an operation acts on, and where the ID that names it travels when not in the path.

`targets(api, op)` is read by every rule about IDs outside the path (`rest/resource-id-in-query`,
`rest/resource-id-in-body`, `aip136/attached-to-resource`, `aip122/collection-name-consistency`,
`rest/verb-segment`), so they agree on what the target is.  A required query parameter or body field is the
target's ID when its name identifies a resource (`job_uuid`, `docId`, `jobid`, `Id`, or a key the API addresses
that resource by elsewhere: `name` beside `/profiles/{name}`) and the path names that resource without giving
its ID: a literal of the path after any ID names it (`/post-training/job/status?job_uuid=`,
`/jobs/cancel {job_id}`, `GET /archiveReport?reportId=`), or, for an action with no resource in its path, the
API has its collection (`POST /vector-io/insert {vector_store_id}` beside `/vector_stores/{id}`).

Not targets: optional, array and enum values; IDs in a role (`to_user_id`, `parent_id`); request and trace IDs;
the user-chosen ID of a create (AIP-133 `POST /books?book_id=`) and the IDs of what an operation creates; event
payloads; arguments of a custom method on an identified resource (`/jobs/{id}/cancel?reason_id=`) or on a
collection (`/jobs:search?owner_id=`).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from aiplint import words

if TYPE_CHECKING:
    from aiplint.lexicon import Lexicon
    from aiplint.model import ApiModel, Location, Operation, Segment

_BODY_METHODS = frozenset(("post", "put", "patch"))


@dataclass(frozen=True)
class Target:
    name: str  # the query parameter, body field or path parameter
    where: str  # "query", "body", or "path" (an `in: path` parameter the template lacks)
    stem: str  # the resource it identifies, as a compact singular (`job`); "" for a bare `id`
    at: Location


def target_stem(lex: Lexicon, name: str) -> str | None:
    """`Lexicon.id_stem`, except for IDs in a role relative to the target: `to_user_id`, `source_bucket_id`."""
    stem = lex.id_stem(name)
    first = words.split_words(name)[:1]
    return None if stem is None or (first and lex.has(first[0], "role-prefix") and stem != first[0]) else stem


def targets(api: ApiModel, op: Operation) -> list[Target]:
    """Every ID outside the path that names the operation's target, the likeliest first: an `in: path`
    parameter the template lacks, then required query parameters, then required body fields, those the last
    literal mentions before the others (`/contact/schedule`: `ContactId` before `InstanceId`)."""
    lex = api.lexicon
    template = set(op.path.template_params)
    found = [Target(p.name, "path", stem, p.at) for p in op.parameters
             if p.location == "path" and p.name not in template and (stem := target_stem(lex, p.name)) is not None]
    candidates = [(p.name, "query", p.at) for p in op.parameters
                  if p.location == "query" and p.required and not p.is_array and "enum" not in p.schema]
    if op.method in _BODY_METHODS and not _creates_something(lex, op) and not _receives_events(lex, op):
        candidates += [(prop.name, "body", prop.at) for prop in op.body if prop.required and not prop.enum]
    scope = _Scope(api, op)
    ranked = []
    for name, where, at in candidates:
        if name in template:
            continue
        stem = scope.identified_stem(name, where)
        if stem is None or (where == "body" and op.creates(stem)):
            continue
        ranked.append(Target(name, where, stem, at))
    last = op.path.segments[-1].text if op.path.segments else ""
    ranked.sort(key=lambda t: (t.where != "query", not (t.stem and lex.mentions(last, t.stem))))
    return found + ranked


def target(api: ApiModel, op: Operation, where: str | None = None, ignored: frozenset[str] = frozenset()
           ) -> Target | None:
    """The likeliest target ID (of one kind: "query", "body", "path"), leaving out the names in `ignored`."""
    return next((t for t in api.targets(op) if (where is None or t.where == where) and t.name not in ignored), None)


class _Scope:
    """What the path says about the target: the literals after its last ID, and the collection an action
    follows (`/jobs/cancel` acts on a job or on the collection of jobs, never on something else)."""

    def __init__(self, api: ApiModel, op: Operation):
        from aiplint.model import Role

        self.api, self.op, self.lex = api, op, api.lexicon
        segments = op.path.segments
        identified = max((s.index for s in segments if s.role is Role.PARAM or self._alias(s)), default=-1)
        self.identified = identified
        self.tail = [s for s in segments[identified + 1 :] if not s.is_param and s.role is not Role.VERSION]
        self.collection = next((s for s in reversed(self.tail[:-1]) if s.role is Role.COLLECTION), None)
        self.path_subjects = {self.lex.subject(s.param or "") for s in segments if s.is_param}
        self.ends_in_id = bool(segments) and segments[-1].index == identified

    def _alias(self, seg: Segment) -> bool:
        """A literal that stands for one member (`/users/me`, `/publishers/-/books`), not a collection-level
        word (`/jobs/status`, whose member is named elsewhere)."""
        from aiplint.model import Role

        return seg.role is Role.ALIAS and self.lex.has(seg.text.lower(), "alias")

    def identified_stem(self, name: str, where: str) -> str | None:
        """The stem of the resource `name` identifies when that resource is the operation's target, else None."""
        stem = target_stem(self.lex, name)
        if stem is None:
            stem = self._keyed_stem(name)
            if stem is None:
                return None
        if not self.op.path.segments or self.ends_in_id or (stem and stem in self.path_subjects):
            return None  # the path already identifies its resource: this is a selector or an argument
        if self._creates_member(stem):
            return None
        return stem if self._names(stem, where) else None

    def _keyed_stem(self, name: str) -> str | None:
        """`name` for `/profile/read {name}` where the API addresses profiles as `/profiles/{name}`."""
        keys = self.api.member_keys
        for seg in reversed(self.tail):
            stem = self.lex.stem(seg.text)
            if name in keys.get(stem, ()):
                return stem
        return None

    def _creates_member(self, stem: str) -> bool:
        """AIP-133: `POST /books?book_id=` chooses the new book's ID."""
        from aiplint.model import Role

        last = self.tail[-1] if self.tail else None
        return (self.op.method == "post" and last is not None and last.role is Role.COLLECTION
                and stem == self.lex.stem(last.text))

    def _names(self, stem: str, where: str) -> bool:
        from aiplint.model import Role

        if not self.tail:
            return False
        if not stem:  # a bare `id` names what the path ends in, when that is a thing
            return _names_a_thing(self.lex, self.tail[-1])
        last = self.tail[-1]
        if last.role is Role.COLLECTION:  # `DELETE /jobs?job_id=`; a list's parent (AIP-132); else an argument
            own = stem == self.lex.stem(last.text)
            return own or (where == "query" and self.op.method == "get" and self._global(stem))
        if self.collection is not None:  # an action after a collection acts on one of its members
            return stem == self.lex.stem(self.collection.text) or any(
                self.lex.mentions(s.text, stem) for s in self.tail[self.tail.index(self.collection) + 1 :])
        return any(self.lex.mentions(s.text, stem) for s in self.tail) or self._global(stem)

    def _global(self, stem: str) -> bool:
        """No resource in the path, and the API has this resource's collection elsewhere."""
        return self.identified < 0 and stem in self.api.collection_stems


def _names_a_thing(lex: Lexicon, seg: Segment) -> bool:
    from aiplint.model import Role

    if seg.role is Role.CUSTOM_VERB:
        return len(words.split_words(words.action_part(seg.text))) > 1 and lex.verb_leads(seg.text, seg.verb or "")
    return seg.role in (Role.COLLECTION, Role.SINGLETON)


def _creates_something(lex: Lexicon, op: Operation) -> bool:
    """Whether the operation's verb makes something new (`/createRobot`, `.../register`): its body IDs are
    references for the new thing, not its target."""
    from aiplint.model import Role

    last = op.path.segments[-1] if op.path.segments else None
    return last is not None and last.role is Role.CUSTOM_VERB and lex.has(last.verb or "", "create-verb")


def _receives_events(lex: Lexicon, op: Operation) -> bool:
    """Whether the operation receives a callback or notification (its path or operationId says so)."""
    names = [seg.text for seg in op.path.segments if not seg.is_param] + [op.operation_id or ""]
    return any(lex.has(word, "event-word") for name in names for word in words.split_words(name))
