"""Loading, input errors, JSON pointers, $ref resolution and lazy positions (aiplint.read.loading, .pointers,
.references, .document, .locate)."""

from __future__ import annotations

import json
import os
import time
from pathlib import Path

import pytest

from aiplint.config import Config
from aiplint.linting.engine import lint_document
from aiplint.linting.findings import Finding
from aiplint.read import locate
from aiplint.read.document import Document, open_document
from aiplint.read.loading import InputError, load_source
from aiplint.read.pointers import escape_token, join_pointer, last_token, node_at, split_pointer
from aiplint.read.references import Resolved

FIX = Path(__file__).resolve().parent.parent / "fixtures" / "load"


def fx(*parts: str) -> str:
    return str(FIX.joinpath(*parts))


def input_error(path: str, text: str | None = None, *, load=open_document) -> str:
    with pytest.raises(InputError) as info:
        load(path, text)
    msg = str(info.value)
    assert "\n" not in msg
    assert msg.startswith(path + ":")
    return msg[len(path) + 1:]


# ---------------------------------------------------------------------------------------------
# Input errors: one line, PATH:LINE:COL: message


def test_input_error_str_is_one_line():
    e = InputError("a.yaml", "bad\nthing", 3, 4)
    assert str(e) == "a.yaml:3:4: bad thing"
    assert (e.path, e.line, e.column, e.message) == ("a.yaml", 3, 4, "bad thing")
    assert str(InputError("b.json", "nope")) == "b.json:1:1: nope"


def test_invalid_yaml_has_position_and_short_reason():
    assert input_error(fx("bad", "invalid.yaml")) == "4:11: invalid YAML: mapping values are not allowed in this context"


def parse_error(path: str, text: str | None = None) -> str:
    """The error of a file that is not recognisably OpenAPI: loading it fails, and as a document it is skipped."""
    assert open_document(path, text) is None
    return input_error(path, text, load=load_source)


def test_invalid_yaml_unclosed_flow():
    assert parse_error(fx("multi", "schemas", "broken.yaml")) == "3:15: invalid YAML: unclosed bracket '['"


def test_invalid_json_has_position():
    assert input_error(fx("bad", "invalid.json")) == "3:24: invalid JSON: trailing comma is not allowed"


def test_json_extension_is_parsed_only_as_json(tmp_path):
    p = tmp_path / "spec.json"
    p.write_text("openapi: 3.0.3\ninfo: {title: x, version: '1'}\n")
    assert input_error(str(p)).startswith("1:1: invalid JSON")


def test_empty_files():
    assert parse_error(fx("bad", "empty.yaml")) == "1:1: file is empty (no YAML content)"
    assert parse_error(fx("bad", "blank.json")) == "1:1: file is empty"
    assert parse_error(fx("bad", "comments.yaml")) == "1:1: file is empty (no YAML content)"


def test_binary_file_reports_the_nul_byte():
    assert input_error(fx("bad", "binary.yaml")) == (
        "3:11: binary file (contains a NUL byte), expected YAML or JSON text")


def test_invalid_utf8_reports_the_bad_byte():
    # line 3 is "  title: café \xff": the bad byte is the 15th character
    assert input_error(fx("bad", "bad_utf8.yaml")) == "3:15: invalid UTF-8 (byte 0xff); save the file as UTF-8"


def test_invalid_utf8_in_json(tmp_path):
    p = tmp_path / "x.json"
    p.write_bytes(b'{\n  "openapi": "3.0.3",\n  "x": "\xc3"\n}\n')
    assert input_error(str(p)) == "3:9: invalid UTF-8 (byte 0xc3); save the file as UTF-8"


def test_utf8_bom_is_accepted():
    doc = open_document(fx("bom.yaml"))
    assert doc is not None and doc.version == "3.0.3"
    assert doc.root.position("/info") == (2, 1)


def test_utf8_bom_in_json_is_accepted(tmp_path):
    p = tmp_path / "bom.json"
    p.write_bytes(b'\xef\xbb\xbf{"openapi": "3.1.0", "paths": {}}')
    doc = open_document(str(p))
    assert doc is not None and (doc.major, doc.minor) == (3, 1)
    assert doc.root.position("/paths") == (1, 22)


