"""aip136/verb-naming: no standard methods or synonyms, no prepositions or `async`, one case style."""

import pytest

from .._kit import Case, Expected, assert_findings, check_case, fixture, ids, lint, op, params, position_of, spec

RULE = "aip136/verb-naming"


def E(path: str, verb: str, fragment: str, on: str | None = None, fix: str | None = None) -> Expected:
    """A problem of the path's verb; with `on` and `fix`, reported at the path's one operation `on` with the
    operation's fix, which rewrites the verb away (a standard method in disguise)."""
    return Expected(on, path, f"custom verb `{verb}` {fragment}", fix)


def test_bad_fixture():
    findings = lint(fixture(RULE, "bad.yaml"), RULE)
    assert_findings(findings, [
        E("/v1/tool-runtime/list-tools", "list-tools", "is the standard method `list`", "GET",
          "GET /v1/tool-runtime/tools"),
        E("/v1/items/{item_id}:fetch", "fetch", "is `fetch`, a synonym of the standard method `get`", "POST",
          "GET /v1/items/{item_id}"),
        E("/v1/products/{product_id}:addToCart", "addToCart", "contains the preposition `to`"),
        E("/v1/jobs/{job_id}:runAsync", "runAsync", "contains `async`"),
        E("/v1/prompts/{prompt_id}:set_default_version", "set_default_version",
          "is not lowerCamelCase; write `:setDefaultVersion`"),
    ])
    tools = next(f for f in findings if "list-tools" in f.path)
    assert (tools.line, tools.column) == position_of(fixture(RULE, "bad.yaml"), "/v1/tool-runtime/list-tools")


def test_good_fixture():
    assert lint(fixture(RULE, "good.yaml"), RULE) == []


