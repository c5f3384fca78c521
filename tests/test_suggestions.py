"""Every suggestion passes every rule (issue 18): applying an operation's suggestion and linting again leaves no
headline finding at the rewritten operation.

A seeded generator builds small, realistic specs (a versioned API with a few well-formed resources, written as a
team would) and plants one headline mistake in one of its spellings: a singular collection, a resource's ID in the
query or body of a GET/PUT/PATCH/DELETE, a custom verb after a slash, a colon or an RPC dot, a verb before an ID,
a custom method sent with the wrong HTTP method, a standard method in disguise.  Each case is linted under both
profiles; each operation-level suggestion is applied with the sweep's applier (`tests/suggestion_applier.py`,
also used by `benchmarks/suggestions.py`) and the rewritten document linted again.
"""

from __future__ import annotations

import json
import random

import pytest
from suggestion_applier import apply, apply_path, parse, template

from aiplint.config import Config
from aiplint.linting.engine import lint_document
from aiplint.linting.findings import Finding
from aiplint.linting.registry import available_rules
from aiplint.read.document import open_document

HEADLINE = frozenset(r.id for r in available_rules().values() if r.headline)

NOUNS = [  # (singular, plural): regular, -ies, -es, irregular, compound
    ("widget", "widgets"), ("invoice", "invoices"), ("shipment", "shipments"), ("policy", "policies"),
    ("category", "categories"), ("address", "addresses"), ("person", "people"), ("device", "devices"),
    ("project", "projects"), ("report", "reports"), ("team", "teams"), ("order", "orders"),
    ("price category", "price categories"), ("payment method", "payment methods"), ("api key", "api keys"),
]
VERBS = ["archive", "cancel", "publish", "restore", "approve", "suspend", "activate", "refund"]
PREFIXES = ["/v1", "/api/v2", "/v1beta", ""]


def spelled(words: str, style: str) -> str:
    parts = words.split()
    if style == "camel":
        return parts[0] + "".join(p.capitalize() for p in parts[1:])
    return ("_" if style == "snake" else "-").join(parts)


def ident(singular: str, style: str, rng: random.Random) -> str:
    """The ID parameter of a resource: `widget_id`, `widgetId`, `invoice-id`."""
    base = spelled(singular, "camel" if style == "camel" else "snake")
    return rng.choice([f"{base}Id" if style == "camel" else f"{base}_id", f"{base}_id"]) if style != "kebab" \
        else f"{base}_id"


def schema_of(name: str) -> dict:
    return {"$ref": f"#/components/schemas/{name}"}


class Spec:
    """A small OpenAPI 3.0 document under construction."""

    def __init__(self, title: str):
        self.paths: dict[str, dict] = {}
        self.schemas: dict[str, dict] = {}
        self.title = title

    def model(self, singular: str, id_field: str) -> str:
        name = spelled(singular, "camel")
        name = name[0].upper() + name[1:]
        self.schemas[name] = {"type": "object", "required": [id_field, "title"],
                              "properties": {id_field: {"type": "string"}, "title": {"type": "string"},
                                             "created_at": {"type": "string", "format": "date-time"}}}
        return name

    def add(self, method: str, path: str, *, summary: str, query: dict[str, bool] | None = None,
            body: dict | None = None, one: str | None = None, many: str | None = None,
            operation_id: str | None = None) -> None:
        params = [{"name": n, "in": "path", "required": True, "schema": {"type": "string"}}
                  for n in template_names(path)]
        params += [{"name": n, "in": "query", "required": required, "schema": {"type": "string"}}
                   for n, required in (query or {}).items()]
        op: dict = {"summary": summary, "responses": {}}
        if operation_id:
            op["operationId"] = operation_id
        if params:
            op["parameters"] = params
        if body is not None:
            op["requestBody"] = {"required": True, "content": {"application/json": {"schema": body}}}
        if one:
            op["responses"]["200"] = {"description": "OK", "content": {"application/json": {"schema": schema_of(one)}}}
        elif many:
            op["responses"]["200"] = {"description": "OK", "content": {"application/json": {"schema": {
                "type": "object", "properties": {"items": {"type": "array", "items": schema_of(many)},
                                                 "next_page_token": {"type": "string"}}}}}}
        else:
            op["responses"]["204"] = {"description": "No content"}
        self.paths.setdefault(path, {})[method.lower()] = op

    def resource(self, prefix: str, singular: str, plural: str, style: str, id_param: str,
                 methods: str = "LCGUD") -> str:
        """A well-formed collection: List, Create, Get, Update, Delete (those in `methods`)."""
        name = self.model(singular, "id")
        collection = f"{prefix}/{spelled(plural, style)}"
        member = f"{collection}/{{{id_param}}}"
        title = plural.title()
        if "L" in methods:
            self.add("GET", collection, summary=f"List {title}", many=name, query={"page_token": False})
        if "C" in methods:
            self.add("POST", collection, summary=f"Create {singular}", body=schema_of(name), one=name)
        if "G" in methods:
            self.add("GET", member, summary=f"Get {singular}", one=name)
        if "U" in methods:
            self.add("PATCH", member, summary=f"Update {singular}", body=schema_of(name), one=name)
        if "D" in methods:
            self.add("DELETE", member, summary=f"Delete {singular}")
        return name

    def document(self) -> dict:
        return {"openapi": "3.0.3", "info": {"title": self.title, "version": "1.0.0"}, "paths": self.paths,
                "components": {"schemas": self.schemas}}


