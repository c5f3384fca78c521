"""The GitHub Action (action.yml) and the pre-commit hook manifest (.pre-commit-hooks.yaml): their contracts, and
the action's shell steps run as a runner runs them (`bash -e -o pipefail`) in a simulated Actions environment:
GITHUB_OUTPUT, GITHUB_STEP_SUMMARY, RUNNER_TEMP, a git checkout, and the step's working directory.  The run step
runs the real aiplint of this environment; stand-ins record what the other steps would have run."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from conftest import FIXTURES, REPO

ACTION = yaml.safe_load((REPO / "action.yml").read_text())
HOOKS = yaml.safe_load((REPO / ".pre-commit-hooks.yaml").read_text())
STEPS = ACTION["runs"]["steps"]
SPEC = (FIXTURES / "examples" / "petstore-jobs.yaml").read_text()


def step(name: str) -> dict:
    (found,) = [s for s in STEPS if s.get("name") == name]
    return found


def test_pre_commit_hook_manifest():
    hook, breaking = HOOKS
    assert hook["id"] == "aiplint"
    assert hook["name"] and hook["description"]
    assert hook["entry"] == "aiplint check --quiet --force-exclude"
    assert hook["language"] == "python"
    assert hook["types_or"] == ["yaml", "json"]
    assert "pass_filenames" not in hook and "args" not in hook  # many files per invocation, as pre-commit gives
    assert hook.get("require_serial", False) is False
    assert breaking["id"] == "aiplint-breaking"
    assert breaking["name"] and breaking["description"]
    # every commit (a deletion names no file), over the repository's folder, comparing what changed since HEAD
    assert breaking["entry"] == "aiplint check --quiet --diff-base HEAD --changed-since HEAD ."
    assert breaking["language"] == "python"
    assert breaking["pass_filenames"] is False and breaking["always_run"] is True
    assert "args" not in breaking and "types_or" not in breaking


def test_action_inputs_and_outputs():
    inputs = ACTION["inputs"]
    assert set(inputs) == {"paths", "args", "working-directory", "diff-base", "version", "sarif-file", "allow-plugins",
                           "config-from-base", "install"}
    assert inputs["allow-plugins"]["default"] == "false"  # repository code runs only when the workflow says so
    assert inputs["config-from-base"]["default"] == "false"
    assert inputs["paths"]["default"] == inputs["working-directory"]["default"] == "."
    assert inputs["args"]["default"] == inputs["version"]["default"] == inputs["install"]["default"] == ""
    assert inputs["diff-base"]["default"] == "${{ github.event.pull_request.base.sha }}"
    assert inputs["sarif-file"]["default"] == "aiplint.sarif"
    assert all(spec["description"] and spec["required"] is False for spec in inputs.values())
    assert {name: output["value"] for name, output in ACTION["outputs"].items()} == {
        "findings": "${{ steps.run.outputs.findings }}",
        "new-findings": "${{ steps.run.outputs.new-findings }}",
        "sarif-file": "${{ steps.run.outputs.sarif-file }}",
    }


def test_action_steps_leave_the_job_alone_and_pin_what_they_use():
    assert ACTION["runs"]["using"] == "composite"
    python = step("Set up Python")
    assert python["with"] == {"python-version": "3.11", "update-environment": False}  # PATH and python untouched
    for used in [s for s in STEPS if "uses" in s]:
        assert re.fullmatch(r"[\w.-]+/[\w./-]+@[0-9a-f]{40}", used["uses"]), used["uses"]  # a commit, not a tag
    raw = (REPO / "action.yml").read_text()
    assert len(re.findall(r"@[0-9a-f]{40}  # v\d+\.\d+\.\d+\n", raw)) == len([s for s in STEPS if "uses" in s])
    for script in [s for s in STEPS if "run" in s]:
        assert "${{" not in script["run"], script["name"]  # inputs arrive in the environment, never in the script
    assert step("Run aiplint")["working-directory"] == "${{ inputs.working-directory }}"
    requirements = step("Install the application's requirements")
    assert requirements["if"] == "inputs.install != ''"  # nothing of the repository's is installed unless asked
    assert requirements["working-directory"] == "${{ inputs.working-directory }}"
    assert [s["name"] for s in STEPS].index(requirements["name"]) == [s["name"] for s in STEPS].index("Run aiplint") - 1
    assert step("Restore pip's cache")["with"]["key"] == "${{ steps.cache.outputs.key }}"
    upload = step("Upload SARIF to code scanning")
    assert upload["if"].startswith("always()") and upload["continue-on-error"] is True
    assert upload["with"]["sarif_file"] == "${{ steps.run.outputs.sarif-file }}"
    assert STEPS[-1] is upload


def test_the_pinned_dependencies_are_the_ones_installed():
    """action/constraints.txt pins every dependency aiplint installs, at the versions this suite runs with."""
    from importlib.metadata import version

    pins = dict(line.split("==") for line in (REPO / "action" / "constraints.txt").read_text().splitlines()
                if line and not line.startswith("#"))
    for name in ("click", "yaml-rs", "PyYAML", "orjson", "inflect", "openapi-spec-validator", "jsonschema_rs"):
        assert version(name) == pins[name], name


# --------------------------------------------------------------------------------------------------
# Running the shell steps

needs_bash_and_git = pytest.mark.skipif(
    shutil.which("bash") is None or shutil.which("git") is None, reason="bash and git are needed"
)
GIT = ["git", "-c", "user.name=t", "-c", "user.email=t@t.invalid", "-c", "commit.gpgsign=false"]


class Runner:
    """A checkout and the runner's files: GITHUB_OUTPUT, GITHUB_STEP_SUMMARY and RUNNER_TEMP."""

    def __init__(self, root: Path):
        self.root = root
        self.checkout = root / "checkout"
        self.temp = root / "runner-temp"
        self.bin = root / "bin"
        for folder in (self.checkout, self.temp, self.bin):
            folder.mkdir()
        self.output = root / "github-output"
        self.summary = root / "step-summary"
        self.env = {k: v for k, v in os.environ.items() if not k.startswith(("GIT_", "GITHUB_", "FORCE_COLOR"))}
        self.env.update(GIT_CONFIG_GLOBAL=os.devnull, GIT_CONFIG_NOSYSTEM="1", RUNNER_TEMP=str(self.temp),
                        GITHUB_OUTPUT=str(self.output), GITHUB_STEP_SUMMARY=str(self.summary),
                        GITHUB_WORKSPACE=str(self.checkout), AIPLINT_PYTHON=sys.executable, NO_COLOR="1",
                        ACTION_PATH=str(REPO))
        self.git("init", "--quiet")
        self.git("commit", "--quiet", "--allow-empty", "-m", "base")

    def git(self, *args: str) -> str:
        return subprocess.run([*GIT, *args], cwd=self.checkout, env=self.env, check=True, capture_output=True,
                              text=True).stdout.strip()

    def write(self, files: dict[str, str]) -> None:
        for name, text in files.items():
            (self.checkout / name).parent.mkdir(parents=True, exist_ok=True)
            (self.checkout / name).write_text(text)

    def run(self, name: str, working_directory: str = ".", **env: str) -> subprocess.CompletedProcess[str]:
        self.output.write_text("")
        return subprocess.run(
            ["bash", "--noprofile", "--norc", "-e", "-o", "pipefail", "-c", step(name)["run"]],
            cwd=self.checkout / working_directory, env={**self.env, **env}, capture_output=True, text=True,
            timeout=120,
        )

    def outputs(self) -> dict[str, str]:
        return dict(line.split("=", 1) for line in self.output.read_text().splitlines())

    def recorder(self, tool: str, then: str = "") -> str:
        """A stand-in for `tool` that records its arguments (one per line) and then runs `then`."""
        script = self.bin / tool
        record = f'for a in "$@"; do printf "%s\\n" "$a"; done >> "{self.root}/{tool}.args"'
        script.write_text(f"#!/bin/sh\n{record}\n{then}\n")
        script.chmod(0o755)
        return str(script)

    def recorded(self, tool: str) -> list[str]:
        return (self.root / f"{tool}.args").read_text().splitlines()


