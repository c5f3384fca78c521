"""Breaking-change detection (aiplint.compat): every change kind on a small realistic pair of specs, stability
levels, the command line (JSON, text, SARIF, changelog, --fail-on-breaking), recursion, and the conformance
cases derived from oasdiff's tests (the shared corpus)."""

from __future__ import annotations

import json
import re
import textwrap
from pathlib import Path

import jsonschema_rs
import pytest
from click.testing import CliRunner
from conftest import CORPUS, FIXTURES, llama_stack

from aiplint.cli import cli

OLD, NEW = FIXTURES / "compat" / "old.yaml", FIXTURES / "compat" / "new.yaml"
CASES = CORPUS / "breaking-cases" / "cases"
SARIF_SCHEMA = Path(__file__).parent / "schemas" / "sarif-schema-2.1.0.json"


def run(command: str, *args, **kwargs):
    return CliRunner().invoke(cli, [command, "--isolated", *(str(a) for a in args)], **kwargs)


def changes(old, new, *options) -> list[dict]:
    result = run("diff", old, new, "--format", "json", *options)
    assert result.exit_code in (0, 1), result.stderr
    return json.loads(result.stdout)["changes"]


def changes_between(tmp_path: Path, old_text: str, new_text: str) -> list[dict]:
    old, new = tmp_path / "old.yaml", tmp_path / "new.yaml"
    old.write_text(old_text)
    new.write_text(new_text)
    return changes(old, new)


@pytest.fixture(scope="module")
def fixture_changes() -> list[dict]:
    return changes(OLD, NEW)


# Read by hand: every breaking change the fixture pair holds, with the level it deserves.
EXPECTED_BREAKING = {
    ("security-scheme-changed", "error", None, None),
    ("authentication-required", "error", "GET", "/v1/authors"),
    ("operation-moved", "error", "GET", "/v1/shelf/{shelf}/books"),
    ("enum-value-removed", "error", "GET", "/v1/shelves"),
    ("max-decreased", "error", "GET", "/v1/shelves"),
    ("media-type-removed", "error", "GET", "/v1/shelves"),
    ("min-removed", "error", "GET", "/v1/shelves"),
    ("parameter-became-required", "error", "GET", "/v1/shelves"),
    ("parameter-default-changed", "error", "GET", "/v1/shelves"),
    ("parameter-location-changed", "error", "GET", "/v1/shelves"),
    ("property-became-optional", "error", "GET", "/v1/shelves"),
    ("required-parameter-added", "error", "GET", "/v1/shelves"),
    ("response-header-became-optional", "error", "GET", "/v1/shelves"),
    ("type-changed", "error", "GET", "/v1/shelves"),
    ("additional-properties-closed", "error", "POST", "/v1/shelves"),
    ("became-not-nullable", "error", "POST", "/v1/shelves"),
    ("max-decreased", "error", "POST", "/v1/shelves"),
    ("pattern-added", "error", "POST", "/v1/shelves"),
    ("property-became-required", "error", "POST", "/v1/shelves"),
    ("request-body-became-required", "error", "POST", "/v1/shelves"),
    ("type-changed", "error", "POST", "/v1/shelves"),
    ("operation-removed", "error", "DELETE", "/v1/shelves/{shelf}"),
    ("min-removed", "error", "GET", "/v1/shelves/{shelf}"),
    ("parameter-style-changed", "error", "GET", "/v1/shelves/{shelf}"),
    ("type-changed", "error", "GET", "/v1/shelves/{shelf}"),
    ("operation-removed", "error", "POST", "/v1/shelves/{shelf}:export"),  # before its sunset date
    ("server-removed", "warning", None, None),
    ("enum-value-added", "warning", "GET", "/v1/shelves"),
    ("property-removed", "warning", "GET", "/v1/shelves"),
    ("property-removed", "warning", "POST", "/v1/shelves"),
    ("enum-value-added", "warning", "GET", "/v1/shelves/{shelf}"),
    ("operation-id-changed", "warning", "GET", "/v1/shelves/{shelf}"),
    ("property-removed", "warning", "GET", "/v1/shelves/{shelf}"),
    ("parameter-became-required", "warning", "GET", "/v1beta/shelves/{shelf}/notes"),  # beta: a warning
}


