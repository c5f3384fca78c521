"""Segment roles, read directly from the model: a table of paths (with their siblings) and the role of every segment."""

from __future__ import annotations

import json

import pytest
from rules._kit import body, op, query, spec

from aiplint.model import ApiModel, Role
from aiplint.read.document import open_document

V, P, N, C, S, A, X, W = (Role.VERSION, Role.PARAM, Role.NAMESPACE, Role.COLLECTION, Role.SINGLETON, Role.ALIAS,
                          Role.CUSTOM_VERB, Role.WELL_KNOWN)


def roles(paths: dict, key: str) -> list[Role]:
    api = ApiModel.build(open_document("roles.json", text=json.dumps(spec(paths))))
    return [seg.role for seg in next(item for item in api.paths if item.key == key).segments]


ROLES = [
    # (paths: the key under test first, its siblings after; methods), expected roles of the first key's segments
    ({"/v1/jobs/{job_id}": "get"}, [V, C, P]),
    ({"/v1/version": "get"}, [V, W]),
    ({"/v1/chat/completions": "post"}, [V, N, C]),
    ({"/v1/files/{file_id}/content": "get"}, [V, C, P, S]),
    ({"/v1/jobs/{job_id}/cancel": "post"}, [V, C, P, X]),
    ({"/v1/jobs/{job_id}:cancel": "post"}, [V, C, P, X]),
    ({"/v1/books:batchGet": "get"}, [V, C, X]),
    ({"/v1/users/me": "get", "/v1/users/{user_id}": "get"}, [V, C, A]),
    ({"/v1/publishers/-/books": "get", "/v1/publishers/{publisher}": "get"}, [V, C, A, C]),
    ({"/v1alpha/post-training/job/status": "get", "/v1alpha/post-training/jobs": "get"}, [V, N, N, S]),
    ({"/v1/jobs/status": "get", "/v1/jobs/{job_id}": "get"}, [V, C, A]),
    ({"/v1/vector-io/insert": "post"}, [V, N, X]),
    ({"/v1/graders/run": "post"}, [V, C, X]),
    ({"/message/send": "post", "/messages": "get"}, [C, X]),  # the messages, misspelt: their collection's action
    ({"/message/send": "post"}, [N, X]),  # no plural beside it: a grouping
    # ... nor a singular holding things of its own (Dracoon's signed-in user) or read itself (Vonage's account)
    ({"/v4/user/logout": "post", "/v4/users": "get", "/v4/user/account": "get"}, [V, N, X]),
    ({"/account/get-balance": "get", "/accounts": "get", "/account": "get"}, [S, X]),
    ({"/swarm/join": "post", "/swarm": "get"}, [S, X]),
    # one singular thing of a plural's before its verb (NDHM's `/patients/profile/share`, ARM's provider namespace)
    ({"/v0.5/patients/profile/share": "post"}, [V, N, S, X]),
    ({"/providers/Microsoft.Network/checkTrafficManagerNameAvailability": "post"}, [N, S, X]),
    ({"/providers/Microsoft.Management/checkNameAvailability": "post"}, [N, S, X]),  # an uncountable one too
    ({"/v1/post-training/job/cancel": "post"}, [V, N, N, X]),  # under no plural: groupings
    # an RPC call `noun.verb` after a plural noun follows its collection: a verb that is also a noun is its action
    ({"/api/v1/rooms.hide": "post"}, [N, V, X]),
    ({"/api/v1/chat.hide": "post"}, [N, V, S]),  # not after a plural: the noun reading stands
    ({"/health": "get"}, [W]),
    ({"/_ping": "get"}, [W]),
    ({"/.well-known/openid-configuration": "get"}, [W, W]),
    ({"/auth/password/reset": "post"}, [W, W, W]),  # a sign-in flow's endpoints follow their protocol
    ({"/auth/admin/realms/{realm}/users": "get"}, [N, N, C, P, C]),  # with a parameter after it, an API of its own
    ({"/#Action=DeleteQueue": "post"}, [X]),
    ({"/{AccountNumber}/{QueueName}/#Action=DeleteMessage": "get"}, [P, P, X]),
    ({"/{AccountNumber}/{QueueName}/#Action=ChangeMessageVisibility": "get"}, [P, P, X]),  # the key says action
    ({"/v1/messages/{id}/trash": "post"}, [V, C, P, X]),  # mostly a noun, but nothing reads it: an action
    ({"/v1/messages/{id}/trash": "get delete"}, [V, C, P, S]),
    # a word that is only a verb names no resource to replace, whatever writes it (zoomconnect's `markRead` on PUT)
    ({"/v1/messages/{id}/markRead": "put post"}, [V, C, P, X]),
    ({"/v1/messages/{id}/markRead": "get put"}, [V, C, P, S]),  # something reads it: a resource
    ({"/v2/pullrequests/{id}/approve": "post delete"}, [V, C, P, S]),  # a DELETE withdraws the approval
    # a protocol's word after an ID is the member's own (authentik's `DELETE /grant-requests/{uuid}/revoke/`)
    ({"/grant-requests/{uuid}/revoke": "delete"}, [C, P, X]),
    ({"/oauth/revoke": "post"}, [W, W]),
    ({"/applications/{client_id}/token": "post delete"}, [C, P, W]),  # a noun stays the protocol's (GitHub)
    # `all` after a collection, read, is its List spelled as a literal (zoomconnect's `/contacts/all`)
    ({"/v1/contacts/all": "get", "/v1/contacts/{id}": "get"}, [V, C, X]),
    ({"/v1/sessions/all": "delete", "/v1/sessions/{id}": "get"}, [V, C, A]),
    ({"/messages/content.json": "post", "/messages/send.json": "post"}, [N, S]),  # a mass noun is no action
    ({"/v1/images/search": "get"}, [V, C, X]),  # a reading verb alone after a collection
    ({"/v1/pet/findByStatus": "get", "/v1/pet/{petId}": "get"}, [V, C, X]),
    ({"/v1/append-rows/{dataset_id}": "post"}, [V, C, P]),  # a verb in collection position stays `collection`
    ({"/v1/shipping_rate/{country}/{zone}": "get"}, [V, C, P, P]),
]