@pytest.fixture
def runner(tmp_path) -> Runner:
    return Runner(tmp_path)


INPUTS = {"INPUT_PATHS": ".", "INPUT_ARGS": "", "INPUT_DIFF_BASE": "", "INPUT_SARIF_FILE": "aiplint.sarif",
          "INPUT_ALLOW_PLUGINS": "false", "INPUT_CONFIG_FROM_BASE": "false", "PULL_REQUEST_BASE": ""}


@needs_bash_and_git
def test_run_step_reports_annotations_sarif_outputs_and_the_summary(runner):
    runner.write({"services/api/my specs/openapi.yaml": SPEC, "services/api/deploy.yaml": "a: 1\n---\nb: 2\n"})
    result = runner.run("Run aiplint", "services/api", **{**INPUTS, "INPUT_PATHS": '"my specs/" deploy.yaml'})
    assert result.returncode == 1, result.stderr  # the findings fail the step
    annotations = [line for line in result.stdout.splitlines() if line.startswith("::error ")]
    assert [line.split(",")[0] for line in annotations] == ["::error file=services/api/my specs/openapi.yaml"] * 2
    outputs = runner.outputs()
    sarif = Path(outputs["sarif-file"])
    assert sarif == runner.checkout / "services" / "api" / "aiplint.sarif"
    assert (outputs["findings"], outputs["new-findings"]) == ("2", "2")
    uris = {r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
            for r in json.loads(sarif.read_text())["runs"][0]["results"]}
    assert uris == {"services/api/my%20specs/openapi.yaml"}  # the annotations' path, as a URI
    summary = runner.summary.read_text()
    assert summary.startswith("## aiplint: Found 2 problems in 1 file")
    assert "`rest/resource-id-in-query`" in summary


