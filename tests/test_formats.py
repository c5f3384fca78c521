"""The report formats of aiplint.report: SARIF 2.1.0 (validated against the official schema), GitHub Actions
workflow commands, GitLab Code Quality, JUnit XML, and source frames for text output.

The findings are real: they come from linting the example spec and the per-rule `bad.yaml` fixtures."""

from __future__ import annotations

import io
import json
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from dataclasses import replace
from functools import lru_cache
from pathlib import Path

import jsonschema_rs
import pytest
from conftest import REPO

import aiplint
from aiplint.linting.engine import lint_document
from aiplint.linting.findings import Finding
from aiplint.linting.registry import available_rules
from aiplint.read.document import open_document
from aiplint.report import github, gitlab, junit, sarif, text
from aiplint.report.formats import FORMATS, writer
from aiplint.report.sarif import FINGERPRINT_KEY
from aiplint.report.writer import Report
from aiplint.rule import Severity, anchor, rule

SCHEMA = Path(__file__).parent / "schemas" / "sarif-schema-2.1.0.json"
EXAMPLE = "fixtures/examples/petstore-jobs.yaml"
BAD = sorted(str(p.relative_to(REPO).as_posix()) for p in (REPO / "fixtures" / "rules").glob("*/*/bad.yaml"))


@pytest.fixture(autouse=True)
def _in_repo(monkeypatch):
    """Paths are given relative to the repository, as a CI job gives them."""
    monkeypatch.chdir(REPO)


@lru_cache(maxsize=None)
def _lint(path: str) -> tuple[Finding, ...]:
    document = open_document(str(REPO / path))
    linted = lint_document(document)
    findings, crashes = linted.findings, linted.crashes
    assert crashes == []
    # Linted from the repository root, a finding names its file relative to it.
    return tuple(replace(f, file=Path(f.file).relative_to(REPO).as_posix()) for f in findings)


def findings_of(*paths: str) -> list[Finding]:
    return sorted((f for path in paths for f in _lint(path)), key=Finding.order)


def render(writer, findings, rules=None, files=(), **more) -> str:
    """What a writer makes of a report of these findings (`rules`: the rules that ran)."""
    out = io.StringIO()
    writer(Report(findings, rules or {}, files, **more), out)
    return out.getvalue()


RULES = available_rules()
ALL = [EXAMPLE, *BAD]


def test_fixtures_give_findings_of_every_severity_and_shape():
    found = findings_of(*ALL)
    assert len(found) > 40
    assert {f.severity for f in found} >= {Severity.ERROR, Severity.WARNING}
    assert any(f.method and f.path for f in found)  # an operation
    assert any(f.method is None and f.path for f in found)  # a path without an operation
    assert any(f.path is None for f in found)  # only a pointer
    assert any(f.suggestion for f in found) and any(not f.suggestion for f in found)


# --------------------------------------------------------------------------------------------------
# SARIF


@lru_cache(maxsize=1)
def sarif_validator():
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    assert schema["id"].endswith("/sarif-schema-2.1.0.json")
    return jsonschema_rs.Draft4Validator(schema, validate_formats=True)


def assert_valid_sarif(text: str) -> dict:
    log = json.loads(text)
    errors = [f"{e.instance_path}: {e.message}" for e in sarif_validator().iter_errors(log)]
    assert errors == []
    return log


def test_the_validator_rejects_invalid_sarif():
    log = json.loads(render(sarif.write, findings_of(EXAMPLE), RULES))
    log["runs"][0]["results"][0]["level"] = "fatal"
    del log["runs"][0]["tool"]["driver"]["name"]
    assert len(list(sarif_validator().iter_errors(log))) == 2


@pytest.mark.parametrize("path", ALL)
def test_sarif_is_valid_for_each_fixture(path):
    assert_valid_sarif(render(sarif.write, findings_of(path), RULES))


def test_sarif_is_valid_without_findings_and_for_many_files():
    assert assert_valid_sarif(render(sarif.write, [], RULES))["runs"][0]["results"] == []
    assert_valid_sarif(render(sarif.write, findings_of(*ALL), RULES))


