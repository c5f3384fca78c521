"""The API model every rule reads (`ApiModel`): one document's paths and operations, with their segments' roles,
and what rules ask of the whole API (its collections, the prefixes they live at, the targets of operations).

It is computed once per document (`ApiModel.build`), its words read with one `Lexicon`: `aiplint.model.build`
reads the paths and operations (`aiplint.model.types`), `aiplint.model.roles` decides their segments' roles.
"""

from __future__ import annotations

from functools import cached_property
from typing import TYPE_CHECKING, Any, Callable, Iterator, TypeVar

from aiplint.model import words
from aiplint.model.build import paths_of
from aiplint.model.lexicon import Lexicon
from aiplint.model.operations import Evidence, OperationFacts, describe, named_verb, one_member_evidence
from aiplint.model.resources import Resource, resources_of
from aiplint.model.roles import Role, assign_roles, is_view, names_other_thing
from aiplint.model.targets import Target, target_stem
from aiplint.model.targets import targets as targets_of
from aiplint.model.types import PathItem, PrefixTree, Segment, Shape

T = TypeVar("T")

if TYPE_CHECKING:
    from aiplint.model.types import Operation
    from aiplint.read.document import Document


class ApiModel:
    """One document's operations and paths, with segment roles.  Build it with `ApiModel.build(document)`."""

    def __init__(self, document: Document, paths: list[PathItem], prefixes: PrefixTree, lexicon: Lexicon):
        self.document = document
        self.paths = paths
        self.prefixes = prefixes
        self.lexicon = lexicon
        self._per_operation: dict[tuple[str, int], Any] = {}  # what is decided once per operation, by kind
        self.operations = [op for item in paths for op in item.operations]

    @classmethod
    def build(cls, document: Document, lexicon: Lexicon | None = None) -> ApiModel:
        """The model of one document, its words read with `lexicon` (by default, aiplint's own)."""
        lexicon = lexicon or Lexicon.of()
        paths = paths_of(document)
        prefixes = PrefixTree(paths)
        assign_roles(paths, prefixes, lexicon)
        api = cls(document, paths, prefixes, lexicon)
        api._verbs_before_their_resources()
        if (api._collections_named_by_their_members() | api._rpc_calls_led_by_homographs()
                | api._calls_spelling_their_operation_ids()):
            api = cls(document, paths, prefixes, lexicon)  # the roles changed: nothing read from them is kept
        return api

    def _verbs_before_their_resources(self) -> None:
        """A grouping named by a verb before a path the API has without it (Kubernetes' `/api/v1/watch/pods` beside
        `/api/v1/pods`, QuickSight's `/accounts/{id}/search/data-sets` beside `.../data-sets`), on which nothing is
        served itself and whose operations are named by that verb (`watchCoreV1PodList`, `SearchDataSets`): a
        custom method on the resource the rest of the path names, its `verb` set (OpenAI's `/chat/completions`,
        `createChatCompletion`, stays a namespace).  So is a verb before the noun a path ends in where the
        operations are named by both (Rudder's `POST /system/regenerate/policies`, `regeneratePolicies`)."""
        verbs_before: dict[str, set[str]] = {}  # the verbs right before each path's last literal, by that literal
        for item in self.paths:
            before = item.segments[-2].text.lower() if len(item.segments) > 1 else ""
            if self.lexicon.listed_verb(before):
                verbs_before.setdefault(item.segments[-1].text.lower(), set()).add(before)
        for item in self.paths:
            for seg in item.segments[:-1]:
                if seg.role is Role.NAMESPACE and self._a_verb_grouping(item, seg, verbs_before):
                    seg.verb = seg.text.lower()

    def _a_verb_grouping(self, item: PathItem, seg: Segment, verbs_before: dict[str, set[str]]) -> bool:
        word = seg.text.lower()
        if not self._acts_before(item, word) or not self._named_by(item, word):
            return False
        own = self.prefixes.item_at(item.prefix(seg.index + 1))
        if own is not None and own.operations:
            return False  # served itself: a resource of its own
        return bool(self.prefixes.item_without(item, seg.index)) or self._spelled_with_its_object(
            item, seg, verbs_before)

    def _spelled_with_its_object(self, item: PathItem, seg: Segment, verbs_before: dict[str, set[str]]) -> bool:
        """`POST /system/regenerate/policies` named `regeneratePolicies`: a write whose path ends in the verb's
        object, named as both, where that object is a thing the API has many of or acts on with other verbs too
        (NDHM's `/change/password`, `/reset/password`), not an argument one verb takes in turn (Snyk's `/test/maven`,
        `/test/composer`: manifests of package managers, tested and forgotten)."""
        last, lex = item.last, self.lexicon
        if last is None or last.index != seg.index + 1 or last.role is Role.CUSTOM_VERB or "get" in item.methods:
            return False
        thing = last.text.lower()
        if lex.verb_kind(thing) is not None or not lex.is_noun(lex.singular_of(thing)):
            return False  # `/render/sync` (`renderSync`) renders synchronously
        spelled = words.compact(seg.text + last.text)
        named = all(words.compact(op.operation_id or op.summary or "").startswith(spelled) for op in item.operations)
        return named and (lex.last_word_number(thing) == "plural" or len(verbs_before.get(thing, ())) > 1)

    def _acts_before(self, item: PathItem, word: str) -> bool:
        """A verb of aiplint's lists that acts on what follows it, where a reading action on a read-only path is a
        view rather (`GET /search/users`, which AIP-136's stricter `:search` is left to)."""
        lex = self.lexicon
        reading = item.methods <= {"get", "head"} and lex.has(word, "read-action")
        return lex.listed_verb(word) and not reading

    def _named_by(self, item: PathItem, verb: str) -> bool:
        """Every operation of the path is named with `verb` first (its operationId, else its summary)."""
        return bool(item.operations) and all(named_verb(self.lexicon, op)[0] == verb for op in item.operations)

    def _rpc_calls_led_by_homographs(self) -> bool:
        """In an RPC API, whose paths are mostly one call each (`/createPad`, `/deletePad`, `/listAuthorsOfPad`), a
        call named by a verb that is also a noun (`set`, `find`) is one more call, not a resource: before a singular
        noun (`/setText`, `/copyPad`, `/saveRevision`), or, when it is a verb of the curated lists, before any noun
        its own case separates (WikiPathways' `/findInteractions`, `/findPathwaysByText`).  Whether any role
        changed."""
        calls = [item.segments[-1] for item in self.paths if len(item.segments) == 1]
        led = [(seg, parts) for seg in calls if not seg.is_custom_verb
               and len(parts := self.lexicon.words_of(words.action_part(seg.text))) > 1
               and self.lexicon.is_homograph(parts[0])]
        verbs = [seg for seg in calls if seg.is_custom_verb]
        if len(calls) < 10 or len(verbs) + len(led) < 0.8 * len(calls):
            return False
        changed = False
        for seg, parts in led:
            cased = self.lexicon.listed_verb(parts[0]) and len(words.split_words(seg.text)) > 1
            if cased or self.lexicon.noun_number(parts[-1]) == "singular":
                seg.role, seg.verb, changed = Role.CUSTOM_VERB, parts[0], True
        return changed

    def _calls_spelling_their_operation_ids(self) -> bool:
        """A path's last literal that spells the operationId of every operation on it, when that operationId is a
        verb and its object (AWS Batch's `POST /v1/describejobqueues`, `DescribeJobQueues`; Google discovery's
        `.../placements/generatetags`, `dfareporting.placements.generatetags`): the literal names the call, not a
        collection or a singleton it looks like.  Whether any role changed."""
        changed = False
        for item in self.paths:
            seg = item.last
            if seg is None or seg.is_param or seg.is_custom_verb or seg.role is Role.WELL_KNOWN:  # `/auth/login`
                continue
            verb = self._verb_of_the_call(item, seg)
            if verb is None:
                continue
            seg.role, seg.verb, changed = Role.CUSTOM_VERB, verb, True
            before = item.before(seg)
            if before is not None and before.role is Role.NAMESPACE and self.lexicon.last_word_number(
                    before.text) == "plural":
                before.role = Role.COLLECTION  # a collection-level method, as roles.py reads `/graders/run`
        return changed

    def _verb_of_the_call(self, item: PathItem, seg: Segment) -> str | None:
        """The verb leading the operationId that `seg` spells, whole or after its dotted namespace; a batch method's
        `batch` (`batchinsert`, AIP-231..235)."""
        ids = {op.operation_id for op in item.operations}
        named = ids.pop() if len(ids) == 1 else None
        if not named:
            return None
        spelled = words.compact(words.action_part(seg.text))
        controller, _, action = named.rpartition("_")
        if _pascal(controller) and _pascal(action) and words.compact(action) == spelled:
            # a .NET controller's action (`EstimationApi_ChangeStatus` at `/api/estimation/changestatus`): named as
            # a verb by the framework's convention, so a listed verb that is also a noun leads it too
            return self._verb_phrase(action, homographs=True)
        named = words.action_part(named) if words.compact(words.action_part(named)) == spelled else named
        if words.compact(named) != spelled:
            return None
        rest = self.lexicon.words_of(named[len("batch"):].lstrip("-_"))
        if named.lower().startswith("batch") and rest and self.lexicon.verb_kind(rest[0]) == "verb":
            return "batch"  # `batchinsert`, `batch_update`: a batch method (AIP-231..235)
        return self._verb_phrase(named)

    def _verb_phrase(self, named: str, homographs: bool = False) -> str | None:
        """The verb leading a verb and its object, read in the name's own words where its case or separators give
        them (`subclassificationIndianFullBatch` leads with a noun), else the lexicon's (`addwebhook`, `insert`).
        A verb that is also a noun may lead a noun phrase the operationId merely repeats (`direct_messages`,
        `link-tracking`, `OpenSearch`): only a word that is a verb and nothing else counts, unless `homographs`."""
        own = words.split_words(named)
        parts = own if len(own) > 1 else self.lexicon.words_of(named)
        if len(parts) < 2:
            return None
        kind = self.lexicon.verb_kind(parts[0])
        # before a plural, a verb that is also a noun leads a noun phrase still (TfL's `Line_StopPoints`)
        homograph = (homographs and kind == "homograph" and self.lexicon.listed_verb(parts[0])
                     and self.lexicon.noun_number(parts[-1]) != "plural")
        return parts[0] if kind == "verb" or homograph else None

    def _collections_named_by_their_members(self) -> bool:
        """A singular literal whose operations act on one member named outside the path (`DELETE /api/Package
        ?PackageId=`, `PUT /api/User/updateuser?UserId=`), or named as a list of the members they act on
        (`DELETE /kkid/userlist?userID=`), is a collection written in the singular, with its IDs in the query, not a
        singleton: a singleton has no members.  Whether any role changed."""
        changed: list[tuple[PathItem, Segment]] = []
        for item in self.paths:
            seg = self._singular_before_an_action(item)
            if seg is not None:
                stem = self.lexicon.stem(seg.text)
                if any(t.counts and t.stem == stem for op in item.operations for t in self.targets(op)):
                    changed.append((item, seg))
            seg = self._list_of_members_written(item) or self._keyed_by_its_spelling(item)
            if seg is not None:
                changed.append((item, seg))
            seg = self._noun_before_a_view(item)
            if seg is not None and any(t.counts and t.stem in ("", self.lexicon.stem(seg.text)) and self._keys_only(
                    seg, op, t) for op in item.operations for t in self.targets(op)):
                # `GET /screenshot/info?id=`, `/api/client/details?id=`, `POST /ips/info.json {ip}`: views of one
                # member
                changed.append((item, seg))
        for item, seg in changed:
            seg.role = Role.COLLECTION
            if self.lexicon.stem(seg.text) in self.collection_stems:
                continue  # beside its plural it stands for a member of it (`/post-training/job/status` beside `/jobs`)
            # else the literal is the collection on every path it starts (a .NET controller's `/api/client/delete`)
            for other in self.paths_under(item.prefix(seg.index + 1)):
                if other.segments[seg.index].role in (Role.NAMESPACE, Role.SINGLETON):
                    other.segments[seg.index].role = Role.COLLECTION
        return bool(changed)

    def _list_of_members_written(self, item: PathItem) -> Segment | None:
        """The literal a path ends in, named as a list of what its writes name by an ID outside the path (kumpeapps'
        `DELETE /kkid/userlist?userID=` deletes a user: `userlist` is the users), its `members` set; a read by a
        member's ID may filter a list (Netatmo's `GET /devicelist?device_id=`)."""
        seg = item.last
        listed = self.lexicon.listed_noun(seg.text) if seg is not None and not seg.is_param else None
        if seg is None or listed is None or item.under_an_id(seg):
            return None
        stem = self.lexicon.stem(listed)
        written = any(t.counts and t.stem == stem for op in item.operations if op.method in ("put", "patch", "delete")
                      for t in self.targets(op))
        seg.members = listed if written else None
        return seg if written else None

    def _keyed_by_its_spelling(self, item: PathItem) -> Segment | None:
        """The singular literal a path ends in whose writes require a key spelled as it (kumpeapps' `PATCH /appkey
        ?app_key=` marks one app key compromised, `PUT /authkey?auth_key=` revokes one): the collection of such keys,
        written in the singular.  The key is the thing's own value, often a secret, so it is no ID for the path (a
        URL is logged): no target is read from it."""
        seg = item.last
        if seg is None or seg.is_param or self._singular_before_an_action(item) is not seg:
            return None
        spelled = words.compact(seg.text)
        writes = [op for op in item.operations if op.method in ("put", "patch", "delete")]
        keys = [p.name for op in writes for p in op.params_in("query") if p.required]
        keys += [field.name for op in writes for field in op.body if field.required]
        return seg if any(_spells(self.lexicon, name, spelled) for name in keys) else None

    def _noun_before_a_view(self, item: PathItem) -> Segment | None:
        """The literal before the last of a path of literals (`/screenshot/info`, `/ips/info.json`, after one
        grouping: `/api/client/details`), when it is a noun and the last a singleton noun no verb leads: a view of one
        member of the first where an ID outside the path names it (a bare `id`: what the path ends in names no thing
        of its own).  After a verb the ID may be another thing's (`/moderation/ban?id=` names the user banned); a
        singular whose plural the API has stands in for a member of it (`/post-training/job/status` beside
        `/post-training/jobs`: aip122/collection-name-consistency)."""
        things = [seg for seg in item.segments if seg.role is not Role.VERSION]
        grouping, things = things[:-2], things[-2:]
        if len(grouping) > 1 or any(seg.role is not Role.NAMESPACE for seg in grouping):
            return None
        if len(things) != 2 or any(seg.is_param for seg in things) or not is_view(self.lexicon, things[1]):
            return None
        if grouping and (self.lexicon.stem(things[0].text) in self.collection_stems or not self.lexicon.has(
                things[1].text.lower(), "attribute")):
            return None  # after a grouping, only an attribute (`details`) is surely a view: `/platform/public
            # /association?id=` (`getAssociationById`) reads an association
        if self.lexicon.leading_verb(things[1].text) is not None or "{" in things[1].text:
            return None  # a verb's, or an OData function's (`microsoft.graph.getEffectivePermissions(scope='{scope}')`)
        first = things[0]
        noun = self.lexicon.last_word_number(first.text) in ("singular", "plural")
        return first if noun and first.role in (Role.SINGLETON, Role.NAMESPACE) else None

    def _keys_only(self, seg: Segment, op: Operation, target: Target) -> bool:
        """The target travels in the query or a header, or, after a plural, in a POST body of nothing but scalars
        (Mandrill's `POST /ips/info.json {key, ip}`): a body carrying the view's own fields may send back the member's
        `id` with the rest of it (`PUT /account/settings`), and a singular with its member's ID in a body is already
        read as standing in for its plural (`/job/status {job_id}` beside `/jobs`)."""
        if target.where in ("query", "header"):
            return True
        plural = self.lexicon.last_word_number(seg.text) == "plural"
        return plural and op.method == "post" and all(prop.schema.get("type") not in ("object", "array")
                                                      for prop in op.body)

    def _singular_before_an_action(self, item: PathItem) -> Segment | None:
        """The literal a path ends in, or that a custom verb at its end follows, when it is a singular noun no ID
        comes before (a top-level singleton or grouping)."""
        last = item.last
        seg = item.before(last) if last is not None and last.is_custom_verb else last
        if seg is None or seg.role not in (Role.SINGLETON, Role.NAMESPACE) or item.under_an_id(seg):
            return None
        return seg if self.lexicon.last_word_number(seg.text) == "singular" else None

    @cached_property
    def paths_by_key(self) -> list[PathItem]:
        """The paths in the order of their keys, not the document's: a rule that reports something once, on the
        first path that shows it, reports it on the same path however the document's keys are ordered."""
        return sorted(self.paths, key=lambda item: item.key)

    @cached_property
    def collection_stems(self) -> frozenset[str]:
        """Stems of every literal used as a plural collection anywhere in the API (`vector_stores` ->
        `vectorstore`).  A singular one (`/dataset/{id}`) is itself a mistake, so it is no evidence elsewhere."""
        return frozenset(
            self.lexicon.stem(seg.text) for item in self.paths for seg in item.segments
            if seg.role is Role.COLLECTION and self.lexicon.last_word_number(seg.text) != "singular"
        )

    @cached_property
    def resource_prefixes(self) -> dict[str, list[tuple[str, bool]]]:
        """For each resource stem, the shortest path prefix that ends in its collection right before an ID, its
        singular collections made plural (a suggestion is never a path another rule flags): `dataset` ->
        `/v1beta/datasets` (from `/v1beta/datasets/{dataset_id}`), as (text, colon) parts."""
        lex = self.lexicon
        found: dict[str, list[tuple[str, bool]]] = {}
        for item in self.paths:
            for seg in item.segments[:-1]:
                if seg.is_collection and item.followed_by_id(seg):
                    parts = [(lex.pluralize_literal(s.text) if s.is_collection
                              and lex.last_word_number(s.text) == "singular" else s.text, s.colon)
                             for s in item.segments[: seg.index + 1]]
                    stem = lex.stem(seg.text)
                    if stem not in found or len(parts) < len(found[stem]):
                        found[stem] = parts
        return found

    @cached_property
    def managed_nouns(self) -> frozenset[str]:
        """Stems of what the API's actions create or delete (`/#Action=CreateQueue` -> `queue`): resources of its own
        even where no path addresses them, as in RPC APIs."""
        lex, found = self.lexicon, set()
        for _, seg in self.custom_verbs():
            parts = lex.words_of(words.action_part(seg.text))
            if len(parts) > 1 and (lex.has(parts[0], "create-verb") or lex.mapping("standard-http").get(parts[0]) == (
                    "delete",)):
                found.add(lex.stem("-".join(parts[1:])))
        return frozenset(found)

    @cached_property
    def resource_stems(self) -> frozenset[str]:
        """Stems of the API's own resources: its plural collections and what its actions create or delete."""
        return self.collection_stems | self.managed_nouns

    @cached_property
    def silent_on_required_fields(self) -> bool:
        """No request body of the document lists a required property (Mandrill's): a field of a body declared
        required may then be required without the spec saying so."""
        return not any(prop.required for item in self.paths for op in item.operations for prop in op.body)

    @cached_property
    def silent_on_required_parameters(self) -> bool:
        """No query parameter of the document is declared required, among more than a few, nor any body field
        (Etherpad's RPC methods take every pad's `padID` so): one named as an ID may then be required without the
        spec saying so.  A document that marks required body fields but no query parameter is not silent: its
        query parameters are options (Llama Stack's `list-tools?tool_group_id=`)."""
        query = [p for op in self.operations for p in op.parameters if p.location == "query"]
        return len(query) > 10 and not any(p.required for p in query) and self.silent_on_required_fields

    @cached_property
    def member_keys(self) -> dict[str, frozenset[str]]:
        """For each collection stem, the names of the parameters its members are addressed by (`/profiles/{name}`:
        `profile` -> {`name`}), so a required `name` elsewhere is known to identify a profile."""
        found: dict[str, set[str]] = {}
        for item in self.paths:
            for seg in item.segments:
                collection = item.collection_of(seg)
                if collection is not None and seg.param:
                    found.setdefault(self.lexicon.stem(collection.text), set()).add(seg.param)
        return {stem: frozenset(names) for stem, names in found.items()}

    @cached_property
    def _paths_by_prefix(self) -> dict[int, list[PathItem]]:
        found: dict[int, list[PathItem]] = {}
        for item in self.paths:
            for prefix in item.prefix_ids:
                found.setdefault(prefix, []).append(item)
        return found

    def member_path(self, item: PathItem, seg: Segment) -> PathItem | None:
        """The first path that continues `item` up to `seg` with an ID, where the members of what `seg` names are
        addressed: `/import/status/{importUuid}` for `status` in `/import/status`; None when no path does."""
        child = self.prefixes.param_child(item.prefix(seg.index + 1))
        under = self.paths_under(child) if child is not None else []
        return under[0] if under else None

    def names_other_thing(self, item: PathItem, seg: Segment) -> bool:
        """`roles.names_other_thing`, with the evidence of what the literal's own path returns: whether the
        parameters after `seg` in `item` identify something the literal does not name."""
        mirrored = seg.index >= 2 and self.prefixes.item_without(item, seg.index - 1) is not None
        return names_other_thing(item, seg, self.lexicon, listed=self.lists_at(item, seg), mirrored=mirrored)

    def lists_at(self, item: PathItem, seg: Segment) -> bool:
        """Whether the path that ends at `seg` (`/patient_plan_summary` for `/patient_plan_summary/{id}`) has a
        GET returning a list or a page."""
        own = self.prefixes.item_at(item.prefix(seg.index + 1))
        return own is not None and any(op.method == "get" and op.shape in (Shape.LIST, Shape.PAGE)
                                       for op in own.operations)

    def paths_under(self, prefix: int) -> list[PathItem]:
        """Every path that starts with the prefix (`PathItem.prefix`), in document order."""
        return self._paths_by_prefix.get(prefix, [])

    def targets(self, op: Operation) -> list[Target]:
        """The IDs outside the path that name what `op` acts on, the likeliest first (see `aiplint.model.targets`)."""
        return self._once("targets", op, targets_of)

    def one_member_evidence(self, op: Operation) -> tuple[Evidence, ...]:
        """The weighed signals that `op` acts on one member named outside its path (`aiplint.model.operations`)."""
        return self._once("one member", op, one_member_evidence)

    def facts(self, op: Operation) -> OperationFacts:
        """What `op` is: its kind, resource, where its ID travels, and the evidence (`aiplint.model.operations`)."""
        return self._once("facts", op, describe)

    def _once(self, what: str, op: Operation, decide: Callable[[ApiModel, Operation], T]) -> T:
        """`decide(self, op)`, computed the first time it is asked for that operation only."""
        key = (what, id(op))
        if key not in self._per_operation:
            self._per_operation[key] = decide(self, op)
        return self._per_operation[key]

    @cached_property
    def api_key_names(self) -> frozenset[str]:
        """The names API keys travel under in this document's security schemes (`apiKey` schemes' `name`)."""
        data = self.document.root.data
        components = data.get("components") if isinstance(data.get("components"), dict) else {}
        schemes = components.get("securitySchemes") or data.get("securityDefinitions") or {}
        return frozenset(scheme["name"] for scheme in (schemes.values() if isinstance(schemes, dict) else ())
                         if isinstance(scheme, dict) and scheme.get("type") == "apiKey"
                         and isinstance(scheme.get("name"), str))

    @cached_property
    def scope_stems(self) -> frozenset[str]:
        """Stems of the resources most operations name by a required query ID though no path has their collection
        (NaviPlan's `planId` on every call): the API's top parent, sent outside the path.  Not the caller's own ID
        (`appID`, `[caller-id]` in words.txt), nor an abbreviation that names no noun (`FId`)."""
        lex = self.lexicon
        counts: dict[str, int] = {}
        for op in self.operations:
            for stem in {target_stem(lex, p.name) for p in op.params_in("query") if p.required}:
                if stem and lex.is_noun(stem) and not lex.has(stem, "caller-id"):
                    counts[stem] = counts.get(stem, 0) + 1
        many = max(5, len(self.operations) // 2)
        return frozenset(stem for stem, count in counts.items() if count >= many and stem not in self.collection_stems)

    @cached_property
    def common_query_names(self) -> frozenset[str]:
        """Query parameters most operations take (Google discovery's `key`, `fields`, `alt`): the API's own options
        and credentials, never one operation's target."""
        return self._common_names("query")

    @cached_property
    def common_header_names(self) -> frozenset[str]:
        """Headers most operations take (`X-Tenant-Id`, `X-User-Id`): the caller's context, never one operation's
        target."""
        return self._common_names("header")

    def _common_names(self, location: str) -> frozenset[str]:
        counts: dict[str, int] = {}
        for op in self.operations:
            for name in {p.name for p in op.params_in(location)}:
                counts[name] = counts.get(name, 0) + 1
        many = max(3, len(self.operations) // 2)
        return frozenset(name for name, count in counts.items() if count >= many)

    @cached_property
    def resources(self) -> list[Resource]:
        """The API's resources, with the operations acting on each (`aiplint.model.resources`)."""
        return resources_of(self)

    @cached_property
    def custom_verb_style(self) -> str:
        """`colon` when most custom methods attached to a resource use `:verb`, else `slash`."""
        attached = [seg for item, seg in self.custom_verbs() if item.is_attached(seg)]
        colon = sum(1 for seg in attached if seg.colon)
        return "colon" if colon * 2 > len(attached) else "slash"

    @cached_property
    def calls_named_dotted(self) -> bool:
        """Most of the calls the API makes at no resource's ID are named `noun.verb` (Slack's
        `/conversations.archive`, Rocket.Chat's `/api/v1/channels.delete`): an RPC API whose methods name what they
        act on by the IDs they take, whatever paths with IDs it has beside them (not Graph's
        `/users/{id}/microsoft.graph.restore`, a call on the user its path names, nor its `/contacts/microsoft.graph.
        getUserOwnedObjects`: one vendor's namespace before every call names no things)."""
        calls = [seg for item, seg in self.custom_verbs() if not item.under_an_id(seg)]
        nouns = [words.dotted_namespace(seg.text) for seg in calls]
        dotted = sum(1 for noun in nouns if noun)
        roots = {noun.split(".")[0] for noun in nouns if noun}
        return dotted >= _DOTTED_CALLS and 2 * dotted > len(calls) and len(roots) >= _DOTTED_NOUNS

    @cached_property
    def called_collections(self) -> dict[str, list[PathItem]]:
        """In an API of `noun.verb` calls, the nouns that hold members, each with the paths whose calls name it, in
        document order (api2cart's `product`: `product.info.json?id=`, `product.list.json`, `product.variant.delete.
        json`): a noun the API makes or deletes members of, and whose member a call acts on by its ID; not a namespace
        (Slack's `admin`), a singleton no call addresses a member of (api2cart's `cart`), nor a catalogue the API only
        reads (musixmatch's `track.get?track_id=`, which blind3's labeller did not read as a collection)."""
        if not self.calls_named_dotted:
            return {}
        named: dict[str, list[PathItem]] = {}
        held: set[str] = set()
        made: set[str] = set()
        for item in self.paths:
            last = item.last
            namespace = words.dotted_namespace(last.text) if last is not None and not last.is_param else ""
            if last is None or not namespace:
                continue
            for noun in dict.fromkeys(namespace.split(".")):
                named.setdefault(noun, []).append(item)
            noun = words.called_noun(last.text)
            if self._holds_members(item, noun):
                held.add(noun)
            if self._makes_or_deletes(last):
                made.add(noun)
        return {noun: items for noun, items in named.items() if noun in held and noun in made}

    def _makes_or_deletes(self, call: Segment) -> bool:
        """The call creates or deletes what it is named after (`product.add.json`, `webhook.delete.json`)."""
        verb = next(iter(self.lexicon.words_of(words.action_part(call.text))), "")
        return self.lexicon.has(verb, "create-verb") or self.lexicon.mapping("standard-http").get(verb) == ("delete",)

    def _holds_members(self, item: PathItem, noun: str) -> bool:
        """A call on `noun` acts on a member of it named by its ID (a bare `id` under one noun): listing it is not
        enough (api2cart's `cart.list.json` lists the platforms its one store may run on)."""
        stem, alone = self.lexicon.stem(noun), words.called_after_one_noun(item.last.text if item.last else "")
        return any(t.counts and (t.stem == stem or (alone and not t.stem)) for op in item.operations
                   for t in self.targets(op))

    def custom_verbs(self) -> Iterator[tuple[PathItem, Segment]]:
        """Every custom verb of the API (`:cancel`, `/cancel`), with its path, in document order."""
        for item in self.paths:
            for seg in item.segments:
                if seg.is_custom_verb:
                    yield item, seg


_DOTTED_CALLS = 5  # a few dotted names are a namespace's habit (`admin.users`), not an RPC API's
_DOTTED_NOUNS = 3  # ... and the first nouns before the dots vary (`channels`, `rooms`, `teams`), as resources do


def _pascal(name: str) -> bool:
    """A PascalCase name with no separator (`EstimationApi`, `ChangeStatus`): a .NET controller or action, not a
    snake_case operationId's words (`get_wars_war_id_killmails`)."""
    return name[:1].isupper() and name.isalnum()


def _spells(lex: Lexicon, name: str, spelled: str) -> bool:
    """A key of two words or more, the last an identifying one, that spells a literal's words (`app_key`, `appkey`)."""
    parts = words.split_words(name)
    identifying = bool(parts) and (lex.has(parts[-1], "generic-id") or lex.is_id_word(parts[-1]))
    return len(parts) > 1 and identifying and words.compact(name) == spelled
