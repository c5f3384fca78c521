"""Reports that keep the truth in CI: SARIF with every finding's baseline state under a diff (validated against
the official schema), the Markdown report (snapshots), fixed findings located in the old revision.

fixtures/reports/v1.yaml -> v2.yaml fixes two findings by moving an operation, keeps one, adds one and removes
an operation.  Set UPDATE_SNAPSHOTS=1 to rewrite tests/snapshots/ after a deliberate change of the format.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import FIXTURES, REPO
from test_formats import assert_valid_sarif

from aiplint.cli import cli

V1, V2 = "fixtures/reports/v1.yaml", "fixtures/reports/v2.yaml"
SNAPSHOTS = Path(__file__).parent / "snapshots"


@pytest.fixture(autouse=True)
def _in_repo(monkeypatch):
    monkeypatch.chdir(REPO)  # paths relative to the repository, as a CI job gives them


def run(*args: str):
    return CliRunner().invoke(cli, list(args))


def matches_snapshot(name: str, text: str) -> None:
    path = SNAPSHOTS / name
    if os.environ.get("UPDATE_SNAPSHOTS"):
        path.write_text(text)
    assert path.is_file(), f"no snapshot {path}: run with UPDATE_SNAPSHOTS=1 and review it"
    assert text == path.read_text()


@pytest.fixture
def revision(tmp_path) -> Path:
    """A git repository whose HEAD holds v1 as openapi.yaml, and whose working tree holds v2."""
    if shutil.which("git") is None:
        pytest.skip("git is not installed")
    env = {**os.environ, "GIT_CONFIG_GLOBAL": os.devnull, "GIT_CONFIG_NOSYSTEM": "1"}
    git = ["git", "-c", "user.name=t", "-c", "user.email=t@t.invalid", "-c", "commit.gpgsign=false"]
    subprocess.run([*git, "init", "--quiet"], cwd=tmp_path, env=env, check=True)
    (tmp_path / "openapi.yaml").write_text((REPO / V1).read_text())
    subprocess.run([*git, "add", "openapi.yaml"], cwd=tmp_path, env=env, check=True)
    subprocess.run([*git, "commit", "--quiet", "-m", "v1"], cwd=tmp_path, env=env, check=True)
    (tmp_path / "openapi.yaml").write_text((REPO / V2).read_text())
    return tmp_path


def test_sarif_under_diff_base_has_every_finding_with_its_baseline_state(revision, monkeypatch):
    monkeypatch.chdir(revision)
    result = run("check", "--isolated", "--diff-base", "HEAD", "--format", "sarif", "--fail-on-breaking", "never",
                 "--fail-on", "warning")
    assert result.exit_code == 1  # the new warning
    log = assert_valid_sarif(result.stdout)
    states = sorted((r["baselineState"], r["ruleId"], r["locations"][0]["physicalLocation"]["region"]["startLine"])
                    for r in log["runs"][0]["results"])
    assert states == [
        ("absent", "rest/resource-id-in-query", 29),  # at its line in HEAD (the singular `job` in its `also`)
        # what the working tree no longer has is at its nearest place there (the moved operation's new place, the
        # top of the file for a removed path), never at a line of HEAD's file shown against the working tree's
        ("new", "breaking/operation-moved", 19),
        ("new", "breaking/operation-removed", 1),
        ("new", "rest/verb-segment", 26),
        ("unchanged", "aip122/plural-collection", 6),  # at its line in the working tree (13 in HEAD)
    ]
    absent = [r for r in log["runs"][0]["results"] if r["baselineState"] == "absent"]
    assert {r["properties"]["revision"] for r in absent} == {"HEAD"}
    assert {r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] for r in absent} == {"openapi.yaml"}
    # only the unchanged error left: it does not fail the run
    assert run("check", "--isolated", "--diff-base", "HEAD", "--fail-on-breaking", "never", "--fail-on", "warning",
               "--ignore", "rest/verb-segment").exit_code == 0


def test_fixed_findings_are_located_in_the_old_revision(revision, monkeypatch):
    monkeypatch.chdir(revision)
    text = run("check", "--isolated", "--diff-base", "HEAD").stdout
    fixed = text.split("Fixed (1):\n", 1)[1].splitlines()
    assert fixed[0].startswith("HEAD:openapi.yaml:29:11: error rest/resource-id-in-query ")
    report = json.loads(run("check", "--isolated", "--diff-base", "HEAD", "--format", "json").stdout)
    assert report["revision"] == "HEAD"
    assert [(f["file"], f["line"]) for f in report["fixed"]] == [("openapi.yaml", 29)]
    assert [(f["file"], f["line"]) for f in report["new"]] == [("openapi.yaml", 26)]


def test_what_the_working_tree_no_longer_has_is_at_the_base_revision_in_text_and_in_the_new_file_in_annotations(
        revision, monkeypatch):
    """Issue 20: a removed operation is at `HEAD:openapi.yaml:7:5` in text; an annotation, which GitHub shows on
    the working tree's file, is at that file's nearest place (its top, the path being gone) and names HEAD's."""
    monkeypatch.chdir(revision)
    text = run("check", "--isolated", "--diff-base", "HEAD", "--fail-on-breaking", "never").stdout
    assert ("HEAD:openapi.yaml:7:5: error breaking/operation-removed POST /v1/pets/{pet_id}:adopt: operation removed "
            "without being deprecated first") in text
    github = run("check", "--isolated", "--diff-base", "HEAD", "--format", "github", "--fail-on-breaking",
                 "never").stdout
    assert ("::error file=openapi.yaml,line=1,col=1,title=breaking/operation-removed::POST /v1/pets/{pet_id}:adopt: "
            "operation removed without being deprecated first: clients calling it get 404 or 405 "
            "(was at HEAD:openapi.yaml:7:5)\n") in github
    assert ("::error file=openapi.yaml,line=19,col=5,title=breaking/operation-moved::GET /v1/training/job/status: "
            "moved to GET /v1/training/jobs/{job_id}/status") in github
    page = run("check", "--isolated", "--diff-base", "HEAD", "--format", "html", "--fail-on-breaking", "never").stdout
    assert "HEAD:openapi.yaml" in page
    markdown = run("check", "--isolated", "--diff-base", "HEAD", "--format", "markdown", "--fail-on-breaking",
                   "never").stdout
    assert "`breaking/operation-removed` (`HEAD:openapi.yaml:7`)" in markdown