def test_sarif_log_and_driver():
    log = assert_valid_sarif(render(sarif.write, findings_of(EXAMPLE), RULES))
    assert log["$schema"].endswith("sarif-schema-2.1.0.json")
    assert log["version"] == "2.1.0"
    assert len(log["runs"]) == 1
    run = log["runs"][0]
    assert run["columnKind"] == "unicodeCodePoints"
    driver = run["tool"]["driver"]
    assert driver["name"] == "aiplint"
    assert driver["version"] == aiplint.__version__
    assert driver["informationUri"].startswith("https://")
    # Every rule, not only those with findings, in the order given.
    assert [d["id"] for d in driver["rules"]] == list(RULES)


def test_sarif_rule_descriptors():
    log = json.loads(render(sarif.write, [], RULES))
    descriptors = {d["id"]: d for d in log["runs"][0]["tool"]["driver"]["rules"]}
    levels = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}
    for rule_id, r in RULES.items():
        d = descriptors[rule_id]
        assert d["shortDescription"] == {"text": r.summary}
        assert d["helpUri"] == r.docs_url
        assert r.docs_url == (f"https://github.com/aiplint/aiplint/blob/main/docs/rules.md#{anchor(rule_id)}"
                              if r.check.__module__.startswith("aiplint.lint_rules.") else r.url)
        assert d["properties"].get("referenceUrl", r.url) == r.url
        assert d["properties"].get("aip") == r.aip
        assert d["help"]["markdown"] == r.doc.strip()
        first = r.doc.strip().split("\n\n")[0]
        assert d["fullDescription"]["text"] == " ".join(first.split())
        assert "\n" not in d["fullDescription"]["text"]
        default = r.severity_for("rest") or next(iter(r.severities.values()))  # an `aip`-only rule: its severity there
        assert d["defaultConfiguration"] == {"level": levels[default]}
    severities = {r.severities["rest"] for r in RULES.values() if "rest" in r.severities}
    assert {Severity.ERROR, Severity.WARNING} <= severities


def test_sarif_default_level_falls_back_when_the_rest_profile_has_the_rule_off():
    @rule(id="acme/aip-only", summary="AIP only", reference="-", url="https://example.com/x", severity={"aip": "info"})
    def check(ctx):
        return []

    log = assert_valid_sarif(render(sarif.write, [], {check.id: check}))
    assert log["runs"][0]["tool"]["driver"]["rules"][0]["defaultConfiguration"] == {"level": "note"}


def test_sarif_results():
    found = findings_of(*ALL)
    log = assert_valid_sarif(render(sarif.write, found, RULES))
    run = log["runs"][0]
    descriptors = run["tool"]["driver"]["rules"]
    assert len(run["results"]) == len(found)
    levels = {"error": "error", "warning": "warning", "info": "note"}
    for f, result in zip(found, run["results"], strict=True):
        assert result["ruleId"] == f.rule
        assert descriptors[result["ruleIndex"]]["id"] == f.rule
        assert result["level"] == levels[f.severity.value]
        text = result["message"]["text"]
        assert text == (f"{f.message}\nSuggestion: {f.suggestion}" if f.suggestion else f.message)
        (location,) = result["locations"]
        physical = location["physicalLocation"]
        assert physical["artifactLocation"] == {"uri": f.file}
        assert not physical["artifactLocation"]["uri"].startswith("/")
        assert physical["region"] == {"startLine": f.line, "startColumn": f.column}
        logical = location["logicalLocations"]
        assert logical[0]["fullyQualifiedName"] == f.pointer
        if f.method and f.path:
            assert logical[1] == {"name": f"{f.method} {f.path}", "fullyQualifiedName": f"{f.method} {f.path}",
                                  "kind": "function"}
        elif f.path:
            assert logical[1]["name"] == f.path and logical[1]["kind"] == "resource"
        else:
            assert len(logical) == 1
        assert result["partialFingerprints"] == {FINGERPRINT_KEY: f.fingerprint}


