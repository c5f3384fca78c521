"""`aiplint.linting.merge`: one mistake, one finding, read from what `lint_document` reports on realistic paths."""

from __future__ import annotations

import json

from rules._kit import spec

from aiplint.config import Config
from aiplint.linting.engine import lint_document
from aiplint.read.document import open_document


def findings(paths: dict) -> list:
    return lint_document(open_document("merge.json", text=json.dumps(spec(paths))),
                         Config(profile="rest", select=("aip122", "aip136", "rest"))).findings


def test_a_collection_problem_left_at_an_operation_of_another_path_is_that_paths():
    # envoice's `POST /api/client/new` is a Create whose fix names `clients`; the singular `client` is left to
    # `GET /api/client/{id}`, with that path's fix and place, and no longer lists the path already fixed
    found = findings({"/api/client/new": {"post": {"operationId": "ClientApi_New", "responses": {
        "200": {"description": "OK"}}}}, "/api/client/{id}": "get"})
    create = next(f for f in found if f.path == "/api/client/new")
    assert (create.rule, create.suggestion) == ("aip136/verb-naming", "POST /api/clients")
    assert [a.rule for a in create.also] == ["aip122/plural-collection"]
    plural = next(f for f in found if f.rule == "aip122/plural-collection")
    assert (plural.method, plural.path, plural.suggestion) == ("GET", "/api/client/{id}", "GET /api/clients/{id}")
    assert plural.pointer == "/paths/~1api~1client~1{id}" and plural.related == ()
    assert len(found) == 2


def test_a_collection_problem_left_at_a_call_that_spells_it_otherwise_suggests_nothing_rather_than_itself():
    # api2cart's `value`, reported on `product.option.value.delete.json`, left to `product.option.value.add.json`:
    # the first path's rename does not line up with the second's name, and the path itself is no fix
    calls = {f"/{noun}.{verb}.json": {"get" if verb == "info" else "post": {"parameters": [
        {"name": "id", "in": "query", "required": True, "schema": {"type": "string"}}] if verb != "add" else [],
        "responses": {"200": {"description": "OK"}}}} for noun in ("product", "order", "customer")
        for verb in ("add", "delete", "info")}
    calls["/product.option.value.delete.json"] = {"post": {"parameters": [{"name": "value_id", "in": "query",
                                                    "required": True, "schema": {"type": "string"}}],
                                                    "responses": {"200": {"description": "OK"}}}}
    calls["/product.option.value.add.json"] = {"post": {"responses": {"200": {"description": "OK"}}}}
    found = findings(calls)
    value = [f for f in found if f.rule == "aip122/plural-collection" and "`value`" in f.message]
    assert value and all(f.suggestion is None or f.suggestion.split(" ")[-1] != f.path for f in value)


def test_problems_of_one_verb_no_rule_can_fix_are_one_finding():
    # Etherpad's `getStats` (GET and POST) and Musixmatch's `chart.artists.get`: a verb attached to nothing, and a
    # standard Get spelled as a verb, one finding per path, the path's problem reporting
    found = findings({"/getStats": "get post", "/chart.artists.get": "get"})
    assert [(f.rule, f.method, f.path, [a.rule for a in f.also]) for f in found] == [
        ("aip136/verb-naming", None, "/getStats", ["rest/verb-segment"]),
        ("aip136/verb-naming", None, "/chart.artists.get", ["rest/verb-segment"])]


def test_a_disabled_rule_lets_the_next_report():
    only = lint_document(open_document("merge.json", text=json.dumps(spec({"/getStats": "get post"}))),
                         Config(profile="rest", select=("rest",))).findings
    assert [(f.rule, f.method) for f in only] == [("rest/verb-segment", "GET"), ("rest/verb-segment", "POST")]