@pytest.mark.parametrize("paths, expected", ROLES, ids=[next(iter(p)) + " " + " ".join(p.values()).split()[0]
                                                         for p, _ in ROLES])
def test_segment_roles(paths, expected):
    assert roles(paths, next(iter(paths))) == expected


def test_a_plural_naming_calls_groups_them_unless_the_names_make_it_a_resource():
    # rclone's `/operations/purge` (`operationsPurge`): a grouping of calls, so `purge` is attached to nothing
    assert roles({"/operations/purge": {"post": op(operationId="operationsPurge")}}, "/operations/purge") == [N, X]
    # Airbyte's `/v1/operations/check` (`checkOperation`): its operations are resources, checked as a collection
    assert roles({"/v1/operations/check": {"post": op(operationId="checkOperation")}},
                 "/v1/operations/check") == [V, C, X]


def test_a_verb_in_collection_position_carries_its_verb():
    api = ApiModel.build(open_document("roles.json", text=json.dumps(spec({"/v1/append-rows/{dataset_id}": "post"}))))
    assert [seg.verb for seg in api.paths[0].segments] == [None, "append", None]


def test_role_predicates():
    assert [r for r in Role if r.identifies] == [P, A]
    assert [r for r in Role if r.is_resource] == [P, C, S]
    assert [r for r in Role if r.is_thing] == [C, S]
    assert [r for r in Role if r.is_noun] == [N, C, S]


