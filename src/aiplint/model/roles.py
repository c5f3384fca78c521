"""The role each path segment plays (`Role`), and how it is decided (`assign_roles`): what every rule asks of a
segment before anything else.

Roles are decided once per document, when the model is built, from the path's own shape and from its siblings in
the same document, so that no rule re-derives them (tests/test_model.py has a table of them):

- `version`     `v1`, `v1alpha`, `v2beta1`, `v1p1beta1`, `2024-01-01`
- `param`       `{job_id}` (also mixed segments such as `{name}.json`)
- `collection`  a literal followed by a parameter (`/jobs/{job_id}`), or a terminal literal that is evidently a
                collection: a sibling path has `/x/{param}`, it is a plural noun, or it lists and creates
- `singleton`   a singular terminal noun (`/files/{file_id}/content`, `/v1/config`), a singular literal after an
                ID, or a readable top-level resource other paths continue (`GET /swarm` beside `/swarm/join`)
- `namespace`   a literal followed by a literal and not after an ID (`/v1/chat/completions`, `/post-training/...`)
- `alias`       a literal in ID position where a sibling path has a parameter (`/users/me`, `/publishers/-/books`)
- `custom_verb` `/jobs/{id}:cancel`, `/books:batchGet` (colon), a terminal verb literal (`/jobs/{id}/cancel`), or
                an RPC dispatch written into the key (`/#Action=DeleteQueue`)
- `well_known`  `/health`, `/v1/version`, `/openapi.json`, `/.well-known/...`
"""

from __future__ import annotations

from enum import Enum
from typing import TYPE_CHECKING

from aiplint.model import words
from aiplint.read.document import HTTP_METHODS

if TYPE_CHECKING:
    from aiplint.model.lexicon import Lexicon
    from aiplint.model.types import PathItem, PrefixTree, Segment


class Role(str, Enum):
    VERSION = "version"
    PARAM = "param"
    NAMESPACE = "namespace"
    COLLECTION = "collection"
    SINGLETON = "singleton"
    ALIAS = "alias"
    CUSTOM_VERB = "custom_verb"
    WELL_KNOWN = "well_known"

    @property
    def identifies(self) -> bool:
        """Stands for one member: an ID (`{job_id}`) or an alias (`me`)."""
        return self in (Role.PARAM, Role.ALIAS)

    @property
    def is_resource(self) -> bool:
        """Something a custom method can act on: a member by its ID, a collection, a singleton."""
        return self in (Role.PARAM, Role.COLLECTION, Role.SINGLETON)

    @property
    def is_thing(self) -> bool:
        """A literal naming resources: a collection or a singleton (not a grouping, a verb or a version)."""
        return self in (Role.COLLECTION, Role.SINGLETON)

    @property
    def is_noun(self) -> bool:
        """A literal read as a noun: a thing, or a namespace grouping things."""
        return self.is_thing or self is Role.NAMESPACE


def assign_roles(items: list[PathItem], prefixes: PrefixTree, lex: Lexicon) -> None:
    for item in items:
        well_known = False
        for seg in item.segments:
            if seg.role is Role.CUSTOM_VERB:
                seg.verb = _verb_of(seg.text, lex)
                continue
            if seg.role is Role.PARAM:
                continue
            well_known = well_known or lex.has(seg.text.lower(), "protocol") or (
                lex.has(seg.text.lower(), "sign-in-namespace") and not any(
                    s.is_param for s in item.segments[seg.index + 1 :]))
            seg.role = _literal_role(item, seg, prefixes, well_known, lex)
            if seg.role is Role.CUSTOM_VERB:
                seg.verb = _verb_of(seg.text, lex)
            elif seg.role is Role.COLLECTION:
                seg.verb = _collection_verb(item, seg, lex)


