"""Custom verbs are not standard methods, have no prepositions, and follow one case style.

## What it does
Flags a custom method's verb (`:verb` or a verb path segment) that
- is a standard method or a synonym of one (`list-tools`, `/jobs/{id}/delete`, `:fetch`, `:insert`; `add` right
  after a collection whose members the API addresses by ID, `/voices/add`; `all` read after a collection,
  `GET /contacts/all`): use the standard method on the resource instead;
- contains a preposition (`:addToCart`, `move-to-trash`) or `async`;
- breaks the case style: `:verb` is lowerCamelCase (`:setDefaultVersion`), and multi-word slash verbs follow
  the document's most used separator (kebab, snake or camel).

The verb is read after a dotted namespace: `microsoft.graph.restore` is the verb `restore`, Slack's
`chat.postMessage` is `postMessage`.

AIP's own exceptions are accepted: `batchGet`, `batchCreate`, `batchUpdate`, `batchDelete`, `undelete`,
`listRevisions`, `deleteRevision`, `tagRevision`, `getIamPolicy`, `setIamPolicy`, `testIamPermissions`, and
verbs ending in `LongRunning`.

## Why is this bad?
AIP-136: the name of a custom method "should not contain prepositions" and should not be a standard method;
multi-word verbs are camelCase.  A `list-tools` custom method is a List of a `tools` collection in disguise.

## Example
```yaml
/v1/tool-runtime/list-tools: {get: ...}
```

## Use instead
```yaml
/v1/toolgroups/{toolgroup_id}/tools: {get: ...}
```

## Options
- `allow`: verbs to accept as they are.

## Measured
Peer suites (issue 19, `benchmarks/peer_suites.py`): agrees with 18 of 23 cases of AEP and Redocly; 5 deliberate
disagreements: Redocly reads `post` as the HTTP method in `/path/post`, `/data/post` and `/my_post`, and finds `put`
inside `/dispute` and `/input`.

## References
- AIP-136 Custom methods: https://google.aip.dev/136
- AIP-131..135 Standard methods: https://google.aip.dev/130
"""

from __future__ import annotations

import re
from collections import Counter

from aiplint.lint_rules.shared import fix
from aiplint.model import Operation, PathItem, Role, Segment, words
from aiplint.model.lexicon import Lexicon
from aiplint.model.suggest import camel_verb, disguised_standard
from aiplint.rule import Context, Option, Problem, rule

_CAMEL = re.compile(r"^[a-z][a-zA-Z0-9]*$")


def _cased(verb: str) -> bool:
    """Written as several words, so in a case style: not one glued word (`hashsumfile`, `publiclink`) nor a word and
    a number (`ping2`), which any style spells so."""
    return sum(word.isalpha() for word in words.split_words(verb)) > 1


def _separator(verb: str) -> str:
    """The case style of a multi-word verb: kebab, snake or camel."""
    if "-" in verb:
        return "kebab"
    return "snake" if "_" in verb else "camel"


@rule(
    id="aip136/verb-naming",
    summary="Custom verbs are not standard methods, have no prepositions, and follow one case style",
    reference="AIP-136",
    url="https://google.aip.dev/136",
    severity={"rest": "warning", "aip": "error"},
    options={"allow": Option((), "custom verbs to accept as they are")},
    headline="custom",
)
def check(ctx: Context):
    allowed = {v.lower() for v in ctx.options["allow"]}
    lex = ctx.api.lexicon
    verbs = [(item, seg, words.action_part(seg.text)) for item, seg in ctx.api.custom_verbs()]
    styles = Counter(_separator(verb) for _, seg, verb in verbs if not seg.colon and _cased(verb))
    slash_style = styles.most_common(1)[0][0] if styles else None
    for item, seg, verb in verbs:
        parts = lex.words_of(verb)  # glued words read too: `listkeys` is list + keys
        before = item.before(seg)
        if before is not None and before.text.lower() in ("batch", "bulk"):
            parts = ("batch", *parts)  # `batch/update` is AIP's `batchUpdate`
        compact = "".join(parts)
        if not parts or lex.has(compact, "aip-exception") or compact in allowed or compact.endswith("longrunning"):
            continue
        if len(parts) > 1 and lex.has(parts[0], "alone-verb"):
            parts = parts[1:]  # `newpassword`, `new-input`: `new` qualifies the noun, a verb only alone
        for problem, detail in _problems(lex, verb, parts, seg.colon, slash_style):
            if detail == "synonym" and (_changes_a_field(ctx, parts, item, seg) or _lists_many(lex, parts, item)):
                continue
            op, suggestion = _operation_fixed(ctx, item, seg) if detail in _FIXED_BY_THE_OPERATION else (None, None)
            if detail in ("standard", "synonym") and len(parts) > 1 and suggestion is None and seg.colon:
                continue  # `:updatePrimaryVersion`: AIP-136's verb + noun, with no standard method it could be
            if detail in ("standard", "synonym") and len(parts) > 1 and suggestion is not None:
                problem = _on_a_part(suggestion, item) or problem
            if lex.has(parts[0], "list-alias") and (before := item.before(seg)) and ctx.api.lists_at(item, before):
                # GitLab's `/projects/all` beside `GET /projects`: one List, its scope a filter (AIP-160)
                problem = "repeats the collection's List; list there, with a filter for what `all` adds"
            yield Problem(
                f"custom verb `{verb}` {problem} (AIP-136)",
                item.key_at,
                operation=op,
                path=None if op is not None else item.key,
                suggestion=suggestion,
                detail=f"{seg.text}:{detail}",
            )


