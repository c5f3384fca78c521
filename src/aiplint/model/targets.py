"""Which resource an operation acts on, and where the ID that names it travels when not in the path.

`targets(api, op)` is read by every rule about IDs outside the path (`rest/resource-id-in-query`,
`rest/resource-id-in-body`, `aip136/attached-to-resource`, `aip122/collection-name-consistency`,
`rest/verb-segment`), so they agree on what the target is.  A query parameter or body field is the target's ID
when its name identifies a resource and the path names that resource without giving its ID:

- the name: `job_uuid`, `docId`, `jobid`, a bare `id`; a key the API addresses that resource by elsewhere
  (`name` beside `/profiles/{name}`); a noun with an identifying word the path names (`QueueUrl` for
  `/DeleteQueue`); or the bare name of one of the API's resources (`?subscription=` beside `/subscriptions/{id}`);
- the path: a literal after any ID names it (`/post-training/job/status?job_uuid=`, `GET /archiveReport?reportId=`);
  a view after a plural shows one of its members (Mandrill's `POST /templates/info.json {name}`, never a create);
  an action after a collection acts on a member of it (`/jobs/cancel {job_id}`, `/videos/rate?id=`), or, for a
  verb that changes state, on another resource of the API (`/thumbnails/set?videoId=`); an action with no
  resource in its path acts on a resource the API has (`POST /vector-io/insert {vector_store_id}`); a list names
  its parent (`GET /tools?toolgroup_id=`, AIP-132).

Not targets: array and enum values; read-only fields (the server's own `id`); IDs in a role (`to_user_id`,
`parent_id`); request and trace IDs; credentials of a sign-in (`/user/login?username=`); the user-chosen ID of a
create (AIP-133 `POST /books?book_id=`) and the IDs of what an operation creates, or where what it sends goes
(`sendMessage {chat_id}`); event payloads; arguments of a custom method on an identified resource
(`/jobs/{id}/cancel?reason_id=`) or of a reading method on a collection (`/jobs:search?owner_id=`).  Only
required IDs count, except that a member's ID is a target even when optional (`/drafts/send {id}`): the
attachment rule reports that, the ID rules only required ones.  A body declared required in a document that never
lists a required field is silent rather than optional: its fields named as IDs count as required.  An optional ID
counts where the weighed evidence says the operation acts on one member (`model.operations`), or where its
description names it as what the operation acts on ("Numeric identifier of the job to cancel", "Pet id to
delete") and nothing says the operation reads or makes many.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, NamedTuple

from aiplint.model import words
from aiplint.model.operations import ONE_MEMBER, named_kind, named_verb, one_member_weight, verb_names
from aiplint.model.roles import Role, is_known_alias, repeats_its_plural
from aiplint.model.types import Shape

if TYPE_CHECKING:
    from aiplint.model.api import ApiModel
    from aiplint.model.lexicon import Lexicon
    from aiplint.model.types import Location, Operation, Parameter, PathItem, Segment

_BODY_METHODS = frozenset(("post", "put", "patch", "delete"))  # a DELETE body is a mistake of its own (AIP-127)


@dataclass(frozen=True)
class Target:
    name: str  # the query parameter, body field, header or path parameter
    where: str  # "query", "body", "header", or "path" (an `in: path` parameter the template lacks)
    stem: str  # the resource it identifies, as a compact singular (`job`); "" for a bare `id`
    at: Location
    required: bool = True
    evidenced: bool = False  # optional in the spec, but the operation acts on one member (`model.operations`)
    described: str = ""  # optional in the spec, but its description names it the thing acted on ("the job to cancel")

    @property
    def path_name(self) -> str:
        """The name the ID takes as a path parameter: as written, but a header's in snake case without `X-`
        (`X-Event-Id` -> `event_id`) and a JSON:API filter's as its resource's ID (`filter[app]` -> `app_id`)."""
        if self.where == "header":
            parts = [word.lower() for word in words.split_words(self.name)]
            return "_".join(parts[1:] if parts[:1] == ["x"] and len(parts) > 1 else parts)
        return _filtered_key(self.name, True) if self.where == "query" else self.name

    @property
    def counts(self) -> bool:
        """It is the target's ID for the ID rules: declared required, or optional where the evidence says the
        operation acts on one member or its description says it names what the operation acts on."""
        return self.required or self.evidenced or bool(self.described)


def target_stem(lex: Lexicon, name: str, resources: frozenset[str] = frozenset()) -> str | None:
    """`Lexicon.id_stem`, except for IDs in a role relative to the target: `to_user_id`, `source_bucket_id`; a
    resource of the API (`resources`) whose name starts with such a word is none (Airbyte's `destinationDefinitionId`
    beside `/v1/destination_definitions`)."""
    stem = lex.id_stem(name, resources)
    first = words.split_words(name)[:1]
    role = first and lex.has(first[0], "role-prefix") and stem != first[0] and stem not in resources
    return None if stem is None or role else stem


def targets(api: ApiModel, op: Operation) -> list[Target]:
    """Every ID outside the path that names the operation's target, the likeliest first: an `in: path`
    parameter the template lacks, then query parameters, then body fields, required before optional, those the
    last literal mentions before the others (`/attach-volume`: `volume_id` before `instance_id`)."""
    template = set(op.path.template_params)
    found = _path_targets(api.lexicon, op, template)
    candidates = _candidates(api, op)
    if not candidates:
        return found  # most operations: nothing outside the path to read the path for
    scope = _Scope(api, op)
    if scope.signs_in or scope.creates:
        return found  # a sign-in's credentials and a create's references name no target
    ranked = [t for candidate in candidates if (t := _target_of(api, op, scope, candidate, template)) is not None]
    return found + _likeliest_first(api.lexicon, op, ranked)


class _Candidate(NamedTuple):
    """A query parameter or body field that may be the target's ID."""

    name: str
    where: str  # "query" or "body"
    at: Location
    required: bool
    schema: dict[str, Any]
    description: str


def _path_targets(lex: Lexicon, op: Operation, template: set[str]) -> list[Target]:
    """`in: path` parameters the path template lacks, named as IDs: they can only be the target's.  One the key
    writes in a query string (Swagger 2.0's `/current?city_id={city_id}`) travels in the query."""
    in_key_query = op.path.key_query_params
    return [Target(p.name, "query" if p.name in in_key_query else "path", stem, p.at) for p in op.parameters
            if p.location == "path" and p.name not in template
            and (stem := target_stem(lex, p.name) or _described_as_its_id(lex, p)) is not None]


def _described_as_its_id(lex: Lexicon, param: Parameter) -> str | None:
    """The noun a parameter is named after, where its description calls it that noun's ID (`station`, "Station
    Call ID."); None for a plural name ("Comma separated list of Station Call ID's") or another description."""
    name = words.split_words(param.name)
    first = re.split(r"[.,;:(\n]", param.description.strip(), maxsplit=1)[0].lower().split()
    if len(name) != 1 or lex.noun_number(name[0].lower()) != "singular" or not first:
        return None
    said_id = first[-1] in ("id", "identifier") and name[0].lower() in first[:-1]
    return lex.stem(name[0]) if said_id else None


