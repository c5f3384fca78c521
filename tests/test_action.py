"""The GitHub Action (action.yml) and the pre-commit hook manifest (.pre-commit-hooks.yaml): their contracts,
and the action's shell steps run with stand-ins for `python` and `aiplint` that record their arguments."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest
import yaml

from conftest import REPO

ACTION = yaml.safe_load((REPO / "action.yml").read_text())
HOOKS = yaml.safe_load((REPO / ".pre-commit-hooks.yaml").read_text())
STEPS = ACTION["runs"]["steps"]


def step(name: str) -> dict:
    (found,) = [s for s in STEPS if s.get("name") == name]
    return found


def test_pre_commit_hook_manifest():
    (hook,) = HOOKS
    assert hook["id"] == "aiplint"
    assert hook["name"] and hook["description"]
    assert hook["entry"] == "aiplint check --quiet --force-exclude"
    assert hook["language"] == "python"
    assert hook["types_or"] == ["yaml", "json"]
    assert "pass_filenames" not in hook and "args" not in hook  # many files per invocation, as pre-commit gives
    assert hook.get("require_serial", False) is False


def test_action_inputs():
    inputs = ACTION["inputs"]
    assert set(inputs) == {"paths", "args", "diff-base", "version", "sarif-file", "allow-plugins"}
    assert inputs["allow-plugins"]["default"] == "false"  # repository code runs only when the workflow says so
    assert inputs["paths"]["default"] == "."
    assert inputs["args"]["default"] == ""
    assert inputs["diff-base"]["default"] == "${{ github.event.pull_request.base.sha }}"
    assert inputs["version"]["default"] == ""
    assert inputs["sarif-file"]["default"] == "aiplint.sarif"
    assert all(spec["description"] and spec["required"] is False for spec in inputs.values())


def test_action_steps():
    assert ACTION["runs"]["using"] == "composite"
    assert STEPS[0]["uses"] == "actions/setup-python@v5"
    assert STEPS[0]["with"]["python-version"] == "3.11"
    assert "python -m pip install" in step("Install aiplint")["run"]
    run = step("Run aiplint")
    assert run["shell"] == "bash"
    assert "aiplint check $INPUT_PATHS --format github --format \"sarif=$INPUT_SARIF_FILE\"" in run["run"]
    # Inputs reach the script through the environment, never pasted into it (no script injection).
    assert "${{" not in run["run"] and "${{" not in step("Install aiplint")["run"]
    assert run["env"] == {
        "INPUT_PATHS": "${{ inputs.paths }}",
        "INPUT_ARGS": "${{ inputs.args }}",
        "INPUT_DIFF_BASE": "${{ inputs.diff-base }}",
        "INPUT_SARIF_FILE": "${{ inputs.sarif-file }}",
        "INPUT_ALLOW_PLUGINS": "${{ inputs.allow-plugins }}",
    }
    upload = step("Upload SARIF to code scanning")
    assert upload["uses"] == "github/codeql-action/upload-sarif@v3"
    assert upload["if"].startswith("always()")
    assert upload["continue-on-error"] is True
    assert upload["with"]["sarif_file"] == "${{ inputs.sarif-file }}"
    assert STEPS[-1] is upload


# Running the shell steps, as a composite action's `shell: bash` does (bash -e -o pipefail).

needs_bash_and_git = pytest.mark.skipif(
    shutil.which("bash") is None or shutil.which("git") is None, reason="bash and git are needed"
)


@pytest.fixture
def workspace(tmp_path) -> tuple[Path, dict[str, str]]:
    """A git checkout with one commit, and an environment whose PATH starts with recording stand-ins."""
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    for tool in ("aiplint", "python"):
        script = bin_dir / tool
        script.write_text(f'#!/bin/sh\nfor a in "$@"; do printf "%s\\n" "$a"; done > "{tmp_path}/{tool}.args"\n')
        script.chmod(0o755)
    env = {k: v for k, v in os.environ.items() if not k.startswith("GIT_")}
    env.update(PATH=f"{bin_dir}{os.pathsep}{env['PATH']}", GIT_CONFIG_GLOBAL=os.devnull, GIT_CONFIG_NOSYSTEM="1")
    checkout = tmp_path / "checkout"
    checkout.mkdir()
    git = ["git", "-c", "user.name=t", "-c", "user.email=t@t.invalid", "-c", "commit.gpgsign=false"]
    subprocess.run([*git, "init", "--quiet"], cwd=checkout, env=env, check=True)
    subprocess.run([*git, "commit", "--quiet", "--allow-empty", "-m", "base"], cwd=checkout, env=env, check=True)
    return checkout, env


def run_step(name: str, workspace, **inputs: str) -> subprocess.CompletedProcess[str]:
    checkout, env = workspace
    env = dict(env, **inputs)
    return subprocess.run(
        ["bash", "--noprofile", "--norc", "-e", "-o", "pipefail", "-c", step(name)["run"]],
        cwd=checkout, env=env, capture_output=True, text=True, timeout=60,
    )


def recorded(workspace, tool: str) -> list[str]:
    return (workspace[0].parent / f"{tool}.args").read_text().splitlines()


@needs_bash_and_git
def test_run_step_without_diff_base(workspace):
    result = run_step("Run aiplint", workspace, INPUT_PATHS="specs/ api.yaml", INPUT_ARGS="--profile aip --fail-on warning",
                      INPUT_DIFF_BASE="", INPUT_SARIF_FILE="aiplint.sarif")
    assert result.returncode == 0, result.stderr
    assert recorded(workspace, "aiplint") == [
        "check", "specs/", "api.yaml", "--format", "github", "--format", "sarif=aiplint.sarif",
        "--profile", "aip", "--fail-on", "warning",
    ]


@needs_bash_and_git
def test_run_step_with_diff_base(workspace):
    base = subprocess.run(["git", "rev-parse", "HEAD"], cwd=workspace[0], env=workspace[1], capture_output=True,
                          text=True, check=True).stdout.strip()
    result = run_step("Run aiplint", workspace, INPUT_PATHS=".", INPUT_ARGS="", INPUT_DIFF_BASE=base,
                      INPUT_SARIF_FILE="out/report with space.sarif")
    assert result.returncode == 0, result.stderr
    assert recorded(workspace, "aiplint") == [
        "check", ".", "--format", "github", "--format", "sarif=out/report with space.sarif", "--diff-base", base,
    ]


@needs_bash_and_git
@pytest.mark.parametrize(("allow", "passed"), [("false", False), ("", False), ("true", True)])
def test_run_step_allows_plugins_only_when_asked(workspace, allow, passed):
    result = run_step("Run aiplint", workspace, INPUT_PATHS=".", INPUT_ARGS="", INPUT_DIFF_BASE="",
                      INPUT_SARIF_FILE="aiplint.sarif", INPUT_ALLOW_PLUGINS=allow)
    assert result.returncode == 0, result.stderr
    assert ("--allow-plugins" in recorded(workspace, "aiplint")) is passed


@needs_bash_and_git
def test_run_step_with_a_base_commit_missing_from_a_shallow_checkout(workspace):
    """The fetch of a missing base commit is best effort (here: no remote); aiplint still gets --diff-base and
    reports the problem itself."""
    missing = "0123456789abcdef0123456789abcdef01234567"
    result = run_step("Run aiplint", workspace, INPUT_PATHS=".", INPUT_ARGS="", INPUT_DIFF_BASE=missing,
                      INPUT_SARIF_FILE="aiplint.sarif")
    assert result.returncode == 0, result.stderr
    assert recorded(workspace, "aiplint")[-2:] == ["--diff-base", missing]


@needs_bash_and_git
def test_run_step_fails_when_aiplint_fails(workspace):
    fail = workspace[0].parent / "bin" / "aiplint"
    fail.write_text("#!/bin/sh\nexit 1\n")
    result = run_step("Run aiplint", workspace, INPUT_PATHS=".", INPUT_ARGS="", INPUT_DIFF_BASE="",
                      INPUT_SARIF_FILE="aiplint.sarif")
    assert result.returncode == 1


@needs_bash_and_git
@pytest.mark.parametrize(
    ("version", "expected"), [("", "/actions/aiplint"), ("aiplint==0.1.0", "aiplint==0.1.0")]
)
def test_install_step(workspace, version, expected):
    result = run_step("Install aiplint", workspace, INPUT_VERSION=version, ACTION_PATH="/actions/aiplint")
    assert result.returncode == 0, result.stderr
    assert recorded(workspace, "python") == ["-m", "pip", "install", "--disable-pip-version-check", expected]
    assert step("Install aiplint")["env"] == {
        "INPUT_VERSION": "${{ inputs.version }}",
        "ACTION_PATH": "${{ github.action_path }}",
    }
