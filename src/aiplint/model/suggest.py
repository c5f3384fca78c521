"""Concrete fixes: the path an operation should have.  Shared by every rule that suggests one."""

from __future__ import annotations

from aiplint.model import words
from aiplint.model.api import ApiModel
from aiplint.model.lexicon import Lexicon
from aiplint.model.operations import named_kind, named_verb
from aiplint.model.roles import Role, is_view, repeats_its_plural
from aiplint.model.targets import target
from aiplint.model.types import Operation, PathItem, Segment


def resource_literal(lex: Lexicon, param: str, keys: bool = False) -> str:
    """The collection a resource ID parameter belongs to, spelled like the parameter:
    `vector_store_id` -> `vector_stores`, `jobUuid` -> `jobs`, `AccountSid` -> `Accounts`; with `keys`, also for a
    name or key: `storage-account-name` -> `storage-accounts`."""
    parts = words.split_words(param)
    if not parts or not (lex.is_id_word(parts[-1]) or (keys and lex.has(parts[-1], "generic-id"))):
        return ""
    base = param[: len(param) - len(parts[-1])].rstrip("-_")
    return lex.pluralize_literal(base) if base else ""


def expanded_abbreviation(api: ApiModel, item: PathItem, seg: Segment) -> str | None:
    """The plural collection a one-letter collection literal abbreviates, read from the names of the operations
    under it: `t` -> `topics` in Discourse's `/t/{id}.json` (`getTopic`, `removeTopic`), `b` -> `buckets` in
    Cloud Storage's `/b/{bucket}` (`storage.buckets.get`); None when the literal is no single letter or no noun
    the operations name starts with it."""
    letter = seg.text.lower()
    if len(letter) != 1 or not letter.isalpha():
        return None
    lex = api.lexicon
    named: dict[str, int] = {}
    for other in api.paths_under(item.prefix(seg.index + 1)):
        for op in other.operations:
            for word in {*words.split_words(op.operation_id or ""), *words.split_words(op.summary or "")}:
                if len(word) > 2 and word.startswith(letter) and lex.is_noun(word) and not lex.is_verb(word):
                    singular = lex.singular_of(word)
                    named[singular] = named.get(singular, 0) + 1
    if not named:
        return None
    noun = max(sorted(named), key=named.__getitem__)  # the noun most operations name; ties alphabetical
    return lex.plural_of(noun).upper() if seg.text.isupper() else lex.plural_of(noun)


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


