"""Small helpers several built-in rules share."""

from __future__ import annotations

from typing import Any, Callable, Iterator

from aiplint.model import ApiModel, Location, Operation, PathItem, Role, Segment
from aiplint.model.lexicon import Lexicon
from aiplint.model.roles import is_known_alias
from aiplint.model.suggest import operation_fix
from aiplint.model.targets import Target, said_required, target
from aiplint.model.types import PARAM
from aiplint.model.words import split_words
from aiplint.read.loading import Source
from aiplint.read.pointers import join_pointer
from aiplint.rule import AddMember, Context, Edit, Fix, Problem, RenamePath, SetValue


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
    """The problem of an operation whose target's required ID travels `where` ("query", "body" or "header") instead
    of the path (`aiplint.model.targets`): `why(what)` is the message, `what` naming the parameter (`required query
    parameter `job_id``); the option `ignore` lists names that never are IDs."""
    found = target(ctx.api, op, where, frozenset(ctx.options["ignore"]))
    if found is not None:
        # Swagger 2.0's `/current?city_id={city_id}` declares `in: path` what its key sends in the query
        in_key = where == "query" and found.name in op.path.key_query_params
        written = [p for p in op.parameters if p.location == ("path" if in_key else "query") and p.name == found.name]
        unflagged = where == "query" and found.required and not any(p.required for p in written)
        said = unflagged and any(said_required(p.description) for p in written)
        silent = unflagged and not said
        what = f"{'required ' if found.required and not silent else ''}{_PLACE[where]} `{found.name}`"
        message = why(f"{what}, written in the path key's query string," if in_key else what)
        if said:
            message += "; its description says it is required, though the spec does not mark it so"
        if not found.required and found.evidenced:
            message += f"; the spec leaves it optional, but {op.label} {_one_member_because(ctx, op)}"
        elif not found.required:
            message += f"; the spec leaves it optional, but its description names what {op.label} acts on: " \
                       f"\"{found.described}\""
        if silent:
            message += "; the document declares no query parameter required, so one named as an ID counts as required"
        if where == "body" and found.required and op.body_required and ctx.api.silent_on_required_fields:
            message += "; the document lists no required body field, so a required body's ID field counts as required"
        suggestion = fix(ctx, op)
        moved = move_operation(ctx, op, suggestion, into_path=found) if where == "query" else None
        yield Problem(message, found.at, operation=op, suggestion=suggestion, detail=found.name, fix=moved)


_PLACE = {"query": "query parameter", "body": "body field", "header": "header"}


def move_operation(ctx: Context, op: Operation, suggestion: str | None, into_path: Target | None = None
                   ) -> Fix | None:
    """The unsafe fix of an operation that its suggestion (`METHOD /path`) puts at another path: the path renamed,
    and `into_path`, a query parameter the new path names, made a required path parameter.  Only where the
    suggestion keeps the method, the operation is alone on its path (the path item moves whole), the new path is
    not one the document has, its parameters are the old path's (and `into_path`), and `into_path` is written in
    the operation (a shared component, or the path item's, would change for others)."""
    method, _, path = (suggestion or "").partition(" ")
    moved = {into_path.name} if into_path is not None else set()
    if (method.lower() != op.method or not path.startswith("/") or path == op.path.key or len(op.path.operations) != 1
            or set(PARAM.findall(path)) != set(op.path.template_params) | moved
            or path_taken(ctx.api, path, op.path.key)):
        return None
    if into_path is None:
        return Fix(f"move `{op.label}` to `{method} {path}`", (RenamePath(op.path.key, path),), safe=False)
    param = _written_parameter(op, into_path)
    if param is None:
        return None
    file, pointer = into_path.at.source.path, into_path.at.pointer
    edits: tuple[Edit, ...] = (RenamePath(op.path.key, path), SetValue(file, pointer + "/in", "path"))
    if param.get("required") is not True:  # a path parameter is required
        edits += (SetValue(file, pointer + "/required", True) if "required" in param
                  else AddMember(file, pointer + "/in", "required", True),)
    return Fix(f"move `{into_path.name}` into the path: `{op.label}` -> `{method} {path}`", edits, safe=False)


def _written_parameter(op: Operation, found: Target) -> dict | None:
    """The query parameter `found` as written in the operation's `parameters` (not a `$ref`)."""
    prefix = op.at.pointer + "/parameters/"
    index = found.at.pointer[len(prefix):]
    listed = op.raw.get("parameters")
    if found.at.source is not op.at.source or not found.at.pointer.startswith(prefix) or not index.isdigit() \
            or not isinstance(listed, list) or int(index) >= len(listed):
        return None
    param = listed[int(index)]
    if isinstance(param, dict) and "$ref" not in param and param.get("in") == "query" \
            and isinstance(param.get("required", False), bool):
        return param
    return None