def test_sarif_example_result():
    log = json.loads(render(sarif.write, findings_of(EXAMPLE), RULES))
    first = log["runs"][0]["results"][0]
    consistency = ("`job` is the singular of the collection `jobs` used beside it; name one collection one way, in "
                   "the plural (AIP-122)")
    assert first == {
        "ruleId": "rest/resource-id-in-query",
        "ruleIndex": list(RULES).index("rest/resource-id-in-query"),
        "level": "error",
        "message": {
            "text": "required query parameter `job_id` identifies the resource this operation acts on; a resource's "
                    "ID belongs in the path, after its collection (AIP-131)\n"
                    "Suggestion: GET /v1/training/jobs/{job_id}/status"
        },
        "locations": [
            {
                "physicalLocation": {
                    "artifactLocation": {"uri": EXAMPLE},
                    "region": {"startLine": 40, "startColumn": 11},
                },
                "logicalLocations": [
                    {"name": "0", "fullyQualifiedName": "/paths/~1v1~1training~1job~1status/get/parameters/0"},
                    {"name": "GET /v1/training/job/status", "fullyQualifiedName": "GET /v1/training/job/status",
                     "kind": "function"},
                ],
            }
        ],
        "partialFingerprints": {FINGERPRINT_KEY: "00efee41eaaceb52"},
        # the rule whose problem the same fix resolves (one mistake, one finding)
        "properties": {"also": [{"rule": "aip122/collection-name-consistency", "message": consistency}]},
    }


def test_sarif_rule_missing_from_the_rules_gets_a_descriptor():
    found = findings_of(EXAMPLE)
    only = {"rest/resource-id-in-query": RULES["rest/resource-id-in-query"]}
    log = assert_valid_sarif(render(sarif.write, found, only))
    run = log["runs"][0]
    assert [d["id"] for d in run["tool"]["driver"]["rules"]] == ["rest/resource-id-in-query", "aip136/http-method"]
    assert [r["ruleIndex"] for r in run["results"]] == [0, 1]


def test_sarif_uris_are_relative_posix_and_encoded_or_absolute_file_uris(tmp_path):
    f = findings_of(EXAMPLE)[0]
    odd = [replace(f, file="specs dir/api#1.yaml"), replace(f, file=str(tmp_path / "api.yaml"))]
    log = assert_valid_sarif(render(sarif.write, odd, RULES))
    uris = [r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] for r in log["runs"][0]["results"]]
    assert uris[0] == "specs%20dir/api%231.yaml"
    assert uris[1] == (tmp_path / "api.yaml").as_uri()


# --------------------------------------------------------------------------------------------------
# GitHub Actions workflow commands


def test_github_example_lines():
    assert render(github.write, findings_of(EXAMPLE)).splitlines() == [
        "::error file=fixtures/examples/petstore-jobs.yaml,line=40,col=11,title=rest/resource-id-in-query"
        "::required query parameter `job_id` identifies the resource this operation acts on; a resource's ID "
        "belongs in the path, after its collection (AIP-131)%0ASuggestion: GET /v1/training/jobs/{job_id}/status",
        "::error file=fixtures/examples/petstore-jobs.yaml,line=44,col=5,title=aip136/http-method"
        "::custom method `vaccinate` uses PATCH; custom methods must use POST, or GET when they only read (AIP-136), "
        "not PATCH%0ASuggestion: POST /v1/pets/{pet_id}/vaccinate",
    ]


def test_github_one_line_per_finding_with_the_severity_command():
    found = findings_of(*ALL)
    lines = render(github.write, found).split("\n")
    assert lines[-1] == "" and len(lines) == len(found) + 1
    commands = {"error": "::error ", "warning": "::warning ", "info": "::notice "}
    for f, line in zip(found, lines[:-1], strict=True):
        assert line.startswith(commands[f.severity.value])
        assert f",line={f.line},col={f.column},title={f.rule}::" in line
        assert ("%0ASuggestion: " in line) == bool(f.suggestion)


def test_github_escapes_data_and_properties():
    f = replace(findings_of(EXAMPLE)[0], severity=Severity.INFO, file="a,b:c%d.yaml", rule="x:y,z",
                message="100% wrong:\r\nsee, here", suggestion=None)
    assert render(github.write, [f]) == (
        "::notice file=a%2Cb%3Ac%25d.yaml,line=40,col=11,title=x%3Ay%2Cz::100%25 wrong:%0D%0Asee, here\n"
    )
    w = replace(f, severity=Severity.WARNING, file="ok.yaml", rule="r", message="m", suggestion="50%")
    assert render(github.write, [w]) == "::warning file=ok.yaml,line=40,col=11,title=r::m%0ASuggestion: 50%25\n"