def nest_id(api: ApiModel, item: PathItem, param: str, colon: bool, stem: str | None = None) -> str | None:
    """The path with the resource ID `param` (naming the resource `stem`, by default `param`'s own) where it
    belongs: after its plural collection.

    - a literal of the path names the resource: pluralise it and put the ID after it
      (`/v1alpha/post-training/job/status` + `job_uuid` -> `/v1alpha/post-training/jobs/{job_uuid}/status`);
    - a bare `id` of an action on a collection is a member's (`/drafts/send` + `id` -> `/drafts/{id}/send`);
    - the API already has the resource's collection: the action moves under it
      (`/v1/safety/run-shield` + `shield_id`, beside `/v1/shields/{id}` -> `/v1/shields/{shield_id}/run`);
    - a list's parent ID goes before the listed collection
      (`/messages` + `thread_id` -> `/threads/{thread_id}/messages`);
    - else the collection is made from the parameter's name, in place."""
    lex = api.lexicon
    stem = lex.id_stem(param) if stem is None else stem
    if stem is None or not item.segments:
        return None
    parts = parts_of(item)
    id_part = ("{" + param + "}", False)
    if stem in api.scope_stems:  # the API's top parent: before all the rest
        first = next((seg.index for seg in item.segments if seg.role is Role.COLLECTION), None)
        if first is not None:
            return join(parts[:first] + [(lex.pluralize_literal(stem), False), id_part] + parts[first:])
    last = item.segments[-1]
    before = item.before(last)
    if not stem and last.is_custom_verb and words.called_noun(last.text):
        stem = lex.stem(words.called_noun(last.text))  # api2cart's `product.delete.json?id=`: `/products/{id}`
    if not stem:  # a bare `id`: a member of the collection the path ends in, or the action follows
        if _whole_view_of(lex, last.text):  # CodeCatalyst's `GET /userDetails?id=`: `/users/{id}`
            return join(parts[:-1] + [(_in_the_plural(lex, lex.words_of(last.text)[0]), False), id_part])
        elif before is not None and before.role is Role.COLLECTION and is_view(lex, last):
            stem = lex.stem(before.text)  # `GET /screenshot/html?id=`, a view of one: `/screenshots/{id}/html`
        elif last.role is Role.COLLECTION:
            return join(parts + [id_part])
        elif last.role is Role.SINGLETON and lex.last_word_number(last.text) == "singular":
            # `GET /api_key?id=`: the ID names a member, so the singular literal is its collection
            return join(parts[:-1] + [(lex.pluralize_literal(last.text), False), id_part])
        elif item.verb_on_collection is not None:
            stem = lex.stem(item.segments[item.verb_on_collection.index - 1].text)
        else:  # `POST /v1/deleteschedulingpolicy {arn}`: a member of the collection the verb's object names
            return _under_the_verbs_object(api, item, param, colon)
    for seg in reversed(item.segments):
        if not seg.is_param and seg.role is not Role.VERSION and not seg.is_custom_verb:
            listed = seg.members if seg.members is not None and lex.stem(seg.members) == stem else None  # `userlist`
            if listed is not None or lex.stem(seg.text) == stem:
                if repeats_its_plural(item, seg, lex):  # `/configs/config?config=`: `/configs/{config}`
                    parts[seg.index] = id_part
                else:
                    singular = listed is not None or lex.last_word_number(seg.text) == "singular"
                    plural = lex.pluralize_literal(listed or seg.text) if singular else seg.text
                    parts[seg.index] = (plural, False)
                    if not item.followed_by_id(seg):
                        parts.insert(seg.index + 1, id_part)
                if last.is_custom_verb and last.index > seg.index:
                    parts[-1] = verb_part(last.text, colon)  # now attached: in the document's style
                elif last.index > seg.index and (lex.lookup_key(last.text) is not None or _shows_whole(lex, last, seg)):
                    parts.pop()  # `/blogs/byurl?url=`: the key in the path is the lookup; `/messages/info`: the message
                return join(parts)
    if last.role is Role.COLLECTION:  # the ID of the listed collection's parent (AIP-132)
        tail: list[Part] = _listed(lex, last.text, stem)
    elif last.is_custom_verb:
        tail = _action_without_noun(lex, last, stem, colon)
    elif last.role is Role.SINGLETON and _dotted_action(lex, last.text, stem):  # RPC `reports.refund`
        tail = [verb_part(_dotted_action(lex, last.text, stem), colon)]
    elif last.role is Role.SINGLETON:
        tail = [] if _restates(lex, last.text, stem) else [(last.text, False)]  # `widgetInfo` is the widget
    else:
        return None
    collection = (_called_collection(lex, last, stem) or resource_literal(lex, param, keys=True)
                  or lex.pluralize_literal(param))  # `site` -> `sites`
    prefix = api.resource_prefixes.get(stem) or parts[: last.index] + [(collection, False)]
    return join(prefix + [id_part, *tail])


def _called_collection(lex: Lexicon, last: Segment, stem: str) -> str | None:
    """The collection an RPC call `noun.verb` is named after, where it is the target's (Slack's
    `conversations.archive {channel}`: `conversations`), as written, in the plural (musixmatch's `album.get`:
    `albums`)."""
    noun = words.called_noun(last.text) if last.is_custom_verb else ""
    if not noun or lex.stem(noun) != stem:
        return None
    return _in_the_plural(lex, noun)


def _in_the_plural(lex: Lexicon, noun: str) -> str:
    """A noun as written, in the plural (`album` -> `albums`; Slack's `calls` stays `calls`)."""
    return lex.pluralize_literal(noun) if lex.last_word_number(noun) == "singular" else noun


