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
    from aiplint.model.types import Operation, PathItem, PrefixTree, Segment


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
    """Decide the role, and the verb where there is one, of every segment of every path.  A parameter and a `:verb`
    are known from the path's shape already (`aiplint.model.build`); each literal is read by `_literal_role`."""
    for item in items:
        well_known = False  # once a path enters a protocol's endpoints (`/.well-known/...`), the rest follows it
        for seg in item.segments:
            if seg.role is Role.PARAM:
                continue
            if seg.role is not Role.CUSTOM_VERB:
                well_known = well_known or _enters_a_protocol(item, seg, lex)
                seg.role = _literal_role(item, seg, prefixes, well_known, lex)
            seg.verb = _verb_for(item, seg, lex)


def _enters_a_protocol(item: PathItem, seg: Segment, lex: Lexicon) -> bool:
    """A literal that starts a protocol's own endpoints (`.well-known`), or a sign-in flow's (`/auth/password/reset`)
    when no parameter follows it (`/auth/admin/realms/{realm}/users` is an API of its own) or it signs in
    (`/auth/login/{provider}`, an OAuth provider's flow)."""
    word = seg.text.lower()
    after = item.after(seg)
    signs_in = after is not None and lex.has(after.text.lower(), "credential-verb")  # `/auth/login/{provider}`
    return lex.has(word, "protocol") or (lex.has(word, "sign-in-namespace") and (
        signs_in or not any(s.is_param for s in item.segments[seg.index + 1 :])))


def _verb_for(item: PathItem, seg: Segment, lex: Lexicon) -> str | None:
    """The verb of a custom method, or of a verb standing in collection position (`append-rows/{dataset_id}`)."""
    if seg.role is Role.CUSTOM_VERB:
        return _verb_of(seg.text, lex)
    if seg.role is Role.COLLECTION:
        return _collection_verb(item, seg, lex)
    return None


def _literal_role(item: PathItem, seg: Segment, prefixes: PrefixTree, well_known: bool, lex: Lexicon) -> Role:
    """The role of a literal segment (the module's table): the first of these readings that decides it, in order.

    1. its name: a protocol's endpoint (`/health`), a version (`v1`), its plural's member (`/roles/role/{role}`);
    2. a terminal verb: a custom method (`/jobs/{id}/cancel`, `/v1/vector-io/insert`);
    3. what follows it: an ID makes it a collection, a `:verb` a collection or a singleton;
    4. in ID position, a member's alias (`/users/me`);
    5. a sibling path continues it with an ID: a collection;
    6. at the end of the path, or after an ID: a collection or a singleton;
    7. otherwise it groups what follows: a namespace, unless a collection-level action or a readable singleton
       follows it."""
    before, after = item.before(seg), item.after(seg)
    if well_known or _is_well_known_endpoint(seg, before, after, lex):
        return Role.WELL_KNOWN
    if _is_version(seg, before):
        return Role.VERSION
    if repeats_its_plural(item, seg, lex):
        return Role.COLLECTION
    if after is None and _is_slash_verb(seg.text, item, lex, _is_after_a_resource(before)) and not _members_beside(
            item, seg, prefixes, lex):
        return Role.CUSTOM_VERB
    role = _role_from_what_follows(seg, after, lex)
    if role is not None:
        return role
    if after is None and _lists_all(item, seg, before, lex):
        return Role.CUSTOM_VERB  # `GET /contacts/all`: the List, spelled as a literal
    if _is_alias(item, seg, before, prefixes, lex):
        return Role.ALIAS
    if prefixes.param_child(item.prefix(seg.index + 1)) is not None:
        return Role.COLLECTION  # a sibling path has `/this/{param}`
    if after is None and lex.lookup_key(seg.text) is not None:
        return Role.SINGLETON  # `blogs/byurl`: one thing looked up by a key, no collection
    if after is None or _is_after_an_id(before):
        return _thing_role(item, seg, after is None, lex)
    return _grouping_role(item, seg, after, prefixes, lex)