# --------------------------------------------------------------------------------------------------
# GitLab Code Quality


def test_gitlab_report():
    found = findings_of(*ALL)
    issues = json.loads(render(gitlab.write, found))
    assert isinstance(issues, list) and len(issues) == len(found)
    severities = {"error": "major", "warning": "minor", "info": "info"}
    seen: dict[str, int] = {}
    for f, issue in zip(found, issues, strict=True):
        seen[f.fingerprint] = seen.get(f.fingerprint, 0) + 1
        n = seen[f.fingerprint]
        assert issue == {
            "description": f"{f.rule}: {f.message}",
            "check_name": f.rule,
            "fingerprint": f.fingerprint if n == 1 else f"{f.fingerprint}-{n}",
            "severity": severities[f.severity.value],
            "location": {"path": f.file, "lines": {"begin": f.line}},
        }
    assert len({i["fingerprint"] for i in issues}) == len(issues)
    # Two fixtures share a problem (the same verb path in two files), so the report really needs this.
    assert max(seen.values()) > 1


def test_gitlab_fingerprints_are_unique_and_deterministic(tmp_path):
    # The same spec under two names: every finding's fingerprint appears twice.
    copy = tmp_path / "copy.yaml"
    shutil.copy(REPO / EXAMPLE, copy)
    document = open_document(str(copy))
    twin = lint_document(document).findings
    found = findings_of(EXAMPLE) + twin
    assert len({f.fingerprint for f in found}) == len(found) // 2
    text = render(gitlab.write, found)
    assert text == render(gitlab.write, found)
    fingerprints = [i["fingerprint"] for i in json.loads(text)]
    assert len(set(fingerprints)) == len(fingerprints)
    assert fingerprints == [f.fingerprint for f in found[:2]] + [f"{f.fingerprint}-2" for f in found[:2]]
    info = replace(found[0], severity=Severity.INFO)
    assert json.loads(render(gitlab.write, [info]))[0]["severity"] == "info"


# --------------------------------------------------------------------------------------------------
# JUnit XML


def parse_junit(text: str) -> ET.Element:
    assert text.startswith('<?xml version="1.0" encoding="UTF-8"?>\n')
    return ET.fromstring(text.encode("utf-8"))


def test_junit_counts_and_cases():
    files = list(ALL)
    found = findings_of(*files)
    root = parse_junit(render(junit.write, found, RULES, files))
    failing = {(f.file, f.rule) for f in found}
    assert root.tag == "testsuites"
    assert int(root.get("tests")) == len(files) * len(RULES)
    assert int(root.get("failures")) == len(failing)
    suites = root.findall("testsuite")
    assert [s.get("name") for s in suites] == files
    for suite in suites:
        cases = suite.findall("testcase")
        assert [c.get("name") for c in cases] == list(RULES)
        assert {c.get("classname") for c in cases} == {suite.get("name")}
        assert int(suite.get("tests")) == len(RULES)
        assert int(suite.get("failures")) == sum(1 for c in cases if c.find("failure") is not None)
        for case in cases:
            mine = [f for f in found if (f.file, f.rule) == (suite.get("name"), case.get("name"))]
            failures = case.findall("failure")
            if not mine:
                assert failures == [] and len(case) == 0
                continue
            (failure,) = failures
            assert failure.get("type") == max((f.severity for f in mine), key=lambda s: s.rank).value
            lines = [line for line in failure.text.splitlines() if not line.startswith("    suggestion: ")]
            assert lines == [f"{f.line}:{f.column} {f.message}" for f in mine]
            if len(mine) == 1:
                assert failure.get("message") == mine[0].message
            else:
                assert failure.get("message").startswith(f"{len(mine)} problems: ")


def test_junit_example_failure_text():
    root = parse_junit(render(junit.write, findings_of(EXAMPLE), RULES, [EXAMPLE]))
    case = root.find("testsuite/testcase[@name='rest/resource-id-in-query']")
    assert case.find("failure").text == (
        "40:11 required query parameter `job_id` identifies the resource this operation acts on; a resource's ID "
        "belongs in the path, after its collection (AIP-131)\n    suggestion: GET /v1/training/jobs/{job_id}/status"
    )
    assert root.get("tests") == str(len(RULES)) and root.get("failures") == "2"