def operation_fix(api: ApiModel, op: Operation, colon: bool) -> str | None:
    """The one fix every rule suggests for an operation (`METHOD path`), so that where several rules report it
    their suggestions agree, and none is a path another rule would flag: the ID of what it acts on nested under its
    plural collection (`nest_id`), a custom verb after it in the document's style (`:verb` under `colon`), the
    standard method where the action is one (`GET /getWidget?widgetId=` -> `GET /widgets/{widgetId}`,
    `GET /report/getReports` -> `GET /reports`), and POST for a custom method that is sent otherwise
    (`GET /archiveReport?reportId=` -> `POST /reports/{reportId}/archive`).  None where nothing better follows."""
    item = op.path
    moved = _grouping_verb_moved(api, item, colon)
    if moved is not None:
        return f"{op.method.upper()} {moved}"
    found = target(api, op, required=False)
    path = nest_id(api, item, found.path_name, colon, found.stem) if found else None
    custom = item.custom_verb
    method, standard = standard_method(api, op.method.upper(), path or _restyled(item, colon))
    if path is None and standard is None and custom is not None and custom.index == 0:
        return None  # `/addLabel` with nothing to attach it to: no path follows that another rule would not flag
    path = path or _restyled(item, colon)  # `/CreateBackup` alone is still the Create of `/backups`
    verb = custom.verb if custom is not None and standard is None else None
    if found is not None and method == "POST" and _reads_whole(api, op, path):
        method = "GET"  # Mandrill's `POST /messages/info.json {id}`, "Get the information ...": the message's Get
    if verb is not None and (method not in ("GET", "POST") or (method == "GET" and api.lexicon.changes_state(verb))):
        method = "POST"  # a custom method stays one: POST, or GET when it only reads
    path = _plural_collections(api, item, standard or path)
    # the existing path's spelling, unless the ID is another key the caller has instead (`blogs/byurl?url=`)
    path = path if found is not None and _alternate_key(api.lexicon, found.name) else _as_written(api, path)
    fixed = f"{method} {path}"
    return None if fixed == f"{op.method.upper()} {join(parts_of(item))}" else fixed


def _grouping_verb_moved(api: ApiModel, item: PathItem, colon: bool) -> str | None:
    """A verb grouping the path (`ApiModel` sets its `verb`) moved after the resource the rest of the path names:
    `/api/v1/watch/pods` -> `/api/v1/pods:watch`; None for a path with no such grouping."""
    grouping = next((seg for seg in item.segments if seg.role is Role.NAMESPACE and seg.verb), None)
    if grouping is None:
        return None
    parts = parts_of(item)
    # after a collection, always `:verb`: `/pods/watch` would read as the pod named `watch`
    verb = verb_part(grouping.text, colon or not item.segments[-1].is_param)
    return _plural_collections(api, item, join(parts[: grouping.index] + parts[grouping.index + 1 :] + [verb]))


def _alternate_key(lex: Lexicon, name: str) -> bool:
    """A key other than the resource's ID: an attribute (`orcid`, `serial`, `email`) or a locator (`url`), not an ID
    (`attachment_id`) nor a bare key (`key`, `name`), which the document's own path for the member replaces."""
    parts = words.split_words(name)
    if lex.id_stem(name) is not None or not parts:
        return False
    bare = len(parts) == 1 and lex.has(parts[0].lower(), "generic-id")
    return not bare or lex.has(parts[0].lower(), "locator")


def _under_the_verbs_object(api: ApiModel, item: PathItem, param: str, colon: bool) -> str | None:
    """A bare ID (`arn`, `id`) of a call named by a verb and its object, with no collection in the path: the
    object's collection, the ID, then the verb (`/v1/deleteschedulingpolicy` + `arn` ->
    `/v1/schedulingpolicies/{arn}/delete`, which `standard_method` reads as the Delete it is)."""
    lex, last = api.lexicon, item.segments[-1]
    action = words.action_part(last.text)
    parts = lex.words_of(action)
    if not last.is_custom_verb or len(parts) < 2 or last.verb != parts[0] or not _names_a_thing(lex, parts):
        return None
    noun = _object_as_written(action, parts[0])  # `schedulingpolicy`
    collection = noun if lex.last_word_number(noun) == "plural" else lex.pluralize_literal(noun)
    prefix = api.resource_prefixes.get(lex.stem(noun)) or parts_of(item)[: last.index] + [(collection, False)]
    return join(prefix + [("{" + param + "}", False), verb_part(parts[0], colon)])