def template_names(path: str) -> list[str]:
    return [part[1:-1] for part in path.replace(":", "/").split("/") if part.startswith("{") and part.endswith("}")]


def _singular_collection(s: Spec, rng, p, sing, plur, style, idp):
    """A collection named in the singular: `/v1/widget`, `/v1/widget/{widget_id}`."""
    name = s.model(sing, "id")
    collection = f"{p}/{spelled(sing, style)}"
    s.add("GET", collection, summary=f"List {plur}", many=name)
    s.add("POST", collection, summary=f"Create {sing}", body=schema_of(name), one=name)
    s.add("GET", f"{collection}/{{{idp}}}", summary=f"Get {sing}", one=name)
    if rng.random() < 0.5:
        s.add("DELETE", f"{collection}/{{{idp}}}", summary=f"Delete {sing}")


def _id_in_query(s: Spec, rng, p, sing, plur, style, idp):
    """A member's ID in the query of a GET, PUT, PATCH or DELETE: `GET /v1/widgets/get?widget_id=`,
    `DELETE /v1/widgets?widget_id=`, `GET /v1/widget?id=`."""
    name = s.model(sing, "id")
    collection = f"{p}/{spelled(plur, style)}"
    shape = rng.choice(["get-verb", "on-collection", "singular", "by-id"])
    method = rng.choice(["GET", "PUT", "PATCH", "DELETE"])
    body = schema_of(name) if method in ("PUT", "PATCH") else None
    one = name if method != "DELETE" else None
    if shape == "get-verb":
        verb = {"GET": "get", "PUT": "update", "PATCH": "update", "DELETE": "delete"}[method]
        s.add(method, f"{collection}/{verb}", summary=f"{verb.title()} {sing}", query={idp: True}, body=body, one=one)
    elif shape == "on-collection":
        s.add("GET", collection, summary=f"List {plur}", many=name)
        s.add(method, collection, summary=f"{method.title()} {sing}", query={idp: True}, body=body, one=one)
    elif shape == "singular":
        s.add(method, f"{p}/{spelled(sing, style)}", summary=f"{method.title()} {sing}", query={"id": True},
              body=body, one=one)
    else:
        s.add(method, f"{collection}/by-id", summary=f"{method.title()} {sing} by ID", query={idp: True}, body=body,
              one=one)


def _id_in_body(s: Spec, rng, p, sing, plur, style, idp):
    """A member's ID in the body: `PUT /v1/widgets {widget_id, ...}`, `POST /v1/widgets/archive {widget_id}`."""
    name = s.model(sing, "id")
    collection = f"{p}/{spelled(plur, style)}"
    body = {"type": "object", "required": [idp], "properties": {idp: {"type": "string"},
                                                                "title": {"type": "string"}}}
    if rng.random() < 0.5:
        s.add("GET", collection, summary=f"List {plur}", many=name)
        s.add(rng.choice(["PUT", "PATCH"]), collection, summary=f"Update {sing}", body=body, one=name)
    else:
        verb = rng.choice(VERBS)
        s.add("POST", f"{collection}/{verb}", summary=f"{verb.title()} {sing}", body=body, one=name)


def _custom_verb(s: Spec, rng, p, sing, plur, style, idp):
    """A custom verb in another spelling: slash after the ID, colon in a slash document, RPC dots with the ID in
    the query, unattached with the ID in the body."""
    s.resource(p, sing, plur, style, idp, "LG")
    collection = f"{p}/{spelled(plur, style)}"
    verb = rng.choice(VERBS)
    shape = rng.choice(["colon-unattached", "rpc-dot", "slash-unattached", "colon-collection"])
    body = {"type": "object", "required": [idp], "properties": {idp: {"type": "string"}}}
    if shape == "colon-unattached":
        s.add("POST", f"{collection}:{verb}", summary=f"{verb.title()} {sing}", body=body)
    elif shape == "rpc-dot":
        s.add("POST", f"{p}/{spelled(plur, style)}.{verb}", summary=f"{verb.title()} {sing}", query={idp: True})
    elif shape == "slash-unattached":
        s.add("POST", f"{collection}/{verb}", summary=f"{verb.title()} {sing}", query={idp: True})
    else:
        s.add("POST", f"{collection}/{{{idp}}}:{verb}", summary=f"{verb.title()} {sing}")
        s.add("POST", f"{collection}/{{{idp}}}/{rng.choice(VERBS)}-all", summary="Other")