def keyed(found: list[dict]) -> set[tuple]:
    return {(c["id"].split("/", 1)[1], c["level"], c["method"], c["path"]) for c in found}


def test_every_breaking_change_of_the_fixture_pair_and_nothing_else(fixture_changes):
    assert keyed([c for c in fixture_changes if c["breaking"]]) == EXPECTED_BREAKING


def test_safe_changes_are_info_and_the_mirror_images_of_breaking_ones_are_safe(fixture_changes):
    safe = keyed([c for c in fixture_changes if not c["breaking"]])
    for expected in [("operation-added", "GET", "/v1/publishers"), ("optional-parameter-added", "GET", "/v1/shelves"),
                     ("enum-value-added", "POST", "/v1/shelves"),  # a request accepts more
                     ("min-removed", "POST", "/v1/shelves"), ("became-not-nullable", "GET", "/v1/shelves"),
                     ("property-became-required", "GET", "/v1/shelves"),  # a response promises more
                     ("response-status-removed", "POST", "/v1/shelves"),  # 409: not a success status
                     ("operation-removed", "POST", "/v1/shelves/{shelf}:archive")]:  # deprecated, no sunset date
        kind, method, path = expected
        assert (kind, "info", method, path) in safe
    # a safe change's id is `change/`; one that breaks but its operation's stability allows keeps `breaking/`
    assert {c["id"].split("/")[0] for c in fixture_changes if not c["breaking"] and "note" not in c} == {"change"}
    assert {c["id"].split("/")[0] for c in fixture_changes if not c["breaking"] and "note" in c} == {"breaking"}


def test_a_renamed_path_parameter_is_no_change(fixture_changes):
    """`/v1/shelves/{shelf}` became `/v1/shelves/{shelf_id}`: the GET is compared, not removed and added."""
    assert not any(c["path"] == "/v1/shelves/{shelf}" and c["id"] == "breaking/operation-removed"
                   and c["method"] == "GET" for c in fixture_changes)


def test_alpha_changes_are_notes_and_beta_errors_warnings(fixture_changes):
    [alpha] = [c for c in fixture_changes if c["path"] == "/v1alpha/shelves/{shelf}/labels"]
    assert (alpha["id"], alpha["level"], alpha["breaking"], alpha["stability"]) == (
        "breaking/parameter-removed", "info", False, "alpha")
    assert "`v1alpha` is an alpha version: AIP-181" in alpha["note"]
    [beta] = [c for c in fixture_changes if c["path"] == "/v1beta/shelves/{shelf}/notes"]
    assert beta["stability"] == "beta" and "AIP-185" in beta["note"]


def test_each_change_has_a_category_a_message_and_a_place_in_both_documents(fixture_changes):
    for change in fixture_changes:
        assert change["category"] and change["message"]
        assert change["old"] or change["new"]
        for side, path in (("old", OLD), ("new", NEW)):
            if change[side]:
                assert change[side]["file"] == str(path) and change[side]["line"] >= 1
                assert change[side]["pointer"] == "" or change[side]["pointer"].startswith("/")
    [moved] = [c for c in fixture_changes if c["id"] == "breaking/operation-moved"]
    assert moved["old"]["pointer"] == "/paths/~1v1~1shelf~1{shelf}~1books/get"
    assert moved["new"]["pointer"] == "/paths/~1v1~1shelves~1{shelf}~1books/get"
    [closed] = [c for c in fixture_changes if c["id"] == "breaking/additional-properties-closed" and c["breaking"]]
    assert closed["new"]["pointer"] == "/components/schemas/Shelf" and closed["category"] == "constraint-tightened"