@needs_bash_and_git
def test_run_step_with_a_diff_base_counts_new_findings_only(runner):
    runner.write({"openapi.yaml": SPEC})
    runner.git("add", "openapi.yaml")
    runner.git("commit", "--quiet", "-m", "the spec")
    base = runner.git("rev-parse", "HEAD")
    owner = ("  /v1/owner/{owner_id}:\n    get:\n      parameters: [{name: owner_id, in: path, required: true, "
             "schema: {type: string}}]\n      responses: {'200': {description: An owner}}\n")
    runner.write({"openapi.yaml": SPEC.replace("paths:\n", "paths:\n" + owner)})  # a new singular collection
    result = runner.run("Run aiplint", **{**INPUTS, "INPUT_DIFF_BASE": base})
    assert result.returncode == 1, result.stderr
    assert (runner.outputs()["new-findings"], runner.outputs()["findings"]) == ("1", "3")
    log = json.loads(Path(runner.outputs()["sarif-file"]).read_text())
    assert sorted(r["baselineState"] for r in log["runs"][0]["results"]) == ["new", "unchanged", "unchanged"]
    assert "## aiplint: 1 new finding, 0 fixed, 2 unchanged, 0 breaking changes" in runner.summary.read_text()


@needs_bash_and_git
def test_a_clean_run_passes_and_still_writes_everything(runner):
    runner.write({"deploy.yaml": "kind: Service\n---\nkind: Service\n"})
    result = runner.run("Run aiplint", **INPUTS)
    assert result.returncode == 0, result.stderr
    assert (runner.outputs()["findings"], runner.outputs()["new-findings"]) == ("0", "0")
    assert runner.summary.read_text().startswith("## aiplint: All checks passed (0 files)")