def _verb_before_id(s: Spec, rng, p, sing, plur, style, idp):
    """A verb before the ID: `/v1/widgets/archive/{widget_id}`, `/v1/widgets/get/{widget_id}`."""
    s.resource(p, sing, plur, style, idp, "LC")
    collection = f"{p}/{spelled(plur, style)}"
    verb = rng.choice(VERBS + ["get", "delete"])
    method = {"get": "GET", "delete": "DELETE"}.get(verb, "POST")
    s.add(method, f"{collection}/{verb}/{{{idp}}}", summary=f"{verb.title()} {sing}")


def _wrong_method(s: Spec, rng, p, sing, plur, style, idp):
    """A custom method sent with GET (changing state), PUT, PATCH or DELETE: `GET /v1/widgets/{id}/archive`."""
    s.resource(p, sing, plur, style, idp, "LCG")
    collection = f"{p}/{spelled(plur, style)}"
    verb = rng.choice(VERBS)
    s.add(rng.choice(["GET", "PUT", "PATCH", "DELETE"]), f"{collection}/{{{idp}}}/{verb}",
          summary=f"{verb.title()} {sing}")


def _standard_in_disguise(s: Spec, rng, p, sing, plur, style, idp):
    """A standard method written as a custom one: `GET /v1/widgets/getWidget?widgetId=`, `POST
    /v1/widgets/{id}/update`, `GET /v1/widgets/list`, `POST /v1/widget/createWidget`."""
    name = s.model(sing, "id")
    collection = f"{p}/{spelled(plur, style)}"
    noun = spelled(sing, "camel")
    shape = rng.choice(["getX", "update", "list", "createX", "delete"])
    if shape == "getX":
        s.add("GET", f"{collection}/get{noun[0].upper()}{noun[1:]}", summary=f"Get {sing}", query={idp: True},
              one=name)
    elif shape == "update":
        s.add("POST", f"{collection}/{{{idp}}}/update", summary=f"Update {sing}", body=schema_of(name), one=name)
    elif shape == "list":
        s.add("GET", f"{collection}/list", summary=f"List {plur}", many=name)
    elif shape == "createX":
        s.add("POST", f"{collection}/create{noun[0].upper()}{noun[1:]}", summary=f"Create {sing}",
              body=schema_of(name), one=name)
    else:
        s.add("POST", f"{collection}/{{{idp}}}/delete", summary=f"Delete {sing}")


def _views_by_query_id(s: Spec, rng, p, sing, plur, style, idp):
    """Views of one member of a singular collection, named by `?id=` (Browshot's `GET /screenshot/info?id=`,
    `/screenshot/thumbnail?id=`): the collection is singular and the ID belongs after it."""
    name = s.model(sing, "id")
    collection = f"{p}/{spelled(sing, style)}"
    for view in rng.sample(["info", "html", "thumbnail", "image", "details"], 2):
        s.add("GET", f"{collection}/{view}", summary=f"{view.title()} of a {sing}", query={"id": True}, one=name)


SHAPES = {f.__name__.strip("_"): f for f in (_singular_collection, _id_in_query, _id_in_body, _custom_verb,
                                              _verb_before_id, _wrong_method, _standard_in_disguise,
                                              _views_by_query_id)}
SEEDS = range(12)


def generated(shape: str, seed: int) -> dict:
    """A spec of two or three well-formed resources and one planted mistake of `shape`, chosen by `seed`."""
    rng = random.Random(f"{shape}-{seed}")
    prefix = rng.choice(PREFIXES)
    style = rng.choice(["kebab", "snake", "camel"])
    nouns = rng.sample(NOUNS, 4)
    spec = Spec(f"Generated {shape} {seed}")
    for sing, plur in nouns[1:rng.randint(2, 3) + 1]:
        spec.resource(prefix, sing, plur, style, ident(sing, style, rng))
    sing, plur = nouns[0]
    SHAPES[shape](spec, rng, prefix, sing, plur, style, ident(sing, style, rng))
    return spec.document()