def test_stability_from_x_stability_level_and_from_the_configuration(tmp_path):
    def spec(extra: str, param: str) -> str:
        return textwrap.dedent(f"""\
            openapi: 3.1.0
            info: {{title: T, version: "1"}}
            paths:
              /v1/jobs:
                get:
                  {extra}
                  parameters: [{param}]
                  responses: {{"200": {{description: OK}}}}
            """)

    old, new = tmp_path / "old.yaml", tmp_path / "new.yaml"
    old.write_text(spec("x-stability-level: alpha", "{name: q, in: query, schema: {type: string}}"))
    new.write_text(spec("x-stability-level: alpha", "{name: q, in: query, required: true, schema: {type: string}}"))
    [change] = changes(old, new)
    assert (change["level"], change["stability"]) == ("info", "alpha") and "x-stability-level" in change["note"]
    old.write_text(spec("", "{name: q, in: query, schema: {type: string}}"))
    new.write_text(spec("", "{name: q, in: query, required: true, schema: {type: string}}"))
    assert run("diff", old, new).exit_code == 1
    config = tmp_path / ".aiplint.toml"
    config.write_text('fail-on-breaking = "error"\n[stability]\n"/v1/**" = "beta"\n')
    result = CliRunner().invoke(cli, ["diff", "--config", str(config), str(old), str(new), "--format", "json"])
    assert result.exit_code == 0  # beta: a warning, below --fail-on-breaking error
    [change] = json.loads(result.stdout)["changes"]
    assert (change["level"], change["stability"]) == ("warning", "beta")
    result = CliRunner().invoke(cli, ["diff", "--config", str(config), str(old), str(new), "--fail-on-breaking",
                                      "warning"])
    assert result.exit_code == 1
    config.write_text('[stability]\n"/v1/**" = "gamma"\n')
    result = CliRunner().invoke(cli, ["diff", "--config", str(config), str(old), str(new)])
    assert result.exit_code == 2 and "stability" in result.stderr and "gamma" in result.stderr


def test_a_required_name_without_a_property_schema_is_still_a_required_field(tmp_path):
    def spec(required: str) -> str:
        return textwrap.dedent(f"""\
            openapi: 3.1.0
            info: {{title: T, version: "1"}}
            paths:
              /v1/books:
                post:
                  requestBody:
                    content: {{application/json: {{schema: {{type: object, required: {required},
                                                            properties: {{title: {{type: string}}}}}}}}}}
                  responses: {{"200": {{description: OK}}}}
            """)

    [change] = changes_between(tmp_path, spec("[title]"), spec("[title, isbn]"))
    assert (change["id"], change["level"]) == ("breaking/property-became-required", "error")
    assert "isbn" in change["message"]
    [change] = changes_between(tmp_path, spec("[title, isbn]"), spec("[title]"))
    assert change["level"] == "info"  # no longer required: clients may leave it out


def test_x_stability_level_on_a_path_item_applies_to_its_operations(tmp_path):
    def spec(required: str) -> str:
        return textwrap.dedent(f"""\
            openapi: 3.1.0
            info: {{title: T, version: "1"}}
            paths:
              /v1/jobs:
                x-stability-level: beta
                get:
                  parameters: [{{name: q, in: query, required: {required}, schema: {{type: string}}}}]
                  responses: {{"200": {{description: OK}}}}
            """)

    [change] = changes_between(tmp_path, spec("false"), spec("true"))
    assert (change["level"], change["stability"]) == ("warning", "beta")
    assert "`/v1/jobs` is `x-stability-level: beta`" in change["note"]


