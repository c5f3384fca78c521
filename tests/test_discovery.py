"""Which files a run lints: folder walks with `exclude`, `extend-exclude` and `.gitignore`, named files and
--force-exclude, `aiplint check` with no path, paths without `./`, and the root specs of a named fragment."""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import FIXTURES

from aiplint.cli import cli
from aiplint.read.discovery import Finder, Patterns, spec_files

SPEC = (FIXTURES / "examples" / "petstore-jobs.yaml").read_text()


def tree(root: Path, files: dict[str, str]) -> Path:
    for name, text in files.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text(text)
    return root


def git_repository(root: Path, files: dict[str, str]) -> Path:
    subprocess.run(["git", "init", "--quiet", str(root)], check=True)
    return tree(root, files)


def linted(*args: str, cwd: Path) -> tuple[int, list[str], str]:
    """(exit code, the files with findings, stderr) of `aiplint check --format json ARGS` run in `cwd`."""
    old = os.getcwd()
    os.chdir(cwd)
    try:
        result = CliRunner().invoke(cli, ["check", "--format", "json", *args])
    finally:
        os.chdir(old)
    report = json.loads(result.stdout) if result.stdout else {"findings": []}
    return result.exit_code, sorted({f["file"] for f in report["findings"]}), result.stderr


def test_a_walk_skips_hidden_folders_node_modules_and_what_gitignore_says(tmp_path):
    repo = git_repository(tmp_path, {
        "api/openapi.yaml": SPEC, ".hidden/openapi.yaml": SPEC, "node_modules/x/openapi.yaml": SPEC,
        "generated/openapi.yaml": SPEC, "api/build/openapi.yaml": SPEC, "api/keep/openapi.yaml": SPEC,
        ".gitignore": "generated/\n", "api/.gitignore": "build/\n*.yaml\n!openapi.yaml\n",
    })
    assert spec_files(str(repo)) == [str(repo / "api" / "openapi.yaml"), str(repo / "api" / "keep" / "openapi.yaml")]
    # a walk below the root reads the .gitignore files above it; a folder named is walked even if excluded
    assert linted("api", cwd=repo)[1] == ["api/keep/openapi.yaml", "api/openapi.yaml"]
    assert linted(".hidden", "generated", cwd=repo)[1] == [".hidden/openapi.yaml", "generated/openapi.yaml"]


def test_gitignore_is_read_only_inside_a_git_repository(tmp_path):
    tree(tmp_path, {"generated/openapi.yaml": SPEC, ".gitignore": "generated/\n"})
    assert spec_files(str(tmp_path)) == [str(tmp_path / "generated" / "openapi.yaml")]


def test_no_path_means_this_folder_and_paths_have_no_dot_slash(tmp_path):
    repo = git_repository(tmp_path, {"openapi.yaml": SPEC, "sub/api.json": json.dumps({"openapi": "3.1.0"})})
    status, files, _ = linted(cwd=repo)
    assert status == 1 and files == ["openapi.yaml", "sub/api.json"]
    assert linted(".", cwd=repo)[1] == linted("./", cwd=repo)[1] == linted("./openapi.yaml", "sub", cwd=repo)[1]


def test_exclude_and_extend_exclude_from_the_configuration_and_the_command_line(tmp_path):
    repo = git_repository(tmp_path, {
        "specs/a.yaml": SPEC, "specs/vendor/b.yaml": SPEC, "specs/c.generated.yaml": SPEC, "other/d.yaml": SPEC,
        "pyproject.toml": '[tool.aiplint]\nexclude = ["specs/vendor/"]\nextend-exclude = ["*.generated.yaml"]\n',
    })
    assert linted(cwd=repo)[1] == ["other/d.yaml", "specs/a.yaml"]
    # --exclude replaces the configuration's `exclude` (vendor comes back), extend-exclude stays
    assert linted("--exclude", "other/", cwd=repo)[1] == ["specs/a.yaml", "specs/vendor/b.yaml"]
    assert linted("--extend-exclude", "/specs/a.yaml", cwd=repo)[1] == ["other/d.yaml"]
    # patterns are relative to the configuration's folder, also when the run starts below it
    assert linted(".", cwd=repo / "specs")[1] == ["a.yaml"]