def test_the_lexicon_travels_with_the_model():
    from aiplint.model.lexicon import Lexicon, Vocabulary

    document = open_document("roles.json", text=json.dumps(spec({"/v1/widgets/{widget_id}/frobnicate": "get"})))
    plain, project = ApiModel.build(document), ApiModel.build(document, Lexicon.of(Vocabulary(verbs=frozenset({"frobnicate"}))))
    assert plain.paths[0].segments[-1].role is S and project.paths[0].segments[-1].role is X
    assert plain.lexicon is Lexicon.of() and project.lexicon is not plain.lexicon


# The questions rules ask of the model, each named once (on Segment, PathItem, Operation, ApiModel) and tested here
# on realistic paths.

def model(paths: dict) -> ApiModel:
    return ApiModel.build(open_document("predicates.json", text=json.dumps(spec(paths))))


def path(api: ApiModel, key: str):
    return next(item for item in api.paths if item.key == key)


def seg(api: ApiModel, key: str, text: str):
    return next(s for s in path(api, key).segments if s.text == text)


def test_a_collection_is_a_noun_before_an_id_not_a_verb_standing_there():
    api = model({"/v1/jobs/{job_id}": "get", "/v1/append-rows/{dataset_id}": "post", "/v1/chat/completions": "post"})
    assert seg(api, "/v1/jobs/{job_id}", "jobs").is_collection
    rows = seg(api, "/v1/append-rows/{dataset_id}", "append-rows")
    assert rows.role is C and rows.verb == "append" and not rows.is_collection
    assert not seg(api, "/v1/chat/completions", "chat").is_collection  # a namespace
    assert seg(api, "/v1/chat/completions", "completions").is_collection  # a terminal plural noun


def test_a_custom_verb_and_the_custom_method_of_an_operation():
    api = model({"/v1/batches/{batch_id}/cancel": "post", "/v1/books:batchGet": "get", "/v1/batches/{batch_id}": "get"})
    cancel, batch_get, get = (path(api, k).operations[0] for k in
                              ("/v1/batches/{batch_id}/cancel", "/v1/books:batchGet", "/v1/batches/{batch_id}"))
    assert cancel.is_custom_method and cancel.custom_verb is not None and cancel.custom_verb.text == "cancel"
    assert cancel.custom_verb.is_custom_verb and not cancel.custom_verb.colon
    assert batch_get.is_custom_method and batch_get.custom_verb is not None and batch_get.custom_verb.colon
    assert not get.is_custom_method and get.custom_verb is None


def test_neighbours_of_a_segment():
    api = model({"/v1/files/{file_id}/content": "get", "/": "get"})
    item = path(api, "/v1/files/{file_id}/content")
    version, files, file_id, content = item.segments
    assert item.before(version) is None and item.before(files) is version and item.after(files) is file_id
    assert item.after(content) is None and item.last is content
    assert path(api, "/").last is None
    assert item.followed_by_id(files) and not item.followed_by_id(file_id) and not item.followed_by_id(content)
    assert not item.under_an_id(files) and not item.under_an_id(file_id) and item.under_an_id(content)


def test_the_collection_an_id_belongs_to():
    api = model({"/v1/vector_stores/{vector_store_id}/files/{file_id}": "get", "/v1/append-rows/{dataset_id}": "post",
                 "/v1/{name}": "get"})
    item = path(api, "/v1/vector_stores/{vector_store_id}/files/{file_id}")
    _, stores, store_id, files, file_id = item.segments
    assert item.collection_of(store_id) is stores and item.collection_of(file_id) is files
    assert item.collection_of(stores) is None  # not an ID
    rows = path(api, "/v1/append-rows/{dataset_id}")
    assert rows.collection_of(rows.segments[-1]) is None  # a verb stands where the collection belongs
    named = path(api, "/v1/{name}")
    assert named.collection_of(named.segments[-1]) is None  # after a version


