"""`aiplint.model.targets`: the IDs outside the path that name what an operation acts on, read directly from the
model on realistic operations: which are found, where they travel (path, query, body), the likeliest first."""

from __future__ import annotations

import json
from typing import Any

import pytest
from rules._kit import body, op, path_param, query, spec

from aiplint.model import ApiModel, Operation, Role
from aiplint.model.suggest import operation_fix
from aiplint.model.targets import target
from aiplint.read.document import open_document


def operation(paths: dict[str, Any], method: str | None = None) -> tuple[ApiModel, Operation]:
    """The model of `paths`, and the operation under test: the first path's (its `method`, by default its first)."""
    api = ApiModel.build(open_document("targets.json", text=json.dumps(spec(paths))))
    first = api.paths[0]
    return api, next(o for o in first.operations if method is None or o.method == method)


def found(paths: dict[str, Any], method: str | None = None) -> list[tuple[str, str, str, bool]]:
    """(name, where, stem, required) of every target, in the order `targets` gives them."""
    api, o = operation(paths, method)
    return [(t.name, t.where, t.stem, t.required) for t in api.targets(o)]


FOUND = [
    # Llama Stack's: the path names the job without its ID, the ID travels in the query
    ({"/v1alpha/post-training/job/status": {"get": op(query("job_uuid", True))}, "/v1alpha/post-training/jobs": "get"},
     [("job_uuid", "query", "job", True)]),
    # an action after a collection acts on one of its members, named in the body
    ({"/v1/jobs/cancel": {"post": op(request=body("job_id"))}, "/v1/jobs/{job_id}": "get"},
     [("job_id", "body", "job", True)]),
    # an action with no resource in its path acts on a resource the API has
    ({"/v1/vector-io/insert": {"post": op(request=body("vector_store_id", "chunks"))},
      "/v1/vector_stores/{vector_store_id}": "get"},
     [("vector_store_id", "body", "vectorstore", True)]),
    # an RPC call on the ID of something else
    ({"/archiveReport": {"get": op(query("reportId", True))}, "/reports/{reportId}": "get"},
     [("reportId", "query", "report", True)]),
    # a list names its parent (AIP-132)
    ({"/v1/tools": {"get": op(query("toolgroup_id", True))}, "/v1/toolgroups/{toolgroup_id}": "get"},
     [("toolgroup_id", "query", "toolgroup", True)]),
    # a delete on the collection names the member it deletes
    ({"/v1/jobs": {"delete": op(query("job_id", True))}}, [("job_id", "query", "job", True)]),
    # an `in: path` parameter the template lacks
    ({"/v1/jobs/status": {"get": op(path_param("job_id"))}, "/v1/jobs/{job_id}": "get"},
     [("job_id", "path", "job", True)]),
    # a member's ID is a target even when optional (the attachment rule reports it, the ID rules do not)
    ({"/v1/drafts/send": {"post": op(query("draft_id"))}, "/v1/drafts/{id}": "get"},
     [("draft_id", "query", "draft", False)]),
    # a required body in a document that never lists a required field is silent: its ID field counts as required
    ({"/subaccounts/delete.json": {"post": op(request=body(optional=["id"]))}, "/subaccounts/{id}": "get"},
     [("id", "body", "", True)]),
    # an adjective that says what kind of ID it is names no other resource: Discourse's multipart uploads
    ({"/uploads/complete-multipart.json": {"post": op(request=body("unique_identifier", "part_etag"))},
      "/uploads/{id}.json": "get"},
     [("unique_identifier", "body", "", True)]),
    ({"/orders/cancel": {"post": op(request=body("external_id"))}, "/orders/{order_id}": "get"},
     [("external_id", "body", "", True)]),
    # a resource whose name starts with a role word (`destination`) is no ID in a role: Airbyte's definitions
    ({"/v1/destination_definitions/get": {"post": op(request=body("destinationDefinitionId"))},
      "/v1/destination_definitions/{destinationDefinitionId}": "get"},
     [("destinationDefinitionId", "body", "destinationdefinition", True)]),
    # a Delete spelled as a verb and its object, and a body field named after that resource: AWS Batch
    ({"/v1/deletejobqueue": {"post": op(request=body("jobQueue"))}, "/v1/createjobqueue": {"post": op(
        request=body("jobQueueName"))}},
     [("jobQueue", "body", "jobqueue", True)]),
    # a silent document's required body: a key (`name`) of a standard action, a member named as its plural's singular
    # (Mandrill), also when the body's schema is named after it, and an action on the API's webhooks
    ({"/templates/update.json": {"post": op(request=body(optional=["key", "name"]))}},
     [("name", "body", "template", True)]),
    ({"/ips/start-warmup.json": {"post": op(request=body(optional=["key", "ip"]))}}, [("ip", "body", "ip", True)]),
    ({"/webhooks/delete.json": {"post": op(request=body(optional=["key", "id"]))}}, [("id", "body", "", True)]),
    # a view of one member of a plural, named in a body of scalars: Mandrill's `info`
    ({"/ips/info.json": {"post": op(request=body(optional=["key", "ip"]))},
      "/ips/list.json": {"post": op(request=body(optional=["key"]))}}, [("ip", "body", "ip", True)]),
    # ... by a bare `id` (no view is created with a chosen ID), a key, also of the API's webhooks (managed, not
    # called back)
    ({"/exports/info.json": {"post": op(request=body(optional=["key", "id"]))}}, [("id", "body", "", True)]),
    ({"/templates/info.json": {"post": op(request=body(optional=["key", "name"]))}},
     [("name", "body", "template", True)]),
    ({"/webhooks/info.json": {"post": op(request=body(optional=["key", "id"]))}}, [("id", "body", "", True)]),
    # a List or Get spelled as a verb names its parent, or the resource its collection's literal qualifies (Airbyte)
    ({"/v1/sources/list": {"post": op(request=body("workspaceId"))}, "/v1/workspaces/{workspaceId}": "get"},
     [("workspaceId", "body", "workspace", True)]),
    ({"/v1/source_definition_specifications/get": {"post": op(request=body("sourceDefinitionId"))},
      "/v1/source_definitions/{sourceDefinitionId}": "get"},
     [("sourceDefinitionId", "body", "sourcedefinition", True)]),
    # a list's parent the collection's own literal names (`workflowstepgroups` of a workflow)
    ({"/workflowstepgroups": {"get": op(query("workflowId", True))}, "/workflows/{id}": "get"},
     [("workflowId", "query", "workflow", True)]),
    # an access key's ID authenticates the call (AWS query APIs' `AWSAccessKeyId` on every action), the domain is
    # the target
    ({"/#Action=DeleteDomain": {"get": op(query("AWSAccessKeyId", True), query("DomainName", True))},
      "/#Action=CreateDomain": {"get": op(query("AWSAccessKeyId", True), query("DomainName", True))}},
     [("DomainName", "query", "domain", True)]),
    # a session ID names a session where the API manages sessions (Etherpad's `createSession`)
    ({"/getSessionInfo": {"get": op(query("sessionID", True))}, "/createSession": {"post": op(query("groupID"))},
      "/deleteSession": {"post": op(query("sessionID"))}},
     [("sessionID", "query", "session", True)]),
]