def test_utf16_with_bom_is_decoded(tmp_path):
    p = tmp_path / "u16.yaml"
    p.write_bytes("openapi: 3.0.3\ninfo: {title: é, version: '1'}\n".encode("utf-16"))
    doc = open_document(str(p))
    assert doc is not None and doc.root.data["info"]["title"] == "é"


def test_duplicate_key_has_position_of_the_second_key():
    assert input_error(fx("bad", "dupkey.yaml")) == "8:3: duplicate mapping key '/a'"


def test_keys_equal_as_strings_are_duplicates():
    # 200: and "200": are different YAML keys but the same JSON/OpenAPI key
    assert input_error(fx("bad", "dup_after_normalise.yaml")) == (
        "7:9: duplicate mapping key '200' (keys are compared as strings)")


def test_more_than_one_document():
    assert input_error(fx("bad", "multidoc.yaml")) == (
        "3:1: more than one YAML document in the file (a second '---'); expected a single document")


def test_trailing_document_marker_is_a_second_document():
    assert input_error("t.yaml", "openapi: 3.0.3\n---\n").startswith("2:1: more than one YAML document")


def test_alias_bomb_fails_fast():
    t0 = time.perf_counter()
    msg = input_error(fx("bad", "bomb.yaml"))
    assert time.perf_counter() - t0 < 0.5
    assert msg.startswith("9:8: YAML aliases expand to more than 16 MiB of text (possible alias bomb)")


def test_deep_nesting_is_an_input_error_not_a_crash():
    # yaml_rs overflows the C stack on ~10k levels of block nesting: refused before parsing
    msg = input_error("deep.yaml", "openapi: 3.1.0\na:\n" + "- " * 20000 + "x\n")
    assert msg == "3:1: YAML nesting is too deep (more than 600 levels of indentation)"
    msg = parse_error("deep.yaml", "".join(" " * i + "a:\n" for i in range(700)))
    assert msg.endswith("YAML nesting is too deep (more than 600 levels of indentation)")
    # flow nesting is limited by yaml_rs itself
    assert "invalid YAML: recursion limit exceeded" in parse_error("deep.yaml", "[" * 5000 + "]" * 5000)
    assert "invalid JSON: depth limit exceeded" in input_error("deep.json", '{"openapi": ' + "[" * 5000 + "]" * 5000)


def test_missing_file_and_directory():
    assert input_error(fx("nope.yaml")) == "1:1: file not found"
    assert input_error(str(FIX)) == "1:1: is a directory, expected a YAML or JSON file"


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="root can read anything")
def test_unreadable_file(tmp_path):
    p = tmp_path / "secret.yaml"
    p.write_text("openapi: 3.0.3\n")
    p.chmod(0)
    assert input_error(str(p)) == "1:1: cannot read file: permission denied"


def test_text_given_does_not_read_the_disk():
    doc = open_document("no/such/file.yaml", "openapi: 3.1.0\ninfo: {title: t, version: '1'}\n")
    assert doc is not None and doc.root.path == "no/such/file.yaml" and doc.version == "3.1.0"
    assert parse_error("<stdin>", "a: [1,\n") == "1:4: invalid YAML: unclosed bracket '['"
    assert input_error("<stdin>", "openapi: [1,\n") == "1:10: invalid YAML: unclosed bracket '['"


# ---------------------------------------------------------------------------------------------
# Data semantics and detection


def test_yaml_1_2_semantics_and_string_keys():
    src = load_source("x.yaml", "on: yes\nno: off\n200: ok\ntrue: t\nnull: n\n1.5: f\nd: 2024-01-01\n")
    assert src.data == {"on": "yes", "no": "off", "200": "ok", "true": "t", "null": "n", "1.5": "f",
                        "d": "2024-01-01"}
    assert all(type(k) is str for k in src.data)


def test_nested_int_keys_become_strings():
    doc = open_document("x.yaml", "openapi: 3.0.3\npaths:\n  /a:\n    get:\n      responses:\n"
                                  "        200: {description: ok}\n        default: {description: err}\n")
    responses = doc.root.data["paths"]["/a"]["get"]["responses"]
    assert list(responses) == ["200", "default"]
    assert doc.root.position("/paths/~1a/get/responses/200") == (6, 9)


def test_not_openapi_returns_none():
    assert open_document(fx("not_openapi.yaml")) is None
    assert load_source(fx("not_openapi.yaml")).data["on"] == "yes"
    assert open_document("list.yaml", "- openapi: 3.0.3\n") is None
    assert open_document("scalar.yaml", "just text\n") is None
    assert open_document("null.yaml", "null\n") is None
    assert open_document("x.json", '{"info": {}}') is None