def repeats_its_plural(item: PathItem, seg: Segment, lex: Lexicon) -> bool:
    """A singular literal right after its own plural: a member of that collection written as a word where its ID
    belongs (Doppler's `/roles/role/{role}`, `/projects/project?project=`; NDHM's `/links/link/confirm`), the
    collection's name in the singular; the fix drops it (`/roles/{role}`).  A standard method's verb names the call
    (Twitter's `GET /lists/list.json` lists the lists)."""
    before = item.before(seg)
    if before is None or before.is_param or lex.last_word_number(seg.text) != "singular":
        return False
    if any(lex.has(word, "standard-verb") or lex.has(word, "read-verb") for word in lex.words_of(seg.text)[:1]):
        return False
    return lex.last_word_number(before.text) == "plural" and lex.stem(before.text) == lex.stem(seg.text)


def _members_beside(item: PathItem, seg: Segment, prefixes: PrefixTree, lex: Lexicon) -> bool:
    """A plural literal whose members a sibling path addresses by an ID of theirs (API Platform's `POST
    /explain-urls` beside `GET /explain-urls/{id}`): a collection, whatever verb leads it; a value after it
    (`/search/{query}`) makes no members, and a verb's phrase names no things (`RegisterForRealtimeApi/{id}`)."""
    if lex.last_word_number(seg.text) != "plural":
        return False
    child = prefixes.param_child(item.prefix(seg.index + 1))
    member = prefixes.item_at(child) if child is not None else None
    if member is None or member.last is None:
        return False
    subject = lex.subject(member.last.param or "")
    return subject is None or (bool(subject) and lex.refers_to(seg.text, subject))


def _is_well_known_endpoint(seg: Segment, before: Segment | None, after: Segment | None, lex: Lexicon) -> bool:
    """A path ending in a well-known endpoint (`/health`, `/v1/version`, `/_ping`); after an ID a verb is the
    member's own action (`/grant-requests/{uuid}/revoke` revokes one request, not OAuth's revocation endpoint), while
    a noun stays the protocol's (GitHub's `/applications/{client_id}/token` keeps the token out of the URL)."""
    word = seg.text.lower().lstrip("_")
    return after is None and lex.has(word, "well-known") and not (_is_after_an_id(before) and lex.is_verb(word))


def _is_after_an_id(before: Segment | None) -> bool:
    """Right after an ID or an alias standing for one (`/users/me/settings`)."""
    return before is not None and before.role.identifies


def _is_version(seg: Segment, before: Segment | None) -> bool:
    """A version (`v1`, `2024-01-01`) at the start of the path or after a version or a namespace (`/api/v1`)."""
    return words.is_version(seg.text) and (before is None or before.role in (Role.VERSION, Role.NAMESPACE))


def _is_after_a_resource(before: Segment | None) -> bool:
    """Right after an ID or a collection, where a custom method on it stands."""
    return before is not None and (before.is_param or before.role is Role.COLLECTION)


def _role_from_what_follows(seg: Segment, after: Segment | None, lex: Lexicon) -> Role | None:
    """Before an ID, a collection (`/jobs/{job_id}`, a verb there too: `append-rows/{id}`); before a `:verb`, the
    collection a collection-level method acts on (`books:batchGet`), or a singular singleton (`state:report`)."""
    if after is None:
        return None
    if after.is_param:
        return Role.COLLECTION
    if after.colon:
        on_collection = after.words[:1] and lex.has(after.words[0], "collection-verb")
        singular = lex.last_word_number(seg.text) == "singular"
        return Role.SINGLETON if not on_collection and singular else Role.COLLECTION
    return None