def _candidates(api: ApiModel, op: Operation) -> list[_Candidate]:
    """The query parameters, then the body fields, then the headers, that may name the target."""
    found = _query_candidates(api, op)
    if _receives_events(api.lexicon, op):
        return found
    if op.body and op.method in _BODY_METHODS:
        found += _body_candidates(api, op)
    return found + _header_candidates(api, op)


def _header_candidates(api: ApiModel, op: Operation) -> list[_Candidate]:
    """Headers named as the ID of one of the API's resources (a bare `id`, `X-Task-Id` beside `/tasks/{id}`) that
    not most operations take: ExhibitDay's `DELETE /v1/events/` names the event in an `id` header.  A tenant's or
    caller's ID is context, and so is the ID of a party the API has no resource for (NDHM's `X-HIP-ID` routes a
    callback to a health information provider, eBay's `X-EBAY-C-MARKETPLACE-ID` picks a marketplace)."""
    headers = op.params_in("header")
    if not headers:
        return []  # most operations: no set of the API's resources to build
    known = api.resource_stems | set(api.resource_prefixes) | {""}
    return [_Candidate(p.name, "header", p.at, p.required, p.schema, p.description) for p in headers
            if not p.is_array and "enum" not in p.schema and p.name not in api.common_header_names
            and target_stem(api.lexicon, _unprefixed(p.name)) in known]


_JSON_API_FILTER = re.compile(r"filter\[([A-Za-z][A-Za-z0-9_-]{0,60})\]")


def _filtered_key(name: str, required: bool) -> str:
    """A required JSON:API filter on a resource is that resource's ID, the list's parent (App Store Connect's
    `GET /v1/betaAppReviewDetails?filter[app]=`: `app_id`); an optional one filters."""
    match = _JSON_API_FILTER.fullmatch(name) if required else None
    return f"{match.group(1)}_id" if match is not None else name


def _unprefixed(header: str) -> str:
    """A header's name without the `X-` of custom headers: `X-Task-Id` -> `Task-Id`."""
    return header[2:] if header[:2].lower() == "x-" else header


def _query_candidates(api: ApiModel, op: Operation) -> list[_Candidate]:
    """Single-valued query parameters that list no values (an enum names a kind).  In a document that declares no
    query parameter required, an RPC method's parameter named as the ID of one of the API's resources counts as
    required (Etherpad's `/listAuthorsOfPad?padID=`, `/getSessionInfo?sessionID=`), except a search's: elsewhere
    such a parameter is as likely a filter (`GET /items?id=`, `/files/search?id=`)."""
    return [_Candidate(p.name, "query", p.at, p.required or said_required(p.description)
                       or _silently_required(api, op, p.name), p.schema, p.description)
            for p in op.parameters if p.location == "query" and not p.is_array and "enum" not in p.schema]


# "(Required) String", "Required. The campaign's ID", "**REQUIRED**": a description that opens by saying so
_SAID_REQUIRED = re.compile(r"[\W_]*required\b(?![\s*)\].:]*(if|when|unless|only|for|with|in)\b)", re.IGNORECASE)


def said_required(description: str) -> bool:
    """The parameter's description opens by calling it required, as documents converted from Postman collections
    and hand-written references do where the flag is not set (Braze's `campaign_id`: "(Required) String"); a
    condition after it ("Required if no name is given") leaves it optional."""
    return _SAID_REQUIRED.match(description) is not None


def _silently_required(api: ApiModel, op: Operation, name: str) -> bool:
    """Whether a query parameter the spec does not mark required is required all the same (`_query_candidates`).
    A method on all (`/alerts/closeAll?userId=`) has no one target to name."""
    custom = op.custom_verb
    if custom is None or custom.verb is None or op.path.template_params or api.lexicon.has(custom.verb, "read-action"):
        return False
    if "all" in api.lexicon.words_of(words.action_part(custom.text)):
        return False
    stem = target_stem(api.lexicon, name, api.resource_stems)
    return bool(stem) and api.silent_on_required_parameters and stem in api.resource_stems


def _body_candidates(api: ApiModel, op: Operation) -> list[_Candidate]:
    """Body fields that list no values, are not read-only (the server's own `id`) nor a file's content.  A required
    body in a document that never lists required fields is silent, not optional: a field named as a key counts as
    required there (Mandrill's `POST /subaccounts/delete.json {id}`, `POST /tags/delete.json {tag}`)."""
    silent = op.body_required and api.silent_on_required_fields
    return [_Candidate(prop.name, "body", prop.at, prop.required or (silent and _named_as_a_key(api, prop.name)),
                       prop.schema, _text(prop.schema.get("description")))
            for prop in op.body if not prop.enum and prop.schema.get("readOnly") is not True
            and prop.schema.get("format") not in _CONTENT_FORMATS]


_CONTENT_FORMATS = ("binary", "byte")  # a file's or blob's content, never a key (`POST /archives/import {archive}`)


def _named_as_a_key(api: ApiModel, name: str) -> bool:
    """A field named as an ID (`template_id`), a key (`name`, `slug`; not a value's `code` nor a `url`), or a
    resource of the API (`tag` beside `/tags`): what a silent body's required field is named when it keys the
    target."""
    lex = api.lexicon
    if target_stem(lex, name) is not None:
        return True
    parts = words.split_words(name)
    if len(parts) != 1:
        return False
    word = parts[0].lower()
    key = lex.has(word, "generic-id") and not lex.has(word, "value-key") and not lex.has(word, "locator")
    return key or lex.stem(word) in api.collection_stems


def _target_of(api: ApiModel, op: Operation, scope: _Scope, candidate: _Candidate, template: set[str]
               ) -> Target | None:
    """The candidate as the ID of the operation's target, or None: a name the path already has, a flag or a
    structure, a credential, an ID of nothing the path leaves unidentified (`_Scope.identified_stem`), the
    destination of what a sending verb sends, or in a body, the ID of what the operation creates or of the body
    itself."""
    written, where, at, required, schema, description = candidate
    lex = api.lexicon
    name = _unprefixed(written) if where == "header" else _filtered_key(written, required)
    credential = _credential(lex, name) and not _key_of_one_member(api, scope, name) and not _managed_key(
        api, scope, name)
    if name in template or schema.get("type") in ("boolean", "array", "object") or credential:
        return None
    # an upsert matches on whichever key it is given ("ID of the account to update. Used if upsert_key=id")
    conditional = required or not scope.not_many or _named_an_upsert(op)
    described, noun = ("", "") if conditional else _described_as_acted_on(description)
    own_stem = target_stem(lex, name, api.resource_stems) if noun else None
    if own_stem and not lex.mentions(own_stem, lex.stem(noun), False):
        described, noun = "", ""  # `projectId`, "the project id of the beacon to activate": the beacon's parent
    stem = scope.identified_stem(_as_an_arn(lex, name, description), where, required or bool(described), noun)
    if stem is None or _sent_to(api, scope, stem):
        return None
    # `POST /secret {name}` named `updateSecret`, and a standard action's (`/templates/update.json {name}`): a member's
    own = _own_field(lex, op, name, stem) and not scope.one_member and not scope.standard_action()
    if where == "body" and (_created(op, scope, stem) or own or _renamed(lex, op, name, stem)):
        return None
    acted_on = scope.named_call(stem) or scope.changes_the_thing_before_it(name, stem)
    evidenced = (scope.one_member or acted_on) and not required
    return Target(written, where, stem, at, required, evidenced, described)