def test_a_named_file_is_linted_unless_force_exclude(tmp_path):
    repo = git_repository(tmp_path, {"specs/vendor/b.yaml": SPEC, ".aiplint.toml": 'exclude = ["vendor/"]\n'})
    assert linted("specs/vendor/b.yaml", cwd=repo)[1] == ["specs/vendor/b.yaml"]
    assert linted("--force-exclude", "specs/vendor/b.yaml", cwd=repo) == (0, [], "")


def test_a_negated_pattern_takes_a_file_back_but_not_out_of_an_excluded_folder(tmp_path):
    patterns = Patterns(str(tmp_path), ["*.json", "!keep.json", "out/"])
    assert patterns.verdict(str(tmp_path / "a.json"), False) is True
    assert patterns.verdict(str(tmp_path / "x" / "keep.json"), False) is False
    assert patterns.verdict(str(tmp_path / "out"), True) is True
    assert patterns.verdict(str(tmp_path / "a.yaml"), False) is None
    assert patterns.verdict("/elsewhere/a.json", False) is None  # not below the patterns' folder
    # a named file in an excluded folder: excluded with --force-exclude
    assert patterns.verdict(str(tmp_path / "out" / "b.yaml"), False, walked=False) is True
    finder = Finder(lambda folder: [Patterns(str(tmp_path), ["out/"])], force_exclude=True)
    assert list(finder.targets([str(tmp_path / "out" / "b.yaml")])) == []


# --------------------------------------------------------------------------------------------------
# Fragments of split specs

ROOT = """openapi: 3.1.0
info: {title: Jobs, version: "1"}
paths:
  /v1/job/{job_id}:
    $ref: paths/job.yaml
"""
FRAGMENT = """get:
  parameters: [{name: job_id, in: path, required: true, schema: {type: string}}]
  responses: {"200": {description: A job}}
"""


def test_a_named_fragment_lints_the_specs_that_reach_it(tmp_path):
    repo = git_repository(tmp_path, {"api/openapi.yaml": ROOT, "api/paths/job.yaml": FRAGMENT,
                                     "other/openapi.yaml": SPEC, "api/paths/unused.yaml": FRAGMENT})
    status, files, notes = linted("api/paths/job.yaml", cwd=repo)
    assert (status, files) == (1, ["api/openapi.yaml"])  # its singular `job`, at the root's path key
    assert notes == "note: api/paths/job.yaml: linted as part of api/openapi.yaml, which $refs it\n"
    status, files, notes = linted("api/paths/unused.yaml", cwd=repo)
    assert (status, files) == (0, [])
    assert "api/paths/unused.yaml: not an OpenAPI document" in notes
    # named with its root: linted once
    assert linted("api/openapi.yaml", "api/paths/job.yaml", "-q", cwd=repo)[:2] == (1, ["api/openapi.yaml"])


def test_the_configured_roots_are_the_only_candidates(tmp_path):
    repo = git_repository(tmp_path, {"api/openapi.yaml": ROOT, "api/copy.yaml": ROOT, "api/paths/job.yaml": FRAGMENT,
                                     ".aiplint.toml": 'roots = ["api/copy.yaml"]\n'})
    assert linted("api/paths/job.yaml", cwd=repo)[1] == ["api/copy.yaml"]


@pytest.mark.parametrize("roots", ['["../outside.yaml"]', '"api.yaml"', "[1]"])
def test_roots_must_be_paths_inside_the_project(tmp_path, roots):
    repo = git_repository(tmp_path, {"api/paths/job.yaml": FRAGMENT, ".aiplint.toml": f"roots = {roots}\n"})
    status, _, error = linted("api/paths/job.yaml", cwd=repo)
    assert status == 2 and error.startswith("error: ") and "`roots`" in error and "Usage:" not in error