@pytest.mark.parametrize("path, text, version, major, minor", [
    ("a.yaml", "swagger: '2.0'\ninfo: {}\n", "2.0", 2, 0),
    ("a.json", '{"swagger": "2.0"}', "2.0", 2, 0),
    ("a.yaml", "openapi: 3.0.3\n", "3.0.3", 3, 0),
    ("a.yaml", "openapi: 3.0\n", "3.0", 3, 0),  # a float in YAML
    ("a.yml", "openapi: 3.1.0\n", "3.1.0", 3, 1),
])
def test_version_detection(path, text, version, major, minor):
    doc = open_document(path, text)
    assert isinstance(doc, Document)
    assert (doc.version, doc.major, doc.minor) == (version, major, minor)


def test_swagger_and_31_fixtures():
    doc = open_document(fx("swagger2.json"))
    assert (doc.major, doc.minor, doc.root.is_json) == (2, 0, True)
    doc = open_document(fx("oas31.yaml"))
    assert (doc.major, doc.minor, doc.root.is_json) == (3, 1, False)


# ---------------------------------------------------------------------------------------------
# Pointers


def test_pointer_helpers():
    assert escape_token("a/b~c") == "a~1b~0c"
    assert join_pointer("/paths", "/jobs/{id}") == "/paths/~1jobs~1{id}"
    assert join_pointer("", "paths", "/a", "get", "parameters", 0) == "/paths/~1a/get/parameters/0"


def test_node_at():
    data = open_document(fx("multi", "openapi.yaml")).root.data
    assert node_at(data, "/info/title") == "Jobs"
    assert node_at(data, "/paths/~1jobs/get/parameters/1") == {"$ref": "#/components/parameters/Missing"}
    assert node_at(data, "/paths/~1jobs/get/parameters/9") is None
    assert node_at(data, "/paths/~1jobs/get/parameters/01") is None  # no leading zeros in an array index
    assert node_at(data, "/nope") is None
    assert node_at(data, "info") is None  # not a pointer
    assert node_at(data, "")["openapi"] == "3.0.3"
    assert split_pointer("/a~1b/c~0d/") == ["a/b", "c~d", ""] and last_token("/paths/~1jobs") == "/jobs"


# ---------------------------------------------------------------------------------------------
# $ref problems and resolution


def ref_findings(doc: Document) -> list[Finding]:
    """What the `$ref` rules (oas/ref, oas/ref-siblings) report on a document."""
    return lint_document(doc, Config(select=("oas/ref", "oas/ref-siblings"))).findings


def unfollowed(doc: Document) -> list[tuple[str, str, str]]:
    """(file, pointer, kind) of every `$ref` that does not lead to a value, in walk order."""
    refs = doc.refs
    steps = ((site, refs.step(site.source, site.ref)) for site in refs.sites() if type(site.ref) is str)
    return [(os.path.basename(site.source.path), site.pointer, step.kind) for site, step in steps if not step.found]


def test_ref_findings_multi_file():
    root = fx("multi", "openapi.yaml")
    doc = open_document(root)
    got = sorted((os.path.basename(f.file), f.pointer, f.rule) for f in ref_findings(doc))
    assert got == [
        ("job.yaml", "/Job/properties/owner", "oas/ref"),
        ("openapi.yaml", "/components/schemas/MaybeJob", "oas/ref-siblings"),
        ("openapi.yaml", "/components/schemas/Ping", "oas/ref"),
        ("openapi.yaml", "/components/schemas/Pong", "oas/ref"),
        ("openapi.yaml", "/paths/~1jobs/get/parameters/1", "oas/ref"),
        ("openapi.yaml", "/paths/~1jobs/get/responses/500", "oas/ref"),
        ("openapi.yaml", "/paths/~1jobs~1{id}/get/responses/404", "oas/ref"),
        ("openapi.yaml", "/paths/~1jobs~1{id}/get/responses/default", "oas/ref"),
    ]
    assert sorted(unfollowed(doc)) == [
        ("job.yaml", "/Job/properties/owner", "missing-pointer"),
        ("openapi.yaml", "/paths/~1jobs/get/parameters/1", "missing-pointer"),
        ("openapi.yaml", "/paths/~1jobs/get/responses/500", "bad-file"),
        ("openapi.yaml", "/paths/~1jobs~1{id}/get/responses/404", "missing-file"),
        ("openapi.yaml", "/paths/~1jobs~1{id}/get/responses/default", "remote"),
    ]
    messages = {f.pointer.rsplit("/", 1)[-1]: f.message for f in ref_findings(doc)}
    assert messages["404"] == "$ref './schemas/jobz.yaml#/Job' points to a file that does not exist"
    assert "'nullable'" in messages["MaybeJob"] and "description" not in messages["MaybeJob"]
    assert "invalid YAML: unclosed bracket" in messages["500"]
    assert all("\n" not in message for message in messages.values())
    # every file reachable was loaded once, keyed by absolute path; the broken one is not a source
    names = sorted(os.path.basename(k) for k in doc.sources)
    assert names == ["job.yaml", "openapi.yaml", "params.json", "state.yaml"]
    assert all(os.path.isabs(k) for k in doc.sources)
    assert doc.refs.sites() is doc.refs.sites()  # memoised: both rules read one walk