@needs_bash_and_git
@pytest.mark.parametrize(("inputs", "paths", "options", "args"), [
    ({"INPUT_PATHS": "specs/ api.yaml", "INPUT_ARGS": "--profile aip --fail-on warning"},
     ["specs/", "api.yaml"], [], ["--profile", "aip", "--fail-on", "warning"]),
    ({"INPUT_PATHS": "'my specs/'\napi.yaml", "INPUT_ARGS": '--config "ci/aiplint config.toml"'},
     ["my specs/", "api.yaml"], [], ["--config", "ci/aiplint config.toml"]),
    ({"INPUT_PATHS": "$(touch pwned) `touch pwned`", "INPUT_ARGS": "; touch pwned"},  # words, never commands
     ["$(touch", "pwned)", "`touch", "pwned`"], [], [";", "touch", "pwned"]),
    ({"INPUT_ALLOW_PLUGINS": "true"}, ["."], ["--allow-plugins"], []),
    ({"INPUT_PATHS": ""}, [], [], []),  # no path: aiplint lints the working directory
])
def test_run_step_passes_inputs_as_words(runner, inputs, paths, options, args):
    python = runner.bin / "python"  # records `python -P -m aiplint ...`, runs the rest (splitting the inputs)
    python.write_text(f'#!/bin/sh\n[ "$2" = -m ] && [ "$3" = aiplint ] || exec "{sys.executable}" "$@"\n'
                      f'for a in "$@"; do printf "%s\\n" "$a"; done > "{runner.root}/python.args"\n')
    python.chmod(0o755)
    result = runner.run("Run aiplint", **{**INPUTS, **inputs, "AIPLINT_PYTHON": str(python)})
    assert result.returncode == 0, result.stderr
    report = runner.temp / "aiplint-report"
    assert runner.recorded("python") == [
        "-P", "-m", "aiplint", "check", *paths, "--format", "github",
        "--format", f"sarif={runner.checkout / 'aiplint.sarif'}", "--format", f"json={report}.json",
        "--format", f"markdown={report}.md", *options, *args]
    assert not (runner.checkout / "pwned").exists()


@needs_bash_and_git
def test_an_unbalanced_quote_is_an_error_not_a_run_of_everything(runner):
    result = runner.run("Run aiplint", **{**INPUTS, "INPUT_PATHS": "'specs"})
    assert result.returncode != 0
    assert "aiplint action: input paths: No closing quotation" in result.stderr
    assert not runner.output.read_text()


@needs_bash_and_git
def test_run_step_with_a_base_commit_missing_from_a_shallow_checkout(runner):
    """The fetch of a missing base commit is best effort (here: no remote); aiplint then reports it."""
    missing = "0123456789abcdef0123456789abcdef01234567"
    runner.write({"openapi.yaml": SPEC})
    result = runner.run("Run aiplint", **{**INPUTS, "INPUT_DIFF_BASE": missing})
    assert result.returncode == 2
    assert f"unknown git revision '{missing}'" in result.stderr


# config-from-base: the base commit's configuration ignores vendor/, aip122/ and aip136/ (so the spec has 1 finding,
# not 2); the pull request's own would lint nothing (every YAML excluded at the root, only oas/ rules beside the spec)
BASE_CONFIG = {"pyproject.toml": '[project]\nname = "api"\n[tool.aiplint]\nexclude = ["vendor/"]\n'
                                 'ignore = ["aip122/", "aip136/"]\n',
               "services/pyproject.toml": '[project]\nname = "services"\n'}  # no [tool.aiplint]: not a configuration
PULL_REQUEST_CONFIG = {"pyproject.toml": '[tool.aiplint]\nexclude = ["*.yaml"]\n',
                       "services/api/.aiplint.toml": 'select = ["oas/"]\n'}