def test_a_verb_on_a_collection():
    api = model({"/v1/jobs/cancel": "post", "/v1/jobs/{job_id}": "get", "/v1/jobs/{job_id}/cancel": "post",
                 "/v1/books:batchGet": "get", "/v1/vector-io/insert": "post"})
    assert path(api, "/v1/jobs/cancel").verb_on_collection is seg(api, "/v1/jobs/cancel", "cancel")
    assert path(api, "/v1/books:batchGet").verb_on_collection is not None
    assert path(api, "/v1/jobs/{job_id}/cancel").verb_on_collection is None  # on a member
    assert path(api, "/v1/vector-io/insert").verb_on_collection is None  # after a namespace
    assert path(api, "/v1/jobs/{job_id}").verb_on_collection is None  # no custom method


def test_an_attached_custom_verb():
    api = model({"/v1/jobs/{job_id}/cancel": "post", "/v1/books:batchGet": "get", "/v1/vector-io/insert": "post",
                 "/v1/orders/{order_id}/shipment/cancel": "post", "/swarm/join": "post", "/swarm": "get"})
    for key in ("/v1/jobs/{job_id}/cancel", "/v1/books:batchGet", "/v1/orders/{order_id}/shipment/cancel", "/swarm/join"):
        item = path(api, key)
        assert item.custom_verb is not None and item.is_attached(item.custom_verb), key
    insert = path(api, "/v1/vector-io/insert")
    assert insert.custom_verb is not None and not insert.is_attached(insert.custom_verb)


def test_the_path_addressing_a_collections_members():
    api = model({"/v1/import/status": "get", "/v1/import/status/{importUuid}": "get",
                 "/v1/import/status/{other}/logs": "get", "/v1/config": "get"})
    status = path(api, "/v1/import/status")
    assert api.member_path(status, status.segments[-1]) is path(api, "/v1/import/status/{importUuid}")  # the first
    config = path(api, "/v1/config")
    assert api.member_path(config, config.segments[-1]) is None


def test_a_prefix_continued_by_a_parameter():
    api = model({"/v1/users/{user_id}": "get", "/v1/users/me": "get", "/v1/teams/{team}.json": "get"})
    users = path(api, "/v1/users/me")
    assert api.prefixes.param_child(users.prefix(2)) == path(api, "/v1/users/{user_id}").prefix()
    assert api.prefixes.param_child(users.prefix()) is None
    teams = path(api, "/v1/teams/{team}.json")
    assert api.prefixes.param_child(teams.prefix(2)) is None  # `{team}.json` is not a bare parameter
    assert api.prefixes.has_children(users.prefix(2)) and not api.prefixes.has_children(users.prefix())


ETHERPAD_CALLS = ("createPad", "deletePad", "getText", "appendText", "listAuthorsOfPad", "createGroup", "deleteGroup",
                  "listPads", "getRevisionsCount", "movePad", "createAuthor", "getHTML", "deleteSession",
                  "createSession", "getReadOnlyID")


def test_an_rpc_api_reads_a_homograph_leading_a_call_as_its_verb():
    # Etherpad: every path is one call; `setText` and `copyPad` are calls too, not a `set` of texts
    calls = {f"/{name}": "get post" for name in (*ETHERPAD_CALLS, "setText", "copyPad", "padUsers")}
    assert roles(calls, "/setText") == roles(calls, "/copyPad") == [Role.CUSTOM_VERB]
    assert roles(calls, "/padUsers") != [Role.CUSTOM_VERB]  # a plural object: a noun phrase
    # a listed verb that is also a noun leads a call before any noun its case separates (WikiPathways)
    finds = {f"/{name}": "get" for name in (*ETHERPAD_CALLS, "findInteractions", "findPathwaysByText")}
    assert roles(finds, "/findInteractions") == roles(finds, "/findPathwaysByText") == [Role.CUSTOM_VERB]
    few = {f"/{name}": "get post" for name in ("createPad", "setText")}
    assert roles(few, "/setText") != [Role.CUSTOM_VERB]  # two calls are no RPC API


