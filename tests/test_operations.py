"""`aiplint.model.operations` and `aiplint model`: what each operation is (kind, resource, where its ID travels),
asserted on the model directly, on realistic operations whose spec leaves the target's ID optional or names it
only in the operationId, and on the Llama Stack spec the project exists for."""

from __future__ import annotations

import json
from typing import Any

import pytest
from click.testing import CliRunner
from conftest import llama_stack
from rules._kit import body, op, query, spec

import aiplint
from aiplint.cli import cli
from aiplint.model import ApiModel
from aiplint.model.operations import Kind
from aiplint.model.types import Shape
from aiplint.read.document import open_document

ONE = {"200": {"description": "one", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Team"}}}}}
MANY = {"200": {"description": "many", "content": {"application/json": {
    "schema": {"type": "array", "items": {"$ref": "#/components/schemas/Team"}}}}}}
PAGE = {"200": {"description": "page", "content": {"application/json": {"schema": {"type": "object", "properties": {
    "teams": {"type": "array", "items": {"$ref": "#/components/schemas/Team"}}, "next_page_token": {"type": "string"}}}}}}}
TEAM = {"schemas": {"Team": {"type": "object", "properties": {"id": {"type": "string"}, "name": {"type": "string"}}}}}


def model(paths: dict[str, Any]) -> ApiModel:
    return ApiModel.build(open_document("facts.json", text=json.dumps(spec(paths, components=TEAM))))


def facts(paths: dict[str, Any], label: str):
    api = model(paths)
    return api.facts(next(o for o in api.operations if o.label == label))


TEAMS = "/v1/teams/{team_id}"

CASES = [
    # the spec leaves the ID optional; a DELETE on a collection still removes one team
    ({"/v1/team": {"delete": op(query("team_id"))}, TEAMS: "get"}, "DELETE /v1/team", Kind.DELETE, "query", "team_id"),
    # a GET returning one team, selected by an optional key
    ({"/v1/teams": {"get": op(query("team_id"), responses=ONE, operationId="get_team_by_id")}, TEAMS: "get"},
     "GET /v1/teams", Kind.GET, "query", "team_id"),
    # the same GET returning a list: a filter, not a target
    ({"/v1/teams": {"get": op(query("team_id"), responses=MANY, operationId="list_teams")}, TEAMS: "get"},
     "GET /v1/teams", Kind.LIST, "none", None),
    # a page of teams with a paging token: a List
    ({"/v1/teams": {"get": op(query("page_token"), query("team_id"), responses=PAGE)}, TEAMS: "get"},
     "GET /v1/teams", Kind.LIST, "none", None),
    # the team's own ID in the body of a PUT on the collection
    ({"/v1/teams": {"put": op(request=body(optional=["id", "name"]), responses=ONE)}, TEAMS: "get"},
     "PUT /v1/teams", Kind.REPLACE, "body", "id"),
    # a standard Get on the member's path
    ({TEAMS: {"get": op(responses=ONE)}}, "GET /v1/teams/{team_id}", Kind.GET, "path", None),
    # a custom method after the member
    ({TEAMS + "/archive": {"post": op(responses=ONE)}, TEAMS: "get"},
     "POST /v1/teams/{team_id}/archive", Kind.CUSTOM, "path", None),
    # an RPC method in the key's query string; the operationId names one group by its ID
    ({"/rest?method=flickr.groups.getInfo": {"get": op(query("group_id"), operationId="getGroupByID", responses=ONE)}},
     "GET /rest?method=flickr.groups.getInfo", Kind.CUSTOM, "query", "group_id"),
]


@pytest.mark.parametrize(("paths", "label", "kind", "id_in", "target"), CASES, ids=[c[1] + " " + c[2].value for c in CASES])
def test_facts(paths, label, kind, id_in, target):
    found = facts(paths, label)
    assert (found.kind, found.id_in, found.target.name if found.target else None) == (kind, id_in, target)


def test_the_evidence_is_weighed_and_shown():
    paths = {"/v1/teams": {"get": op(query("team_id"), responses=ONE, operationId="get_team_by_id")}, TEAMS: "get"}
    found = facts(paths, "GET /v1/teams")
    weighed = {(e.signal, e.weight) for e in found.evidence if e.weight}
    assert weighed == {("response", 2), ("operationId", 2), ("siblings", 1)}  # `/v1/teams/{team_id}` beside
    assert found.shape is Shape.ONE and found.named_verb == "get" and not found.target.required


@pytest.mark.parametrize(("security", "target"), [
    ({}, "key"),  # the attachment's key
    ({"securitySchemes": {"api": {"type": "apiKey", "in": "query", "name": "key"}}}, None),  # an API key
])
def test_a_bare_key_names_the_member_unless_it_is_the_api_key(security, target):
    paths = {"/v1/teams": {"get": op(query("key"), responses=ONE, operationId="get_team")}, TEAMS: "get"}
    document = spec(paths, components={**TEAM, **security})
    api = ApiModel.build(open_document("key.json", text=json.dumps(document)))
    found = api.facts(next(o for o in api.operations if o.label == "GET /v1/teams"))
    assert (found.target.name if found.target else None) == target


def test_a_required_id_needs_no_evidence():
    paths = {"/v1/team/status": {"get": op(query("team_id", required=True), responses=MANY)}, TEAMS: "get"}
    assert facts(paths, "GET /v1/team/status").target.name == "team_id"


def test_the_llama_stack_job_status_acts_on_a_job_named_in_the_query():
    api = ApiModel.build(open_document(str(llama_stack("before"))))
    status = next(o for o in api.operations if o.path.key == "/v1alpha/post-training/job/status")
    found = api.facts(status)
    # this revision declares `job_uuid` `in: path` though the template has no `{job_uuid}`
    assert (found.id_in, found.target.name, found.resource) == ("path-not-in-template", "job_uuid", "job")
    models = next(r for r in api.resources if r.plural == "models")
    assert (models.singular, models.pattern) == ("model", "/v1/models/{model_id}")
    assert {o.label for o in models.operations} >= {"GET /v1/models", "GET /v1/models/{model_id}"}


def test_the_model_command_prints_resources_and_operations(tmp_path):
    path = tmp_path / "openapi.json"
    path.write_text(json.dumps(spec({"/v1/team": {"delete": op(query("team_id"))}, TEAMS: "get"}, components=TEAM)))
    text = CliRunner().invoke(cli, ["model", str(path)])
    assert text.exit_code == 0
    assert "team: collection `teams`, /v1/teams/{team_id}" in text.output
    assert "DELETE /v1/team" in text.output and "id in query `team_id`" in text.output
    shown = CliRunner().invoke(cli, ["model", str(path), "--format", "json"])
    document = json.loads(shown.output)
    delete = next(o for o in document["operations"] if o["method"] == "DELETE")
    assert (delete["kind"], delete["id_in"], delete["target"]) == ("delete", "query",
                                                                   {"name": "team_id", "in": "query", "required": False})
    assert document["resources"][0]["operations"] == ["DELETE /v1/team", "GET /v1/teams/{team_id}"]


def test_the_model_command_reports_bad_input_in_one_line(tmp_path):
    path = tmp_path / "openapi.yaml"
    path.write_text("openapi: 3.1.0\npaths: [\n")
    result = CliRunner().invoke(cli, ["model", str(path)])
    assert result.exit_code == 2 and "Traceback" not in result.output


def test_an_rpc_method_on_a_part_of_a_resource_keeps_the_part_in_its_fix():
    """musixmatch's shape: `GET /album.tracks.get?album_id=` lists an album's tracks; `GET /album.get` is the
    album's own Get. One finding each, and the fixes differ."""

    paths = {"/album.get": {"get": op(query("album_id", True), responses=ONE)},
             "/album.tracks.get": {"get": op(query("album_id", True), responses=MANY)}}
    found = {f.path: f for f in aiplint.lint(spec(paths, components=TEAM), config={"profile": "rest"})}
    assert found["/album.get"].suggestion == "GET /albums/{album_id}"
    assert found["/album.tracks.get"].suggestion == "GET /albums/{album_id}/tracks"


@pytest.mark.parametrize(("named", "weight"), [
    ({"summary": "Returns list of users"}, -2),  # a summary in the third person: `returns` is `return`, a Get's verb
    ({"summary": "Retrieve a page of teams"}, -2),  # many, wrapped in a page
    ({"summary": "Deletes a team"}, 1),
    ({"summary": "Get team by ID"}, 2),
    ({"summary": "Returns teams filtered by status"}, -2),  # many, filtered: no key after "by"
    ({"operationId": "getTeamByName"}, 2),
    # with no other name, the description's first clause where it names what the path does (Mandrill)
    ({"description": "Deletes an existing team. It can't be undone."}, 1),
    ({"description": "Update the caller's CV by adding a position."}, 0),  # names nothing of the path
    ({"summary": "Get the team sent by the SMS API"}, 1),  # a sentence's "by" with no key after it: no lookup
])
def test_what_an_operations_names_say(named, weight):
    paths = {"/v1/team": {"post": op(request={"content": {}}, **named)}}
    found = facts(paths, "POST /v1/team")
    assert sum(e.weight for e in found.evidence if e.signal in ("operationId", "summary", "description")) == weight