CASES = [
    Case("positive", "GET /v1/tool-runtime/list-tools", spec({"/v1/tool-runtime/list-tools": "get"}),
         [E("/v1/tool-runtime/list-tools", "list-tools", "is the standard method `list`", "GET",
            "GET /v1/tool-runtime/tools")]),
    Case("positive", "standard delete as a slash verb", spec({"/v1/jobs/{job_id}/delete": "post"}),
         [E("/v1/jobs/{job_id}/delete", "delete", "is the standard method `delete`", "POST", "DELETE /v1/jobs/{job_id}")]),
    Case("positive", "synonym insert (POST /v1/vector-io/insert)", spec({"/v1/vector-io/insert": "post"}),
         [E("/v1/vector-io/insert", "insert", "is `insert`, a synonym of the standard method `create`")]),
    Case("positive", "synonym retrieve", spec({"/v1/models/{model_id}:retrieve": "get"}),
         [E("/v1/models/{model_id}:retrieve", "retrieve", "is `retrieve`, a synonym of the standard method `get`", "GET",
            "GET /v1/models/{model_id}")]),
    Case("positive", "kebab preposition move-to-trash", spec({"/v1/files/{file_id}/move-to-trash": "post"}),
         [E("/v1/files/{file_id}/move-to-trash", "move-to-trash", "contains the preposition `to`")]),
    Case("positive", "colon verb not lowerCamelCase", spec({"/v1/prompts/{prompt_id}:SetDefault": "post"}),
         [E("/v1/prompts/{prompt_id}:SetDefault", "SetDefault", "is not lowerCamelCase; write `:setDefault`")]),
    Case("positive", "slash verb breaking the document's kebab style", spec({
        "/v1/a/{a_id}/set-default": "post", "/v1/b/{b_id}/mark-read": "post", "/v1/c/{c_id}/mark_unread": "post"}),
        [E("/v1/c/{c_id}/mark_unread", "mark_unread", "is snake-case while this document's custom verbs are kebab-case")]),
    Case("negative", "one glued word or a word and a number has no case style (rclone's copyfile, ping2)", spec({
        "/v1/a/{a_id}/set-default": "post", "/v1/b/{b_id}/mark-read": "post", "/v1/c/{c_id}/copyfile": "post",
        "/v1/d/{d_id}/ping2": "post"}), []),
    Case("positive", "a Get of a singleton spelled as a colon verb (AIP-156)", spec({"/v1/{name}:getConfig": "get"}),
         [E("/v1/{name}:getConfig", "getConfig", "is a standard Get of `config`, a part of the resource; use "
            "`GET /v1/{name}/config`", "GET", "GET /v1/{name}/config")]),
    Case("negative", "Google's verb + noun with no standard method it could be", spec({
        "/v1/{parent}/subnetworks:listUsable": "get", "/v1/{name}:createOrUpdate": "post"}), []),
    Case("negative", "Cloud KMS :destroy keeps the version: no Delete", spec({"/v1/{name}:destroy": "post"}), []),
    Case("negative", "AIP exceptions", spec({
        "/v1/books:batchGet": "get", "/v1/books:batchCreate": "post", "/v1/books:batchDelete": "post",
        "/v1/books/{book_id}:undelete": "post", "/v1/books/{book_id}:listRevisions": "get",
        "/v1/{resource}:getIamPolicy": "post", "/v1/{resource}:setIamPolicy": "post",
        "/v1/{resource}:testIamPermissions": "post"}), []),
    Case("negative", "Google colon method /v1/{name}:cancel", spec({"/v1/{name}:cancel": "post"}), []),
    Case("negative", "LongRunning suffix", spec({"/v1/jobs/{job_id}:exportLongRunning": "post"}), []),
    Case("negative", "batch/update reads as batchUpdate", spec({"/v1/findings/batch/update": "post"}), []),
    Case("negative", "allow option", spec({"/v1/vector-io/insert": "post"}), [], options={"allow": ["insert"]}),
    Case("negative", "one consistent kebab style", spec({
        "/v1/a/{a_id}/set-default": "post", "/v1/b/{b_id}/mark-read": "post"}), []),
    Case("negative", "camelCase slash verbs among single words", spec({
        "/v1/prompts/{prompt_id}/setDefault": "post", "/v1/jobs/{job_id}/cancel": "post"}), []),
    Case("negative", "nouns that start like standard verbs are not verbs (listings, updates)", spec({
        "/v1/listings/{listing_id}": "get", "/v1/updates": "get"}), []),
    Case("negative", "sub-resource content is not a verb", spec({"/v1/files/{file_id}/content": "get"}), []),
    Case("positive", "remove with nothing to remove named is a Delete", spec({"/v1/batches/{batch_id}/remove": "post"}),
         [E("/v1/batches/{batch_id}/remove", "remove", "is `remove`, a synonym of the standard method `delete`",
            "POST", "DELETE /v1/batches/{batch_id}")]),
    Case("negative", "AIP-144: remove with a body of what to take out of a field (ShipEngine's batches)", spec({
        "/v1/batches/{batch_id}/remove": {"post": {"requestBody": {"content": {"application/json": {"schema": {
            "type": "object", "properties": {"shipment_ids": {"type": "array", "items": {"type": "string"}}}}}}},
            "responses": {"204": {"description": "removed"}}}}}), []),
    Case("negative", "a lookup list answering many (Avaza's Task/Lookup)", spec({"/api/Task/Lookup": {"get": op(
        responses={"200": {"description": "OK", "content": {"application/json": {"schema": {
            "type": "array", "items": {"type": "object"}}}}}})}}), []),
    Case("positive", "new on a collection is a Create (.NET and Rails actions)", spec({
        "/api/clients/new": "post", "/api/clients/{id}": "get"}),
        [E("/api/clients/new", "new", "is `new`, a synonym of the standard method `create`", "POST", "POST /api/clients")]),
    Case("positive", "all after a collection, read, is its List (zoomconnect's /contacts/all)", spec({
        "/api/v1/contacts/all": "get", "/api/v1/contacts/{contactId}": "get"}),
        [E("/api/v1/contacts/all", "all", "stands for all the collection's members: it is the standard List", "GET",
           "GET /api/v1/contacts")]),
    Case("positive", "add right after a collection whose members the API addresses is a Create (ElevenLabs)", spec({
        "/v1/voices/add": "post", "/v1/voices/{voice_id}": "get"}),
        [E("/v1/voices/add", "add", "is `add`, a synonym of the standard method `create`", "POST", "POST /v1/voices")]),
    Case("negative", "add in an API that addresses no member by its path is its way to make one (Mandrill)", spec({
        "/templates/add.json": "post", "/templates/info.json": "post"}), []),
    Case("negative", "add beside the collection's Create adds many (Microsoft Graph's members/add)", spec({
        "/teams/{team_id}/members/add": "post", "/teams/{team_id}/members": "get post",
        "/teams/{team_id}/members/{member_id}": "get"}), []),
    Case("negative", "add with a body of existing things to put in (Graph's sites/add follows sites)", spec({
        "/sites/add": {"post": op(request={"content": {"application/json": {"schema": {"type": "object", "properties": {
            "value": {"type": "array", "items": {"type": "object"}}}}}}})}, "/sites/{site_id}": "get"}), []),
    Case("negative", "a :add is a custom method written so on purpose (Cloud Identity's idpCredentials:add)", spec({
        "/v1/{parent}/idpCredentials:add": "post", "/v1/{parent}/idpCredentials/{credential}": "get"}), []),
    Case("negative", "AIP-144: add after a member adds to it, addTag puts a tag in", spec({
        "/v1/batches/{batch_id}/add": "post", "/v1/items/{item_id}/addTag": "post"}), []),
    Case("positive", "all beside the collection's own List repeats it (GitLab's /projects/all)", spec({
        "/v3/projects/all": "get", "/v3/projects": {"get": op(responses={"200": {"description": "OK", "content": {
            "application/json": {"schema": {"type": "array", "items": {"type": "object"}}}}}})},
        "/v3/projects/{id}": "get"}),
        [E("/v3/projects/all", "all", "repeats the collection's List; list there, with a filter for what `all` adds",
           "GET", "GET /v3/projects")]),
    Case("negative", "all deleted is an action on all of them, not a List", spec({
        "/api/v1/sessions/all": "delete", "/api/v1/sessions/{id}": "get"}), []),
]


@pytest.mark.parametrize("case", params(CASES), ids=ids(CASES))
def test_case(case):
    check_case(RULE, case)