def _is_alias(item: PathItem, seg: Segment, before: Segment | None, prefixes: PrefixTree, lex: Lexicon) -> bool:
    """A literal in ID position, right after a collection, that is a known alias (`me`, `-`) or a non-plural word
    where a sibling path has a parameter (`/users/me` beside `/users/{user_id}`)."""
    if before is None or before.is_param:
        return False
    if lex.has(seg.text, "alias") and (before.role is Role.COLLECTION or lex.last_word_number(before.text) == "plural"):
        return True  # `/users/me/change_password`, though no path has `/users/{id}`
    if before.role is not Role.COLLECTION:
        return False
    if lex.lookup_key(seg.text) is not None:
        return False  # Blogger's `blogs/byurl?url=`: a lookup by a key the query gives, not one member's alias
    plural = lex.last_word_number(seg.text) == "plural"
    return not plural and prefixes.param_child(item.prefix(seg.index)) is not None


def _lists_all(item: PathItem, seg: Segment, before: Segment | None, lex: Lexicon) -> bool:
    """A literal standing for all the members of the collection before it, read (`GET /contacts/all`): a List
    spelled as an action; `DELETE /sessions/all` acts on all, and `/users/all/{id}` is a grouping."""
    after_collection = before is not None and before.role is Role.COLLECTION
    return after_collection and item.methods == {"get"} and lex.has(seg.text.lower(), "list-alias")


def _thing_role(item: PathItem, seg: Segment, terminal: bool, lex: Lexicon) -> Role:
    """At the end of a path or after an ID: a collection when plural (or, at the end, when it lists and creates its
    members), else a singleton (`/files/{file_id}/content`, `/v1/config`)."""
    plural = lex.last_word_number(seg.text) == "plural"
    return Role.COLLECTION if plural or (terminal and _created_here(item, seg, lex)) else Role.SINGLETON


def _grouping_role(item: PathItem, seg: Segment, after: Segment, prefixes: PrefixTree, lex: Lexicon) -> Role:
    """A literal followed by another literal, not after an ID: a namespace (`/v1/chat/completions`), except a plural
    before a collection-level action (`/graders/run`), a singular resource of its own that other paths continue
    (`GET /swarm` beside `/swarm/join`) and one singular thing of a plural's that an action follows
    (`/patients/profile/share`)."""
    number = lex.last_word_number(seg.text)
    plural = number == "plural" and not _groups_calls(item, seg, lex)
    spelt_singular = _singular_of_a_sibling(item, seg, prefixes, lex)
    if (plural or spelt_singular) and _action_ends_after(item, seg, after, lex):
        # a collection-level custom method: `/graders/run`, not rclone's `/operations/purge`; The SMS Works'
        # `/message/send` beside `/messages` is that collection's, misspelt (aip122/plural-collection)
        return Role.COLLECTION
    if number not in ("singular", "uncountable"):
        return Role.NAMESPACE
    if _reads_one(prefixes.item_at(item.prefix(seg.index + 1)), number):
        return Role.SINGLETON  # a resource of its own that other paths continue: `GET /swarm`, `/swarm/join`
    if _one_part_of_a_collection(item, seg, after, lex):
        return Role.SINGLETON
    return Role.NAMESPACE


def _action_ends_after(item: PathItem, seg: Segment, after: Segment, lex: Lexicon) -> bool:
    """The path ends right after `seg` in an action on what it names (`/graders/run`)."""
    return seg.index + 2 == len(item.segments) and _is_slash_verb(after.text, item, lex, after_resource=True)


def _reads_one(readable: PathItem | None, number: str) -> bool:
    """The literal's own path is read: a singular one is a thing; an uncountable one is, where it answers no list
    nor page (Graph's `GET /deviceManagement`, not IoT SiteWise's `GET /timeseries/`, a page of time series)."""
    if readable is None or "get" not in readable.methods:
        return False
    return number == "singular" or not any(op.method == "get" and op.shape.many for op in readable.operations)


def _one_part_of_a_collection(item: PathItem, seg: Segment, after: Segment, lex: Lexicon) -> bool:
    """A singular literal right after a plural one and right before the path's action: one thing the plural's
    resources have, the action's own (NDHM's `POST /patients/profile/share`, `/links/link/confirm`; ARM's
    `/providers/Microsoft.Network/checkNameAvailability`), as `/swarm/join` is the swarm's.  Labellers of three
    sets read these as attached; none read such a verb as standing alone."""
    before = item.before(seg)
    return (before is not None and not before.is_param and lex.last_word_number(before.text) == "plural"
            and _action_ends_after(item, seg, after, lex))