FOUND += [
    # an upsert on a plural collection: the body's key says which member to write (LlamaCloud's `PUT /organizations`)
    ({"/api/v1/organizations": {"put": op(request=body("name"), summary="Upsert Organization")},
      "/api/v1/organizations/{organization_id}": "get"},
     [("name", "body", "organization", True)]),
    # LangGraph's `DELETE /store/items` with the item's key in its body
    ({"/store/items": {"delete": op(request=body("key"))}}, [("key", "body", "item", True)]),
    # sending a member of the collection the verb follows acts on it when its ID is given
    ({"/v1/invoices/send": {"post": op(request=body("invoice_id"))}, "/v1/invoices/{invoice_id}": "get"},
     [("invoice_id", "body", "invoice", True)]),
]

NOT_TARGETS = [
    # a PUT its name calls a create (LlamaCloud's `PUT /files` "Generate Presigned Url"): the new file's name
    {"/api/v1/files": {"put": op(request=body("name"), summary="Generate Presigned Url")},
     "/api/v1/files/{id}": "get"},
    # the name a PUT of a singular resource sets (`PUT /account {account_name}`)
    {"/account": {"put": op(request=body("account_name"))}},
    # Credo's `POST /basic-messages/send`: a new message goes over the connection, which is where it goes
    {"/didcomm/basic-messages/send": {"post": op(request=body("connectionId", "content"))},
     "/connections/{connectionId}": "get"},
    # the path already identifies its resource: a selector or an argument
    {"/v1/prompts/{prompt_id}": {"get": op(query("version_id", True))}},
    {"/v1/jobs/{job_id}/cancel": {"post": op(query("reason_id", True))}},
    # the user-chosen ID of a create (AIP-133)
    {"/v1/books": {"post": op(query("book_id", True))}},
    # credentials of a sign-in
    {"/user/login": {"get": op(query("username", True), query("password", True))}},
    # where what a sending verb sends goes
    {"/sendMessage": {"post": op(request=body("chat_id", "text"))}},
    # arrays, IDs in a role, request IDs, values
    {"/v1/jobs/status": {"get": op(query("job_ids", True, array=True), query("to_user_id", True),
                                   query("request_id", True))}, "/v1/jobs/{job_id}": "get"},
    # an optional ID of something other than the collection the action follows
    {"/v1/drafts/send": {"post": op(query("account_id"))}, "/v1/drafts/{id}": "get"},
    # an Update's object that is no resource of the API is the value it sets
    {"/shopping_cart/update_quantity": {"post": op(request=body("quantity"))},
     "/shopping_cart/items/{item_id}": "get"},
    # a silent document's plural field: not a key of what the action works on
    {"/assets/analysis/turbulence-index": {"post": op(request=body(optional=["assets"]))}},
    # the thing a tool after a singular or an unknown literal works on is its content (`/query/ast {query}`)
    {"/query/ast": {"post": op(request=body("query"))}},
    {"/expressions/jsonata": {"post": op(request=body("Expression"))}},
    # a file's content, and what an import brings in, name no target
    {"/archives/import": {"post": op(request={"required": True, "content": {"multipart/form-data": {"schema": {
        "type": "object", "required": ["archive"], "properties": {"archive": {"type": "string", "format": "binary"}}}}}})},
     "/archives/{id}": "get"},
    {"/domains/import": {"post": op(request=body("domain"))}, "/domains/{domain}": "get"},
    # a session or request ID where the API has no sessions: a trace, not a target
    {"/jobs/status": {"get": op(query("session_id", True))}, "/jobs/{job_id}": "get"},
    # a callback the API receives names the event's subject, not a target
    {"/webhooks/stripe": {"post": op(request=body("customer_id"))}, "/customers/{customer_id}": "get"},
    # the version of a list's API, though the collection's literal mentions it: no resource of the API
    {"/api-version-sets": {"get": op(query("api-version", True))}},
]