def pull_request(runner: Runner, base_files: dict[str, str]) -> str:
    """A base commit with a spec (and the same one under vendor/), then the pull request's configuration."""
    runner.write({**base_files, "services/api/openapi.yaml": SPEC, "vendor/openapi.yaml": SPEC})
    runner.git("add", "-A")
    runner.git("commit", "--quiet", "-m", "base")
    base = runner.git("rev-parse", "HEAD")
    runner.write(PULL_REQUEST_CONFIG)
    runner.git("add", "-A")
    runner.git("commit", "--quiet", "-m", "the pull request's configuration")
    return base


@needs_bash_and_git
@pytest.mark.parametrize(("working_directory", "base_files", "from_base", "findings"), [
    (".", BASE_CONFIG, "true", "1"),  # the base's exclude still means the root's vendor/
    ("services/api", BASE_CONFIG, "true", "1"),  # found walking up to the root, past a pyproject.toml without it
    ("services/api", {"services/.aiplint.toml": 'ignore = ["rest/", "aip136/"]\n'}, "true", "1"),
    ("services/api", {}, "true", "2"),  # the base has none: the defaults, not the pull request's
    (".", BASE_CONFIG, "false", "0"),  # without the input the pull request's configuration lints nothing
])
def test_config_from_base_ignores_the_pull_requests_configuration(runner, working_directory, base_files, from_base,
                                                                  findings):
    base = pull_request(runner, base_files)
    result = runner.run("Run aiplint", working_directory,
                        **{**INPUTS, "INPUT_CONFIG_FROM_BASE": from_base, "PULL_REQUEST_BASE": base})
    assert result.returncode == (0 if findings == "0" else 1), result.stderr
    assert runner.outputs()["findings"] == findings
    assert list(runner.checkout.rglob(".aiplint-base-config.*")) == []  # the copy is removed after the run


@needs_bash_and_git
def test_config_from_base_with_a_diff_base_lints_both_revisions_with_it(runner):
    base = pull_request(runner, BASE_CONFIG)
    result = runner.run("Run aiplint", **{**INPUTS, "INPUT_CONFIG_FROM_BASE": "true", "PULL_REQUEST_BASE": base,
                                          "INPUT_DIFF_BASE": base})
    assert result.returncode == 0, result.stderr
    assert (runner.outputs()["new-findings"], runner.outputs()["findings"]) == ("0", "1")  # 1 unchanged, 0 fixed
    assert "## aiplint: 0 new findings, 0 fixed, 1 unchanged" in runner.summary.read_text()


@needs_bash_and_git
def test_config_from_base_outside_a_pull_request_uses_the_checkouts_configuration(runner):
    pull_request(runner, BASE_CONFIG)
    result = runner.run("Run aiplint", **{**INPUTS, "INPUT_CONFIG_FROM_BASE": "true", "PULL_REQUEST_BASE": ""})
    assert result.returncode == 0, result.stderr  # a push: the pushed configuration is the repository's
    assert runner.outputs()["findings"] == "0"


@needs_bash_and_git
def test_config_from_base_fails_when_the_base_commit_cannot_be_read(runner):
    missing = "0123456789abcdef0123456789abcdef01234567"
    pull_request(runner, BASE_CONFIG)
    result = runner.run("Run aiplint", **{**INPUTS, "INPUT_CONFIG_FROM_BASE": "true", "PULL_REQUEST_BASE": missing})
    assert result.returncode == 2
    assert f"aiplint action: config-from-base: the base commit {missing} is not in the checkout" in result.stderr
    assert not runner.output.read_text()  # no outputs: nothing linted with the pull request's configuration

@needs_bash_and_git
def test_cache_key_changes_with_the_pins_and_the_version(runner):
    env = {"PYTHON": sys.executable, "ACTION_PATH": str(REPO)}
    assert runner.run("Cache key", **env, INPUT_VERSION="").returncode == 0
    key = runner.outputs()["key"]
    assert re.fullmatch(r"aiplint-pip-\w+-3\.\d+\.\d+-[0-9a-f]{16}", key)
    runner.run("Cache key", **env, INPUT_VERSION="aiplint==0.1.0")
    assert runner.outputs()["key"] != key