@pytest.mark.parametrize(("schema", "reported"), [
    ("{type: string}", False),  # a scalar is written the same whether exploded or not
    ("{type: integer}", False),
    ("{type: array, items: {type: string}}", True),  # ?tag=a&tag=b becomes ?tag=a,b
    ("{type: object, properties: {a: {type: string}}}", True),
    ("{allOf: [{type: string}], description: An id.}", False),  # a one-member allOf is its member
])
def test_explode_changes_the_wire_only_for_arrays_and_objects(tmp_path, schema, reported):
    def spec(explode: str) -> str:
        return textwrap.dedent(f"""\
            openapi: 3.0.3
            info: {{title: T, version: "1"}}
            paths:
              /v1/books:
                get:
                  parameters: [{{name: tag, in: query, explode: {explode}, schema: {schema}}}]
                  responses: {{"200": {{description: OK}}}}
            """)
    kinds = [c["id"] for c in changes_between(tmp_path, spec("true"), spec("false"))]
    assert kinds == (["breaking/parameter-style-changed"] if reported else [])


def test_recursive_schemas_end_and_report_the_change_once_per_operation(tmp_path):
    node = """{{type: object, properties: {{name: {{type: {t}}}, children: {{type: array, items: {{$ref: "#/components/schemas/Node"}}}}}}}}"""
    template = textwrap.dedent("""\
        openapi: 3.0.3
        info: {{title: T, version: "1"}}
        paths:
          /nodes:
            get:
              responses: {{"200": {{description: OK, content: {{application/json: {{schema: {{$ref: "#/components/schemas/Node"}}}}}}}}}}
        components:
          schemas:
            Node: {node}
        """)
    found = changes_between(tmp_path, template.format(node=node.format(t="string")),
                            template.format(node=node.format(t="integer")))
    assert [(c["id"], c["method"], c["path"]) for c in found] == [("breaking/type-changed", "GET", "/nodes")]
    assert found[0]["new"]["pointer"] == "/components/schemas/Node/properties/name"


def chained_specs(tmp_path, link: str, depth: int) -> tuple[Path, Path]:
    """Two versions of a request body nested `depth` schemas deep through `link` (a `$ref` to the next component
    inside it), whose innermost property `x` becomes required in the new one."""
    def spec(required: list[str]) -> dict:
        schemas = {f"S{i}": json.loads(link.replace("NEXT", f"#/components/schemas/S{i + 1}")) for i in range(depth)}
        schemas[f"S{depth}"] = {"type": "object", "properties": {"x": {"type": "string"}}, "required": required}
        body = {"content": {"application/json": {"schema": {"$ref": "#/components/schemas/S0"}}}}
        return {"openapi": "3.1.0", "info": {"title": "T", "version": "1"},
                "paths": {"/things": {"post": {"requestBody": body, "responses": {"200": {"description": "OK"}}}}},
                "components": {"schemas": schemas}}

    old, new = tmp_path / "old.json", tmp_path / "new.json"
    old.write_text(json.dumps(spec([])))
    new.write_text(json.dumps(spec(["x"])))
    return old, new


ALL_OF_LINK = '{"allOf": [{"$ref": "NEXT"}]}'
PROPERTY_LINK = '{"type": "object", "properties": {"next": {"$ref": "NEXT"}}}'


@pytest.mark.parametrize(("link", "depth", "expected"), [
    (ALL_OF_LINK, 32, "breaking/property-became-required"),
    (ALL_OF_LINK, 33, "breaking/comparison-too-deep"),
    (PROPERTY_LINK, 150, "breaking/property-became-required"),
    (PROPERTY_LINK, 500, "breaking/comparison-too-deep"),
])
def test_a_change_past_the_depth_bounds_is_a_breaking_could_not_compare(tmp_path, link, depth, expected):
    old, new = chained_specs(tmp_path, link, depth)
    result = run("diff", old, new, "--format", "json")
    assert result.exit_code == 1, result.stderr
    found = json.loads(result.stdout)["changes"]
    assert [(c["id"], c["level"], c["method"], c["path"]) for c in found] == [(expected, "error", "POST", "/things")]
    if expected == "breaking/comparison-too-deep":
        assert "could not compare" in found[0]["message"] and ("beyond depth 32" in found[0]["message"]
                                                                or "beyond depth 200" in found[0]["message"])