# "The Amazon Resource Name (ARN) of the resource...", "This value is an Amazon Resource Name (ARN)."
_SAYS_ARN = re.compile(r"\bamazon resource name\b|\(arn\)", re.IGNORECASE)


def _as_an_arn(lex: Lexicon, name: str, description: str) -> str:
    """A key named after its thing and a generic key word (AWS's `ResourceName`) whose description calls it an ARN is
    that thing's ID, as `ResourceArn` is (`ListTagsForResource {ResourceName}` in ElastiCache and RDS, `{ResourceArn}`
    elsewhere): read as that name; any other, as written."""
    parts = words.split_words(name)
    generic = len(parts) > 1 and lex.has(parts[-1].lower(), "generic-id")  # not `SnsTopic`, an argument
    if not generic or target_stem(lex, name) is not None or not _SAYS_ARN.search(description[:300]):
        return name
    return "".join(parts[:-1]) + "Arn"


def _text(value: object) -> str:
    return value if isinstance(value, str) else ""


# "The ID of the job to cancel.", "Name of the remote configuration to delete", "the id of the stream that will be
# stopped", "Pet id to delete", "Stats group identifier to remove": a key of a noun phrase, then the action, as the
# description's first clause.  The noun phrase is at most four words, so the match is linear in the text.  A name or
# key after a noun is a value (`the SSH public key to sign`), and a qualified name (`the friendly name`, `optional
# item id`) no identifier.
_ACTION = r"(?:to(?: be)?|(?:that|which) (?:will be|is to be|you want to)|you want to) ([a-z]+)"
_ACTED_ON = (re.compile(r"(?:the |a |an )?(?:(?:unique|numeric|internal|external|full|resource|system) )?"
                        r"(?:id|identifier|name|key|uuid|guid) (?:of|for) (?:the |a |an )?((?:[a-z0-9_-]+ ){1,4}?)"
                        rf"{_ACTION}"),
             re.compile(rf"(?:the |a |an )?((?:[a-z0-9_-]+ ){{1,3}}?)(?:id|identifier|uuid|guid) {_ACTION}"))
# words that make the noun phrase a relative clause or a role (`the location for which to list`, `the folder to
# move it into`), not the thing acted on
_NOT_THE_OBJECT = frozenset(("which", "whose", "that", "for", "with", "in", "into", "on", "by", "from", "new", "single",
                             "optional"))
# actions over many things: the field scopes them (`the shared drive to search`), a List's filter or parent
_OVER_MANY = frozenset(("search", "list", "filter", "scan", "browse", "find"))


def _described_as_acted_on(description: str) -> tuple[str, str]:
    """The description's first clause when it says the field names the thing the operation acts on (`ID of the
    job to cancel`), and that thing's noun (`job`); ("", "") else: a reviewer's reading of an optional field the spec
    did not mark required."""
    first = re.split(r"\. |, |; |\n", description.strip()[:300], maxsplit=1)[0].rstrip(". ").lower()
    for pattern in _ACTED_ON:
        match = pattern.fullmatch(first)
        if match is not None and not _NOT_THE_OBJECT & set(match.group(1).split()) and match.group(2) not in _OVER_MANY:
            return first, match.group(1).split()[-1]
    return "", ""


def _sent_to(api: ApiModel, scope: _Scope, stem: str) -> bool:
    """`sendMessage {chat_id}`: the new message goes to the chat, which is not the target (but a queue the API
    makes is: `SendMessage {QueueUrl}`)."""
    return scope.sent is not None and bool(stem) and stem != scope.sent and stem not in api.managed_nouns


def _created(op: Operation, scope: _Scope, stem: str) -> bool:
    """An operation that returns the resource created it, unless it is a standard method on one (`POST
    /secrets/delete {name}` returns the deleted secret), an action on a member of the collection it follows
    (`POST /tickets/close {ticket_id}` returns the closed ticket), or named as a Get, Update or Delete."""
    acts_on_member = scope.collection is not None and scope.verb is not None and scope.member(stem)
    named_otherwise = named_kind(scope.lex, op) in ("get", "update", "delete")  # `POST /secret`, `updateSecret`
    return op.creates(stem) and not scope.standard_action() and not acts_on_member and not named_otherwise


def _likeliest_first(lex: Lexicon, op: Operation, ranked: list[Target]) -> list[Target]:
    """Those that count before the others, required before optional (Adyen's `updateAccount`: the required
    `accountCode` before an optional `bankAccountUUID`), query before body, names with an ID word before bare keys
    (`source_id` before `name`), those the path's last literal mentions before the others (`/attach-volume`:
    `volume_id` first)."""
    last = op.path.last.text if op.path.last is not None else ""
    explicit = {t.name for t in ranked if target_stem(lex, t.name) is not None}
    ranked.sort(key=lambda t: (not t.counts, not t.required, t.where != "query", t.name not in explicit,
                               not (t.stem and lex.mentions(last, t.stem))))
    return ranked


def target(api: ApiModel, op: Operation, where: str | None = None, ignored: frozenset[str] = frozenset(),
           required: bool = True) -> Target | None:
    """The likeliest target ID (of one kind: "query", "body", "header", "path"), leaving out the names in `ignored`;
    only those that count (`Target.counts`) unless `required` is False."""
    return next((t for t in api.targets(op) if (where is None or t.where == where) and t.name not in ignored
                 and (t.counts or not required)), None)