def test_sarif_of_a_diff_between_files_is_valid_too():
    log = assert_valid_sarif(run("diff", "--isolated", V1, V2, "--format", "sarif").stdout)
    assert {r["baselineState"] for r in log["runs"][0]["results"]} == {"new", "unchanged", "absent"}
    assert not [r for r in log["runs"][0]["results"] if "revision" in r.get("properties", {})]  # two files


def test_markdown_report_of_a_check():
    result = run("check", "--isolated", V1, "fixtures/examples/petstore-jobs.yaml", "--format", "markdown")
    assert result.exit_code == 1
    matches_snapshot("check.md", result.stdout)


def test_markdown_report_of_a_diff():
    result = run("diff", "--isolated", V1, V2, "--format", "markdown")
    assert result.exit_code == 1
    matches_snapshot("diff.md", result.stdout)


def test_markdown_cuts_long_lists(tmp_path):
    spec = tmp_path / "api.yaml"
    paths = "".join(f"  /v{i}/box/{{id}}:\n    get:\n      parameters: [{{name: id, in: path, required: true, "
                    f"schema: {{type: string}}}}]\n      responses: {{'200': {{description: ok}}}}\n"
                    for i in range(121))
    spec.write_text("openapi: 3.1.0\ninfo: {title: t, version: '1'}\npaths:\n" + paths)
    text = run("check", "--isolated", str(spec), "--format", "markdown", "--select", "aip122/").stdout
    assert "### Findings (121)" in text and text.count("\n- **error**") == 100
    assert "- ... and 21 more (the JSON or SARIF report lists them all)" in text