def lint(document: dict, profile: str) -> list[Finding]:
    opened = open_document("generated.json", text=json.dumps(document))
    assert opened is not None
    linted = lint_document(opened, Config(profile=profile))
    assert linted.crashes == []
    return linted.findings


def headline_at(findings: list[Finding], method: str, path: str) -> list[Finding]:
    """Headline findings (as the rule or in `also`) at operation `method path`, or path-level on that path."""
    wanted = template(path)
    return [f for f in findings if ({f.rule} | {a.rule for a in f.also}) & HEADLINE
            and (f.method.lower() == method and template(f.path or "") == wanted if f.method is not None
                 else wanted in {template(p) for p in (f.path, *(r.path for r in f.related)) if p})]


def failures(document: dict, profile: str) -> list[str]:
    """Each operation-level suggestion that, applied, leaves a headline finding at the rewritten operation."""
    found = []
    tried = set()
    for f in lint(document, profile):
        key = (f.method, f.path, f.suggestion)
        if f.path is None or f.suggestion is None or key in tried:
            continue
        tried.add(key)
        if f.method is not None and parse(f.suggestion) is not None:
            applied = apply(document, f.method, f.path, f.suggestion)
            moved = [applied] if applied is not None else None
        else:  # a path-level fix: every operation of the path moves
            moved = apply_path(document, f.path, f.suggestion) if f.method is None else None
        assert moved, key
        relinted = lint(moved[-1].document, profile)
        found += [f"{f.method or ''} {f.path} -> {f.suggestion}: {g.rule} {g.message} (-> {g.suggestion})"
                  for a in moved for g in headline_at(relinted, a.method, a.path)]
    return found


# Generated cases whose suggestion is still flagged, with why (none may pass unnoticed: strict).
KNOWN: dict[tuple[str, str, int], str] = {}

CASES = [pytest.param(shape, profile, seed, id=f"{shape}-{profile}-{seed}",
                      marks=[pytest.mark.xfail(strict=True, reason=KNOWN[(shape, profile, seed)])]
                      if (shape, profile, seed) in KNOWN else [])
         for shape in SHAPES for profile in ("rest", "aip") for seed in SEEDS]


@pytest.mark.parametrize("shape, profile, seed", CASES)
def test_every_suggestion_passes_every_headline_rule(shape, profile, seed):
    assert failures(generated(shape, seed), profile) == []


@pytest.mark.parametrize("shape", sorted(SHAPES))
def test_each_planted_shape_gets_a_suggestion_somewhere(shape):
    """The property is not vacuous: across the seeds, each shape's mistake gets suggestions."""
    suggested = sum(1 for seed in SEEDS for f in lint(generated(shape, seed), "rest") if f.suggestion)
    assert suggested >= len(SEEDS) // 2


def test_the_applier_moves_the_id_out_of_the_query_and_the_body():
    document = {"openapi": "3.0.3", "info": {"title": "t", "version": "1"}, "paths": {
        "/v1/widgets/archive": {"post": {"parameters": [{"name": "widget_id", "in": "query", "required": True,
                                                         "schema": {"type": "string"}}],
                                         "responses": {"204": {"description": "ok"}}}},
        "/v1/widgets": {"put": {"requestBody": {"content": {"application/json": {"schema": {
            "$ref": "#/components/schemas/W"}}}}, "responses": {"204": {"description": "ok"}}}},
        "/v1/widgets/{id}": {"get": {"parameters": [{"name": "id", "in": "path", "required": True,
                                                     "schema": {"type": "string"}}],
                                     "responses": {"204": {"description": "ok"}}}}},
        "components": {"schemas": {"W": {"type": "object", "required": ["widget_id"],
                                         "properties": {"widget_id": {"type": "integer"}, "t": {}}}}}}
    moved = apply(document, "POST", "/v1/widgets/archive", "POST /v1/widgets/{widget_id}:archive")
    assert moved is not None and not moved.merged and moved.path == "/v1/widgets/{widget_id}:archive"
    assert "/v1/widgets/archive" not in moved.document["paths"]
    assert moved.document["paths"][moved.path]["post"]["parameters"] == [
        {"name": "widget_id", "in": "path", "required": True, "schema": {"type": "string"}}]
    put = apply(document, "PUT", "/v1/widgets", "PUT /v1/widgets/{widget_id}")
    assert put is not None and put.path == "/v1/widgets/{id}" and not put.merged  # the document's spelling
    operation = put.document["paths"]["/v1/widgets/{id}"]["put"]
    assert operation["parameters"] == [{"name": "id", "in": "path", "required": True, "schema": {"type": "integer"}}]
    body = operation["requestBody"]["content"]["application/json"]["schema"]
    assert body == {"type": "object", "properties": {"t": {}}}  # the ID left the body (inlined: W is unchanged)
    assert put.document["components"] is document["components"]  # shared, untouched
    merged = apply(document, "POST", "/v1/widgets/archive", "GET /v1/widgets/{widget_id}")
    assert merged is not None and merged.merged and merged.path == "/v1/widgets/{id}"