def _named(paths: dict[str, str]) -> dict[str, dict]:
    """`path: operationId`, each path one POST named so."""
    return {path: {"post": {"operationId": name, "responses": {"200": {"description": "OK"}}}}
            for path, name in paths.items()}


def test_a_literal_spelling_its_operation_id_is_the_call_it_names():
    # AWS Batch's lower-cased calls and Google discovery's slash methods: the operationId says verb and object
    assert roles(_named({"/v1/describejobqueues": "DescribeJobQueues"}), "/v1/describejobqueues") == [V, X]
    assert roles(_named({"/v1/placements/generatetags": "dfareporting.placements.generatetags"}),
                 "/v1/placements/generatetags") == [V, C, X]
    assert roles(_named({"/v1/conversions/batchinsert": "dfareporting.conversions.batchinsert"}),
                 "/v1/conversions/batchinsert") == [V, C, X]
    # the plural a collection-level call follows is its collection
    assert roles(_named({"/backups/describe-backups": "DescribeBackups"}), "/backups/describe-backups") == [C, X]


def test_a_net_controllers_action_is_a_call():
    # NSwag's `Controller_Action`: an action named by a verb, a listed verb that is also a noun before a singular too
    named = {**_named({"/api/estimation/changestatus": "EstimationApi_ChangeStatus",
                       "/api/estimation/sendtoclient": "EstimationApi_SendToClient"}),
             **{path: {"get": {"operationId": name, "responses": {"200": {"description": "OK"}}}} for path, name in (
                 ("/Line/{id}/StopPoints", "Line_StopPoints"), ("/wars/{war_id}/killmails", "get_wars_war_id_killmails"))}}
    assert roles(named, "/api/estimation/changestatus")[-1] == roles(named, "/api/estimation/sendtoclient")[-1] == X
    # a noun phrase before a plural (`StopPoints`), and snake_case operationIds, are no controller's action
    assert roles(named, "/Line/{id}/StopPoints")[-1] != X
    assert roles(named, "/wars/{war_id}/killmails")[-1] != X


def test_an_operation_id_that_repeats_a_noun_phrase_is_no_call():
    # a verb that is also a noun leads a noun phrase; a name whose first word is a noun; a name that differs
    assert roles(_named({"/direct_messages.json": "direct_messages"}), "/direct_messages.json") == [C]
    assert roles(_named({"/v1/subclassificationIndianFullBatch": "subclassificationIndianFullBatch"}),
                 "/v1/subclassificationIndianFullBatch") != [V, X]
    assert roles(_named({"/v1/jobqueues": "DescribeJobQueues"}), "/v1/jobqueues") == [V, C]


def test_a_net_controller_is_a_collection_on_every_path_it_starts():
    # envoice's `/api/client/*`: a view of one client named by `?id=`, so `client` is the collection everywhere
    paths = {"/api/client/details": {"get": op(query("id", True))}, "/api/client/delete": {"post": op(
        request=body("Id"))}, "/api/client/all": "get"}
    assert roles(paths, "/api/client/details") == [N, C, C]
    assert roles(paths, "/api/client/delete")[1] == roles(paths, "/api/client/all")[1] == C
    # after a grouping only an attribute is surely a view: `getAssociationById` reads an association
    assert roles({"/platform/public/association": {"get": op(query("id", True))}},
                 "/platform/public/association")[1] == N
    # a singular whose plural the API has stands in for a member of it (collection-name-consistency's)
    assert roles({"/v1/post-training/job/status": {"get": op(query("job_uuid", True))},
                  "/v1/post-training/jobs": "get"}, "/v1/post-training/job/status") == [V, N, N, S]