def _singular_of_a_sibling(item: PathItem, seg: Segment, prefixes: PrefixTree, lex: Lexicon) -> bool:
    """A singular literal whose plural the API has beside it, under the same parent (`/message` and `/messages`),
    that holds nothing but actions: not a singleton of its own, read or holding things (Dracoon's `/v4/user`, the
    signed-in user, with `/v4/user/account` beside `/v4/users`; Vonage's `/account/get-balance` and
    `/account/settings`)."""
    if lex.last_word_number(seg.text) != "singular":
        return False
    if prefixes.child(item.prefix(seg.index), lex.pluralize_literal(seg.text)) is None:
        return False
    own = item.prefix(seg.index + 1)
    readable = prefixes.item_at(own)
    if readable is not None and "get" in readable.methods:
        return False
    return all(_an_action_alone(prefixes, own, token, lex) for token in prefixes.child_tokens(own))


def _an_action_alone(prefixes: PrefixTree, parent: int, token: str, lex: Lexicon) -> bool:
    """A path's last segment that a verb leads (`send`, `register-no-ca`), with nothing under it."""
    child = prefixes.child(parent, token)
    return child is not None and not prefixes.has_children(child) and lex.leading_verb(token.lstrip(":")) is not None


def _groups_calls(item: PathItem, seg: Segment, lex: Lexicon) -> bool:
    """A plural naming the calls under it at the top of the API (rclone's `/operations/purge`, `operationsPurge`),
    unless the operation's names make one of them the object of its verb (Airbyte's `/v1/operations/check`,
    `checkOperation`: its operations are resources); under a resource they are its actions (Telnyx's
    `/addresses/actions/validate`)."""
    top = all(other.role in (Role.VERSION, Role.NAMESPACE) for other in item.segments[: seg.index])
    if not top or not lex.has(seg.text.lower(), "action-grouping"):
        return False
    member = lex.stem(seg.text)
    names = [lex.words_of(words.action_part(name)) for op in item.operations for name in (op.operation_id, op.summary)
             if name]
    return not any(member in {lex.stem(word) for word in parts[1:]} for parts in names)


def _created_here(item: PathItem, seg: Segment, lex: Lexicon) -> bool:
    """A terminal singular noun that lists and creates its members (`GET /order` answering an array, beside
    `POST /order`), or lists things named as itself (`GET /label` answering `[Label]`), is a collection written in
    the singular: a singleton is one resource, never created (AIP-156).  A list or a create alone is no evidence:
    singletons return lists of other things (`/readinglist` of books) and are set up by POST (`/database`)."""
    if lex.last_word_number(seg.text) != "singular":
        return False
    lists = any(op.method == "get" and op.returns_list for op in item.operations)
    stem = lex.stem(seg.text)
    own = any(op.method == "get" and op.shape.many and _lists_itself(op, stem, lex) for op in item.operations)
    return own or (lists and "post" in item.methods)


_LIST_WRAPPERS = ("list", "page", "collection")
_ITEM_SUFFIXES = ("", "details", "detail", "dto", "model")  # not `ChangeLogItem`: a log's items, not logs