def _silent_rpc(first: str, method: str = "get", *params: str) -> dict[str, Any]:
    """An RPC API in Etherpad's style, whose eleven query parameters none is declared required, `first` first."""
    pads = {f"/{verb}Pad": {"post": op(query("padID"), query("text"))} for verb in ("create", "delete", "append", "copy")}
    groups = {"/createGroup": {"post": op(query("groupMapper"))}, "/deleteGroup": {"post": op(query("groupID"))}}
    return {first: {method: op(*(query(name) for name in params))}, **pads, **groups}


SILENT = [
    # what an RPC method acts on, in a document that marks no query parameter required (Etherpad)
    (_silent_rpc("/listAuthorsOfPad", "get", "padID"), [("padID", "query", "pad", True)]),
    (_silent_rpc("/listPads", "get", "groupID"), [("groupID", "query", "group", True)]),
    # a method on all (`closeAll`), a search's and a List's parameters are as likely filters or actors
    (_silent_rpc("/alerts/closeAll", "post", "padID"), []),
    (_silent_rpc("/pads/search", "get", "groupID"), []),
    (_silent_rpc("/pads", "get", "groupID"), []),
]


def _scoped(first: str, scope: str) -> dict[str, Any]:
    """NaviPlan's shape: every operation of the API names its top parent by a required query ID `scope`, and no
    path has that parent's collection; `first` lists something of it."""
    others = {f"/api/{noun}": {"get": op(query(scope, True))} for noun in ("Goals", "Liabilities", "Accounts", "Family")}
    return {first: {"get": op(query(scope, True))}, **others, "/api/Goals/{id}": {"get": op(query(scope, True))}}


SCOPED = [
    (_scoped("/api/BusinessEntities", "planId"), [("planId", "query", "plan", True)]),
    (_scoped("/v2.0/schools", "appID"), []),  # the caller's own ID, beside its key
]


@pytest.mark.parametrize("paths, expected", SCOPED, ids=[p for p, _ in (("planId", 0), ("appID", 0))])
def test_a_parent_every_operation_names_in_the_query(paths, expected):
    assert found(paths) == expected


def test_the_top_parent_goes_before_the_path_even_of_a_get_by_id():
    paths = _scoped("/api/BusinessEntities", "planId")
    paths = {"/api/Goals/{id}": paths.pop("/api/Goals/{id}"), **paths}
    assert found(paths) == [("planId", "query", "plan", True)]
    api, o = operation(paths)
    assert operation_fix(api, o, colon=False) == "GET /api/plans/{planId}/Goals/{id}"


@pytest.mark.parametrize("paths, expected", SILENT, ids=[next(iter(p)) for p, _ in SILENT])
def test_an_rpc_method_of_a_document_silent_on_required_query_parameters(paths, expected):
    assert found(paths) == expected


@pytest.mark.parametrize("paths, expected", FOUND, ids=[next(iter(p)) for p, _ in FOUND])
def test_the_targets_found(paths, expected):
    assert found(paths) == expected


@pytest.mark.parametrize("paths", NOT_TARGETS, ids=[next(iter(p)) for p in NOT_TARGETS])
def test_no_target(paths):
    assert found(paths) == []


def test_a_silent_documents_url_is_no_key():
    """A URL in a silent document's body is as often a value (the URL a request pattern matches) as a key: it is
    no required target, so no rule reports it (WireMock's `POST /__admin/requests/find`)."""
    api, o = operation({"/requests/find": {"post": op(request=body(optional=["url", "method"]))}})
    assert target(api, o) is None


def test_each_target_says_where_it_is():
    api, o = operation({"/v1/jobs/cancel": {"post": op(query("job_id", True), request=body("job_uuid"))},
                        "/v1/jobs/{job_id}": "get"})
    query_id, body_id = api.targets(o)
    assert query_id.at.pointer == "/paths/~1v1~1jobs~1cancel/post/parameters/0"
    assert body_id.at.pointer == ("/paths/~1v1~1jobs~1cancel/post/requestBody/content/application~1json/schema"
                                  "/properties/job_uuid")


def test_the_likeliest_first():
    # query before body
    assert found({"/v1/jobs/cancel": {"post": op(query("job_id", True), request=body("job_uuid"))},
                  "/v1/jobs/{job_id}": "get"}) == [("job_id", "query", "job", True), ("job_uuid", "body", "job", True)]
    # required before optional, even from the body
    assert found({"/v1/drafts/send": {"post": op(query("draft_id"), request=body("id"))}, "/v1/drafts/{id}": "get"}) == [
        ("id", "body", "", True), ("draft_id", "query", "draft", False)]
    # the one the last literal mentions first, whatever the document's order
    assert found({"/v1/attach-volume": {"post": op(request=body("instance_id", "volume_id"))},
                  "/v1/volumes/{volume_id}": "get", "/v1/instances/{instance_id}": "get"}) == [
        ("volume_id", "body", "volume", True), ("instance_id", "body", "instance", True)]
    # an `in: path` parameter the template lacks comes before everything else
    assert found({"/v1/jobs/status": {"get": op(path_param("job_id"), query("job_uuid", True))},
                  "/v1/jobs/{job_id}": "get"})[0] == ("job_id", "path", "job", True)


def test_target_picks_one_kind_and_leaves_out_ignored_names():
    api, o = operation({"/v1/jobs/cancel": {"post": op(query("job_id", True), request=body("job_uuid"))},
                        "/v1/jobs/{job_id}": "get"})
    assert (t := target(api, o)) is not None and t.name == "job_id"
    assert (t := target(api, o, "body")) is not None and t.name == "job_uuid"
    assert target(api, o, "body", frozenset({"job_uuid"})) is None
    api, o = operation({"/v1/drafts/send": {"post": op(query("draft_id"))}, "/v1/drafts/{id}": "get"})
    assert target(api, o) is None  # only required ones by default
    assert (t := target(api, o, required=False)) is not None and t.name == "draft_id"