@needs_bash_and_git
@pytest.mark.parametrize(("version", "expected"), [
    ("", ["--constraint", f"{REPO}/action/constraints.txt", str(REPO)]), ("aiplint==0.1.0", ["aiplint==0.1.0"])])
def test_install_step_installs_into_a_virtual_environment_of_its_own(runner, version, expected):
    venv = runner.temp / "aiplint-venv"
    # `python -m venv DIR` makes DIR/bin/python, itself a recorder of what pip is asked
    inner = runner.recorder("venv-python")
    python = runner.recorder("python", f'mkdir -p "$4/bin" && cp "{inner}" "$4/bin/python"')
    result = runner.run("Install aiplint", PYTHON=python, INPUT_VERSION=version, ACTION_PATH=str(REPO))
    assert result.returncode == 0, result.stderr
    assert runner.recorded("python") == ["-I", "-m", "venv", str(venv)]
    assert runner.recorded("venv-python") == ["-I", "-m", "pip", "install", "--disable-pip-version-check",
                                              "--cache-dir", str(runner.temp / "aiplint-pip-cache"), *expected]
    assert runner.outputs() == {"python": str(venv / "bin" / "python")}


# Modules a pull request could commit beside its specs: each would run in place of the library's if an
# interpreter the action starts put the working directory on sys.path.
PLANTED = ("shlex", "json", "typing", "__future__", "aiplint", "hashlib", "platform", "venv", "pip", "ensurepip",
           "click", "yaml", "orjson")


@needs_bash_and_git
def test_no_step_imports_a_module_from_the_pull_request(runner):
    """Every step, with the real interpreters (the install step makes a real virtual environment; pip, offline,
    finds its requirement satisfied), in a checkout holding modules that record their import."""
    imported = runner.root / "imported"
    imported.mkdir()
    runner.write({f"{name}.py": f"open({str(imported / name)!r}, 'w').close()\n" for name in PLANTED})
    runner.write({"openapi.yaml": SPEC})
    key = runner.run("Cache key", PYTHON=sys.executable, ACTION_PATH=str(REPO), INPUT_VERSION="")
    install = runner.run("Install aiplint", PYTHON=sys.executable, ACTION_PATH=str(REPO), INPUT_VERSION="pip",
                         PIP_NO_INDEX="1")
    result = runner.run("Run aiplint", **{**INPUTS, "INPUT_ARGS": "--select rest/"})
    assert sorted(path.name for path in imported.iterdir()) == []
    assert key.returncode == 0 and install.returncode == 0, key.stderr + install.stderr
    assert (runner.temp / "aiplint-venv" / "bin" / "python").exists()
    assert result.returncode == 1, result.stderr  # aiplint itself ran, and found the spec's problem
    assert (runner.outputs()["findings"], runner.outputs()["new-findings"]) == ("1", "1")


# --------------------------------------------------------------------------------------------------
# The `install` input: the application's requirements in aiplint's environment, so that `--app` can import it.

INSTALL = "Install the application's requirements"


@needs_bash_and_git
@pytest.mark.parametrize(("text", "words"), [
    ("-r requirements.txt", ["-r", "requirements.txt"]),
    ('-r "ci/my requirements.txt"\n.', ["-r", "ci/my requirements.txt", "."]),
    ("$(touch pwned) `touch pwned`; touch pwned", ["$(touch", "pwned)", "`touch", "pwned`;", "touch", "pwned"]),
])
def test_install_input_is_given_to_pip_as_words(runner, text, words):
    python = runner.bin / "python"  # records `python -I -m pip ...`, runs the rest (splitting the input)
    python.write_text(f'#!/bin/sh\n[ "$2" = -m ] && [ "$3" = pip ] || exec "{sys.executable}" "$@"\n'
                      f'for a in "$@"; do printf "%s\\n" "$a"; done > "{runner.root}/python.args"\n')
    python.chmod(0o755)
    (runner.checkout / "service").mkdir()
    result = runner.run(INSTALL, "service", AIPLINT_PYTHON=str(python), INPUT_INSTALL=text)
    assert result.returncode == 0, result.stderr
    assert runner.recorded("python") == ["-I", "-m", "pip", "install", "--disable-pip-version-check",
                                         "--cache-dir", str(runner.temp / "aiplint-pip-cache"), *words]
    assert not list(runner.checkout.rglob("pwned"))