def _plural_collections(api: ApiModel, item: PathItem, path: str) -> str:
    """The fixed path with the collections the operation's path names in the singular in the plural, as
    `aip122/plural-collection` has them (`/distribution/{Id}/promote` -> `/distributions/{Id}/promote`): a fix
    keeps no mistake of its path."""
    lex = api.lexicon
    plurals: dict[str, str] = {}  # "" drops a member written after its plural (`/roles/role/{role}`)
    for seg in item.segments:
        if not (seg.is_collection and item.followed_by_id(seg)):
            continue
        expanded = expanded_abbreviation(api, item, seg)
        if expanded is not None:
            plurals[seg.text] = expanded
        elif repeats_its_plural(item, seg, lex):
            plurals[seg.text] = ""
        elif lex.last_word_number(seg.text, before_id=True) == "singular" and not api.names_other_thing(item, seg):
            plurals[seg.text] = lex.pluralize_literal(seg.text)
    if not plurals:
        return path
    texts = path.split("/")
    for i, text in enumerate(texts[:-1]):
        if text in plurals and texts[i + 1].startswith("{"):
            texts[i] = plurals[text]
    return "/".join(text for i, text in enumerate(texts) if text or i == 0)


def _as_written(api: ApiModel, path: str) -> str:
    """The path as the document already writes it, when it has it with other parameter names (`/agents/{id}` is
    `/agents/{agent_id}`): a fix reuses the existing operation's spelling."""
    if ":" in path:
        return path
    prefix = 0
    for text in path.strip("/").split("/"):
        found = api.prefixes.child(prefix, "{}" if text.startswith("{") and text.endswith("}") else text)
        if found is None:
            return path
        prefix = found
    item = api.prefixes.item_at(prefix)
    return item.template if item is not None else path


def _restyled(item: PathItem, colon: bool) -> str:
    """The path with a custom verb after a resource in the document's style, and a verb with no resource before it
    as a stateless method on what it follows (`/v1/scoring/score-batch` -> `/v1/scoring:scoreBatch`)."""
    parts = parts_of(item)
    last = item.custom_verb
    before = item.before(last) if last is not None else None
    if last is not None and before is not None:
        unattached = not before.role.is_resource  # a stateless method
        parts[-1] = verb_part(last.text, colon or last.colon or unattached)
    return join(parts)


def _standard_verb(api: ApiModel, literal: str) -> str | None:
    """The standard method a custom verb is, directly or in disguise (`getWidget` -> get, `find` -> get)."""
    lex = api.lexicon
    parts = lex.words_of(words.action_part(literal))
    first = next(iter(parts), "")
    return first if lex.has(first, "standard-verb") else disguised_standard(lex, parts)


def disguised_standard(lex: Lexicon, parts: tuple[str, ...]) -> str | None:
    """The standard method a verb's words spell in disguise: a synonym (`find` -> get), a lone `add` (`/voices/add`
    -> create; `addTag` puts a tag in), or a literal standing for all the members (`/contacts/all` -> list)."""
    first = next(iter(parts), "")
    if lex.has(first, "list-alias"):
        return "list"
    if parts == ("add",):
        return "create"
    return next(iter(lex.mapping("synonym").get(first, ())), None)