def test_the_depth_bound_keeps_a_deep_chain_linear(tmp_path):
    import time

    old, new = chained_specs(tmp_path, PROPERTY_LINK, 20_000)
    start = time.perf_counter()
    found = changes(old, new)
    assert [c["id"] for c in found] == ["breaking/comparison-too-deep"]
    assert time.perf_counter() - start < 10


def test_text_report_lists_breaking_changes_next_to_new_findings(tmp_path):
    result = run("diff", OLD, NEW)
    assert result.exit_code == 1
    out = result.stdout
    assert "Breaking changes (35 from 31 causes):\n" in out
    assert (f"{NEW}:17:11: error breaking/required-parameter-added GET /v1/shelves: required query parameter "
            "`region` added: existing requests do not send it and are rejected\n") in out
    assert "Other API changes: " in out
    quiet = run("diff", OLD, NEW, "--quiet").stdout
    assert "breaking/required-parameter-added" in quiet and "Other API changes" not in quiet


def test_a_change_to_a_shared_schema_is_one_entry_naming_the_schema_and_the_operations_it_affects(tmp_path):
    """Issue 20: a property of a component that two operations return became a string: one cause, named by the
    schema, listing both operations; JSON keeps each operation's change under the cause and in `changes`."""
    result = run("diff", OLD, NEW)
    assert ("error breaking/type-changed 2 operations (GET /v1/shelves, GET /v1/shelves/{shelf}): schema `Shelf` "
            "property `capacity`: type changed from `integer` (format `int32`) to `string`: values of the old type "
            "are rejected or misread\n") in result.stdout
    report = json.loads(run("diff", OLD, NEW, "--format", "json").stdout)
    typed = [c for c in report["causes"] if c["id"] == "breaking/type-changed" and len(c["operations"]) > 1]
    assert [(c["message"].split(":")[0], [(o["method"], o["path"]) for o in c["operations"]]) for c in typed] == [
        ("schema `Shelf` property `capacity`", [("GET", "/v1/shelves"), ("GET", "/v1/shelves/{shelf}")])]
    first = report["changes"][typed[0]["operations"][0]["change"]]
    assert (first["method"], first["path"]) == ("GET", "/v1/shelves")
    assert first["message"].startswith("response 200 (application/json) property `shelves[].capacity`: type changed")
    assert sorted(o["change"] for c in report["causes"] for o in c["operations"]) == list(range(len(report["changes"])))
    text = run("changelog", OLD, NEW).stdout
    assert "### 2 operations\n\n`GET /v1/shelves`, `GET /v1/shelves/{shelf}`\n\n- ``schema `Shelf` property " in text
    assert "- ``schema `Shelf` property `capacity`: type changed from `integer`" in text


def test_a_schema_inlined_in_many_operations_is_compared_once_and_each_change_is_at_its_own_copy(tmp_path):
    """A dereferenced document holds one schema as many equal copies: compared once (by content), and each
    operation's change is located in its own copy, not in the first one compared."""
    def spec(kind: str) -> str:
        schema = {"type": "object", "properties": {"size": {"type": kind}}}
        paths = {f"/v1/things{n}": {"get": {"responses": {"200": {"description": "ok", "content": {
            "application/json": {"schema": schema}}}}}} for n in range(3)}
        return json.dumps({"openapi": "3.0.3", "info": {"title": "t", "version": "1"}, "paths": paths})

    found = changes_between(tmp_path, spec("integer"), spec("string"))
    assert sorted((c["id"], c["path"], c["new"]["pointer"]) for c in found) == [
        ("breaking/type-changed", f"/v1/things{n}",
         f"/paths/~1v1~1things{n}/get/responses/200/content/application~1json/schema/properties/size")
        for n in range(3)]