def _literal_role(
    item: PathItem, seg: Segment, prefixes: PrefixTree, well_known: bool, lex: Lexicon
) -> Role:
    i = seg.index
    segments = item.segments
    before = segments[i - 1] if i > 0 else None
    after = segments[i + 1] if i + 1 < len(segments) else None
    terminal = after is None
    if well_known or (terminal and lex.has(seg.text.lower().lstrip("_"), "well-known")):  # `/_ping`
        return Role.WELL_KNOWN
    if words.is_version(seg.text) and (before is None or before.role is Role.VERSION or before.role is Role.NAMESPACE):
        return Role.VERSION
    after_resource = before is not None and (before.is_param or before.role is Role.COLLECTION)
    if terminal and _is_slash_verb(seg.text, item, lex, after_resource):
        return Role.CUSTOM_VERB
    plural = lex.last_word_number(seg.text) == "plural"
    if after is not None and after.is_param:
        return Role.COLLECTION
    if after is not None and after.colon:  # `books:batchGet` on a collection, `state:report` on a singleton
        on_collection = after.words[:1] and lex.has(after.words[0], "collection-verb")
        singular = lex.last_word_number(seg.text) == "singular"
        return Role.SINGLETON if not on_collection and singular else Role.COLLECTION
    in_id_position = before is not None and before.role is Role.COLLECTION
    beside_a_parameter = not plural and prefixes.child(item.prefix(i), "{}") is not None
    if in_id_position and (lex.has(seg.text, "alias") or beside_a_parameter):
        return Role.ALIAS
    if prefixes.child(item.prefix(i + 1), "{}") is not None:
        return Role.COLLECTION  # a sibling path has `/this/{param}`
    after_id = before is not None and before.role.identifies
    if terminal or after_id:
        return Role.COLLECTION if plural or (terminal and _created_here(item, seg, lex)) else Role.SINGLETON
    if plural and after is not None and i + 2 == len(segments) and _is_slash_verb(after.text, item, lex,
                                                                                   after_resource=True):
        return Role.COLLECTION  # a collection-level custom method: `/graders/run`
    readable = prefixes.item_at(item.prefix(i + 1))
    if readable is not None and "get" in readable.methods and lex.last_word_number(seg.text) == "singular":
        return Role.SINGLETON  # a resource of its own that other paths continue: `GET /swarm`, `/swarm/join`
    return Role.NAMESPACE


def _created_here(item: PathItem, seg: Segment, lex: Lexicon) -> bool:
    """A terminal singular noun that lists and creates its members (`GET /order` answering an array, beside
    `POST /order`) is a collection written in the singular: a singleton is one resource, never created (AIP-156).
    Either alone is no evidence: singletons return lists (`/readinglist`) and are set up by POST (`/database`)."""
    lists = any(op.method == "get" and op.returns_list for op in item.operations)
    return lists and "post" in item.methods and lex.last_word_number(seg.text) == "singular"


def _verb_of(literal: str, lex: Lexicon) -> str:
    """The verb naming a custom method: the literal's verb, else its first word (`:batchGet`, `/trash`)."""
    return lex.leading_verb(literal) or next(iter(lex.words_of(words.action_part(literal))), literal)