def rename_paths(api: ApiModel, renames: list[RenamePath], title: str) -> Fix | None:
    """The unsafe fix renaming paths (every operation on them moves), unless a new path is one the document has."""
    leaving = [rename.old for rename in renames]
    if not renames or any(path_taken(api, rename.new, *leaving) for rename in renames):
        return None
    return Fix(title, tuple(renames), safe=False)


def path_taken(api: ApiModel, path: str, *leaving: str) -> bool:
    """Whether the document has a path `path` would stand for (its template, parameter names aside), other than
    those `leaving` it (renamed by the same fix)."""
    template = PARAM.sub("{}", path)
    return any(PARAM.sub("{}", item.key) == template for item in api.paths if item.key not in leaving)


def _one_member_because(ctx: Context, op: Operation) -> str:
    """Why an operation acts on one member: the signals for it (`aiplint.model.operations`)."""
    said = list(dict.fromkeys(e.says for e in ctx.api.one_member_evidence(op) if e.weight > 0))  # each said once
    return "acts on one: " + ", ".join(said) if said else "acts on one"


def is_attached_verb(lex: Lexicon, item: PathItem, seg: Segment) -> bool:
    """`PathItem.is_attached`, or the verb follows a known alias of one member (`/users/me/change_password`: the
    caller's), which stands for an ID though no path has the collection's `{id}`."""
    before = item.before(seg)
    return item.is_attached(seg) or (before is not None and is_known_alias(lex, before))


def unattached_verb(item: PathItem, lex: Lexicon | None = None) -> Segment | None:
    """The custom verb a path ends in when it follows neither an ID nor a collection (`/v1/vector-io/insert`,
    `/job/cancel`), except a stateless colon method at a version or parameter (`/v1:translateText`), and, given the
    lexicon, one after a known alias (`is_attached_verb`)."""
    seg = item.custom_verb
    if seg is None or (is_attached_verb(lex, item, seg) if lex is not None else item.is_attached(seg)):
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


_ALL_OF_DEPTH = 8  # `allOf` parts followed at most this deep


def json_schema(response: Any) -> Any:
    """The schema of a response, OAS 2.0's or that of its first JSON media type."""
    if not isinstance(response, dict):
        return None
    if "schema" in response:
        return response["schema"]
    content = response.get("content")
    media = [value for key, value in content.items() if "json" in str(key)] if isinstance(content, dict) else []
    return next((m["schema"] for m in media if isinstance(m, dict) and "schema" in m), None)


def property_names(api: ApiModel, node: Any, source: Source, pointer: str, depth: int = 0,
                   parts_of: tuple[str, ...] = ("allOf",)) -> set[str]:
    """The top-level property names of a schema (`$ref` resolved), those of its `allOf` parts included (and of its
    `oneOf`/`anyOf` alternatives, where `parts_of` names them)."""
    if not isinstance(node, dict) or depth > _ALL_OF_DEPTH:
        return set()
    names = {str(name) for name in node["properties"]} if isinstance(node.get("properties"), dict) else set()
    for key in parts_of:
        parts = node.get(key)
        for index, part in enumerate(parts if isinstance(parts, list) else ()):
            found = api.document.refs.resolve(part, source, join_pointer(pointer, key, index))
            names |= property_names(api, found.node, found.source, found.pointer, depth + 1, parts_of)
    return names


def response_property_names(api: ApiModel) -> frozenset[str]:
    """The top-level property names of every success response's JSON schema in the API, any alternative's
    (`oneOf`, `anyOf`): what the server hands out."""
    return frozenset(name for op in api.operations for name in success_property_names(api, op, _ALTERNATIVES))


_ALTERNATIVES = ("allOf", "oneOf", "anyOf")


def success_property_names(api: ApiModel, op: Operation, parts_of: tuple[str, ...] = ("allOf",)) -> set[str]:
    """The top-level property names of the JSON schemas of an operation's success (2xx) responses."""
    found: set[str] = set()
    refs = api.document.refs
    responses = op.raw.get("responses")
    for status, response in responses.items() if isinstance(responses, dict) else ():
        if str(status).startswith("2"):
            target = refs.resolve(response, op.at.source, join_pointer(op.at.pointer, "responses", str(status)))
            schema = refs.resolve(json_schema(target.node), target.source, target.pointer)
            found |= property_names(api, schema.node, schema.source, schema.pointer, parts_of=parts_of)
    return found