def test_explain_knows_both_ids_of_a_change_kind():
    """`change/` is a safe change's id, `breaking/` a breaking one's (and every change's before): both explain."""
    for family in ("breaking", "change"):
        result = CliRunner().invoke(cli, ["explain", f"{family}/became-nullable"])
        assert result.exit_code == 0 and result.stdout.startswith(f"{family}/became-nullable: became nullable\n")
    # a change id is not a lint rule: naming one to select or ignore says so, whichever family
    for family in ("breaking", "change"):
        result = run("diff", OLD, NEW, "--ignore", f"{family}/became-nullable")
        assert result.exit_code == 2
        assert f"`{family}/became-nullable` is a kind of API change, not a lint rule: `fail-on-breaking`" in result.stderr


def test_sarif_carries_the_breaking_changes_and_validates():
    result = run("diff", OLD, NEW, "--format", "sarif")
    log = json.loads(result.stdout)
    schema = json.loads(SARIF_SCHEMA.read_text())
    jsonschema_rs.Draft4Validator(schema, validate_formats=True).validate(log)
    results = log["runs"][0]["results"]
    ids = {r["ruleId"] for r in results}
    assert "breaking/operation-removed" in ids and "breaking/type-changed" in ids
    rules = {r["id"]: r for r in log["runs"][0]["tool"]["driver"]["rules"]}
    assert rules["breaking/type-changed"]["helpUri"] == "https://google.aip.dev/180"
    assert rules["breaking/type-changed"]["properties"]["aip"] == 180
    # a removed operation is in the new file, which code scanning shows, and names its place in the old one
    removed = next(r for r in results if r["ruleId"] == "breaking/operation-removed")
    assert removed["locations"][0]["physicalLocation"]["artifactLocation"]["uri"].endswith("new.yaml")
    assert re.search(r" \(was at .*old\.yaml:\d+:\d+\)$", removed["message"]["text"]), removed["message"]


def test_changelog_is_markdown_by_level_and_operation(tmp_path):
    result = run("changelog", OLD, NEW)
    assert result.exit_code == 0, result.stderr
    text = result.stdout
    assert text.startswith(f"# API changes from `{OLD}` to `{NEW}`\n\n26 breaking changes, 9 potentially breaking")
    sections = [line for line in text.splitlines() if line.startswith("## ")]
    assert sections == ["## Breaking changes (26)", "## Potentially breaking changes (9)",
                        "## Breaking changes allowed by their stability level (1)", "## Other changes (19)"]
    assert "### `GET /v1/shelves`" in text and "`breaking/parameter-became-required`" in text
    out = tmp_path / "changes.md"
    assert run("changelog", OLD, NEW, "-o", out).exit_code == 0 and out.read_text() == text


def test_a_changelog_too_long_for_a_pull_request_comment_is_cut_with_a_count_of_what_was_left_out(tmp_path):
    """GitHub holds 65,536 characters in a comment: the longest sections are cut, each saying how many changes it
    left out and how to write them all (`-o`); the summary counts them all, and the changes past the breaking ones
    are folded."""
    def spec(paths: range, removed: range) -> str:
        operations = {f"/v1/things{n}/{{thing}}": {"get": {"operationId": f"getThing{n}", "parameters": [
            {"name": "thing", "in": "path", "required": True, "schema": {"type": "string"}}],
            "responses": {"200": {"description": "ok"}}}} for n in [*paths, *removed]}
        return json.dumps({"openapi": "3.0.3", "info": {"title": "t", "version": "1"}, "paths": operations})

    old, new = tmp_path / "old.json", tmp_path / "new.json"
    old.write_text(spec(range(0), range(10_000, 10_400)))  # 400 operations removed, 1,000 added
    new.write_text(spec(range(1_000), range(0)))
    everything = tmp_path / "changes.md"
    assert run("changelog", "--isolated", old, new, "-o", everything).exit_code == 0
    full = everything.read_text()
    assert len(full) > 65_536 and "left out" not in full
    text = run("changelog", "--isolated", old, new).stdout
    assert len(text) <= 65_536
    assert "\n400 breaking changes, 1000 other changes.\n" in text
    assert "| `change/operation-added` |  | 1000 |" in text
    assert "<details><summary>1000 other changes in 1000 operations</summary>" in text
    shown = {level: text.split(f"## {level}", 1)[1].split("\n## ", 1)[0].count("\n- ")
             for level in ("Breaking changes", "Other changes")}
    left = re.findall(r"\*\*([\d,]+) more (breaking|other) changes left out\*\* to fit a comment: "
                      r"`aiplint changelog .*old.json .*new.json -o FILE` writes them all.", text)
    assert {kind: int(count.replace(",", "")) for count, kind in left} == {
        "breaking": 400 - shown["Breaking changes"], "other": 1000 - shown["Other changes"]}
    assert shown["Breaking changes"] > 100 and shown["Other changes"] > 100
    # breaking changes that fit are kept whole, the others cut around them (a reviewer reads those first)
    old.write_text(spec(range(0), range(10_000, 10_100)))
    new.write_text(spec(range(1_500), range(0)))
    text = run("changelog", "--isolated", old, new).stdout
    assert len(text) <= 65_536 and "more breaking changes left out" not in text
    assert text.split("## Breaking changes", 1)[1].split("\n## ", 1)[0].count("\n- ") == 100
    assert "more other changes left out" in text