def test_a_verb_phrase_before_an_id_is_a_verb_though_its_object_is_the_ids():
    # Airflow's `parseDagFile/{file_token}`, smart-me's `RegisterForRealtimeApi/{id}`: the verb acts on what the ID
    # names; a verb that is also a noun, alone before another thing's ID, is a verb too (ClickSend's `buy`)
    api = model({"/parseDagFile/{file_token}": "put", "/api/RegisterForRealtimeApi/{id}": "delete",
                 "/numbers/buy/{dedicated_number}": "post", "/recharge/purchase/{package_id}": "put",
                 "/users/{userId}/settings/sendAs/{sendAsEmail}": "get", "/v1/append-rows/{dataset_id}": "post"})
    assert seg(api, "/parseDagFile/{file_token}", "parseDagFile").verb == "parse"
    assert seg(api, "/api/RegisterForRealtimeApi/{id}", "RegisterForRealtimeApi").verb == "register"
    assert seg(api, "/numbers/buy/{dedicated_number}", "buy").verb == "buy"
    assert seg(api, "/recharge/purchase/{package_id}", "purchase").verb == "purchase"
    refund = model({"/custom-gateway/refund/{ownershipId}": "post", "/itv/purchase/{platform}": "get"})
    assert seg(refund, "/custom-gateway/refund/{ownershipId}", "refund").verb == "refund"
    assert seg(refund, "/itv/purchase/{platform}", "purchase").verb is None  # read with GET: purchases
    # but a literal its members' ID is named after is their collection (Gmail's send-as aliases)
    assert seg(api, "/users/{userId}/settings/sendAs/{sendAsEmail}", "sendAs").verb is None


def test_new_on_a_write_is_a_create_named_as_an_action():
    # envoice's and Jellyfin's `POST .../new`; `GET /notifications/new` lists the new ones
    paths = {"/api/client/new": "post", "/api/client/{id}": "get", "/notifications/new": "get"}
    assert roles(paths, "/api/client/new") == [N, C, X]
    assert roles(paths, "/notifications/new")[-1] is not X


def test_a_name_going_on_from_the_literal_says_its_verb_where_nothing_reads_it():
    # ShipEngine's `PUT /carriers/{id}/add_funds` "Add funds to carrier", LlamaCloud's `PUT /files/sync` "Sync Files"
    named = {path: {method: {"operationId": name, "summary": summary, "responses": {"200": {"description": "OK"}}}}
             for path, method, name, summary in (
                 ("/v1/carriers/{carrier_id}/add_funds", "put", "add_funds_to_carrier", "Add funds to carrier"),
                 ("/api/v1/files/sync", "put", "sync_files_api_v1_files_sync_put", "Sync Files"),
                 ("/search.json", "get", "search", "Search for a term"))}
    assert roles(named, "/v1/carriers/{carrier_id}/add_funds")[-1] is X
    assert roles(named, "/api/v1/files/sync")[-1] is X
    assert roles(named, "/search.json")[-1] is not X  # read with GET: a resource whatever its name restates


def test_what_a_literal_before_an_id_is_not_the_collection_of():
    # a lookup by a key, and a kind of the plural before it (authentik's `/providers/ldap/{id}`); an ID named after
    # the literal, or a locator, addresses its own members (Mastodon's `/timelines/tag/{hashtag}`)
    api = model({"/extraction-agents/by-name/{name}": "get", "/providers/ldap/{id}": "get",
                 "/timelines/tag/{hashtag}": "get", "/datasets/queuedEvent/{uri}": "get", "/api/client/{id}": "get"})
    def other(key: str, text: str) -> bool:
        return api.names_other_thing(path(api, key), seg(api, key, text))
    assert other("/extraction-agents/by-name/{name}", "by-name")
    assert other("/providers/ldap/{id}", "ldap")
    assert not other("/timelines/tag/{hashtag}", "tag")
    assert not other("/datasets/queuedEvent/{uri}", "queuedEvent")
    assert not other("/api/client/{id}", "client")