def _lists_itself(op: Operation, stem: str, lex: Lexicon) -> bool:
    """The list names what it holds as the literal: `[Label]` for `/label`, `[LabelDetails]`, Avaza's `TaskTypeList`
    page for `/api/TaskType`."""
    last = lex.words_of(stem)[-1:]
    if last and lex.has(last[0], "collection-verb"):
        return False  # Anchore's `file_content_search`: the results of an action, not its members
    held = any(lex.stem(name) == stem or name in {stem + suffix for suffix in _ITEM_SUFFIXES} for name in op.lists)
    return held or any(name in {stem + wrapper for wrapper in _LIST_WRAPPERS} for name in op.returns)


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
    # an RPC call named `noun.verb` after a plural noun follows its collection (`rooms.hide` is `rooms:hide`)
    after_resource = after_resource or lex.last_word_number(words.called_noun(literal)) == "plural"
    # 1. one word right after an ID or a collection needs less evidence (`/messages/{id}/trash`, `/images/search`)
    if after_resource and _one_word_action(parts, methods, writes_only, lex):
        return True
    if after_resource and methods and _named_action_on_member(item, parts, lex):
        return True  # even a verb the lexicon does not know: `anonymize`, named `anonymizeUser`
    verb = lex.leading_verb(literal)
    if verb is None or not methods:
        return False  # no verb to read, or no operation to do it
    # 2. the operations' own names say the verb (`updateSystem`), or an HTTP method is written in (`PUTImages`)
    named = _named_verbs(item, lex)
    if verb in named or _http_method_written_in(literal, verb):
        return True
    # 3. where the verb stands in the literal, and what comes after it
    preposition = len(parts) > 1 and lex.has(parts[1], "preposition")  # findByStatus, apply_to_resources
    found = _verb_in_its_phrase(literal, verb, parts, preposition, writes_only, item, lex)
    if found is not None:
        return found
    # 4. what the path item's methods do with a verb that leads the literal
    if lex.is_homograph(verb):
        return _homograph_acts(verb, parts, methods, writes_only, after_resource, bool(named), lex)
    if after_resource and lex.verb_kind(verb) == "verb" and not methods & {"get", "delete"}:
        # `PUT /messages/{id}/markRead`: a word that is only a verb names no resource to replace; a DELETE undoes
        # the action its literal names (Bitbucket's `DELETE .../approve` withdraws an approval)
        return True
    return _verb_acts(verb, parts, methods, lex)


def _one_word_action(parts: tuple[str, ...], methods: frozenset[str], writes_only: bool, lex: Lexicon) -> bool:
    """A single word, on a path item with operations, that names an action after a resource (`_attached_action`)."""
    return len(parts) == 1 and bool(methods) and _attached_action(parts[0], methods, writes_only, lex)


def _http_method_written_in(literal: str, verb: str) -> bool:
    """An HTTP method written into the path in capitals (`PUTImages`)."""
    return literal.startswith(verb.upper()) and verb in HTTP_METHODS


def _verb_in_its_phrase(literal: str, verb: str, parts: tuple[str, ...], preposition: bool, writes_only: bool,
                        item: PathItem, lex: Lexicon) -> bool | None:
    """What the verb's place decides, None when it decides nothing: a verb before a plural noun is a noun phrase
    (`search-results`) unless a preposition follows it or it plainly acts on a write (`POST remove_all_rules`); a
    verb inside the literal, not leading it, counts only where nothing reads or replaces the literal; a verb before
    a preposition (`findByStatus`) or acting on the ID of something else (`archiveReport?reportId=`) is an action."""
    acts = writes_only and lex.verb_kind(verb) == "verb" and not lex.has(verb, "read-verb")
    if not preposition and not acts and _noun_phrase(literal, verb, lex):
        return False
    if not lex.verb_leads(literal, verb):
        return writes_only
    if preposition or (len(parts) > 1 and _acts_on_an_id(parts, item, lex)):
        return True
    return None


def _homograph_acts(verb: str, parts: tuple[str, ...], methods: frozenset[str], writes_only: bool,
                    after_resource: bool, named: bool, lex: Lexicon) -> bool:
    """A verb that is also a noun (`search`, `export`, `set`): where nothing reads or replaces the literal, an
    action right after a resource or when aiplint's own lists have it as a verb (with nothing before it, a verb only
    WordNet knows is a noun first: `POST /issue` creates an issue); elsewhere only a multi-word phrase on one method
    other than GET whose operations are not `named` otherwise (`PUT .../set-default-version` is an action,
    `PUT .../readMarker`, named UpdateChannelReadMarker, a resource)."""
    if writes_only:
        return after_resource or lex.listed_verb(verb)
    return len(parts) > 1 and len(methods) == 1 and "get" not in methods and not named