def test_junit_clean_file_and_a_finding_outside_the_linted_files():
    found = findings_of(EXAMPLE)
    root = parse_junit(render(junit.write, found, RULES, ["fixtures/rules/oas/ref/good.yaml"]))
    clean, other = root.findall("testsuite")
    assert (clean.get("name"), clean.get("failures")) == ("fixtures/rules/oas/ref/good.yaml", "0")
    assert (other.get("name"), other.get("failures")) == (EXAMPLE, "2")
    assert root.get("tests") == str(2 * len(RULES))


def test_junit_survives_characters_xml_cannot_carry():
    f = replace(findings_of(EXAMPLE)[0], message="bad \x01 char, ünïcode ✓ <&>", file="dir/ä.yaml")
    text = render(junit.write, [f], RULES, [f.file])
    assert text.isascii()
    case = parse_junit(text).find("testsuite/testcase/failure")
    assert case.get("message") == "bad \ufffd char, ünïcode ✓ <&>"


# --------------------------------------------------------------------------------------------------
# All formats


@pytest.mark.parametrize("name", list(FORMATS))
def test_writers_share_one_signature_and_are_deterministic(name):
    found = findings_of(*ALL)
    first = render(writer(name), found, RULES, ALL)
    assert first == render(writer(name), found, RULES, ALL)
    assert first.endswith("\n") and not first.endswith("\n\n")
    first.encode("utf-8")
    empty = render(writer(name), [], RULES, [])
    assert empty.endswith("\n") or (name == "github" and empty == "")  # no finding, no workflow command


def test_writers_names():
    assert list(FORMATS) == ["text", "json", "sarif", "github", "gitlab", "junit", "markdown", "html"]


def test_the_command_line_imports_only_the_writers_a_run_asks_for():
    code = ("import sys, aiplint.cli, aiplint.report.formats as f; f.writer('sarif'); "
            "print(sorted(m for m in sys.modules if m.startswith('aiplint.report.')))")
    imported = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert imported.strip() == "['aiplint.report.formats', 'aiplint.report.sarif', 'aiplint.report.writer']"


def test_the_registry_gives_each_format_its_module_writer():
    assert writer("text") is text.write and writer("sarif") is sarif.write
    found = findings_of(EXAMPLE)
    assert json.loads(render(writer("json"), found, RULES, [EXAMPLE]))["summary"]["files"] == 1
    quiet = render(writer("text"), found, RULES, [EXAMPLE], quiet=True, show_source=True)
    assert "Found" not in quiet and "44 |     patch:" in quiet


# --------------------------------------------------------------------------------------------------
# Source frames


def test_text_with_source_frames():
    assert render(text.write, findings_of(EXAMPLE), RULES, [EXAMPLE], show_source=True) == (
        "fixtures/examples/petstore-jobs.yaml:40:11: error rest/resource-id-in-query required query parameter "
        "`job_id` identifies the resource this operation acts on; a resource's ID belongs in the path, after its "
        "collection (AIP-131)\n"
        "   |\n"
        "40 |         - {name: job_id, in: query, required: true, schema: {type: string}}\n"
        "   |           ^\n"
        "    suggestion: GET /v1/training/jobs/{job_id}/status\n"
        "    also fixes: aip122/collection-name-consistency\n"
        "fixtures/examples/petstore-jobs.yaml:44:5: error aip136/http-method custom method `vaccinate` uses PATCH; "
        "custom methods must use POST, or GET when they only read (AIP-136), not PATCH\n"
        "   |\n"
        "44 |     patch:\n"
        "   |     ^\n"
        "    suggestion: POST /v1/pets/{pet_id}/vaccinate\n"
        "Found 2 problems in 1 file (2 errors, 0 warnings, 0 infos).\n"
    )


def test_text_without_source_frames_is_unchanged():
    assert " | " not in render(text.write, findings_of(EXAMPLE), RULES, [EXAMPLE])


def test_text_source_frames_with_colour():
    coloured = render(text.write, findings_of(EXAMPLE), RULES, [EXAMPLE], show_source=True, colour=True)
    assert "\x1b[" in coloured and "patch:" in coloured