def _is_slash_verb(literal: str, item: PathItem, lex: Lexicon, after_resource: bool = False) -> bool:
    """A terminal literal named by a verb (`cancel`, `run-shield`, `list-tools`, `findByStatus`).

    Where a noun reading is as likely, it takes more evidence: the operations' own names saying the verb
    (operationId `updateSystem`, summary "Update the system"); a preposition after the verb (`findByStatus`);
    an RPC call on the ID of something else (`GET /archiveReport?reportId=`, `/addLabel?itemId=`, but not
    `StopSchedule?stopId=`, a stop's schedule); or else: verbs that are also nouns (`search`, `export`, `grant`)
    and object + verb phrases (`preference-optimize`) count only where nothing reads or replaces the literal
    (POST, or HEAD, OPTIONS, TRACE), a multi-word homograph phrase also on one other writing method
    (`PUT .../set-default-version`); a verb before a plural noun (`search-results`) never counts; on a GET-only
    path item a multi-word literal counts only when it starts with a reading verb (`list-tools`, not
    `StopSchedule`); and a literal that also takes PUT, PATCH or DELETE beside another method is a resource
    (`GET`/`PUT .../fork-pr-contributor-approval`).

    Right after an ID or a collection (`after_resource`) a single word needs less: one that is mostly a noun
    but also a verb names an action where nothing reads or replaces it (`POST /messages/{id}/trash`,
    `/charges/{id}/refund`, `/reactions/toggle`), and a verb that only reads names one on GET
    (`GET /images/search`, `/containers/{id}/export`)."""
    methods = item.methods
    parts = lex.words_of(words.action_part(literal))
    writes_only = methods <= _WRITES_ONLY
    if after_resource and len(parts) == 1 and methods and _attached_action(parts[0], methods, writes_only, lex):
        return True
    verb = lex.leading_verb(literal)
    if verb is None or not methods:
        return False
    named = _named_verbs(item, lex)
    if verb in named or (literal.startswith(verb.upper()) and verb in HTTP_METHODS):
        return True  # the operation's name says it; an HTTP method written into the path (`PUTImages`)
    preposition = len(parts) > 1 and lex.has(parts[1], "preposition")  # findByStatus, apply_to_resources
    # POST `remove_all_rules`, `apply-labels`; but `search-results`, `file_batches` (a create) are nouns
    acts = writes_only and lex.verb_kind(verb) == "verb" and not lex.has(verb, "read-verb")
    if not preposition and not acts and _noun_phrase(literal, verb, lex):
        return False
    if not lex.verb_leads(literal, verb):
        return writes_only
    if preposition or (len(parts) > 1 and _acts_on_an_id(parts, item, lex)):
        return True
    if lex.is_homograph(verb):
        # `PUT .../set-default-version` is an action, `PUT .../readMarker` (UpdateChannelReadMarker) a resource;
        # with nothing before it, a verb only WordNet lists is a noun first (`POST /issue` creates an issue)
        if writes_only:
            return after_resource or lex.listed_verb(verb)
        return len(parts) > 1 and len(methods) == 1 and "get" not in methods and not named
    if methods == {"get"} and len(parts) > 1:  # `list-tools`, RPC `GET /DeleteQueue`; not `send-checklist`
        return any(lex.has(verb, tag) for tag in ("read-verb", "standard-verb")) or verb in lex.mapping("synonym")
    return len(methods) == 1 or methods <= {"get", "post"}


# Methods that neither read nor replace what the path names: a literal taking only these is an action.
_WRITES_ONLY = frozenset(("post", "head", "options", "trace"))


def _attached_action(word: str, methods: frozenset[str], writes_only: bool, lex: Lexicon) -> bool:
    """One word after an ID or a collection that names an action: a verb that is mostly a noun where nothing
    reads or replaces it (`trash`, `refund`, `snapshot`; not a noun kept as one: `report`, nor a mass noun:
    `content`, `access`), or a reading verb on GET (`search`, `export`)."""
    kind = lex.verb_kind(word)
    if writes_only:
        return kind is not None and not lex.has(word, "noun") and not lex.has(word, "uncountable")
    return methods == {"get"} and kind == "homograph" and lex.has(word, "read-verb") and lex.has(word, "read-action")


def _acts_on_an_id(parts: tuple[str, ...], item: PathItem, lex: Lexicon) -> bool:
    """An RPC call whose operations take the required ID of what it acts on: `archiveReport?reportId=` (a verb
    that is also a noun needs its object's own ID), `addLabel?itemId=` (any other thing's), but not
    `StopSchedule?stopId=` (an ID of the first word: a stop's schedule, a noun phrase)."""
    stems = {lex.id_stem(p.name) for op in item.operations for p in op.parameters
             if p.required and p.location in ("query", "path") and p.name not in item.template_params}
    stems.discard(None)
    if not stems or parts[0] in stems:
        return False
    if lex.is_homograph(parts[0]):
        return lex.stem("-".join(parts[1:])) in stems
    return True


def _named_verbs(item: PathItem, lex: Lexicon) -> set[str]:
    """The first words of the path item's operationIds and summaries (`updateSystem`, "Update the system"),
    leaving out names built on the literal itself (`UpdateLocations_List` names the resource, then the method;
    "display ads" only restates `display_ads`)."""
    literal = lex.words_of(words.action_part(item.segments[-1].text)) if item.segments else ()
    found = set()
    for op in item.operations:
        for name in (op.operation_id, op.summary):
            parts = lex.words_of(words.action_part(name)) if name else ()
            if parts and parts[: len(literal)] != literal:
                found.add(parts[0])
    return found