def test_markdown_lists_the_files_that_could_not_be_linted(tmp_path):
    broken = tmp_path / "broken.yaml"
    broken.write_text("openapi: 3.1.0\npaths: [\n")
    result = run("check", "--isolated", str(broken), "--format", "markdown")
    assert result.exit_code == 2
    assert "### Files that could not be linted (1)" in result.stdout
    assert "could not be linted" in result.stdout.splitlines()[0]


def test_junit_lists_only_the_rules_that_ran():
    import xml.etree.ElementTree as ET

    root = ET.fromstring(run("check", "--isolated", V1, "--format", "junit", "--select", "aip122/").stdout)
    assert {case.get("name") for case in root.iter("testcase")} == {
        "aip122/plural-collection", "aip122/collection-name-consistency"}


def test_reports_name_files_from_the_repository_root_wherever_aiplint_runs(monkeypatch, tmp_path):
    """As the Action's `working-directory` makes it: run in a subfolder, annotations and SARIF still name the
    file as GitHub knows it, and the two agree."""
    monkeypatch.chdir(REPO / "fixtures")
    github = run("check", "--isolated", "reports/v1.yaml", "--format", "github", "--format",
                 f"sarif={tmp_path / 'out.sarif'}").stdout
    assert github.startswith("::error file=fixtures/reports/v1.yaml,line=")
    uris = {r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
            for r in json.loads((tmp_path / "out.sarif").read_text())["runs"][0]["results"]}
    assert uris == {"fixtures/reports/v1.yaml"}
    assert FIXTURES.is_dir()


def test_a_refd_file_outside_the_specs_folder_is_named_as_the_repository_names_it(tmp_path, monkeypatch):
    """The old side of a `$ref`'d file beside the spec's folder (`api/openapi.yaml` -> `../common/schemas.yaml`)
    names the working tree's file, not the temporary folder the revision was extracted to."""
    if shutil.which("git") is None:
        pytest.skip("git is not installed")
    env = {**os.environ, "GIT_CONFIG_GLOBAL": os.devnull, "GIT_CONFIG_NOSYSTEM": "1"}
    git = ["git", "-c", "user.name=t", "-c", "user.email=t@t.invalid", "-c", "commit.gpgsign=false"]
    (tmp_path / "api").mkdir()
    (tmp_path / "common").mkdir()
    (tmp_path / "api" / "openapi.yaml").write_text(
        "openapi: 3.0.3\ninfo: {title: t, version: '1'}\npaths:\n  /v1/books/{book}:\n    get:\n"
        "      operationId: getBook\n      parameters:\n        - {name: book, in: path, required: true,"
        " schema: {type: string}}\n      responses:\n        '200':\n          description: ok\n"
        "          content:\n            application/json:\n"
        "              schema: {$ref: '../common/schemas.yaml#/Book'}\n")
    schemas = tmp_path / "common" / "schemas.yaml"
    schemas.write_text("Book:\n  type: object\n  properties:\n    name: {type: string}\n    title: {type: string}\n")
    subprocess.run([*git, "init", "--quiet"], cwd=tmp_path, env=env, check=True)
    subprocess.run([*git, "add", "."], cwd=tmp_path, env=env, check=True)
    subprocess.run([*git, "commit", "--quiet", "-m", "v1"], cwd=tmp_path, env=env, check=True)
    schemas.write_text("Book:\n  type: object\n  properties:\n    name: {type: string}\n")
    monkeypatch.chdir(tmp_path)
    report = json.loads(run("check", "--isolated", "--diff-base", "HEAD", "--format", "json",
                            "api/openapi.yaml").stdout)
    assert [(c["id"], c["old"]["file"], c["old"]["line"]) for c in report["changes"]] == [
        ("breaking/property-removed", "common/schemas.yaml", 5)]
    text = run("check", "--isolated", "--diff-base", "HEAD", "api/openapi.yaml").stdout
    assert "aiplint-rev-" not in text
    assert "common/schemas.yaml:5:5: warning breaking/property-removed" in text
