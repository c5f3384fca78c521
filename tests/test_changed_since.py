"""`aiplint check --changed-since REV`: only the specs whose own bytes, `$ref`'d files (transitively) or
configuration changed since REV are linted, uncommitted and untracked changes included, ignored files not."""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path

import pytest
from click.testing import CliRunner

from aiplint.cli import cli
from aiplint.read import changes
from aiplint.read.changes import Repository, referenced_files

# Every spec has one finding of this rule, named by its file: the files in the report are the files linted.
RULE = "rest/verb-segment"


def spec(title: str, ref: str | None = None) -> str:
    """A spec with one `rest/verb-segment` finding, whose error response `$ref`s `ref` when given."""
    error = f'\n        default:\n          $ref: "{ref}"' if ref else ""
    return f"""openapi: 3.0.3
info: {{title: {title}, version: "1"}}
paths:
  /getWidgets:
    get:
      operationId: getWidgets
      responses:
        "200": {{description: ok}}{error}
"""


ERROR_RESPONSE = """description: error
content:
  application/json:
    schema:
      $ref: 'schemas.yaml#/Error'
"""
SCHEMAS = "Error:\n  type: object\n"


def git(repo: Path, *args: str) -> None:
    subprocess.run(["git", "-c", "user.name=t", "-c", "user.email=t@t.invalid", "-c", "commit.gpgsign=false", *args],
                   cwd=repo, check=True, capture_output=True, env={**os.environ, "GIT_CONFIG_NOSYSTEM": "1"})


@pytest.fixture
def repo(tmp_path, monkeypatch):
    """A repository with three specs: `a` `$ref`s a shared response that `$ref`s a schema file, `b` the schema
    file directly, `c` nothing; all committed, run from its root."""
    files = {
        "specs/a/openapi.yaml": spec("a", "../../common/error.yaml"),
        "specs/b/openapi.yaml": spec("b", "../../common/schemas.yaml#/Error"),
        "specs/c/openapi.yaml": spec("c"),
        "common/error.yaml": ERROR_RESPONSE,
        "common/schemas.yaml": SCHEMAS,
    }
    for name, text in files.items():
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text(text)
    git(tmp_path, "init", "-q")
    git(tmp_path, "add", "-A")
    git(tmp_path, "commit", "-q", "-m", "specs")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def linted(*args: str) -> list[str]:
    """The specs a `check --changed-since` run linted (each has one finding), in the report's order."""
    result = CliRunner().invoke(cli, ["check", "--no-cache", "--select", RULE, "--format", "json", *args])
    assert result.exit_code in (0, 1), result.output
    report = json.loads(result.stdout)
    assert report["summary"]["files"] == len(report["findings"])
    return [Path(finding["file"]).parent.name for finding in report["findings"]]


def test_nothing_changed_lints_nothing(repo):
    assert linted("--changed-since", "HEAD") == []
    assert linted() == ["a", "b", "c"]


def test_a_changed_spec_is_linted_and_the_unchanged_ones_are_not(repo):
    (repo / "specs/c/openapi.yaml").write_text(spec("c changed"))
    assert linted("--changed-since", "HEAD") == ["c"]


def test_a_committed_change_counts_until_the_revision_named(repo):
    (repo / "specs/c/openapi.yaml").write_text(spec("c changed"))
    git(repo, "commit", "-q", "-am", "change c")
    assert linted("--changed-since", "HEAD") == []
    assert linted("--changed-since", "HEAD~1") == ["c"]


def test_a_staged_change_counts(repo):
    (repo / "specs/b/openapi.yaml").write_text(spec("b changed", "../../common/schemas.yaml#/Error"))
    git(repo, "add", "specs/b/openapi.yaml")
    assert linted("--changed-since", "HEAD") == ["b"]


def test_a_changed_fragment_lints_the_specs_that_ref_it_transitively(repo):
    (repo / "common/schemas.yaml").write_text(SCHEMAS + "  description: an error\n")
    assert linted("--changed-since", "HEAD") == ["a", "b"]  # a: through error.yaml; b: directly


def test_a_fragment_one_spec_reaches_lints_only_that_spec(repo):
    (repo / "common/error.yaml").write_text(ERROR_RESPONSE.replace("description: error", "description: failed"))
    assert linted("--changed-since", "HEAD") == ["a"]


def test_a_deleted_fragment_lints_the_specs_whose_ref_now_breaks(repo):
    (repo / "common/error.yaml").unlink()
    assert linted("--changed-since", "HEAD") == ["a"]


def test_untracked_new_specs_count_and_ignored_files_do_not(repo):
    (repo / ".gitignore").write_text("generated/\n")
    git(repo, "add", ".gitignore")
    git(repo, "commit", "-q", "-m", "ignore generated specs")
    (repo / "specs/d").mkdir()
    (repo / "specs/d/openapi.yaml").write_text(spec("d"))
    (repo / "generated").mkdir()
    (repo / "generated/openapi.yaml").write_text(spec("generated"))
    assert linted("--changed-since", "HEAD") == ["d"]
    assert linted("--changed-since", "HEAD", "generated/openapi.yaml") == []  # named, but not changed for git