class _Scope:
    """What the path says about the target: the literals after its last ID, and the collection an action
    follows (`/jobs/cancel` acts on a job, on the collection of jobs, or, changing state, on another resource)."""

    def __init__(self, api: ApiModel, op: Operation):
        self.api, self.op, self.lex = api, op, api.lexicon
        segments = op.path.segments
        # the last segment that stands for one member (an ID, or an alias: `me`), -1 when none does
        self.identified = max((s.index for s in segments if s.role is Role.PARAM or is_known_alias(self.lex, s)),
                              default=-1)
        # the literals after it, versions left out: the action, sub-resource or collection the operation is about
        self.tail = [s for s in segments[self.identified + 1 :] if not s.is_param and s.role is not Role.VERSION]
        # the collection an action at the end follows (`jobs` in `/jobs/cancel`), verbs in its place too
        self.collection = next((s for s in reversed(self.tail[:-1]) if s.role is Role.COLLECTION), None)
        self.path_subjects = {self.lex.subject(s.param or "") for s in segments if s.is_param}
        self.ends_in_id = bool(segments) and segments[-1].index == self.identified
        last = self.tail[-1] if self.tail else None
        self.verb = last.verb if last is not None and last.is_custom_verb else None
        self.signs_in = self._verb_is("credential-verb")  # `/user/login`
        self._creating = op.method == "post" and last is not None and not last.is_custom_verb
        self.creates = self._verb_is("create-verb") and not self._adds_many(last)  # `/createRobot`
        self.sent = self._sent(last)
        # the evidence says it acts on one member all the same: an optional ID of it counts (`DELETE /team?teamname=`)
        weight = one_member_weight(api, op)
        self.one_member = weight >= ONE_MEMBER
        # nothing says it reads or makes many: a field described as what it acts on is its target
        self.not_many = weight >= 0

    def _adds_many(self, last: Segment | None) -> bool:
        """An AIP-144 method putting several things in one resource's list (Rocket.Chat's `teams.addRooms {teamId}`,
        AWS's `AddTagsToResource`: the object is what comes before a preposition): the resource is its target, not the
        parent of a new thing."""
        phrase = self.lex.words_of(words.action_part(last.text)) if last is not None else ()
        phrase = tuple(itertools.takewhile(lambda word: not self.lex.has(word, "preposition"), phrase))
        return len(phrase) > 1 and self._verb_is("array-verb") and self.lex.noun_number(phrase[-1]) == "plural"

    def _verb_is(self, tag: str) -> bool:
        return self.verb is not None and self.lex.has(self.verb, tag)

    def _sent(self, last: Segment | None) -> str | None:
        """What a sending verb makes (`sendMessage` -> `message`; `send` after a collection, a member of it:
        `/basic-messages/send`): its ID alone names a target, another's is where it goes."""
        if self.verb is None or last is None or not self.lex.has(self.verb, "sending-verb"):
            return None
        phrase = self.lex.words_of(words.action_part(last.text))
        if phrase == (self.verb,) and self.collection is not None:
            return self.lex.stem(self.collection.text)
        sends = len(phrase) > 1 and phrase[0] == self.verb
        return self.lex.stem("-".join(phrase[1:])) if sends else None

    def identified_stem(self, name: str, where: str, required: bool, described: str = "") -> str | None:
        """The stem of the resource `name` identifies when that resource is the operation's target, else None; a
        bare key (`name`) its description says names a thing acted on (`described`: `plugin`) identifies that."""
        stem = target_stem(self.lex, name, self.api.resource_stems)
        if stem is None:
            stem = self._keyed_stem(name, where, required)
        if stem is None and described and (_bare_key(self.lex, name) and self._known(self.lex.stem(
                described)) or self._called_on(self.lex.stem(described))):
            stem = self.lex.stem(described)
        if stem and required and where == "query" and stem in self.api.scope_stems and stem not in self.path_subjects:
            return stem  # the API's top parent, which every path leaves out (`GET /api/Goals/{id}?planId=`)
        if stem is None or not self.op.path.segments or self.ends_in_id or (stem and stem in self.path_subjects):
            return None  # the path already identifies its resource: this is a selector or an argument
        if self._search_term(name, stem):
            return None  # Google's `chains:search?chainName=`: "Search for a chain by its name", any match
        if self._creates_member(stem):
            return None
        if not required and not self.one_member:
            # only a named member of the collection the action follows (`/videos/reportAbuse {videoId}`), not a
            # filter of an action on the whole collection (authentik's `POST /core/users/export/?username=`)
            if self.named_call(stem) or self.changes_the_thing_before_it(name, stem):
                return stem
            return stem if stem and not self._on_the_whole() and self.collection is not None and self.member(
                stem) else None
        return stem if self._names(stem, where) else None

    def _search_term(self, name: str, stem: str) -> bool:
        """A key of the members a search over their collection matches that is no ID (a name, a title): what it
        matches, not one thing it reads (given an ID it reads that one: `/jobs/search?job_id=`; DynamoDB's `Query
        {TableName}` searches the table it names)."""
        parts = self.lex.key_parts(name)
        # a search or filter, not a `find` (a Get by a key: `/secrets/find?name=`) nor a List (its parent's key)
        searching = self.verb in _OVER_MANY and self._on_the_whole() and not self.standard_action()
        return searching and self.collection is not None and self.member(stem) and bool(parts) and not self.lex.has(
            parts[-1], "id-word")

    def _called_on(self, stem: str) -> bool:
        """The path's call is named after `stem`'s collection before its verb (Slack's `conversations.archive`,
        whose `channel` is "ID of conversation to archive")."""
        last = self.tail[-1] if self.tail else None
        noun = words.called_noun(last.text) if last is not None and last.is_custom_verb else ""
        return bool(noun) and self.lex.stem(noun) == stem

    def changes_the_thing_before_it(self, name: str, stem: str) -> bool:
        """An action that changes state right after a literal naming, not in the plural, the thing `name` is the key
        of (ShipEngine's `POST /tracking/start?tracking_number=`, "Start tracking a package"): that thing is what it
        acts on, though the spec leaves its key optional; a key named after nothing (`url`) is an argument, and after
        a plural (`/drafts/send?draft_id=`) an optional key may filter the whole collection."""
        if self.verb is None or len(self.tail) < 2 or not stem or not self.lex.changes_state(self.verb):
            return False
        before, last = self.tail[-2], self.tail[-1]
        named = (self.lex.subject(name) or name) == stem and self.lex.last_word_number(before.text) != "plural"
        return named and before.index == last.index - 1 and self.lex.stem(before.text) == stem

    def _on_the_whole(self) -> bool:
        """The action works on the whole collection (`export`, `search`; `all`, a List spelled as a literal)."""
        return self.verb is not None and (self.lex.has(self.verb, "collection-verb") or self.lex.has(
            self.verb, "list-alias"))

    def named_call(self, stem: str) -> bool:
        """An RPC call named after what the ID names (Clubhouse's `POST /get_club {club_id}`): the ID names what it
        acts on, whatever the spec's `required` says."""
        sends = self.sent is not None  # Mandrill's `send-template.json {template_name}` sends a message
        unaddressed = self.identified < 0 and self._rpc_action()  # not Pub/Sub's `{subscription}:modifyAckDeadline`
        one = self.not_many  # not AWS Batch's paged `DescribeJobDefinitions {jobDefinitionName}`
        return bool(stem) and one and not sends and unaddressed and self.lex.mentions(self.tail[-1].text, stem, False)

    def _keyed_stem(self, name: str, where: str, required: bool) -> str | None:
        """An identifier without an ID word: a key the API addresses a resource by (`name` for `/profile/read`
        beside `/profiles/{name}`), a noun with a generic identifying word the path names (`QueueUrl` for
        `/DeleteQueue`), or the bare name of a resource of the API (`?subscription=`).  A noun glued to `name` keys
        it in the query (`DELETE /api/team?teamname=`), not in a body, where it is as often a new thing's name
        (Spoonacular's `POST /users/connect {username}` makes the user)."""
        parts = self.lex.key_parts(name)
        if where == "body" and parts != words.split_words(name):
            return None
        found = self._member_key_stem(name, parts) or self._looked_up_by(name)
        if found is not None:
            return found
        subject = self.lex.subject(name)
        if subject is None and len(parts) == 1 and self.collection is not None and (
                self.standard_action() or (required and where == "body" and self._acts_on_a_member_by(parts[0]))):
            return self.lex.stem(self.collection.text)  # `/secrets/find?name=`: a member's key
        viewed = _viewed_plural(self.lex, self.op.path)
        if subject is None and len(parts) == 1 and viewed is not None and viewed.index > self.identified:
            return self.lex.stem(viewed.text)  # Mandrill's `POST /templates/info.json {name}`: a member's key
        if subject is None and len(parts) == 1 and self.one_member and self.tail and self.tail[-1].role.is_thing:
            return self.lex.stem(self.tail[-1].text)  # `GET /attachments?key=` returning one attachment
        if where == "query" and required and self._sole_key_of_one(parts):
            return self.lex.stem(self.tail[-1].text)  # RentCast's `GET /markets?zipCode=` returning one market
        if subject and len(parts) > 1 and self.lex.has(parts[-1], "generic-id"):
            return self._handle_stem(subject, parts[-1])
        if subject and where == "query" and self._bare_resource_name(parts):
            return subject  # `?subscription=` of `/subscription_items`; `DELETE /domain_blocks?domain=`
        if subject and where == "body" and self._object_of_a_standard_verb(subject, name):
            return subject  # `POST /v1/deletejobqueue {jobQueue}`, Mandrill's `/senders/verify-domain.json {domain}`
        if subject and where == "body" and required and len(parts) == 1 and self._member_of_the_collection(name,
                                                                                                      subject):
            return subject  # `POST /tags/delete.json {tag}`; an optional `address` is a value to `recognize`
        return None

    def _sole_key_of_one(self, parts: tuple[str, ...]) -> bool:
        """A qualified key (`zipCode`, `app_slug`), the only one a GET on a plural collection requires, where the GET
        returns one object and nothing says it reads many: the member it reads (RentCast's `GET /markets?zipCode=`,
        one market's statistics; not AWS's paged `ListAccessLogSubscriptions?resourceIdentifier=`)."""
        last = self.tail[-1] if self.tail else None
        reads_one = self.op.method == "get" and self.op.shape is Shape.ONE and self.one_member
        if last is None or last.role is not Role.COLLECTION or not reads_one:
            return False
        if len(parts) < 2 or not self.lex.has(parts[-1], "generic-id") or self.lex.has(parts[-1], "locator"):
            return False
        required = [p for p in self.op.params_in("query") if p.required]
        return len(required) == 1 and self.lex.last_word_number(last.text) == "plural"

    def _acts_on_a_member_by(self, key: str) -> bool:
        """An action right after a collection whose body needs nothing else but a generic key (Mandrill's
        `POST /templates/publish.json {name, key}`): the key names the member acted on, unless the action makes
        one, works on the whole collection, sends, or names the key itself (`checkNameAvailability {name}` checks
        a name); a body of many required fields is the thing itself (ClickSend's `POST /email-campaigns/price`)."""
        if not self._action_right_after_the_collection():
            return False
        return (self._needs_only(key) and self.lex.has(key, "generic-id") and not self.lex.has(key, "value-key")
                and not self.lex.has(key, "locator") and not self.lex.mentions(self.tail[-1].text, key, False)
                and not self._makes_or_gathers())

    def _needs_only(self, name: str) -> bool:
        """The body requires nothing else but credentials: it names the thing acted on, it does not describe one."""
        return not any(p.required and p.name != name and not _credential(self.lex, p.name) for p in self.op.body)

    def _makes_or_gathers(self) -> bool:
        """The action makes a thing, sends one, or works on the whole collection."""
        verb = self.verb or ""
        return self.lex.has(verb, "create-verb") or self.lex.has(verb, "sending-verb") or self._on_the_whole()

    def _looked_up_by(self, name: str) -> str | None:
        """The thing an operation named as a lookup "by" this key gets (`getUserByOrcid?orcid=` a user,
        `DeviceBySerial_Get?serial=` a device, Blogger's `blogs/byurl?url=` a blog): one thing, named before "by"
        or by the collection the path's action follows; many (`findPetsByStatus`) are a filtered List."""
        parts = self.lex.words_of(name)
        if not self.one_member or not parts or self.lex.noun_number(parts[-1]) == "plural" or any(
                self.lex.has(word, "selector") or self.lex.has(word, "attribute") or self.lex.has(
                    word, "non-resource-id") for word in parts):
            # `GetAowDateByDateOfBirth`, `subscriptionsByStatus`: computed from a value, filtered by it; many
            # (`StartDataCollectionByAgentIds`); a request's key (`CancelPaymentByIdempotencyKey`)
            return None
        key = words.compact(name)
        last = self.lex.words_of(words.action_part(self.tail[-1].text)) if self.tail else ()
        if last and self.lex.is_verb(last[0]):
            last = last[1:]  # `findByStatus`: what follows the verb
        looked_up = self.lex.lookup_key(self.tail[-1].text) if self.tail else None
        if looked_up is not None:
            last = ("by", looked_up)  # Blogger's glued `byurl`
        for rest in [rest for _, rest, _ in verb_names(self.lex, self.op)] + [last]:
            if "by" not in rest:
                continue
            at = rest.index("by")
            noun, by = rest[:at], "".join(rest[at + 1 :])
            if noun and self.lex.noun_number(noun[-1]) == "plural":
                return None  # `findPetsByStatus`: many, filtered
            if by and "and" not in rest[at + 1 :] and _same_key(key, by):
                if noun:
                    return self.lex.stem("-".join(noun))
                if self.op.shape is not Shape.ONE:
                    return None  # `/widget/findByColor`: by a value, one or many, only what it returns tells
                before = self.collection or (self.tail[-2] if len(self.tail) > 1 else None)
                return self.lex.stem(before.text) if before is not None else None
        return None

    def _known(self, stem: str) -> bool:
        """A resource of the API, or one the path's literals after its last ID name (`/pluginsctl/removePlugin`), or
        any, for an action of an API that addresses nothing by its path (rclone's `POST /config/delete?name=`, "Name
        of the remote configuration to delete"): there, what an ID names is the API's word for it."""
        return stem in self.api.resource_stems or any(
            self.lex.mentions(s.text, stem, False) for s in self.tail) or self._rpc_action()

    def _member_of_the_collection(self, name: str, subject: str) -> bool:
        """`name` is the singular of the plural literal an action or a view follows: a body field named so names
        the member acted on or shown (Mandrill's `POST /ips/start-warmup.json {ip}`, `POST /ips/info.json {ip}`).
        After a singular the field is the thing's content (`POST /query/ast {query}`); a plural field holds many
        (`/assets/analysis/turbulence-index {assets}`); a literal that names no attribute may be a tool taking the
        thing it works on (`POST /expressions/jsonata {Expression}`)."""
        if self.verb is None and not (self.tail and _a_view(self.lex, self.tail[-1])):
            return False
        if self.lex.last_word_number(name) == "plural":
            return False
        return any(self.lex.stem(seg.text) == subject and self.lex.last_word_number(seg.text) == "plural"
                   for seg in self.tail[:-1])

    def _object_of_a_standard_verb(self, subject: str, name: str) -> bool:
        """The path ends in a Get, Update or Delete spelled as a verb and its object (`deletejobqueue`,
        `update-compute-environment`), and `subject` is that object and a resource of the API: a body field named
        after it names the one it acts on (AWS Batch's `POST /v1/deletejobqueue {jobQueue}`).  An object that is no
        resource is a value (`update_quantity {quantity}`, `change_dns_ptr {dns_ptr}`).  Another verb's object
        is a value (`addTag {tag}`), a new thing (`submitJob {job}`) or content (AWS's `ValidateResourcePolicy
        {ResourcePolicy}`), except in a document that never lists a required field, where a field that is all the
        body needs besides credentials, for a verb that makes, sends or gathers nothing, names the thing (Mandrill's
        `POST /senders/verify-domain.json {domain}` beside `/senders/domains.json`; in an RPC API, any thing:
        Clubhouse's `POST /join_channel {channel}`); a verb that sets its object takes its new value (rclone's
        `set-gc-percent {gc-percent}`)."""
        if self.verb is None or not self.tail:
            return False
        named_kinds = set(self.lex.mapping("name-verb").get(self.verb, ()))
        standard = {"get", "update", "delete"} & named_kinds
        phrase = self.lex.words_of(words.action_part(self.tail[-1].text))
        named = len(phrase) > 1 and phrase[0] == self.verb and self.lex.stem("-".join(phrase[1:])) == subject
        if not named or not (subject in self.api.resource_stems or self._rpc_action()):
            return False
        silent = self.api.silent_on_required_fields
        sets = "update" in named_kinds  # rclone's `set-gc-percent {gc-percent}`
        return (bool(standard) and subject in self.api.resource_stems) or (
            silent and not sets and self._needs_only(name) and not self._makes_or_gathers())

    def _member_key_stem(self, name: str, parts: tuple[str, ...]) -> str | None:
        """A generic key (`{name}`, not `{comment}`: a value) the API addresses the members of a literal of the tail
        by, where that literal is a singular standing for a member, or the action a standard method on one."""
        if not (parts and self.lex.has(parts[-1], "generic-id")):
            return None
        keys = self.api.member_keys
        for seg in reversed(self.tail):
            stem = self.lex.stem(seg.text)
            if name in keys.get(stem, ()) and (stem == seg.text.lower() or self.standard_action()):
                return stem
        return None

    def _handle_stem(self, subject: str, key: str) -> str | None:
        """A noun with a generic identifying word (`QueueUrl`, `ReceiptHandle`): the resource it identifies when the
        path names it, or when it is an RPC action's handle or the key of a resource the API creates (`QueueUrl`
        where `CreateQueue` exists; an `image-url` is an argument).  A value's key (`return_code`) and a new
        thing's (a new chore's `choreName`) name only one of the API's resources, or the thing an action right
        after it changes (`/tracking/start?tracking_number=`), and nothing on a create."""
        if self.lex.has(key, "value-key") or self._creating:
            known = subject in self.api.resource_stems or self.changes_the_thing_before_it(subject, subject)
            return subject if known and not self._creating else None
        if subject.endswith("ed") and not self.lex.is_noun(subject):
            return None  # GitHub Enterprise's `authorized_key`: the key itself, a value, not a thing's handle
        named = any(self.lex.mentions(s.text, subject, False) for s in self.tail)
        own = self.lex.has(key, "opaque-id") or subject in self.api.managed_nouns
        return subject if named or (own and self._rpc_action()) else None

    def _bare_resource_name(self, parts: tuple[str, ...]) -> bool:
        """A query parameter named just after a resource of the API, with no ID word, that holds its ID: the parent
        of a list that names it (`GET /subscription_items?subscription=`) or that the API has under a name of two
        words or more (`GET /setup_attempts?setup_intent=`), or the member a write on a collection names
        (`DELETE /domain_blocks?domain=`).  A single word alone is too often a scope or a value (`?site=`,
        `?query=`); in a body, a resource's name is a reference to it (`{cable}`, `{license}`).  After the collection
        its noun names, an action's key is its member (`POST /domains/delete?domain=`), as is the key of the member a
        plural's singular stands for (`/projects/project?project=`)."""
        lex, last = self.lex, parts[-1]
        subject = lex.stem("_".join(parts))
        if self.tail and repeats_its_plural(self.op.path, self.tail[-1], lex) and lex.stem(
                self.tail[-1].text) == subject:
            return True  # Doppler's `GET /v3/projects/project?project=`: the member its plural's singular stands for
        verb = lex.is_verb(last) and len(parts) == 1  # `?query=` is a value, `?value_list=` a resource
        if lex.has(last, "generic-id") or lex.noun_number(last) != "singular" or verb or not self.tail:
            return False
        if self.op.method == "get":  # the noun qualifies a listed collection (`subscription_items`), not a value
            listed = any(s.role is Role.COLLECTION and lex.mentions(s.text, subject, False)
                         and lex.stem(s.text) != subject for s in self.tail)
            return listed or (len(parts) > 1 and subject in self.api.collection_stems)
        if self.op.method in ("delete", "patch", "put"):
            return lex.mentions(self.tail[-1].text, subject, False)
        return self._member_of_the_collection_acted_on(subject)

    def _member_of_the_collection_acted_on(self, subject: str) -> bool:
        """An action right after the collection the key's noun names acts on that member (SolarVPS's `POST
        /domains/delete?domain=`), unless it makes one, sends one or works on the whole collection, or only reads
        a candidate (`/domains/check?domain=`: a name to check, no member yet); an attribute's noun is a value
        (Twitter's `POST /statuses/update.json?status=` posts that text)."""
        if not self._action_right_after_the_collection() or self.collection is None or self.verb is None:
            return False
        return (self.lex.stem(self.collection.text) == subject and not self._makes_or_gathers()
                and not self.lex.has(self.verb, "read-verb") and not self.lex.has(subject, "attribute"))

    def _action_right_after_the_collection(self) -> bool:
        """The path ends in an action that directly follows the collection it acts in (`/domains/delete`)."""
        return self.verb is not None and len(self.tail) > 1 and self.tail[-2] is self.collection

    def _rpc_action(self) -> bool:
        """The path ends in an action in an API that never addresses a resource by its path (AWS query APIs,
        Telegram's bot API), or in a `noun.verb` call of an API that names its calls so (Rocket.Chat's
        `channels.delete`): every ID it takes names what it acts on."""
        if not self.tail or not self.tail[-1].is_custom_verb:
            return False
        dotted = self.identified < 0 and self.api.calls_named_dotted and words.dotted_namespace(self.tail[-1].text)
        return not self.api.resource_prefixes or bool(dotted)

    def standard_action(self) -> bool:
        """The path ends in a standard method's verb or a synonym on one member (`find`, `delete`; not
        `batchDelete`)."""
        verb = self.verb or ""
        last = self.tail[-1].text.lower() if self.tail else ""
        one = not last.startswith(("batch", "bulk"))
        return one and (self.lex.has(verb, "standard-verb") or verb in self.lex.mapping("synonym"))

    def _creates_member(self, stem: str) -> bool:
        """AIP-133: `POST /books?book_id=` (or `{id}`) chooses the new book's ID, unless its name says it gets,
        updates or deletes one; so does a PUT its name calls a create (`PUT /parameters {id}`, `createParameter`;
        LlamaCloud's `PUT /files` "Generate Presigned Url")."""
        last = self.tail[-1] if self.tail else None
        if last is None or not last.role.is_thing or _a_view(self.lex, last):
            return False  # only a noun is created in (`POST /products/{sku}/child`), not a view (`/exports/info`)
        named = named_kind(self.lex, self.op)
        verb, _, _ = named_verb(self.lex, self.op)
        creating = named == "create" or (verb is not None and self.lex.has(verb, "create-verb"))  # "Generate ..."
        if named in ("get", "update", "delete") or (self.op.method != "post" and not (
                self.op.method == "put" and creating)):
            return False  # `POST /secret {name}` named `updateSecret` changes the secret its name names
        return stem in ("", self.lex.stem(last.text))

    def member(self, stem: str) -> bool:
        """`stem` names a member of the collection the action follows (a bare `id` does too)."""
        assert self.collection is not None
        return stem in ("", self.lex.stem(self.collection.text))

    def _names(self, stem: str, where: str) -> bool:
        if not self.tail:
            return False
        if stem and self.one_member and self._operation_names(stem):
            return True  # `GET /rest?method=flickr.groups.getInfo&group_id=`, operationId `getGroupByID`
        last = self.tail[-1]
        if not stem:  # a bare `id`: a member of the collection before the action, or of the call's noun
            # (api2cart's `DELETE /product.delete.json?id=`), or what the path ends in
            called = last.is_custom_verb and self.api.calls_named_dotted and words.called_after_one_noun(last.text)
            return (self.collection is not None and last.is_custom_verb) or called or _names_a_thing(self.lex, last)
        if last.role is Role.COLLECTION:  # `DELETE /jobs?job_id=`, `DELETE /domain_blocks?domain=`; a list's parent
            return self._collection_names(last, stem, where)
        if self.collection is not None:  # an action after a collection acts on one of its members
            return self._action_after_collection_names(stem)
        return self._mentioned(stem) or self._global(stem) or self._rpc_action()

    def _operation_names(self, stem: str) -> bool:
        """The operationId or summary names the resource after its verb (`getGroupByID` names a group)."""
        _, rest, _ = named_verb(self.lex, self.op)
        return any(self.lex.stem(word) == stem for word in rest[:3]) or self.lex.mentions("-".join(rest[:3]), stem)

    def _collection_names(self, last: Segment, stem: str, where: str) -> bool:
        """A path ending in a collection names its members (`DELETE /jobs?job_id=`); on GET, a list's parent named by
        the path or the API's and nothing else's (in the query); on another method but POST (whose IDs are a new
        member's parent), what the collection's literal mentions."""
        if stem == self.lex.stem(last.text):
            return True
        if self.op.method == "get":
            others = self.tail[:-1]
            # `vehicles-for-stop?stopId=`: a literal naming its parent after `for`, `of`, `in` or `on`
            named = any(self.lex.mentions(s.text, stem, False) for s in others) or self._qualifies(last, stem) or (
                self.lex.parent_named_after(last.text, stem) is not None)
            alone = all(s.role is Role.NAMESPACE for s in others)
            return where == "query" and (named or (alone and self._global(stem, singular_too=True)))
        return self.op.method != "post" and self.lex.mentions(last.text, stem)

    def _qualifies(self, collection: Segment, stem: str) -> bool:
        """A resource of the API qualifies the collection's own literal: its parent (`/workflowstepgroups
        ?workflowId=` lists a workflow's step groups); a word that is no resource is a value (`api-version-sets
        ?api-version=`)."""
        return stem in self.api.resource_stems and self.lex.mentions(collection.text, stem, False)

    def _action_after_collection_names(self, stem: str) -> bool:
        """An action after a collection acts on one of its members, or on what the literals after the collection
        mention; a verb that changes state, on another resource of the API (`/thumbnails/set?videoId=`)."""
        assert self.collection is not None
        if self.lex.has(self.verb or "", "list-alias"):
            return False  # `GET /customers/all?CustomerNumber=`: a List spelled `all`, whose keys filter it
        after = self.tail[self.tail.index(self.collection) + 1 :]
        if self.member(stem) or any(self.lex.mentions(s.text, stem, False) for s in after):
            return True
        if self._lists_or_gets() and self.lex.mentions(self.collection.text, stem, False):
            return True  # `/source_definition_specifications/get {sourceDefinitionId}`: the definition's specification
        changes = self.verb is not None and self.lex.changes_state(self.verb)
        return (changes or self._lists_or_gets("list")) and self._global(stem)

    def _lists_or_gets(self, *kinds: str) -> bool:
        """The action is a List or Get spelled as a verb (`/sources/list`, `/specifications/get`): an ID it needs
        names the parent listed under or the resource read, which AIP-131/132 put in the path."""
        named = self.lex.mapping("name-verb").get(self.verb or "", ())
        return self.standard_action() and any(kind in named for kind in kinds or ("list", "get"))

    def _mentioned(self, stem: str) -> bool:
        """After an ID, a noun of the path names a sub-resource (`/projects/{p}/job/status`), and so does a verb's
        object that is a collection of that resource (`/bookshelves/{shelf}/moveVolume?volumeId=` beside
        `/bookshelves/{shelf}/volumes`); another object is an argument (`/gift-cards/{id}/link-customer`)."""
        return any(self.lex.mentions(s.text, stem, False) for s in self.tail
                   if self.identified < 0 or not s.is_custom_verb or self._child_collection(stem))

    def _child_collection(self, stem: str) -> bool:
        """The identified resource has a collection of `stem`s: a path continues its ID with their literal."""
        item, depth = self.op.path, self.identified + 1
        return any(len(other.segments) > depth and other.segments[depth].role is Role.COLLECTION
                   and self.lex.stem(other.segments[depth].text) == stem
                   for other in self.api.paths_under(item.prefix(depth)))

    def _global(self, stem: str, singular_too: bool = False) -> bool:
        """No resource in the path, and the API has this resource's collection elsewhere (`singular_too`: also one
        named in the singular, for a list's parent: Twine Health's `/organization/{id}`, where every collection is);
        a POST to a noun creates something, so its IDs are the new thing's references (`POST /reports {ruleId}`).
        Otherwise a singular collection is a mistake of its own, no evidence (`/v1/dataset/{id}` does not make
        `/scoring/score-batch {dataset_id}` act on a dataset)."""
        creates = self.op.method == "post" and self.verb is None
        known = stem in self.api.collection_stems or stem in self.api.scope_stems or (
            singular_too and stem in self.api.resource_prefixes)
        return self.identified < 0 and not creates and known