def test_recursive_schema_is_not_a_cycle():
    doc = open_document(fx("multi", "openapi.yaml"))
    assert not any("Node" in f.pointer for f in ref_findings(doc))
    items = node_at(doc.root.data, "/components/schemas/Node/properties/children/items")
    r = doc.refs.resolve(items, doc.root, "/components/schemas/Node/properties/children/items")
    assert r.pointer == "/components/schemas/Node" and r.node["type"] == "object"


def test_oas31_siblings_and_anchor_refs_are_fine():
    doc = open_document(fx("oas31.yaml"))
    assert ref_findings(doc) == []


def test_ref_findings_in_swagger2_json():
    doc = open_document(fx("swagger2.json"))
    [p] = ref_findings(doc)
    assert unfollowed(doc) == [("swagger2.json", "/paths/~1a~1{b}/get/parameters/1", "missing-pointer")]
    assert (p.pointer, p.line, p.column) == ("/paths/~1a~1{b}/get/parameters/1", 1, doc.root.text.index('{"$ref"') + 1)


def test_resolve_follows_a_chain_across_files():
    doc = open_document(fx("multi", "openapi.yaml"))
    ptr = "/paths/~1jobs~1{id}/get/responses/200/content/application~1json/schema"
    node = node_at(doc.root.data, ptr)
    r = doc.refs.resolve(node, doc.root, ptr)  # -> #/components/schemas/JobAlias -> job.yaml#/JobRef -> #/Job
    assert r.pointer == "/Job"
    assert r.node["required"] == ["id"]
    assert r.source.path == os.path.normpath(fx("multi", "schemas", "job.yaml"))
    assert r.source.position("/Job/properties/id") == (8, 5)
    assert doc.refs.resolve(node, doc.root, ptr) == r  # memoised, same answer
    # a ref in a ref'd file is relative to that file
    state = r.node["properties"]["state"]
    rs = doc.refs.resolve(state, r.source, "/Job/properties/state")
    assert rs.node["enum"] == ["queued", "running", "done"] and rs.pointer == ""
    assert rs.source.path == os.path.normpath(fx("multi", "schemas", "state.yaml"))


def test_resolve_into_json_file():
    doc = open_document(fx("multi", "openapi.yaml"))
    ptr = "/paths/~1jobs/get/parameters/0"
    r = doc.refs.resolve(node_at(doc.root.data, ptr), doc.root, ptr)
    assert r.node["name"] == "page_size" and r.source.is_json and r.pointer == "/PageSize"
    assert r.source.positions(["/PageSize/in", "/PageSize/schema/maximum", "/JobId/required", "/Nope/x"]) == {
        "/PageSize/in": (4, 5),
        "/PageSize/schema/maximum": (5, 35),
        "/JobId/required": (7, 41),
        "/Nope/x": (1, 1),
    }


def test_resolve_failures_return_none_and_non_refs_pass_through():
    doc = open_document(fx("multi", "openapi.yaml"))
    for ptr in ("/components/schemas/Ping", "/paths/~1jobs~1{id}/get/responses/default",
                "/paths/~1jobs~1{id}/get/responses/404", "/paths/~1jobs/get/responses/500",
                "/paths/~1jobs/get/parameters/1"):
        assert doc.refs.resolve(node_at(doc.root.data, ptr), doc.root, ptr) == Resolved(None, doc.root, ptr)
    info = node_at(doc.root.data, "/info")
    assert doc.refs.resolve(info, doc.root, "/info") == Resolved(info, doc.root, "/info")
    assert doc.refs.resolve("text", doc.root, "/x") == Resolved("text", doc.root, "/x")