def test_targets_are_computed_once_per_operation():
    api, o = operation({"/v1/jobs/cancel": {"post": op(request=body("job_id"))}, "/v1/jobs/{job_id}": "get"})
    assert api.targets(o) is api.targets(o)


def described(name: str, text: str, where: str = "query") -> dict:
    """A query parameter (or a body of one field) the spec leaves optional, with a description."""
    if where == "query":
        return {"parameters": [{**query(name), "description": text}]}
    return {"requestBody": {"content": {"application/json": {"schema": {
        "type": "object", "properties": {name: {"type": "string", "description": text}}}}}}}


DESCRIBED = [
    # rclone's remote control: nothing is declared required, the description says what the call acts on
    ({"/job/stop": {"post": op(**described("jobid", "Numeric identifier of the job to cancel."))}},
     [("jobid", "query", "job", "numeric identifier of the job to cancel")]),
    ({"/job/status": {"post": op(**described("jobid", "Numeric identifier of the job to query, as returned from an "
                                                      "async call."))}},
     [("jobid", "query", "job", "numeric identifier of the job to query")]),
    # a bare key takes the noun its description names, where the path names it too
    ({"/pluginsctl/removePlugin": {"post": op(**described("name", "Name of the plugin to uninstall."))}},
     [("name", "query", "plugin", "name of the plugin to uninstall")]),
    # ... or any noun, in an API that addresses nothing by its path (rclone's config calls)
    ({"/config/delete": {"post": op(**described("name", "Name of the remote configuration to delete."))}},
     [("name", "query", "configuration", "name of the remote configuration to delete")]),
    # Meraki's `PUT /sm/device/wipe`: a body field
    ({"/networks/{networkId}/sm/device/wipe": {"put": op(**described("id", "The id of the device to be wiped.",
                                                                      "body"))}},
     [("id", "body", "", "the id of the device to be wiped")]),
]

NOT_DESCRIBED = [
    # the beacon's parent, not the beacon the path names
    {"/v1beta1/{beaconName}:activate": {"post": op(**described("projectId", "The project id of the beacon to "
                                                                              "activate."))}},
    # a value, not a key; a friendly name; an optional argument; a scope of a search
    {"/v1/{parent}:signSshPublicKey": {"post": op(**described("sshPublicKey", "The SSH public key to sign.",
                                                              "body"))}},
    {"/buildJob": {"post": op(**described("name", "The friendly name of the job to build.", "body"))}},
    {"/apps/{appId}/banks/synchronize": {"post": op(**described("id", "Optional item id to refresh."))}},
    {"/indices/cardinality": {"post": op(**described("indexName", "The name of the index to search.", "body"))}},
    # AWS Batch's `DescribeJobDefinitions`: a paged read of many, filtered by name
    {"/v1/describejobdefinitions": {"post": {**op(query("maxResults"), query("nextToken")), **described(
        "jobDefinitionName", "The name of the job definition to describe.", "body"),
        "operationId": "DescribeJobDefinitions"}}},
]


@pytest.mark.parametrize("paths, expected", DESCRIBED, ids=[next(iter(p)) for p, _ in DESCRIBED])
def test_an_optional_id_its_description_names_as_what_the_operation_acts_on(paths, expected):
    api, o = operation(paths)
    assert [(t.name, t.where, t.stem, t.described) for t in api.targets(o) if t.counts] == expected
    assert all(not t.required for t in api.targets(o))  # the finding still says the spec leaves it optional


@pytest.mark.parametrize("paths", NOT_DESCRIBED, ids=[next(iter(p)) for p in NOT_DESCRIBED])
def test_descriptions_that_name_no_target(paths):
    api, o = operation(paths)
    assert [t.name for t in api.targets(o) if t.counts] == []


ONE_BLOG = {"200": {"description": "OK", "content": {"application/json": {"schema": {
    "type": "object", "properties": {"id": {"type": "string"}, "url": {"type": "string"}}}}}}}

LOOKED_UP = [
    # a Get "by" a key that is no ID word: WikiPathways' `getUserByOrcid`, smart-me's .NET `DeviceBySerial_Get`
    ({"/getUserByOrcid": {"get": op(query("orcid", True), operationId="getUserByOrcid", responses=ONE_BLOG)},
      "/users/{id}": "get"}, [("orcid", "query", "user", True)]),
    ({"/api/DeviceBySerial": {"get": op(query("serial", True), operationId="DeviceBySerial_Get",
                                        responses=ONE_BLOG)}}, [("serial", "query", "device", True)]),
    # Blogger's glued `blogs/byurl?url=`: the collection the lookup follows
    ({"/v3/blogs/byurl": {"get": op(query("url", True), responses=ONE_BLOG)}, "/v3/blogs/{blogId}": "get"},
     [("url", "query", "blog", True)]),
]


@pytest.mark.parametrize("paths, expected", LOOKED_UP, ids=[next(iter(p)) for p, _ in LOOKED_UP])
def test_the_key_a_lookup_is_named_by(paths, expected):
    assert found(paths) == expected