def test_llama_stack_moves_are_three_alpha_notes():
    old = llama_stack("before")
    new = llama_stack("after")
    result = run("diff", old, new, "--format", "json")
    assert result.exit_code == 0
    found = json.loads(result.stdout)["changes"]
    assert [(c["id"], c["level"], c["breaking"], c["stability"]) for c in found] == [
        ("breaking/operation-moved", "info", False, "alpha")] * 3
    assert all("AIP-181" in c["note"] for c in found)


# --------------------------------------------------------------------------------------------------
# The conformance cases derived from oasdiff's tests

CASE_NAMES = sorted(p.name for p in CASES.iterdir()) if CASES.is_dir() else []
# Where oasdiff's expectation and the OpenAPI semantics part ways (see the README).
DISAGREEMENTS = {
    "101-request-property-pattern-changed": "the property is readOnly: clients do not send it in requests",
    "163-webhook-removed": "the case names GET /products for the removed webhook `orderDeleted` (POST)",
}


@pytest.mark.slow  # the shared corpus
@pytest.mark.parametrize("case", CASE_NAMES or ["(corpus absent)"])
def test_conformance_case(case):
    if case not in CASE_NAMES:
        pytest.skip(f"the breaking-change cases are not present beside the repository ({CASES})")
    if case in DISAGREEMENTS:
        pytest.xfail(DISAGREEMENTS[case])
    import sys

    sys.path.insert(0, str(CASES.parent))
    try:
        from score import category_of, norm_path
    finally:
        sys.path.pop(0)
    folder = CASES / case
    expected = json.loads((folder / "expected.json").read_text())
    want = {(category_of(b["id"]), b["method"].upper(), norm_path(b["path"])) for b in expected["breaking"]}
    got = {(c["category"], (c["method"] or "").upper(), norm_path(c["path"] or ""))
           for c in changes(folder / "base.yaml", folder / "revision.yaml") if c["breaking"]}
    if want:
        assert want <= got
    else:
        assert got == set()


def test_a_boolean_property_schema_beside_a_change_is_compared_not_a_crash(tmp_path):
    # OpenAPI 3.1 allows `true` and `false` as schemas: the sunset check read them as objects (AttributeError)
    old = """openapi: 3.1.0
info: {title: t, version: "1"}
paths:
  /pets:
    get:
      responses:
        "200":
          description: OK
          content:
            application/json:
              schema: {type: object, properties: {name: {type: string}, extra: true}}
"""
    new = old.replace("name: {type: string}", "name: {type: string, maxLength: 5}")
    assert [c["id"] for c in changes_between(tmp_path, old, new)] == ["change/max-added"]