def standard_method(api: ApiModel, method: str, path: str) -> tuple[str, str | None]:
    """A custom method that is a standard one in disguise, as that standard method (AIP-131..135): on a member
    (`GET /widgets/{id}/get` -> `GET /widgets/{id}`, `POST /vectors/{id}/update` -> `PATCH /vectors/{id}`), or on a
    collection its verb names (`GET /report:getReports` -> `GET /reports`, `POST /user/createUser` -> `POST
    /users`): its (HTTP method, path), or (`method`, None) where the custom method is no standard one."""
    lex = api.lexicon
    head, sep, verb = max(path.rpartition("/"), path.rpartition(":"), key=lambda split: len(split[0]))
    if sep and head.endswith("}") and _by_key(lex, lex.words_of(verb)):
        return method, head  # `/widgets/{id}/by-id`: a lookup by the key the path already has
    standard = _standard_verb(api, verb) if sep else None
    if standard is None:
        return method, None
    words_ = lex.words_of(words.action_part(verb))
    member = head.rsplit("/", 2)[-2] if head.count("/") >= 2 else ""
    by_key = len(words_) > 2 and words_[1] == "by" and all(lex.is_id_word(w) or lex.has(w, "generic-id")
                                                          for w in words_[2:])  # `get_by_id`
    if head.endswith("}") and (len(words_) == 1 or by_key or lex.stem("-".join(words_[1:])) == lex.stem(member)):
        http = {"get": "GET", "update": "PATCH", "delete": "DELETE"}.get(standard)
        return (http, head) if http else (method, None)
    if head.endswith("}"):
        return _on_member(api, method, head, standard, words_, member)
    collection, _, last = head.rpartition("/")
    number = lex.last_word_number(last) if last else "unknown"
    if len(words_) == 1 and standard in ("get", "list", "create") and number in ("plural", "singular"):
        # `GET /shipments/list` is the List of `/shipments`, `POST /shipment/create` the Create of `/shipments`,
        # `/albums/{id}/tracks/get` the List of the album's tracks
        plural = last if number == "plural" else lex.pluralize_literal(last)
        return ("POST" if standard == "create" else "GET"), f"{collection}/{plural}"
    if len(words_) == 1 and standard == "get" and last and not last.startswith("{"):
        return "GET", head  # Musixmatch's `artist.related.get`: the Get of what the verb follows, `/related`
    if len(words_) < 2 or standard not in ("get", "list", "create") or not _names_a_thing(lex, words_):
        return method, None
    if lex.has(words_[1], "preposition") and standard in ("get", "list"):  # `/pet/findByStatus`: a filtered list
        singular = lex.last_word_number(last) == "singular"
        return "GET", f"{collection}/{lex.pluralize_literal(last)}" if singular else head
    rest = _object_as_written(verb, words_[0])  # `getWidgetTypes` -> `widgetTypes`
    if lex.has(words_[1], "alone-verb"):
        rest = _object_as_written(rest, words_[1])  # Telegram's `createNewStickerSet` -> `stickerSet`
    plural = rest if lex.last_word_number(rest) == "plural" else lex.pluralize_literal(rest)
    if standard in ("get", "list") and (plural == rest or standard == "list"):  # `getReports`, `listTools`
        method = "GET"
    elif standard == "create":
        method = "POST"
    else:
        return method, None
    return method, f"{collection if lex.stem(last) == lex.stem(plural) else head}/{plural}"


def _object_as_written(literal: str, verb: str) -> str:
    """What follows the verb in a literal, as written but for its first letter (`getWidgetTypes`, `get` ->
    `widgetTypes`; `deleteschedulingpolicy` -> `schedulingpolicy`)."""
    rest = literal[literal.lower().find(verb) + len(verb) :].lstrip("-_.")
    return rest[:1].lower() + rest[1:]


def _dotted_action(lex: Lexicon, literal: str, stem: str) -> str:
    """The action of an RPC-style `noun.verb` literal whose noun names the resource (`reports.refund` -> `refund`),
    else ''."""
    namespace, dot, action = literal.rpartition(".")
    return action if dot and action and lex.names(namespace, stem) else ""


def _by_key(lex: Lexicon, parts: tuple[str, ...]) -> bool:
    """`by`, `id`, `by_key`, `byName`: words that only say the resource is found by its key."""
    return len(parts) > 1 and parts[0] == "by" and all(lex.is_id_word(w) or lex.has(w, "generic-id") for w in parts[1:])


def _on_member(api: ApiModel, method: str, head: str, standard: str, words_: tuple[str, ...], member: str
               ) -> tuple[str, str | None]:
    """A standard verb and a noun on a member: the standard method of what the noun names under it, a singleton
    (AIP-156) or a child collection (`/accounts/{id}/getContactInformation` -> `GET
    /accounts/{id}/contactInformation`, `/products/{id}/ListLaunchPaths` -> `GET /products/{id}/launchPaths`,
    `/products/{id}/listPortfoliosForProduct` -> `GET /products/{id}/portfolios`); a noun followed by a
    preposition that names anything but the member (`copyBackupToRegion`) is no standard method."""
    lex = api.lexicon
    noun = list(words_[1:])
    at = next((i for i, w in enumerate(noun) if lex.has(w, "preposition")), None)
    if at is not None:
        after = noun[at + 1 :]
        if not after or not (lex.names("-".join(after), lex.stem(member)) or _by_key(lex, ("by", *after))):
            return method, None
        noun = noun[:at]
    if not noun or any(lex.has(w, "preposition") for w in noun) or not _names_a_thing(lex, tuple(noun)):
        return method, None  # Google's `:listUsable`, `:createOrUpdate`: no part named so
    named = next((k for k in range(len(noun) - 1, 0, -1) if lex.names("-".join(noun[:k]), lex.stem(member))), 0)
    literal = _camel(noun[named:])  # `deleteChatPhoto` on a chat: its `photo`
    if standard in ("list", "create"):
        literal = literal if lex.last_word_number(literal) == "plural" else lex.pluralize_literal(literal)
    http = {"get": "GET", "list": "GET", "update": "PATCH", "delete": "DELETE", "create": "POST"}[standard]
    return http, f"{head}/{literal}"