_KEY_SUFFIXES = ("", "id", "number", "name", "key", "code")


def _same_key(name: str, by: str) -> bool:
    """A parameter is the key a name looks up "by": the same words, give or take a generic key word (`serial` for
    `BySerialNumber`); by two keys (`ByPostalCodeAndHouseNumber`) is a search."""
    return any(name + suffix == by or by + suffix == name for suffix in _KEY_SUFFIXES)


def _credential(lex: Lexicon, name: str) -> bool:
    """A parameter that authenticates the call (`key`, `api_key`, `refresh_token`, `gitHubAccessCode`, AWS's
    `AWSAccessKeyId`), not a resource's ID (`token_id` is one)."""
    parts = words.split_words(name)
    if lex.has(name.lower(), "credential") or (parts and lex.is_id_word(parts[-1])):
        return lex.has(name.lower(), "credential") or {"access", "key"} <= set(parts)
    return any(lex.has(word, "credential") and word != "key" for word in parts)


def _managed_key(api: ApiModel, scope: _Scope, name: str) -> bool:
    """A credential's ID the API manages as a resource, or that the action names (IAM's `DeleteAccessKey
    {AccessKeyId}`, Lightsail's `DeleteBucketAccessKey {accessKeyId}`, STS's `GetAccessKeyInfo`): the target."""
    stem = target_stem(api.lexicon, name, api.resource_stems)
    named = stem is not None and any(api.lexicon.mentions(seg.text, stem) for seg in scope.tail)
    return bool(stem) and (stem in api.resource_stems or named)