def test_a_named_ignored_spec_is_linted_when_a_file_it_refs_changed(repo):
    """git grep does not see an ignored file: its `$ref`s are read from the file itself."""
    (repo / ".git/info/exclude").write_text("generated/\n")
    (repo / "generated").mkdir()
    (repo / "generated/openapi.yaml").write_text(spec("generated", "../common/error.yaml"))
    assert linted("--changed-since", "HEAD", "generated/openapi.yaml") == []
    (repo / "common/schemas.yaml").write_text(SCHEMAS + "  description: an error\n")
    assert linted("--changed-since", "HEAD", "generated/openapi.yaml") == ["generated"]


def test_run_from_a_folder_of_the_repository(repo, monkeypatch):
    (repo / "common/error.yaml").write_text(ERROR_RESPONSE.replace("description: error", "description: failed"))
    monkeypatch.chdir(repo / "specs")
    assert linted("--changed-since", "HEAD") == ["a"]
    assert linted("--changed-since", "HEAD", "b") == []


def test_a_changed_configuration_lints_the_specs_under_it(repo):
    (repo / "specs/a/.aiplint.toml").write_text('profile = "rest"\n')  # a new configuration: a's only
    assert linted("--changed-since", "HEAD") == ["a"]
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", "configure a")
    (repo / "pyproject.toml").write_text('[tool.aiplint]\nprofile = "rest"\n')  # b's and c's, not a's
    assert linted("--changed-since", "HEAD") == ["b", "c"]


def test_a_pyproject_toml_without_an_aiplint_table_then_or_now_is_no_configuration(repo):
    (repo / "pyproject.toml").write_text('[project]\nname = "specs"\n')
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", "a project")
    (repo / "pyproject.toml").write_text('[project]\nname = "specs"\nversion = "2"\n')
    assert linted("--changed-since", "HEAD") == []
    (repo / "pyproject.toml").write_text('[tool.aiplint]\nprofile = "rest"\n')  # it configures now
    assert linted("--changed-since", "HEAD") == ["a", "b", "c"]
    git(repo, "commit", "-q", "-am", "configure")
    (repo / "pyproject.toml").write_text('[project]\nname = "specs"\n')  # it configured then
    assert linted("--changed-since", "HEAD") == ["a", "b", "c"]


def test_with_diff_base_only_the_changed_specs_are_compared_and_none_reads_as_removed(repo):
    (repo / "specs/c/openapi.yaml").write_text(spec("c").replace("get:", "post:"))
    result = CliRunner().invoke(cli, ["check", "--changed-since", "HEAD", "--diff-base", "HEAD", "--format", "json"])
    operations = json.loads(result.stdout)["operations"]
    # c's one operation changed its method; a's and b's, unchanged and not linted, are not removed
    assert operations["added"] == [{"method": "POST", "path": "/getWidgets"}]
    assert operations["removed"] == [{"method": "GET", "path": "/getWidgets"}]
    assert result.exit_code == 1  # a method changed: breaking


def test_an_unknown_revision_is_one_error_line_exit_2(repo):
    result = CliRunner().invoke(cli, ["check", "--changed-since", "no-such-branch"])
    assert result.exit_code == 2
    assert result.output == "error: --changed-since: unknown git revision 'no-such-branch'\n"


def test_outside_a_git_repository_is_one_error_line_exit_2(tmp_path, monkeypatch):
    (tmp_path / "openapi.yaml").write_text(spec("outside"))
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(cli, ["check", "--changed-since", "HEAD", "openapi.yaml"])
    assert result.exit_code == 2
    assert result.output == "error: --changed-since: openapi.yaml: not in a git repository\n"


@pytest.mark.parametrize("written, target", [
    ("$ref: '../shared.yaml#/X'", "shared.yaml"),
    ('$ref: "../shared.yaml"', "shared.yaml"),
    ("$ref: ../shared%20file.yaml#/X", "shared file.yaml"),
    ('{"$ref": "..\\/shared.json#/X"}', "shared.json"),
    ("schema: {$ref: ../shared.yaml, description: x}", "shared.yaml"),
    ("$ref: '#/components/schemas/X'", None),
    ("$ref: 'https://example.com/shared.yaml'", None),
    ("$ref: '../../outside.yaml'", None),  # out of the repository: not read, cannot have changed in it
])
def test_references_are_read_from_the_text_without_parsing(tmp_path, monkeypatch, written, target):
    """From the file itself, and from git grep's lines for a tracked one (not read again): the same files."""
    tmp_path = tmp_path.resolve()
    (tmp_path / "api").mkdir()
    (tmp_path / "api/spec.yaml").write_text(f"x:\n  {written}\n")
    spec = str(tmp_path / "api/spec.yaml")
    expected = [str(tmp_path / target)] if target else []
    assert referenced_files(spec, str(tmp_path)) == expected
    git(tmp_path, "init", "-q")
    git(tmp_path, "add", "-A")
    git(tmp_path, "commit", "-q", "-m", "spec")
    if target:  # git grep found the line: the file is not read
        monkeypatch.setattr(changes, "referenced_files", lambda *args: pytest.fail("read, not grepped"))
    assert list(Repository(str(tmp_path), "HEAD").references(spec)) == expected