@needs_bash_and_git
def test_install_input_with_an_unbalanced_quote_installs_nothing(runner):
    pip = runner.recorder("python", f'exec "{sys.executable}" "$@"')
    result = runner.run(INSTALL, AIPLINT_PYTHON=pip, INPUT_INSTALL="-r 'requirements.txt")
    assert result.returncode != 0
    assert "aiplint action: input install: No closing quotation" in result.stderr
    assert "pip" not in runner.recorded("python")


def wheel(folder: Path, name: str, module: str) -> Path:
    """A pure-Python wheel of one module, written by hand: pip installs it offline, with nothing to build."""
    import zipfile

    info = f"{name}-1.0.dist-info"
    files = {f"{name}.py": module, f"{info}/METADATA": f"Metadata-Version: 2.1\nName: {name}\nVersion: 1.0\n",
             f"{info}/WHEEL": "Wheel-Version: 1.0\nGenerator: tests\nRoot-Is-Purelib: true\nTag: py3-none-any\n"}
    files[f"{info}/RECORD"] = "".join(f"{file},,\n" for file in [*files, f"{info}/RECORD"])
    path = folder / f"{name}-1.0-py3-none-any.whl"
    with zipfile.ZipFile(path, "w") as archive:
        for file, text in files.items():
            archive.writestr(file, text)
    return path


APP = '''from fastapi import FastAPI

import shelf  # the application's own dependency, which aiplint's environment does not have

app = FastAPI()


@app.get("/v1/books/{book_id}")
def get_book(book_id: str) -> dict:
    return shelf.BOOKS[book_id]
'''


@needs_bash_and_git
def test_install_input_lets_app_import_the_application(runner):
    """aiplint's environment (a real virtual environment, seeing this one's packages as the action's would have
    them) lacks the application's dependency until `install` names its requirements file (a local wheel,
    installed offline); then `--app` imports the application and lints its routes."""
    pytest.importorskip("fastapi")
    import sysconfig

    venv = runner.temp / "aiplint-venv"
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
    (site_packages,) = venv.glob("lib/python*/site-packages")
    this_environment = sysconfig.get_paths()["purelib"]
    (site_packages / "aiplint-and-fastapi.pth").write_text(f"import site; site.addsitedir({this_environment!r})\n")
    python = str(venv / "bin" / "python")
    (runner.checkout / "service" / "wheels").mkdir(parents=True)
    wheel(runner.checkout / "service" / "wheels", "shelf", 'BOOKS = {"1": {"title": "Dune"}}\n')
    runner.write({"service/app.py": APP, "service/requirements.txt": "wheels/shelf-1.0-py3-none-any.whl\n"})
    inputs = {**INPUTS, "AIPLINT_PYTHON": python, "INPUT_PATHS": "", "INPUT_ARGS": "--app app:app"}

    missing = runner.run("Run aiplint", "service", **inputs)
    assert missing.returncode == 2
    assert "No module named 'shelf'" in missing.stderr

    install = runner.run(INSTALL, "service", AIPLINT_PYTHON=python, INPUT_INSTALL="-r requirements.txt",
                         PIP_NO_INDEX="1")
    assert install.returncode == 0, install.stderr
    runner.summary.write_text("")
    linted = runner.run("Run aiplint", "service", **inputs)
    assert linted.returncode == 0, linted.stdout + linted.stderr
    assert "No module named" not in linted.stderr
    assert runner.summary.read_text().startswith("## aiplint: All checks passed (1 file)")