def _verb_acts(verb: str, parts: tuple[str, ...], methods: frozenset[str], lex: Lexicon) -> bool:
    """A plain verb leading the literal: on a GET-only path item a phrase counts only when it starts with a reading
    or standard verb (`list-tools`, RPC `GET /DeleteQueue`; not `send-checklist`); otherwise it is an action where
    the path item has one method or only GET and POST (a literal also taking PUT, PATCH or DELETE is a resource)."""
    if methods == {"get"} and len(parts) > 1:
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


def _named_action_on_member(item: PathItem, literal: tuple[str, ...], lex: Lexicon) -> bool:
    """After a member's ID, the operations are named as the literal done to that member: `PUT
    /queues/{queue_id}/archive` is `archive_queue` ("Archive Queue"), an action, where `archive` alone could be
    the queue's archive."""
    if len(item.segments) < 3 or not item.segments[-2].is_param:
        return False
    noun = lex.stem(item.segments[-3].text)
    named = [[w for w in lex.words_of(name) if w not in _ARTICLES]
             for op in item.operations for name in (op.operation_id, op.summary) if name]
    return bool(named) and all(parts[: len(literal)] == list(literal)
                               and lex.stem("-".join(parts[len(literal):])) == noun for parts in named)


_ARTICLES = frozenset(("a", "an", "the"))  # "Anonymize a user" names the same action as `anonymizeUser`


def _named_verbs(item: PathItem, lex: Lexicon) -> set[str]:
    """The first words of the path item's operationIds and summaries (`updateSystem`, "Update the system"),
    leaving out names built on the literal itself (`UpdateLocations_List` names the resource, then the method;
    "display ads" only restates `display_ads`)."""
    literal = lex.words_of(words.action_part(item.segments[-1].text)) if item.segments else ()
    nouns = {lex.stem(seg.text) for seg in item.segments[:-1] if not seg.is_param}
    read = "get" in item.methods  # a literal something reads is a resource whatever its names restate
    found = set()
    for op in item.operations:
        for name in (op.operation_id, op.summary):
            parts = lex.words_of(words.action_part(name)) if name else ()
            restates = parts[: len(literal)] == literal
            if parts and (not restates or (not read and _goes_on(literal, parts[len(literal) :], nouns, lex))):
                found.add(parts[0])
    return found


def _goes_on(literal: tuple[str, ...], rest: tuple[str, ...], nouns: set[str], lex: Lexicon) -> bool:
    """A name that restates the literal reads as a verb phrase where it goes on with a preposition ("Add funds to
    carrier" for `/carriers/{id}/add_funds`), or a verb (a listed one, leading more words) goes on with a noun the
    path has before it, its object ("Sync Files" for `/files/sync`, API Platform's `edit_emailUserItem` for
    `/users/{id}/edit-email`; "Drift-weight Portfolio Rebalancing" is a noun phrase)."""
    if not rest:
        return False
    verb = lex.is_verb(literal[0]) if len(literal) == 1 else lex.listed_verb(literal[0])  # `edit_emailUserItem`
    verb_and_object = verb and lex.stem(rest[0]) in nouns
    return lex.has(rest[0], "preposition") or verb_and_object


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


def names_other_thing(item: PathItem, seg: Segment, lex: Lexicon, listed: bool = False, mirrored: bool = False
                      ) -> bool:
    """Whether the parameters after a literal identify something it does not name, so the literal is not their
    collection: another noun (`Iban/{countryCode}`, `System/{command}`), a selector (`archive/{year}`), a value
    (`status/{status}` with a boolean or enum `{status}`), or, for an attribute of a thing
    (`pipeline-status/{identifier}`), the thing, unless the literal is `listed`: its own path lists what the IDs
    name (`GET /patient_plan_summary` pages summaries, so `/patient_plan_summary/{id}` is one of them).  `mirrored`:
    the API has the path without the grouping before the literal (`_a_kind_of`)."""
    subjects = member_subjects(item, seg, lex)
    if not subjects:
        return False
    following = item.segments[seg.index + 1]
    parts = lex.words_of(seg.text)
    if _sets_a_value(item, seg, following) or _names_a_key(following, parts, lex) or (
            not listed and _names_an_attribute(parts, subjects, lex)):
        return True
    if parts and (lex.has(parts[0], "preposition") or lex.has(parts[-1], "preposition")):
        return True  # `extraction-agents/by-name/{name}`: a lookup by a key; Graph's `transitiveMemberOf`: a relation
    if _a_kind_of(item, seg, lex, mirrored):
        return True
    if subjects[0] is None or any(noun and lex.refers_to(seg.text, noun) for noun in subjects):
        return False  # nothing else named, or the literal's own members
    if _written_member(item, following, parts):
        return False  # `server-size/{size}` deleted and patched: sizes are the literal's members, not a selector
    # a composite key (`shipping_rate/{country}/{zone}`) addresses members of the literal, a selector does not
    return len(subjects) == 1 or "" in subjects