def test_no_lookup_by_many_keys_a_value_or_a_requests_key():
    # AWS's `StartDataCollectionByAgentIds {agentIds}`, Square's `CancelPaymentByIdempotencyKey`, Loket's
    # `GetAowDateByDateOfBirth?dateOfBirth=`
    assert found({"/v1/collections/start": {"post": op(request=body("agentIds"), operationId=(
        "StartDataCollectionByAgentIds"), responses=ONE_BLOG)}}) == []
    assert found({"/v2/payments/cancel": {"post": op(request=body("idempotency_key"), operationId=(
        "CancelPaymentByIdempotencyKey"), responses=ONE_BLOG)}, "/v2/payments/{payment_id}": "get"}) == []
    assert found({"/aowDate": {"get": op(query("dateOfBirth", True), operationId="GetAowDateByDateOfBirth",
                                         responses=ONE_BLOG)}}) == []


def test_a_lookup_of_many_by_a_key_is_a_filtered_list():
    # Petstore's `findPetsByStatus` returns an array: `status` filters
    many = {"200": {"description": "OK", "content": {"application/json": {"schema": {"type": "array", "items": {
        "type": "object"}}}}}}
    assert found({"/pet/findByStatus": {"get": op(query("status", True), operationId="findPetsByStatus",
                                                  responses=many)}, "/pet/{petId}": "get"}) == []
    assert found({"/pet/findByStatus": {"get": op(query("status", True), operationId="findPetsByStatus")},
                  "/pet/{petId}": "get"}) == []  # the name says many even where no response does


def test_a_lookup_suggests_the_key_in_the_path_and_drops_the_lookup():
    api, o = operation({"/v3/blogs/byurl": {"get": op(query("url", True), responses=ONE_BLOG)}, "/v3/blogs": "get"})
    assert operation_fix(api, o, colon=False) == "GET /v3/blogs/{url}"


def test_an_upsert_on_a_plural_collection_names_its_member_by_a_key_a_bulk_write_does_not():
    upsert = {"/store/items": {"put": op(request=body("key", "value"), summary="Store or update an item")}}
    bulk = {"/dcim/devices/": {"put": op(request=body("name", "serial"), summary="Bulk update devices")}}
    assert found(upsert) == [("key", "body", "item", True)]
    assert found(bulk) == []


def test_a_required_json_api_filter_on_a_resource_is_the_lists_parent():
    # App Store Connect's `GET /v1/betaAppReviewDetails?filter[app]=`; an optional filter filters
    paths = {"/v1/betaAppReviewDetails": {"get": op(query("filter[app]", True), query("filter[build]"))},
             "/v1/apps/{id}": "get", "/v1/builds/{id}": "get"}
    assert found(paths) == [("filter[app]", "query", "app", True)]
    api, o = operation(paths)
    assert operation_fix(api, o, colon=False) == "GET /v1/apps/{app_id}/betaAppReviewDetails"


def test_a_list_parent_the_api_addresses_under_a_singular_collection():
    # Twine Health's collections are all singular (`/organization/{id}`): a required filter on one names the parent
    paths = {"/group": {"get": op(query("filter[organization]", True), query("filter[name]"))},
             "/group/{id}": "get", "/organization/{id}": "get"}
    assert found(paths) == [("filter[organization]", "query", "organization", True)]


def test_key_material_and_a_conditional_upsert_key_name_no_target():
    # GitHub Enterprise's `DELETE /setup/api/settings/authorized-keys {authorized_key}` sends the key itself; Salesloft's
    # `POST /v2/person_upserts.json {id}` matches on `id` only "if upsert_key=id"
    assert found({"/setup/api/settings/authorized-keys": {"delete": op(request=body("authorized_key"))}}) == []
    upsert = {"/v2/person_upserts.json": {"post": op(**described(
        "id", "ID of the person to update. Used if the upsert_key=id.", "body"))}, "/v2/people/{id}.json": "get"}
    api, o = operation(upsert)
    assert [t.name for t in api.targets(o) if t.counts] == []


def test_an_alternate_key_keeps_its_name_in_the_fix():
    # Blogger's `blogs/byurl?url=` beside `/v3/blogs/{blogId}`: the caller has the URL, not the blog's ID
    api, o = operation({"/v3/blogs/byurl": {"get": op(query("url", True), responses=ONE_BLOG)},
                        "/v3/blogs/{blogId}": "get"})
    assert operation_fix(api, o, colon=False) == "GET /v3/blogs/{url}"


@pytest.mark.parametrize(("named", "fix"), [
    ({"description": "Get the information for an existing message"}, "GET /messages/{id}"),  # the message's Get
    ({"operationId": "resendMessage"}, "POST /messages/{id}"),  # named otherwise: only the ID moves
])
def test_a_view_that_shows_a_member_whole_is_its_get(named, fix):
    api, o = operation({"/messages/info.json": {"post": op(request=body(optional=["key", "id"]), **named)}})
    assert operation_fix(api, o, colon=False) == fix


@pytest.mark.parametrize(("paths", "expected"), [
    # a noun glued to `name` keys that noun (the issue's `DELETE /api/team?teamname=`)
    ({"/api/team": {"delete": op(query("teamname"))}, "/teams/{id}": "get"}, [("teamname", "query", "team", False)]),
    ({"/user_actions.json": {"get": op(query("username", True))}, "/users/{username}": "get"},
     [("username", "query", "user", True)]),
    # ... in the query, not in a body, where it may name what the action makes (Spoonacular's connect)
    ({"/users/connect": {"post": op(request=body("username", "email"))}, "/users/{id}": "get"}, []),
    # ... and an optional one on an action over the whole collection filters it (authentik's export)
    ({"/core/users/export/": {"post": op(query("username"), query("is_active"))}, "/core/users/{id}/": "get"}, []),
])
def test_a_noun_glued_to_name_is_a_key_of_that_noun(paths, expected):
    assert found(paths) == expected