def test_ref_pointer_escaping_and_percent_decoding():
    text = ("openapi: 3.0.3\npaths:\n  /a/{id}:\n    get: {description: x}\n"
            "components:\n  x:\n    r1: {$ref: '#/paths/~1a~1%7Bid%7D/get'}\n    r2: {$ref: '#/paths/~1a~1{id}'}\n"
            "    'til~de': {type: string}\n    r3: {$ref: '#/components/x/til~0de'}\n    bad: {$ref: '#nope'}\n")
    doc = open_document("esc.yaml", text)
    r = doc.refs.resolve(node_at(doc.root.data, "/components/x/r1"), doc.root, "/components/x/r1")
    assert r.pointer == "/paths/~1a~1{id}/get" and r.node == {"description": "x"}
    assert doc.refs.resolve(node_at(doc.root.data, "/components/x/r3"), doc.root, "/c").node == {"type": "string"}
    assert unfollowed(doc) == [("esc.yaml", "/components/x/bad", "invalid")]
    assert [f.pointer for f in ref_findings(doc)] == ["/components/x/bad"]


def test_refs_inside_examples_are_data():
    text = ("openapi: 3.0.3\ncomponents:\n  schemas:\n    A:\n      type: object\n"
            "      example: {$ref: '#/nowhere'}\n      properties:\n        example: {$ref: '#/nowhere'}\n")
    doc = open_document("ex.yaml", text)
    assert [f.pointer for f in ref_findings(doc)] == ["/components/schemas/A/properties/example"]


# ---------------------------------------------------------------------------------------------
# Positions


STYLES = {
    "": (4, 1),
    "/openapi": (4, 1),
    "/info/version": (7, 3),
    "/info/x-flow/b": (8, 18),
    "/info/x-flow/b/1": (8, 25),
    "/paths/~1v1~1jobs": (10, 3),
    "/paths/~1v1~1jobs/get/tags/0": (13, 9),
    "/paths/~1v1~1jobs/get/tags/1": (14, 11),
    "/paths/~1v1~1jobs/get/parameters/0": (17, 11),
    "/paths/~1v1~1jobs/get/parameters/0/in": (18, 11),
    "/paths/~1v1~1jobs/get/parameters/1/name": (19, 11),
    "/paths/~1v1~1jobs/get/responses/200": (22, 9),
    "/paths/~1v1~1jobs/get/responses/200/description": (23, 11),
    "/paths/~1v1~1jobs/get/responses/404/description": (27, 17),
    "/paths/~1v1~1quoted ~0 path": (28, 3),
    "/paths/~1v1~1quoted ~0 path/post": (29, 5),
    "/components/schemas/Base/type": (37, 7),
    "/components/schemas/Copy/type": (37, 7),  # an alias: the anchored node
    "/components/schemas/Mixed/explicit": (40, 9),
    "/components/schemas/Mixed/plain": (42, 7),
    "/components/schemas/true": (43, 5),
    "/components/schemas/null": (44, 5),
    "/components/schemas/16": (45, 5),  # 0x10:
    # missing pointers: the deepest existing ancestor
    "/paths/~1v1~1jobs/get/nope/deeper": (11, 5),
    "/paths/~1v1~1jobs/get/tags/7": (12, 7),
    "/paths/~1v1~1jobs/get/responses/200/description/x": (23, 11),
    "/nope": (4, 1),
}


def test_yaml_positions():
    src = load_source(fx("styles.yaml"))
    assert src.positions(STYLES) == STYLES
    # memoised: asking again does not locate again
    assert set(STYLES) <= set(src._positions)
    assert src.position("/paths/~1v1~1jobs/get") == (11, 5)


def test_yaml_fast_path_agrees_with_full_compose():
    for name in ("styles.yaml", "multi/openapi.yaml", "multi/schemas/job.yaml", "oas31.yaml"):
        src = load_source(fx(name))
        pointers = all_pointers(src.data)
        parsed = {p: split_pointer(p) for p in pointers}
        assert locate.yaml_positions(src.text, parsed) == locate.yaml_positions_full(src.text, parsed), name