def _key_of_one_member(api: ApiModel, scope: _Scope, name: str) -> bool:
    """A bare `key` on an operation the evidence says acts on one member (`GET /attachments?key=` returning an
    `Attachment`) is that member's key, unless the document's security sends an API key under that name or most
    operations take it (Google's `?key=`)."""
    return (scope.one_member and _bare_key(api.lexicon, name) and name not in api.api_key_names
            and name not in api.common_query_names)


def _bare_key(lex: Lexicon, name: str) -> bool:
    parts = words.split_words(name)
    return len(parts) == 1 and lex.has(parts[0], "generic-id")


def _own_field(lex: Lexicon, op: Operation, name: str, stem: str) -> bool:
    """The body is the resource itself (`POST /connections/test` sends a `Connection`): its ID is the payload's own
    field, not a reference to a member.  A body holding nothing but the ID (and credentials) is a reference, whatever
    its schema is called (Mandrill's `POST /ips/delete.json` sends an `ip` schema of `{ip, key}`)."""
    named_so = bool(stem) and op.request_schema is not None and lex.stem(op.request_schema) == stem
    return named_so and any(prop.name != name and not _credential(lex, prop.name) for prop in op.body)


def _renamed(lex: Lexicon, op: Operation, name: str, stem: str) -> bool:
    """A PUT or PATCH of the resource the path ends in sends its name or key as a value to set, not as its ID
    (`PUT /account {account_name}`, a bulk `PUT /dcim/devices/ {name}`); an ID word (`account_id`) would still name
    the target, and so does the key of an upsert on a plural collection: which member to write (LlamaCloud's
    `PUT /organizations {name}` "Upsert Organization").  A field spelled as the path's last literal is the value
    that path sets (SendGrid's `PUT /user/username {username}`)."""
    last = op.path.last
    parts = lex.key_parts(name)
    upsert = last is not None and lex.last_word_number(last.text) == "plural" and _named_an_upsert(op)
    if op.method not in ("put", "patch") or last is None or upsert or not stem:
        return False
    key = bool(parts) and lex.has(parts[-1], "generic-id") and not lex.is_id_word(parts[-1])
    return words.compact(name) == words.compact(last.text) or (lex.stem(last.text) == stem and key)