def test_a_field_spelled_as_the_path_it_sets_is_its_value():
    """SendGrid's `PUT /user/username {username}` sets the caller's username: no ID of a user."""
    assert found({"/user/username": {"put": op(request=body("username"))}, "/users/{username}": "get"}) == []


def _exemplified_body(example: dict) -> dict:
    return {"content": {"application/json": {"schema": {"type": "object"},
                                             "examples": {"jsonObject": {"value": example}}}}}


@pytest.mark.parametrize(("paths", "expected"), [
    # a body whose schema lists no field, read from its example; an RPC call named after what its ID names
    ({"/get_club": {"post": op(request=_exemplified_body({"club_id": 1234}))}}, [("club_id", "body", "club", False)]),
    # ... a flag or a list in the example is no key
    ({"/get_club": {"post": op(request=_exemplified_body({"club_id": [1, 2], "is_open": True}))}}, []),
    # ... and a path that names its resource by ID makes the call's noun an argument (Pub/Sub's ack IDs)
    ({"/v1/{subscription}:modifyAckDeadline": {"post": op(path_param("subscription"), request=body(
        "ackDeadlineSeconds", optional=["ackId"]))}}, []),
])
def test_an_rpc_call_named_after_the_resource_its_optional_id_names(paths, expected):
    assert found(paths) == expected
    api, o = operation(paths)
    assert all(t.counts for t in api.targets(o))


_TEMPLATE = {"schemas": {"Template": {"type": "object", "properties": {
    "name": {"type": "string"}, "code": {"type": "string"}, "subject": {"type": "string"}}}}}
_A_REQUIRED_FIELD = {"/tags/delete.json": {"post": op(request=body("tag"))}}  # the document is not silent


@pytest.mark.parametrize(("paths", "expected"), [
    # a generic key in the required body of an action after a collection names the member (Mandrill's publish)
    ({"/templates/publish.json": {"post": op(request=body("name", "key"))}, **_A_REQUIRED_FIELD},
     ("name", "body", "template", True)),
    # ... and so does the key of a body that is the resource itself, for a standard method (`update.json`), in a
    # document that never lists a required field (Mandrill's)
    ({"/templates/update.json": {"post": op(request={"required": True, "content": {"application/json": {
        "schema": {"$ref": "#/components/schemas/Template"}}}})}},
     ("name", "body", "template", True)),
    # ... not where the action makes a member (`add`), works on the whole collection (`import`) or is optional
    ({"/templates/add.json": {"post": op(request=body("name"))}}, None),
    ({"/templates/import.json": {"post": op(request=body("name"))}}, None),
    ({"/templates/publish.json": {"post": op(request=body(optional=["name"]))}, **_A_REQUIRED_FIELD}, None),
    # ... nor where the body is the thing itself (ClickSend's `POST /email-campaigns/price`) or the action names the
    # key (`checkNameAvailability {name}` checks a name)
    ({"/email-campaigns/price": {"post": op(request=body("name", "subject", "body"))}}, None),
    ({"/accounts/checkNameAvailability": {"post": op(request=body("name"))}}, None),
])
def test_a_generic_key_names_the_member_an_action_after_its_collection_acts_on(paths, expected):
    api = ApiModel.build(open_document("targets.json", text=json.dumps({**spec(paths), "components": _TEMPLATE})))
    first = target(api, api.paths[0].operations[0])
    assert (first and (first.name, first.where, first.stem, first.required)) == expected


@pytest.mark.parametrize(("paths", "expected"), [
    # in a document that never lists a required field, a verb and its object whose field is all the body needs
    # names the thing (Mandrill's `POST /senders/verify-domain.json {domain, key}` beside `/senders/domains.json`)
    ({"/senders/verify-domain.json": {"post": op(request=body(optional=["key", "domain"]))},
      "/senders/domains.json": {"post": op(request=body(optional=["key"]))}}, ("domain", "body", "domain", True)),
    # ... not where the document lists required fields: the field is as likely content (AWS's
    # `ValidateResourcePolicy {ResourcePolicy}`)
    ({"/senders/verify-domain.json": {"post": op(request=body(optional=["key", "domain"]))},
      "/senders/domains.json": {"post": op(request=body(optional=["key"]))}, **_A_REQUIRED_FIELD}, None),
    # ... nor a verb that makes one (`add-domain`)
    ({"/senders/add-domain.json": {"post": op(request=body(optional=["key", "domain"]))},
      "/senders/domains.json": {"post": op(request=body(optional=["key"]))}}, None),
    # in an RPC API, the verb's object named by a field of an example-only body (Clubhouse's `join_channel`)
    ({"/join_channel": {"post": op(request=_exemplified_body({"channel": "xyz", "attribution_source": "feed"}))}},
     ("channel", "body", "channel", False)),
    # ... not a verb that sets its object: the field is its new value (rclone's `set-gc-percent`)
    ({"/debug/set-gc-percent": {"post": op(request=_exemplified_body({"gc-percent": "50"}))}}, None),
])
def test_a_verb_and_its_object_in_a_silent_body(paths, expected):
    api = ApiModel.build(open_document("targets.json", text=json.dumps(spec(paths))))
    first = target(api, api.paths[0].operations[0], required=False)
    assert (first and (first.name, first.where, first.stem, first.required)) == expected