def source_frame(path: str, line: int, column: int) -> str:
    """The source frame that `--show-source` writes under a finding at this place."""
    found = Finding(rule="r", severity=Severity.ERROR, message="m", file=path, line=line, column=column, pointer="",
                    method=None, path=None, suggestion=None, fingerprint="f")
    out = io.StringIO()
    text.write_findings([found], out, colour=False, show_source=True)
    return out.getvalue().partition("\n")[2]  # what follows the finding's own line


@pytest.mark.parametrize("path", ALL)
def test_every_finding_has_a_frame_with_the_caret_under_its_column(path):
    for f in findings_of(path):
        frame = source_frame(f.file, f.line, f.column)
        gutter, source, caret = frame.splitlines()
        width = len(str(f.line))
        assert gutter == " " * width + " |"
        assert source.startswith(f"{f.line} | ")
        assert caret == " " * width + " | " + " " * (f.column - 1) + "^"
        assert source[width + 3 + f.column - 1] != " "  # the caret points at text, not at indentation


def test_source_frame_edge_cases(tmp_path):
    spec = tmp_path / "s.yaml"
    spec.write_bytes("a: 1\r\n\tb: \x1b[31m\r\nname: \u65e5\u672c x\nlast".encode("utf-8"))
    assert source_frame(str(spec), 1, 1) == "  |\n1 | a: 1\n  | ^\n"
    assert source_frame(str(spec), 2, 2) == "  |\n2 | \tb: \\x1b[31m\n  | \t^\n"  # tabs kept, escapes defused
    assert source_frame(str(spec), 2, 6) == "  |\n2 | \tb: \\x1b[31m\n  | \t       ^\n"  # under `[`, after the escape
    # Wide characters take two columns: the caret is under the `x`.
    assert source_frame(str(spec), 3, 10) == "  |\n3 | name: \u65e5\u672c x\n  | " + " " * 11 + "^\n"
    assert source_frame(str(spec), 4, 9) == "  |\n4 | last\n  |         ^\n"  # past the end of the line
    assert source_frame(str(spec), 5, 1) == ""
    assert source_frame(str(spec), 0, 1) == ""
    assert source_frame(str(tmp_path / "missing.yaml"), 1, 1) == ""
    bom = tmp_path / "bom.yaml"
    bom.write_bytes(b"\xef\xbb\xbfopenapi: 3.1.0\n")
    assert source_frame(str(bom), 1, 1) == "  |\n1 | openapi: 3.1.0\n  | ^\n"
    assert source_frame(str(spec), 10, 3).count("\n") == 0


def test_sarif_related_locations_name_every_path_of_a_singular_collection():
    spec = REPO / "fixtures" / "rules" / "aip122" / "plural_collection" / "bad.yaml"
    log = assert_valid_sarif(render(sarif.write, findings_of(spec), RULES))
    [result] = [r for r in log["runs"][0]["results"] if "`analysis`" in r["message"]["text"]]
    [related] = result["relatedLocations"]
    assert related["message"]["text"] == "/v1/analysis/{analysis_id}"
    assert related["physicalLocation"]["region"]["startLine"] > result["locations"][0]["physicalLocation"]["region"]["startLine"]


# --------------------------------------------------------------------------------------------------
# JSON: each finding's AIP and documentation (additive fields of version 1)


def test_json_findings_name_their_aip_and_documentation():
    from aiplint.report import json_report

    found = findings_of(*ALL)
    data = json.loads(render(json_report.write, found, RULES))
    assert data["version"] == 1
    by_family = {}
    for f in data["findings"]:
        by_family.setdefault(f["rule"].split("/")[0], f)
        assert f["url"] == f"https://github.com/aiplint/aiplint/blob/main/docs/rules.md#{anchor(f['rule'])}"
    assert by_family["aip122"]["aip"] == 122 and by_family["aip136"]["aip"] == 136
    assert by_family["oas"]["aip"] is None and by_family["rest"]["aip"] is None
    # a finding of a rule that did not run (a fixed finding of a diff, a plugin no longer installed) still says
    # what its id says
    unknown = json.loads(render(json_report.write, found[:1], {}))["findings"][0]
    assert unknown["url"] is None and unknown["aip"] == found[0].to_dict(RULES)["aip"]