def _names_a_thing(lex: Lexicon, words_: tuple[str, ...]) -> bool:
    """The words after a standard verb end in a noun (`getConfig`), not an adjective or a variant (`listUsable`,
    `createSigned`), and join no second verb (`createOrUpdate`)."""
    return lex.is_noun(lex.singular_of(words_[-1])) and not {"or", "and"} & set(words_)


def _reads_whole(api: ApiModel, op: Operation, fixed: str) -> bool:
    """The operation reads a member whole through a view its fix drops (`/messages/info.json` -> `/messages/{id}`),
    and nothing names it otherwise."""
    last = op.path.last
    if last is None or not _whole_view(api.lexicon, last.text) or fixed.endswith(last.text):
        return False
    return named_verb(api.lexicon, op)[0] is None or named_kind(api.lexicon, op) == "get"


def _shows_whole(lex: Lexicon, last: Segment, seg: Segment) -> bool:
    """The path's last literal, right after the collection `seg`, shows a member whole (Mandrill's
    `/messages/info.json`): with the member's ID in the path it is the member itself."""
    return last.index == seg.index + 1 and not last.is_custom_verb and _whole_view(lex, last.text)


def _whole_view(lex: Lexicon, literal: str) -> bool:
    """A literal that shows its thing whole (`info`, `details`); a summary or a status is a part of it."""
    parts = lex.words_of(literal)
    return len(parts) == 1 and lex.has(parts[0], "whole-view")


def _listed(lex: Lexicon, literal: str, stem: str) -> list[Part]:
    """What a collection's literal lists under its parent `stem`: itself (`messages`), the words before the
    preposition naming the parent (`vehicles-for-stop` -> `vehicles`), nothing where it shows the parent whole
    (`route-details`: the route)."""
    if _whole_view_of(lex, literal) == stem:
        return []
    return [(lex.parent_named_after(literal, stem) or literal, False)]


def _whole_view_of(lex: Lexicon, literal: str) -> str:
    """The thing a literal shows whole, as a stem (`route-details`, `userDetails` -> `route`, `user`), else ''."""
    parts = lex.words_of(literal)
    return lex.stem(parts[0]) if len(parts) == 2 and _whole_view(lex, parts[1]) else ""


def _restates(lex: Lexicon, literal: str, stem: str) -> bool:
    """Whether a singleton literal only restates the resource: its name and an attribute (`widgetInfo`,
    `user-details`) or nothing else (`widget`)."""
    parts = lex.words_of(literal)
    rest = parts[len(parts) - 1 :] if lex.names("".join(parts[:-1]), stem) else parts
    return lex.names(literal, stem) or _whole_view(lex, "-".join(rest)) or tuple(rest) == ("summary",)


def _action_without_noun(lex: Lexicon, seg: Segment, stem: str, colon: bool) -> list[Part]:
    """`run-shield` acting on a shield is `run`; an RPC method `noun.verb` on the noun is the verb, and the nouns
    between are the part of it acted on (`queues.pause` on a queue is `pause`, `album.tracks.get` on an album is
    `tracks` then `get`); `listPortfoliosForProduct` on a product is `listPortfolios` (which `standard_method`
    reads); other verbs stay as they are."""
    action = words.action_part(seg.text)
    namespace = words.dotted_namespace(seg.text)  # without a file extension: `product.variant` of `.delete.json`
    nouns = namespace.split(".") if namespace else []
    if nouns and lex.names(nouns[0], stem):
        return [(noun, False) for noun in nouns[1:]] + [verb_part(action, colon)]
    parts = lex.words_of(seg.text)
    at = next((i for i, w in enumerate(parts) if i > 1 and lex.has(w, "preposition")), None)
    if at is not None and parts[at + 1 :] and lex.names("-".join(parts[at + 1 :]), stem):
        return [verb_part(_camel(parts[:at]), colon)]
    if len(parts) > 1 and seg.verb == parts[0] and lex.names("-".join(parts[1:]), stem):
        return [verb_part(parts[0], colon)]
    return [verb_part(seg.text, colon)]


def _camel(parts: tuple[str, ...] | list[str]) -> str:
    return parts[0] + "".join(w.capitalize() for w in parts[1:]) if parts else ""