def test_an_asp_net_operation_id_that_only_says_its_http_method_defers_to_the_summary():
    # Avaza's `PUT /api/Company` is `Company_Put`, "Update a Company record.", and returns the company: an update
    # of the member its optional `CompanyID` names, not a create
    returns = {"200": {"description": "OK", "content": {"application/json": {"schema": {
        "$ref": "#/components/schemas/Company"}}}}}
    paths = {"/api/Company": {"put": op(request=body(optional=["CompanyID", "CompanyName"]), responses=returns,
                                        operationId="Company_Put", summary="Update a Company record.")},
             "/api/Company/{id}": {"get": op(path_param("id"))}, **_A_REQUIRED_FIELD}
    company = {"schemas": {"Company": {"type": "object", "properties": {"CompanyID": {"type": "integer"}}}}}
    api = ApiModel.build(open_document("targets.json", text=json.dumps({**spec(paths), "components": company})))
    assert [(t.name, t.counts) for t in api.targets(api.paths[0].operations[0])] == [("CompanyID", True)]


def test_a_key_spelled_as_its_literal_is_no_id_for_the_path():
    # kumpeapps' `PATCH /authkey?auth_key=` marks one key compromised: the literal is the collection of such keys
    # (aip122/plural-collection), but the key is a secret, so nothing moves it into a URL
    api, patch = operation({"/authkey": {"patch": op(query("auth_key", True), query("comments")), "post": op()}})
    assert api.targets(patch) == [] and patch.path.last.role is Role.COLLECTION


def test_a_list_named_after_its_members_is_their_collection_in_the_fix():
    paths = {"/kkid/userlist": {"get": op(), "post": op(), "delete": op(query("userID", True))}}
    api, delete = operation(paths, "delete")
    assert operation_fix(api, delete, colon=False) == "DELETE /kkid/users/{userID}"


@pytest.mark.parametrize(("paths", "expected"), [
    # an action right after the collection a key's noun names acts on that member (SolarVPS's domains/delete)
    ({"/domains/delete": {"post": op(query("domain", True))}}, [("domain", "query", "domain", True)]),
    # ... not one that makes it (a new domain's chosen name) or only checks a candidate name
    ({"/domains/add": {"post": op(query("domain", True))}}, []),
    ({"/domains/check": {"post": op(query("domain", True))}}, []),
    # the only key a GET on a plural collection requires, returning one object, names the member it reads
    # (RentCast's `GET /markets?zipCode=`, one market's statistics)
    ({"/markets": {"get": op(query("zipCode", True), query("historyRange"), responses={"200": {
        "description": "one", "content": {"application/json": {"schema": {"type": "object"}}}}})}},
     [("zipCode", "query", "market", True)]),
    # ... nor where the operation's name says it lists (AWS's `ListAccessLogSubscriptions?resourceIdentifier=`)
    ({"/accesslogsubscriptions": {"get": op(query("resourceIdentifier", True), operationId="ListAccessLogSubscriptions",
                                            responses={"200": {"description": "one", "content": {"application/json": {
                                                "schema": {"type": "object"}}}}})}}, []),
    # ... an attribute's noun is a value (Twitter's `POST /statuses/update.json?status=` posts that text)
    ({"/statuses/update.json": {"post": op(query("status", True))}}, []),
    # ... not a GET returning many (a filter)
    ({"/markets": {"get": op(query("zipCode", True), responses={"200": {
        "description": "many", "content": {"application/json": {"schema": {"type": "array"}}}}})}}, []),
])
def test_a_collections_own_key(paths, expected):
    assert found(paths) == expected


_ONE_OBJECT = {"200": {"description": "one", "content": {"application/json": {"schema": {"type": "object"}}}}}


@pytest.mark.parametrize(("paths", "fixed"), [
    # a thing's details are one thing's: OneBusAway's `route-details?routeId=` is the route
    ({"/api/where/route-details": {"get": op(query("routeId", True), operationId="getRouteDetails",
                                             responses=_ONE_OBJECT)}}, "GET /api/where/routes/{routeId}"),
    # ... and a bare `id` of it is that thing's (CodeCatalyst's `GET /userDetails?id=`, "GetUserDetails")
    ({"/userDetails": {"get": op(query("id"), operationId="GetUserDetails", responses=_ONE_OBJECT)}},
     "GET /users/{id}"),
    # a collection naming its parent after `for` lists the parent's members: `vehicles-for-stop?stopId=`
    ({"/api/where/vehicles-for-stop": {"get": op(query("stopId", True), operationId="getVehiclesForStop",
                                                 responses=_ONE_OBJECT)}}, "GET /api/where/stops/{stopId}/vehicles"),
])
def test_a_literal_naming_its_thing_or_parent_in_words(paths, fixed):
    api, get = operation(paths)
    assert operation_fix(api, get, colon=False) == fixed


# Rocket.Chat's `noun.verb` calls, beside a few paths with IDs (`/rooms.media/{rid}`): a call's ID names its target
DOTTED = {"/api/v1/rooms.media/{rid}": "post", "/api/v1/channels.archive": "post", "/api/v1/rooms.leave": "post",
          "/api/v1/teams.create": "post", "/api/v1/groups.archive": "post", "/api/v1/users.info": "get"}


def test_a_call_named_noun_verb_in_an_api_of_such_calls_names_its_target_by_its_id():
    paths = {"/api/v1/uploads.delete": {"post": op(request=body("fileId"))}, **DOTTED}
    assert found(paths) == [("fileId", "body", "file", True)]


def test_a_vendors_one_namespace_before_its_calls_names_no_things():
    # Graph's `/contacts/microsoft.graph.getUserOwnedObjects`: one namespace, not five resources' calls
    calls = {f"/{noun}/microsoft.graph.{verb}": "post" for noun, verb in (
        ("contacts", "delta"), ("devices", "validateProperties"), ("groups", "getByIds"), ("users", "delta"),
        ("applications", "getAvailableExtensionProperties"), ("{id}", "restore"))}
    paths = {"/contacts/microsoft.graph.getUserOwnedObjects": {"post": op(request=body("userId", "type"))},
             "/users/{user_id}": "get", **calls}
    api, _ = operation(paths)
    assert not api.calls_named_dotted