def _operation(path: str, method: str, query: tuple[str, ...] = (), body: tuple[str, ...] = ()) -> dict:
    op: dict = {"responses": {"200": {"description": "ok"}}}
    params = [{"name": n, "in": "path", "required": True, "schema": {"type": "string"}} for n in template_names(path)]
    params += [{"name": n, "in": "query", "required": True, "schema": {"type": "string"}} for n in query]
    if params:
        op["parameters"] = params
    if body:
        op["requestBody"] = {"required": True, "content": {"application/json": {"schema": {
            "type": "object", "required": list(body), "properties": {n: {"type": "string"} for n in body}}}}}
    return {method.lower(): op}


@pytest.mark.parametrize("operation, beside, fixed", [
    # a lookup by the key the path then has is no custom verb
    (("PATCH", "/v1/widgets/by-id", ("widget_id",), ()), ["/v1/widgets"], "PATCH /v1/widgets/{widget_id}"),
    # RPC `noun.verb`: the verb after the member, not the dotted literal
    (("POST", "/v1/reports.refund", ("report_id",), ()), ["/v1/reports", "/v1/reports/{report_id}"],
     "POST /v1/reports/{report_id}/refund"),
    # a standard verb and a noun on a member: the singleton or child collection it names (AIP-156, AIP-132)
    (("POST", "/accounts/{account_id}/getContactInformation", (), ()), ["/accounts"],
     "GET /accounts/{account_id}/contactInformation"),
    (("POST", "/products/{product_id}/ListLaunchPaths", (), ()), ["/products"],
     "GET /products/{product_id}/launchPaths"),
    (("POST", "/products/ListPortfoliosForProduct", (), ("product_id",)), ["/products/{product_id}"],
     "GET /products/{product_id}/portfolios"),
    (("POST", "/ListTagsForResource", (), ("ResourceArn",)), ["/resources/{ResourceArn}"],
     "GET /resources/{ResourceArn}/tags"),
    (("POST", "/deleteChatPhoto", (), ("chat_id",)), ["/chats/{chat_id}"], "DELETE /chats/{chat_id}/photo"),
    # a bare `id` in the query of a singular literal: a member of the collection the literal names
    (("GET", "/api/v2/api_key", ("id",), ()), ["/api/v2/widgets/{widget_id}"], "GET /api/v2/api_keys/{id}"),
    # a bare List or Create verb on a collection is that collection's method
    (("GET", "/shipments/list", (), ()), ["/shipments/{shipment_id}"], "GET /shipments"),
    # the fix of another mistake keeps no singular collection of the path
    (("PUT", "/2020/distribution/{Id}/promote", (), ()), ["/2020/distribution/{Id}"],
     "POST /2020/distributions/{Id}/promote"),
    # a bare ID of a call named by a verb and its object: a member of the object's collection (AWS Batch)
    (("POST", "/v1/deleteschedulingpolicy", (), ("arn",)), ["/v1/listjobs"], "DELETE /v1/schedulingpolicies/{arn}"),
    # a standard method spelled as a call with nothing to attach it to is that standard method (DynamoDB)
    (("POST", "/CreateBackup", (), ()), ["/ListTables"], "POST /backups"),
    # `new` qualifies the object of a create, no verb of the fixed path (Telegram)
    (("POST", "/createNewStickerSet", (), ()), ["/getMe"], "POST /stickerSets"),
], ids=["by-id", "rpc-dot", "get-noun-on-member", "list-noun-on-member", "list-for-parent", "list-for-body-id",
        "delete-parent-noun", "bare-id-on-singular", "bare-list", "singular-collection-kept", "bare-id-of-a-call",
        "standard-call", "create-new"])
def test_a_suggestion_names_no_custom_verb_another_rule_flags(operation, beside, fixed):
    from aiplint.api import model
    from aiplint.model.suggest import operation_fix

    method, path, query, body = operation
    paths = {key: _operation(key, "GET") for key in beside}
    paths[path] = _operation(path, method, query, body)
    api = model({"openapi": "3.0.3", "info": {"title": "t", "version": "1"}, "paths": paths})
    op = next(o for item in api.paths if item.key == path for o in item.operations)
    assert operation_fix(api, op, colon=False) == fixed