def _a_kind_of(item: PathItem, seg: Segment, lex: Lexicon, mirrored: bool) -> bool:
    """A singular literal right after a plural one, before a bare ID (`{id}`, `{slug}`), names a kind of the plural's
    members (authentik's `/providers/ldap/{id}`, `/sources/plex/{slug}`: LDAP providers, Plex sources), not a
    collection of its own; so does one after a grouping where the API has the path without it (`mirrored`:
    `/authenticators/admin/duo/{id}` beside `/authenticators/duo/{id}`).  An ID named after the literal
    (`/timelines/tag/{hashtag}`, `/assets/policy/{policy_id}`) or a locator (`/datasets/queuedEvent/{uri}`) addresses
    the literal's own members."""
    before, after = item.before(seg), item.after(seg)
    if mirrored and before is not None and before.role is Role.NAMESPACE:
        before = item.before(before)  # `/authenticators/admin/duo/{id}` beside `/authenticators/duo/{id}`
    if before is None or before.is_param or before.role is Role.VERSION or after is None or repeats_its_plural(
            item, seg, lex):
        return False  # `/groups/group/{slug}`: a group, not a kind of groups
    param = words.split_words(after.param or "")
    bare = len(param) == 1 and (lex.is_id_word(param[0]) or lex.has(param[0], "generic-id")) and not lex.has(
        param[0], "locator")
    kinds_id = bare or lex.subject(after.param or "") == lex.stem(before.text)  # `/policies/reputation/{policy_uuid}`
    head = lex.words_of(before.text)[-1:]
    plural_noun = bool(head) and lex.last_word_number(before.text) == "plural" and lex.is_noun(lex.singular_of(head[0]))
    return kinds_id and plural_noun and lex.last_word_number(seg.text) != "plural"  # not `/hdfs/snapshot/{id}`


def _written_member(item: PathItem, following: Segment, parts: tuple[str, ...]) -> bool:
    """A parameter named as the literal's last word (`server-size/{size}`) on a path that deletes or changes what
    it names: a member of the literal, since nothing deletes a selector's value."""
    ends_there = item.last is following
    named = tuple(word.lower() for word in words.split_words(following.param or ""))
    return ends_there and named == parts[-1:] and bool(
        item.methods & {"delete", "put", "patch"})


def _sets_a_value(item: PathItem, seg: Segment, following: Segment) -> bool:
    """`status/{status}` with a boolean, number or enum `{status}`: a value to set, not an ID."""
    if words.split_words(following.param or "") != seg.words:
        return False
    schema = item.param_schema(following.param or "")
    return schema.get("type") in ("boolean", "number") or "enum" in schema


def _names_a_key(following: Segment, parts: tuple[str, ...], lex: Lexicon) -> bool:
    """`regcode/{regCode}`: the literal names a kind of key, and a lookup by it follows (`section/{section}` does
    not: `section` is no key)."""
    same = words.compact(following.param or "") == "".join(parts)
    return same and (lex.is_id_word(parts[-1]) or lex.has(parts[-1], "generic-id"))