def test_a_calls_field_described_as_the_id_of_its_noun_is_its_target_and_nests_under_it():
    # Slack's `conversations.archive`: `channel`, optional, is "ID of conversation to archive"
    channel = {"type": "object", "properties": {"channel": {"type": "string",
                                                            "description": "ID of conversation to archive"}}}
    paths = {"/conversations.archive": {"post": op(request={"content": {"application/json": {"schema": channel}}})},
             **DOTTED}
    assert found(paths) == [("channel", "body", "conversation", False)]
    api, o = operation(paths)
    assert operation_fix(api, o, colon=False) == "POST /conversations/{channel}/archive"


def test_a_search_over_a_collection_matches_its_members_names_but_reads_the_one_its_id_names():
    # Google's `chains:search?chainName=`: "Search for a chain by its name", any match; an ID reads that one
    chains = {"/v1/chains/{chain}": "get"}
    assert found({"/v1/chains:search": {"get": op(query("chainName", True))}, **chains}) == []
    assert found({"/v1/chains:search": {"get": op(query("chain_id", True))}, **chains}) == [
        ("chain_id", "query", "chain", True)]


def test_an_add_of_several_things_acts_on_the_resource_whose_list_takes_them():
    # AIP-144: Rocket.Chat's `teams.addRooms {teamId, rooms}` adds rooms to one team; a create's IDs stay references
    paths = {"/api/v1/teams.addRooms": {"post": op(request=body("teamId", "rooms"))}, **DOTTED}
    assert found(paths) == [("teamId", "body", "team", True)]
    creates = {"/api/v1/teams.createRooms": {"post": op(request=body("teamId", "rooms"))}, **DOTTED}
    assert found(creates) == []


# api2cart's calls: `noun.verb.json`, each noun's ID a bare `id` in the query
CART = {"/order.list.json": "get", "/webhook.list.json": "get", "/customer.add.json": "post", "/cart.info.json": "get",
        "/attribute.add.json": "post"}


def test_a_bare_id_of_a_call_named_after_one_noun_is_that_nouns():
    paths = {"/product.delete.json": {"delete": op(query("id", True))}, **CART}
    assert found(paths) == [("id", "query", "", True)]
    api, o = operation(paths)
    assert operation_fix(api, o, colon=False) == "DELETE /products/{id}"
    # Slack's `calls.participants.remove {id}`: the call's ID, not a participant's, so no noun is picked
    assert found({"/calls.participants.remove": {"post": op(request=body("id", "users"))}, **CART}) == []


def test_a_dotted_call_with_a_file_extension_keeps_its_nouns_whole_in_its_fix():
    # `product.variant.delete.json`: the nouns `product.variant`, then `delete` (not `variant/delet/delete`)
    paths = {"/product.variant.delete.json": {"delete": op(query("product_id", True))}, **CART}
    api, o = operation(paths)
    assert operation_fix(api, o, colon=False) == "POST /products/{product_id}/variant/delete"


def test_a_view_of_a_plural_noun_keeps_it_as_written():
    # Slack's `GET /calls.info?id=`: the calls' collection is `calls`, not `callss`
    api, o = operation({"/calls.info": {"get": op(query("id", True), responses=_ONE_OBJECT)}, **CART})
    assert operation_fix(api, o, colon=False) == "GET /calls/{id}"


def _described(name: str, description: str) -> dict[str, Any]:
    return {**query(name, True), "description": description}


def test_a_key_its_description_calls_an_arn_is_its_things_id():
    # RDS and ElastiCache's `ListTagsForResource?ResourceName=`, "This value is an Amazon Resource Name (ARN).", as
    # `ResourceArn` is elsewhere; SES's `SnsTopic` (ARN too) names no thing by a key word: the topic is an argument
    aws = {"/#Action=CreateCacheCluster": "post", "/#Action=DescribeCacheClusters": "post"}
    arn = "The Amazon RDS resource with tags to be listed. This value is an Amazon Resource Name (ARN)."
    assert found({"/#Action=ListTagsForResource": {"get": op(_described("ResourceName", arn))}, **aws}) == [
        ("ResourceName", "query", "resource", True)]
    assert found({"/#Action=ListTagsForResource": {"get": op(_described("ResourceName", "The resource's name."))},
                  **aws}) == []
    topic = "The Amazon Resource Name (ARN) of the Amazon SNS topic."
    assert found({"/#Action=SetIdentityNotificationTopic": {"get": op(
        _described("Identity", "The identity to configure."), _described("SnsTopic", topic))}, **aws}) == []


def test_an_add_of_several_things_to_a_resource_named_after_a_preposition_acts_on_it():
    # AWS's `AddTagsToResource {ResourceArn, Tags}`: the tags go to the resource, which is the target, not a parent
    aws = {"/#Action=CreateCacheCluster": "post", "/#Action=DescribeCacheClusters": "post"}
    assert found({"/#Action=AddTagsToResource": {"post": op(request=body("ResourceArn", "Tags"))}, **aws}) == [
        ("ResourceArn", "body", "resource", True)]
    # adding one thing to another stays a create whose IDs are references (`AddRoleToDBCluster`)
    assert found({"/#Action=AddRoleToDBCluster": {"post": op(request=body("DBClusterIdentifier", "RoleArn"))},
                  **aws}) == []
