"""Inline suppressions: x-aiplint-ignore on nodes, through $ref, invalid and unused ones, and turning them off."""

from __future__ import annotations

from click.testing import CliRunner
from conftest import FIXTURES

import aiplint
from aiplint.cli import cli

SPEC = FIXTURES / "suppress" / "openapi.yaml"


def found(**config):
    return {(f.rule, f.file.rsplit("/", 1)[-1], f.path, f.line) for f in aiplint.lint(SPEC, config=config)}


def test_suppressions_silence_exactly_their_targets():
    assert found() == {
        ("aiplint/unused-suppression", "openapi.yaml", None, 6),
        ("aiplint/invalid-suppression", "openapi.yaml", None, 13),
        # only the ID rule is silenced: the rule that shared its finding reports instead (`job`, before a view of
        # one job named in the query, is a singular collection)
        ("aip122/plural-collection", "openapi.yaml", "/v1/job/status", 9),
        # no suppression there: one mistake, one finding (the singular `job` is in its `also`)
        ("rest/resource-id-in-query", "openapi.yaml", "/v1/job/logs", 22),
        ("aiplint/invalid-suppression", "artifacts.yaml", None, 3),
        ("rest/resource-id-in-query", "artifacts.yaml", "/v1/job/artifacts", 5),  # its suppression has no reason
    }


def test_the_rules_sharing_a_fix_are_one_finding_until_one_is_suppressed():
    logs = [f for f in aiplint.lint(SPEC) if f.path == "/v1/job/logs"]
    assert [(f.rule, [a.rule for a in f.also]) for f in logs] == [
        ("rest/resource-id-in-query", ["aip122/collection-name-consistency", "aip122/plural-collection"])]
    status = [f for f in aiplint.lint(SPEC) if f.path == "/v1/job/status"]
    assert [(f.rule, f.also) for f in status] == [("aip122/plural-collection", ())]


def test_a_suppression_in_a_ref_file_covers_its_node_there():
    # paths/artifacts.yaml silences the aip122/ family on its path item: no consistency finding for artifacts
    assert not [f for f in aiplint.lint(SPEC) if f.path == "/v1/job/artifacts" and f.rule.startswith("aip122/")]


def test_inline_ignores_can_be_turned_off():
    everything = found(**{"inline-ignores": False})
    assert ("rest/resource-id-in-query", "openapi.yaml", "/v1/job/status", 15) in everything
    assert not {rule for rule, *_ in everything if rule.startswith("aiplint/")}
    result = CliRunner().invoke(cli, ["check", str(SPEC), "--no-inline-ignores", "--isolated"])
    assert " aiplint/" not in result.stdout and "openapi.yaml:15:11: error rest/resource-id-in-query" in result.stdout


def test_unused_suppression_is_info_and_does_not_fail_by_default():
    result = CliRunner().invoke(cli, ["check", str(SPEC), "--select", "aiplint/unused-suppression", "--isolated"])
    assert result.exit_code == 0
    assert "info aiplint/unused-suppression `x-aiplint-ignore` for `oas/path-no-query-string` suppressed nothing" in result.stdout


def test_an_unknown_rule_gets_a_did_you_mean():
    (invalid,) = [f for f in aiplint.lint(SPEC) if f.rule == "aiplint/invalid-suppression" and f.line == 13]
    assert invalid.message == "`x-aiplint-ignore` names the unknown rule `rest/verb-sgment`; did you mean `rest/verb-segment`?"


SPLIT_ROOT = """openapi: 3.1.0
info: {title: Users, version: "1"}
paths:
  /v1/user/{id}:
    $ref: paths/user.yaml
"""
SPLIT_PATH = """x-aiplint-ignore:
  aip122/plural-collection: "v1 clients use this path; /v2/users replaces it"
get:
  parameters: [{name: id, in: path, required: true, schema: {type: string}}]
  responses: {"200": {description: ok}}
"""


def test_a_suppression_on_a_split_path_item_covers_its_path_level_findings(tmp_path):
    """The layout Redocly's `split` writes: each path item in its own file.  `aip122/plural-collection` is a
    path-level finding located at the path key in the root; the path item's ignore covers it."""
    (tmp_path / "paths").mkdir()
    (tmp_path / "openapi.yaml").write_text(SPLIT_ROOT)
    (tmp_path / "paths" / "user.yaml").write_text(SPLIT_PATH)
    assert aiplint.lint(tmp_path / "openapi.yaml") == []
    (tmp_path / "paths" / "user.yaml").write_text(SPLIT_PATH[SPLIT_PATH.index("get:"):])
    assert [f.rule for f in aiplint.lint(tmp_path / "openapi.yaml")] == ["aip122/plural-collection"]