def test_yaml_fast_path_does_not_compose_the_whole_file(monkeypatch):
    src = load_source(fx("multi", "openapi.yaml"))
    composed = []
    real = locate._compose
    monkeypatch.setattr(locate, "_compose", lambda text: composed.append(text) or real(text))
    pos = src.positions(["/paths/~1jobs~1{id}/get/responses/404", "/components/schemas/Node/properties/children/items"])
    assert pos == {"/paths/~1jobs~1{id}/get/responses/404": (31, 9),
                   "/components/schemas/Node/properties/children/items": (45, 11)}
    assert sum(map(len, composed)) < len(src.text) / 4


def test_explicit_keys_are_composed_alone_not_with_their_whole_mapping(monkeypatch):
    # PyYAML writes keys over 128 characters as `? key`; they made the scan compose all of `paths` (Microsoft
    # Graph beta as YAML: 48 MB composed for 933 findings)
    long_keys = [f"/{'x' * 130}/{i}" for i in range(3)]
    text = "openapi: 3.0.3\npaths:\n" + "".join(
        f"  ? {key}\n  : get:\n      responses: {{'200': {{description: ok}}}}\n" for key in long_keys) + "".join(
        f"  /short{i}:\n    get:\n      responses: {{'200': {{description: ok}}}}\n" for i in range(200))
    src = load_source("x.yaml", text)
    composed = []
    real = locate._compose
    monkeypatch.setattr(locate, "_compose", lambda chunk: composed.append(chunk) or real(chunk))
    pointers = [join_pointer("/paths", key, "get", "responses", "200") for key in long_keys[1:]]
    assert src.positions(pointers) == {pointers[0]: (8, 19), pointers[1]: (11, 19)}  # as a full compose finds
    assert sum(map(len, composed)) < len(text) / 10


def test_yaml_positions_count_characters_not_bytes():
    src = load_source("u.yaml", "info:\n  tïtlé: {ä: 1, b: 2}\n")
    assert src.position("/info/tïtlé/b") == (2, 17)


def test_json_positions():
    src = load_source(fx("multi", "params.json"))
    assert src.positions(["", "/PageSize", "/PageSize/schema", "/PageSize/schema/type", "/JobId/schema/type",
                          "/JobId/name", "/PageSize/missing"]) == {
        "": (1, 1),
        "/PageSize": (2, 3),
        "/PageSize/schema": (5, 5),
        "/PageSize/schema/type": (5, 16),
        "/JobId/schema/type": (7, 70),
        "/JobId/name": (7, 13),
        "/PageSize/missing": (2, 3),
    }


def test_minified_json_positions():
    src = load_source(fx("swagger2.json"))
    text = src.text
    assert src.positions(["/paths/~1a~1{b}", "/paths/~1a~1{b}/get/parameters/0/in",
                          "/paths/~1a~1{b}/get/responses/200"]) == {
        "/paths/~1a~1{b}": (1, text.index('"/a/{b}"') + 1),
        "/paths/~1a~1{b}/get/parameters/0/in": (1, text.index('"in"') + 1),
        "/paths/~1a~1{b}/get/responses/200": (1, text.index('"200"') + 1),
    }


def test_json_positions_with_escapes_and_arrays():
    text = '{"a/b": {"x~y": [10, {"k": "v"}, [1, 2]], "q\\"": 1}}'
    src = load_source("e.json", text)
    assert src.positions(["/a~1b/x~0y/1/k", "/a~1b/x~0y/2/1", "/a~1b/q\"", "/a~1b/x~0y/9"]) == {
        "/a~1b/x~0y/1/k": (1, 23),
        "/a~1b/x~0y/2/1": (1, text.index("2]") + 1),
        "/a~1b/q\"": (1, text.index('"q') + 1),
        "/a~1b/x~0y/9": (1, 10),
    }


def test_json_positions_agree_with_a_composer():
    src = load_source(fx("multi", "params.json"))
    pointers = all_pointers(src.data)
    parsed = {p: split_pointer(p) for p in pointers}
    assert locate.json_positions(src.text, parsed) == locate.yaml_positions_full(src.text, parsed)