def test_a_singular_literal_that_lists_itself_is_its_collection():
    # Avaza's `GET /api/TaskType` answers a `TaskTypeList` page; `GET /readinglist` answering books stays a singleton
    page = {"200": {"description": "OK", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/"
                                                                                              "TaskTypeList"}}}}}
    books = {"200": {"description": "OK", "content": {"application/json": {"schema": {"type": "array", "items": {
        "$ref": "#/components/schemas/Book"}}}}}}
    document = spec({"/api/TaskType": {"get": op(responses=page)}, "/readinglist": {"get": op(responses=books)}},
                    components={"schemas": {
                        "TaskTypeList": {"type": "object", "properties": {"TaskTypes": {"type": "array", "items": {
                            "$ref": "#/components/schemas/TaskType"}}, "TotalCount": {"type": "integer"}}},
                        "TaskType": {"type": "object", "properties": {"id": {"type": "string"}}},
                        "Book": {"type": "object", "properties": {"id": {"type": "string"}}}}})
    api = ApiModel.build(open_document("lists.json", text=json.dumps(document)))
    assert seg(api, "/api/TaskType", "TaskType").role is C
    assert seg(api, "/readinglist", "readinglist").role is S


def test_a_relation_ending_in_a_preposition_is_no_collection():
    # Microsoft Graph's `transitiveMemberOf/{directoryObject-id}`
    api = model({"/contacts/{id}/transitiveMemberOf/{directoryObject-id}": "get"})
    key = "/contacts/{id}/transitiveMemberOf/{directoryObject-id}"
    assert api.names_other_thing(path(api, key), seg(api, key, "transitiveMemberOf"))


def test_a_search_listing_its_results_is_no_collection():
    # Anchore's `GET /images/{imageDigest}/artifacts/secret_search` answers `[SecretSearch]`
    listed = {"200": {"description": "OK", "content": {"application/json": {"schema": {"type": "array", "items": {
        "$ref": "#/components/schemas/SecretSearch"}}}}}}
    document = spec({"/images/{imageDigest}/artifacts/secret_search": {"get": op(responses=listed)}},
                    components={"schemas": {"SecretSearch": {"type": "object", "properties": {"path": {
                        "type": "string"}}}}})
    api = ApiModel.build(open_document("search.json", text=json.dumps(document)))
    assert seg(api, "/images/{imageDigest}/artifacts/secret_search", "secret_search").role is not C


def test_a_log_listing_its_items_is_one_log():
    # Contribly's `GET /change-log` answers `[ChangeLogItem]`: one log of items, not a collection of logs
    items = {"200": {"description": "OK", "content": {"application/json": {"schema": {"type": "array", "items": {
        "$ref": "#/components/schemas/ChangeLogItem"}}}}}}
    document = spec({"/change-log": {"get": op(responses=items)}},
                    components={"schemas": {"ChangeLogItem": {"type": "object", "properties": {"id": {"type": "string"}}}}})
    api = ApiModel.build(open_document("log.json", text=json.dumps(document)))
    assert seg(api, "/change-log", "change-log").role is not C


def test_an_uncountable_literal_read_as_one_object_is_a_thing_and_its_actions_are_its_own():
    # Graph's `GET /deviceManagement` answers the one object; IoT SiteWise's `GET /timeseries` lists time series
    listed = {"200": {"description": "OK", "content": {"application/json": {"schema": {"type": "array", "items": {
        "type": "object"}}}}}}
    document = spec({"/deviceManagement/getEffectivePermissions": "get", "/deviceManagement": "get",
                     "/timeseries/describe": "get", "/timeseries": {"get": op(responses=listed)}})
    api = ApiModel.build(open_document("uncountable.json", text=json.dumps(document)))
    assert seg(api, "/deviceManagement/getEffectivePermissions", "deviceManagement").role is S
    assert seg(api, "/timeseries/describe", "timeseries").role is N