def _noun_phrase(literal: str, verb: str, lex: Lexicon) -> bool:
    """A verb before a plural noun reads as a noun phrase (`search-results`, `ConnectApps`, `AddOnResults`),
    except after a standard method's verb (`list-tools`, `delete-files`)."""
    parts = lex.words_of(words.action_part(literal))
    return (
        len(parts) > 1
        and parts[0] == verb
        and not lex.has(verb, "standard-verb")
        and lex.noun_number(parts[-1]) == "plural"
    )


def member_subjects(item: PathItem, seg: Segment, lex: Lexicon) -> list[str | None]:
    """`Lexicon.subject` of each parameter right after a literal: what its members are identified by."""
    found: list[str | None] = []
    for after in item.segments[seg.index + 1 :]:
        if not after.is_param:
            break
        found.append(lex.subject(after.param or ""))
    return found


def names_other_thing(item: PathItem, seg: Segment, lex: Lexicon) -> bool:
    """Whether the parameters after a literal identify something it does not name, so the literal is not their
    collection: another noun (`Iban/{countryCode}`, `System/{command}`), a selector (`archive/{year}`), a value
    (`status/{status}` with a boolean or enum `{status}`), or, for an attribute of a thing
    (`pipeline-status/{identifier}`), the thing."""
    subjects = member_subjects(item, seg, lex)
    if not subjects:
        return False
    following = item.segments[seg.index + 1]
    if words.split_words(following.param or "") == seg.words:  # `status/{status}`: an ID, or a value to set?
        schema = item.param_schema(following.param or "")
        if schema.get("type") in ("boolean", "number") or "enum" in schema:
            return True
    parts = lex.words_of(seg.text)
    if words.compact(following.param or "") == "".join(parts) and (lex.is_id_word(parts[-1]) or lex.has(
            parts[-1], "generic-id")):
        return True  # `regcode/{regCode}`: the literal names a kind of key, a lookup by it (`section/{section}` is not)
    if len(parts) > 1 and lex.has(parts[-1], "attribute") and subjects[0] in (None, "".join(parts[:-1])):
        return True  # `inventorysummary/{inventoryNumber}`: an attribute of the thing the ID names
    if any(noun and lex.refers_to(seg.text, noun) for noun in subjects):
        return False
    if subjects[0] is None:
        return False
    # a composite key (`shipping_rate/{country}/{zone}`) addresses members of the literal, a selector does not
    return len(subjects) == 1 or "" in subjects


def _collection_verb(item: PathItem, seg: Segment, lex: Lexicon) -> str | None:
    """The verb of a literal in collection position (`append-rows/{dataset_id}`), or None for a real
    collection.

    A literal that one of the parameters after it names is the collection (`checkpoints/{checkpoint_id}`,
    `imageSet/{imageSetId}`).  A noun compound ending in a verb (`caseUpdate`) is a noun.  A verb before a
    plural noun (`append-rows`), a verb glued to a noun (`iterrows`) or a verb that is also a noun (`copy`,
    `search`, `ping-method-code`) counts only when the parameter after it names something else
    (`{dataset_id}`, `{path}`)."""
    subjects = member_subjects(item, seg, lex)
    if any(noun and lex.refers_to(seg.text, noun) for noun in subjects):
        return None
    other = bool(subjects) and bool(subjects[0])
    verb = lex.leading_verb(seg.text)
    if verb is None:
        return lex.verb_compound(seg.text) if other else None
    if not lex.verb_leads(seg.text, verb):
        return None
    if lex.is_homograph(verb):  # `copy/{path}`; but `share-invite-...-response/{item_id}`, `recall/{vin}` are nouns
        return verb if other and len(lex.words_of(seg.text)) == 1 and lex.listed_verb(verb) else None
    if _noun_phrase(seg.text, verb, lex):
        return verb if other else None
    return verb