def _changes_a_field(ctx: Context, parts: tuple[str, ...], item: PathItem, seg: Segment) -> bool:
    """AIP-144's add to or remove from a repeated field, not a Create or a Delete: `POST /batches/{id}/remove` with
    the shipments to take out in its body (a Delete sends no body), and `add` anywhere but right after a collection
    (`/batches/{id}/add` adds to the batch; ElevenLabs' `/voices/add` beside `/voices/{voice_id}` makes a voice),
    where the collection has no Create of its own (beside one, `add` adds many) and the body is not a list of things
    to put in.  In an API that addresses no member of that collection by its path, `add` is its way to make one
    (Mandrill's `/templates/add.json`), which only the `aip` profile reports."""
    if parts == ("remove",):
        return bool(item.operations) and all(op.body for op in item.operations)
    if parts != ("add",):
        return False
    before = item.before(seg)
    if before is None or before.role is not Role.COLLECTION or seg.colon or _puts_many_in(item):
        return True  # a `:add` is written as a custom method on purpose (Cloud Identity's `idpCredentials:add`)
    collection = ctx.api.prefixes.item_at(item.prefix(before.index + 1))
    if collection is not None and any(op.method == "post" for op in collection.operations):
        return True  # Microsoft Graph's `/teams/{id}/members/add` beside its Create adds many: a batch, not a Create
    addressed = ctx.api.lexicon.stem(before.text) in ctx.api.member_keys
    return not (addressed or ctx.profile == "aip")


def _puts_many_in(item: PathItem) -> bool:
    """A body of nothing but lists names the things to put in (Microsoft Graph's `POST /sites/add {value: [...]}`
    follows existing sites), not one thing to make."""
    bodies = [op.body for op in item.operations if op.body]
    return bool(bodies) and all(prop.schema.get("type") == "array" for body in bodies for prop in body)


def _lists_many(lex: Lexicon, parts: tuple[str, ...], item: PathItem) -> bool:
    """Avaza's `GET /api/Task/Lookup` answers a page of tasks: a lookup list, not a Get of one in disguise."""
    gets = [op for op in item.operations if op.method == "get"]
    return lex.mapping("synonym").get(parts[0]) == ("get",) and bool(gets) and all(op.shape.many for op in gets)


def _on_a_part(suggestion: str, item: PathItem) -> str | None:
    """What a standard verb on another noun is, where its fix adds that noun after the member (`{name}:getConfig`
    -> `GET {name}/config`): a standard method on a singleton (AIP-156) or a sub-collection (AIP-132)."""
    method, _, path = suggestion.partition(" ")
    member = item.template.rsplit(":", 1)[0] if ":" in item.template else item.template.rsplit("/", 1)[0]
    if not member.endswith("}") or not path.startswith(member + "/") or "/" in path[len(member) + 1 :]:
        return None
    part = path[len(member) + 1 :]
    many = Lexicon.of().last_word_number(part) == "plural"
    kind = {"GET": "List" if many else "Get", "PATCH": "Update", "POST": "Create", "DELETE": "Delete"}.get(method,
                                                                                                         method)
    return f"is a standard {kind} of `{part}`, a part of the resource; use `{suggestion}` (AIP-156, AIP-132)"


# problems the operation's own fix resolves when it rewrites the verb away (`get_by_id` -> the standard Get)
_FIXED_BY_THE_OPERATION = ("standard", "synonym", "preposition")


def _operation_fixed(ctx: Context, item: PathItem, seg: Segment) -> tuple[Operation | None, str | None]:
    """The path's one operation and its fix (`aiplint.model.suggest.operation_fix`), where that fix no longer has
    the verb: the problem is then the operation's mistake, reported with it (one mistake, one finding)."""
    if len(item.operations) != 1:
        return None, None
    op = item.operations[0]
    fixed = fix(ctx, op)
    if fixed is None or words.compact(seg.text) in words.compact(fixed.rsplit("/", 1)[-1]):
        return None, None
    return op, fixed


def _problems(lex: Lexicon, literal: str, parts: tuple[str, ...], colon: bool, slash_style: str | None):
    first = parts[0]
    standard = disguised_standard(lex, parts)  # a lone `add` too: `_changes_a_field` says where it is a Create
    if lex.has(first, "standard-verb"):
        yield f"is the standard method `{first}`; use the standard method on the resource instead", "standard"
    elif lex.has(first, "list-alias"):  # `GET /contacts/all`
        yield "stands for all the collection's members: it is the standard List; list the collection", "synonym"
    elif standard and not (first == "remove" and len(parts) > 1 and not lex.has(parts[1], "preposition")):
        # (`removeMembers`, `remove_feed` take items out of the resource: AIP-144's add/remove, not a delete)
        yield f"is `{first}`, a synonym of the standard method `{standard}`; use `{standard}` instead", "synonym"
    preposition = next((w for w in parts if lex.has(w, "preposition")), None)
    if preposition:
        yield f"contains the preposition `{preposition}`; custom verbs must not contain prepositions", "preposition"
    if "async" in parts:
        yield "contains `async`; use a long-running operation (`...LongRunning`) instead", "async"
    if colon and not _CAMEL.match(literal):
        yield f"is not lowerCamelCase; write `:{camel_verb(literal)}`", "case"
    elif not colon and _cased(literal) and slash_style and _separator(literal) != slash_style:
        yield f"is {_separator(literal)}-case while this document's custom verbs are {slash_style}-case", "case"