def _named_an_upsert(op: Operation) -> bool:
    """The operation's name or path says it creates or updates one (`upsert_data_sink`, `createOrUpdate`, "Store or
    update an item", Salesloft's `/v2/person_upserts.json`)."""
    last = op.path.last.text if op.path.last is not None else ""
    said = " ".join(words.split_words(f"{op.operation_id or ''} {op.summary or ''} {last}")).lower()
    return "upsert" in said or bool(re.search(r"\b(?:create|add|insert|store|save) or (?:update|replace)\b", said))


def _names_a_thing(lex: Lexicon, seg: Segment) -> bool:
    if seg.is_custom_verb:
        return len(lex.words_of(words.action_part(seg.text))) > 1 and lex.verb_leads(seg.text, seg.verb or "")
    return seg.role.is_thing


def _a_view(lex: Lexicon, seg: Segment) -> bool:
    """`info`, `pool-info.json`: the literal ends in a word naming an attribute of something."""
    parts = lex.words_of(words.action_part(seg.text)) if not seg.is_param else ()
    return bool(parts) and lex.has(parts[-1], "attribute")


def _viewed_plural(lex: Lexicon, item: PathItem) -> Segment | None:
    """The plural literal right before a view the path ends in (`templates` in `/templates/info.json`): a view shows
    one of its members."""
    last = item.last
    before = item.before(last) if last is not None and _a_view(lex, last) else None
    if before is None or before.is_param or before.role is Role.VERSION:
        return None
    return before if lex.last_word_number(before.text) == "plural" else None


def _receives_events(lex: Lexicon, op: Operation) -> bool:
    """Whether the operation receives a callback or notification (its path or operationId says so); an action or
    a view after a collection of them manages them (Mandrill's `POST /webhooks/delete.json {id}`,
    `/webhooks/info.json {id}`)."""
    def says_event(name: str) -> bool:
        return any(lex.has(word, "event-word") for word in words.split_words(name))

    if op.custom_verb is not None and any(seg.role is Role.COLLECTION and says_event(seg.text)
                                          for seg in op.path.segments):
        return False
    viewed = _viewed_plural(lex, op.path)
    if viewed is not None and says_event(viewed.text):
        return False
    return any(says_event(name) for name in [seg.text for seg in op.path.segments if not seg.is_param]
               + [op.operation_id or ""])