def _names_an_attribute(parts: tuple[str, ...], subjects: list[str | None], lex: Lexicon) -> bool:
    """`inventorysummary/{inventoryNumber}`: an attribute of the thing the ID names."""
    return len(parts) > 1 and lex.has(parts[-1], "attribute") and subjects[0] in (None, "".join(parts[:-1]))


def _collection_verb(item: PathItem, seg: Segment, lex: Lexicon) -> str | None:
    """The verb of a literal in collection position (`append-rows/{dataset_id}`), or None for a real
    collection.

    A literal that one of the parameters after it names is the collection (`checkpoints/{checkpoint_id}`,
    `imageSet/{imageSetId}`).  A noun compound ending in a verb (`caseUpdate`) is a noun.  A verb before a
    plural noun (`append-rows`), a verb glued to a noun (`iterrows`) or a verb that is also a noun (`copy`,
    `search`, `ping-method-code`) counts only when the parameter after it names something else
    (`{dataset_id}`, `{path}`)."""
    verb = lex.leading_verb(seg.text)
    if verb is not None and _verb_and_its_object(seg.text, verb, lex) and not _keys_its_members(item, seg):
        return verb  # `parseDagFile/{file_token}`, `RegisterForRealtimeApi/{id}`: the object is the ID's, the verb acts
    subjects = member_subjects(item, seg, lex)
    if any(noun and lex.refers_to(seg.text, noun) for noun in subjects):
        return None
    other = bool(subjects) and bool(subjects[0])
    if verb is None:
        return lex.verb_compound(seg.text) if other else None
    if not lex.verb_leads(seg.text, verb):
        return None
    if lex.is_homograph(verb):  # `copy/{path}`; but `share-invite-...-response/{item_id}`, `recall/{vin}` are nouns
        # read with GET, only a reading verb acts (`search/{query}`): `GET /itv/purchase/{platform}` reads purchases
        acts = "get" not in item.methods or lex.has(verb, "read-verb")
        return verb if other and acts and len(lex.words_of(seg.text)) == 1 and lex.listed_verb(verb) else None
    if _noun_phrase(seg.text, verb, lex):
        return verb if other else None
    return verb


def _keys_its_members(item: PathItem, seg: Segment) -> bool:
    """The parameter after the literal is named after all of it (Gmail's `sendAs/{sendAsEmail}`): its members."""
    after = item.after(seg)
    return after is not None and words.compact(after.param or "").startswith(words.compact(seg.text))


def _verb_and_its_object(literal: str, verb: str, lex: Lexicon) -> bool:
    """A verb phrase of two words or more: a verb that is no noun before its object (`parseDagFile`), or before a
    preposition (`RegisterForRealtimeApi`; a verb that is also a noun, not before "by" unless it reads:
    `PlayByPlay` is a noun, `findByAuthor` a call); a verb before a plural (`append-rows`) may be a noun phrase,
    decided by what follows."""
    parts = lex.words_of(words.action_part(literal))
    if len(parts) < 2 or parts[0] != verb:
        return False
    if lex.has(parts[1], "preposition"):  # a noun "by" a key is a lookup (`PlayByPlay`, `release_by_hash`), a
        # reading verb "by" one is a call (`findByAuthor/{authorID}`)
        noun_by = lex.is_homograph(verb) and parts[1] == "by" and not lex.has(verb, "read-verb")
        return len(parts) > 2 and not noun_by
    return not lex.is_homograph(verb) and lex.noun_number(parts[-1]) != "plural" and lex.listed_verb(verb)


def is_known_alias(lex: Lexicon, seg: Segment) -> bool:
    """A literal that stands for one member and is a known alias (`/users/me`, `/publishers/-/books`)."""
    return seg.role is Role.ALIAS and lex.has(seg.text.lower(), "alias")


def is_view(lex: Lexicon, seg: Segment) -> bool:
    """A literal that shows one thing rather than holds others: a singleton noun (`html`, `thumbnail`) or an
    attribute, even in the plural (`details`)."""
    return seg.role is Role.SINGLETON or (not seg.is_param and lex.has(seg.text.lower(), "attribute"))