def test_deep_json_does_not_raise_from_the_locator():
    depth = 1000
    text = '{"a": ' * depth + "1" + "}" * depth
    src = load_source("deep.json", text)
    deep = "/a" * depth
    assert src.position(deep) == (1, 6 * (depth - 1) + 2)
    assert src.position(deep + "/x") == (1, 6 * (depth - 1) + 2)
    # the skipping scanner recursing too deep: fall back to the ancestor, never raise
    text = '{"b": ' + "[" * 100_000 + "]" * 100_000 + ', "c": 1}'
    assert locate.json_positions(text, {"/c": ["c"]}) == {"/c": (1, 1)}


def test_deep_yaml_positions():
    text = "".join(" " * i + "a:\n" for i in range(500)) + " " * 500 + "b: 1\n"
    src = load_source("deep.yaml", text)
    assert src.position("/a" * 500 + "/b") == (501, 501)
    assert src.position("/a" * 500 + "/c") == (500, 500)


def all_pointers(data) -> list[str]:
    out = ["", "/missing/x"]
    stack = [(data, "")]
    while stack:
        node, ptr = stack.pop()
        if isinstance(node, dict):
            for k, v in node.items():
                p = join_pointer(ptr, k)
                out += [p, p + "/zz"]
                stack.append((v, p))
        elif isinstance(node, list):
            for i, v in enumerate(node):
                p = join_pointer(ptr, i)
                out.append(p)
                stack.append((v, p))
    return out


def test_a_json_spec_with_only_plain_local_refs_skips_the_walk_and_one_with_a_broken_ref_does_not(tmp_path):
    spec = {"openapi": "3.0.3", "info": {"title": "t", "version": "1"},
            "paths": {"/jobs": {"get": {"responses": {"200": {"$ref": "#/components/responses/Ok"}}}}},
            "components": {"responses": {"Ok": {"description": "ok"}}}}
    path = tmp_path / "spec.json"
    path.write_text(json.dumps(spec))
    plain = open_document(str(path))
    assert plain.refs.only_plain_local() and ref_findings(plain) == []
    spec["paths"]["/jobs"]["get"]["responses"]["404"] = {"$ref": "#/components/responses/Missing"}
    path.write_text(json.dumps(spec))
    broken = open_document(str(path))
    assert not broken.refs.only_plain_local()
    assert unfollowed(broken) == [("spec.json", "/paths/~1jobs/get/responses/404", "missing-pointer")]
    assert [f.rule for f in ref_findings(broken)] == ["oas/ref"]


# Files that are not OpenAPI, as a repository holds them beside its specs: none of them is an input error.
NOT_OPENAPI = {
    "k8s.yaml": "apiVersion: v1\nkind: Service\nmetadata: {name: a}\n---\napiVersion: v1\nkind: Service\n",
    "helm.yaml": 'kind: Deployment\nmetadata:\n  labels:\n    {{- include "x.labels" . | nindent 4 }}\n',
    "tsconfig.json": '{\n  // strict mode\n  "compilerOptions": {"strict": true, /* and */ "openapi": 1},\n}\n',
    "mkdocs.yml": "theme:\n  icon: !!python/name:material.extensions.emoji.twemoji\n",
    "dup.yaml": "a: 1\na: 2\n",
    "notes.json": '{"x": "openapi: 3.1.0", // a value, not a key\n}',
}


@pytest.mark.parametrize("name", NOT_OPENAPI)
def test_a_file_that_is_not_recognisably_openapi_is_skipped_even_when_it_does_not_parse(tmp_path, name):
    path = tmp_path / name
    path.write_text(NOT_OPENAPI[name])
    with pytest.raises(InputError):
        load_source(str(path))
    assert open_document(str(path)) is None


@pytest.mark.parametrize("text", [
    "{{- if .Values.api }}\nopenapi: 3.1.0\n{{- end }}\n",  # a template of a spec
    "info: {title: t}\nswagger: '2.0'\n---\nx: 1\n",  # the key need not come first
    '{\n  // a comment\n  "openapi": "3.1.0", "paths": {}\n}\n',  # JSON with comments
    '"openapi": 3.1.0\na: 1\na: 2\n',
])
def test_a_broken_file_with_a_top_level_openapi_key_is_an_input_error(tmp_path, text):
    path = tmp_path / ("spec.json" if text.startswith("{") else "spec.yaml")
    path.write_text(text)
    with pytest.raises(InputError):
        open_document(str(path))
