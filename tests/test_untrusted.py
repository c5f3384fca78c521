"""Issue 7, sections 1 and 2: a pull request's files run no code without the user's opt-in, and `$ref` reads
only regular files inside the project.  Every input is generated here, as small as the case allows."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import threading
from pathlib import Path

import pytest
from click.testing import CliRunner

import aiplint
from aiplint.cli import cli
from aiplint.read import trust
from aiplint.read.document import open_document
from aiplint.read.loading import InputError

SPEC = """openapi: 3.0.3
info: {title: t, version: '1'}
paths:
  /v1/books/{book_id}:
    get:
      parameters: [{name: book_id, in: path, required: true, schema: {type: string}}]
      responses: {'200': {description: ok}}
"""
# A module that leaves a mark when it is imported: the proof that repository code ran.
MARKER_MODULE = """import pathlib
pathlib.Path({mark!r}).write_text("ran")
"""
PLUGIN_MODULE = MARKER_MODULE + """from aiplint.rule import Problem, rule

@rule(id="local/every-op", summary="s", reference="r", url="https://example.com", severity="error")
def check(ctx):
    for op in ctx.api.operations:
        yield Problem("operation seen", op.at, operation=op)
"""


def aiplint_process(*args: str, cwd: Path, env: dict | None = None, timeout: float = 60):
    """A fresh interpreter (no parser imported yet, nothing in sys.modules), as CI runs aiplint."""
    environment = {k: v for k, v in os.environ.items() if k != trust.ALLOW_ENV}
    return subprocess.run([sys.executable, "-m", "aiplint", *args], cwd=cwd, capture_output=True, text=True,
                          env={**environment, **(env or {})}, timeout=timeout)


def repository(tmp_path: Path) -> Path:
    (tmp_path / ".git").mkdir(parents=True)
    (tmp_path / "api.yaml").write_text(SPEC)
    return tmp_path


# --------------------------------------------------------------------------------------------------
# 1. No code runs from the linted repository unless the user opts in from outside it


@pytest.mark.parametrize("module", ["orjson", "yaml_rs", "click"])
def test_a_module_beside_an_empty_configuration_is_never_imported(tmp_path, module):
    repo = repository(tmp_path)
    (repo / ".aiplint.toml").write_text("")
    (repo / f"{module}.py").write_text(MARKER_MODULE.format(mark=str(repo / "ran")))
    (repo / "api.json").write_text(json.dumps({"openapi": "3.0.3", "info": {"title": "t", "version": "1"},
                                               "paths": {}}))
    result = aiplint_process("check", "api.yaml", "api.json", cwd=repo)
    assert result.returncode == 0, result.stderr
    assert not (repo / "ran").exists()


@pytest.mark.parametrize("launch", [[str(Path(sys.executable).with_name("aiplint"))],
                                    [sys.executable, "-P", "-m", "aiplint"]])
def test_the_safe_commands_import_nothing_from_the_current_folder(tmp_path, launch):
    """`python -m aiplint` imports `aiplint.py`, `__future__.py` or `typing.py` from the current folder before
    aiplint can drop it from sys.path (Python's doing): the `aiplint` command and `python -P -m` never do."""
    repo = repository(tmp_path)
    for module in ("aiplint", "__future__", "typing", "orjson"):
        (repo / f"{module}.py").write_text(MARKER_MODULE.format(mark=str(repo / f"ran-{module}")))
    result = subprocess.run([*launch, "check", "api.yaml"], cwd=repo, capture_output=True, text=True, timeout=60)
    assert sorted(path.name for path in repo.glob("ran-*")) == []
    assert (result.returncode, result.stdout) == (0, "All checks passed (1 file).\n"), result.stderr

@pytest.mark.parametrize("command", [["check", "api.yaml"], ["rules"], ["config", "api.yaml"]])
def test_repository_plugins_run_only_with_the_opt_in(tmp_path, command):
    repo = repository(tmp_path)
    (repo / ".aiplint.toml").write_text('plugins = ["evil_plugin"]\nselect = ["local/", "oas/"]\n'
                                        '[rules."local/every-op"]\nseverity = "warning"\n')
    (repo / "evil_plugin.py").write_text(PLUGIN_MODULE.format(mark=str(repo / "ran")))

    refused = aiplint_process(*command, cwd=repo)
    assert not (repo / "ran").exists()
    assert refused.returncode == 0, refused.stderr  # the configuration still applies, without the plugin's rules
    assert "plugins not loaded (evil_plugin)" in refused.stderr and "--allow-plugins" in refused.stderr
    assert "local/every-op" not in refused.stdout

    allowed = aiplint_process(*command, "--allow-plugins", cwd=repo)
    assert (repo / "ran").exists() and "plugins not loaded" not in allowed.stderr
    (repo / "ran").unlink()
    by_environment = aiplint_process(*command, cwd=repo, env={trust.ALLOW_ENV: "1"})
    assert (repo / "ran").exists() and by_environment.stdout == allowed.stdout
    if command[0] == "check":
        assert "local/every-op operation seen" in allowed.stdout and allowed.returncode == 0  # a warning


def test_installed_entry_point_rules_need_no_opt_in():
    from aiplint.linting.registry import available_rules

    assert "oas/schema" in available_rules()  # every built-in rule is an entry point


def test_the_python_api_follows_the_same_opt_in_and_restores_sys_path(tmp_path, monkeypatch):
    (tmp_path / "api_plugin_h7.py").write_text(PLUGIN_MODULE.format(mark=str(tmp_path / "ran")))
    monkeypatch.chdir(tmp_path)
    before = list(sys.path)
    config = {"plugins": ["api_plugin_h7"], "select": ["local/"]}
    with pytest.warns(UserWarning, match=r"plugins not loaded \(api_plugin_h7\)"):
        assert aiplint.lint(SPEC, config=config) == []
    assert not (tmp_path / "ran").exists() and sys.path == before
    found = aiplint.lint(SPEC, config=config, allow_plugins=True)
    assert [f.rule for f in found] == ["local/every-op"] and (tmp_path / "ran").exists()
    assert sys.path == before


def test_configuration_search_stops_at_the_repository_root(tmp_path):
    (tmp_path / ".aiplint.toml").write_text('select = ["oas/schema"]\nfail-on = "info"\n')  # above the repository
    repo = repository(tmp_path / "repo")
    result = CliRunner().invoke(cli, ["config", str(repo / "api.yaml")])
    assert result.stdout.startswith("# configuration file: (none; defaults)")


def test_outside_a_repository_the_search_stops_at_the_current_directory_or_home(tmp_path, monkeypatch):
    shared = tmp_path / "shared"  # a shared folder such as /tmp, with a configuration someone left there
    (shared / "alice").mkdir(parents=True)
    (shared / ".aiplint.toml").write_text('profile = "aip"\n')
    spec = shared / "alice" / "api.yaml"
    spec.write_text(SPEC)
    (tmp_path / "home").mkdir()
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    for cwd, applies in ((shared / "alice", False), (tmp_path / "home", False), (shared, True), (tmp_path, True)):
        monkeypatch.chdir(cwd)
        result = CliRunner().invoke(cli, ["config", str(spec)])
        assert ('profile = "aip"' in result.stdout) is applies, (cwd, result.stdout)
    monkeypatch.setenv("HOME", str(shared))
    monkeypatch.chdir(tmp_path / "home")
    assert 'profile = "aip"' in CliRunner().invoke(cli, ["config", str(spec)]).stdout


def test_a_configuration_cannot_point_outside_its_project(tmp_path):
    repo = repository(tmp_path / "repo")
    for key, value in (("baseline", "../../etc/passwd"), ("ref-root", ".."), ("ref-root", "/")):
        (repo / ".aiplint.toml").write_text(f"{key} = {json.dumps(value)}\n")
        result = CliRunner().invoke(cli, ["check", str(repo / "api.yaml")])
        assert result.exit_code == 2 and f"`{key}` must stay inside" in result.stderr


# --------------------------------------------------------------------------------------------------
# 2. `$ref` stays inside the project and reads only regular files


def ref_spec(target: str) -> str:
    return SPEC.replace("[{name: book_id", f"[{{$ref: '{target}'}}, {{name: book_id")


@pytest.fixture
def touched(monkeypatch):
    """Every path aiplint stats, lstats or opens while the test runs."""
    seen: list[str] = []
    for name in ("stat", "lstat", "open"):
        original = getattr(os, name)

        def spy(path, *args, _original=original, **kwargs):
            seen.append(os.fsdecode(path) if isinstance(path, (str, bytes, os.PathLike)) else str(path))
            return _original(path, *args, **kwargs)

        monkeypatch.setattr(os, name, spy)
    return seen


def unfollowed(document) -> list:
    """The steps of the document's `$ref`s that lead nowhere."""
    refs = document.refs
    steps = [refs.step(site.source, site.ref) for site in refs.sites() if type(site.ref) is str]
    return [step for step in steps if not step.found]


@pytest.mark.parametrize("target", [
    "../../../../../../../../etc/passwd", "/etc/passwd", "%2e%2e/%2e%2e/%2e%2e/%2e%2e/%2e%2e/etc/passwd",
    "/proc/self/environ", "../outside.yaml", "../missing.yaml", "sub/../../outside.yaml#/x",
])
def test_refs_outside_the_project_are_findings_that_read_and_stat_nothing(tmp_path, target, touched):
    (tmp_path / "outside.yaml").write_text("x: {name: p, in: query}\n")
    project = repository(tmp_path / "project")
    (project / "api.yaml").write_text(ref_spec(target))
    document = open_document(str(project / "api.yaml"))
    touched.clear()
    [problem] = unfollowed(document)
    assert problem.kind == "outside"
    assert problem.message == f"$ref '{target}' points outside the project; it is not read"  # same for all: no oracle
    assert all(trust.is_within(os.path.abspath(path), str(project)) for path in touched), touched


def test_symbolic_links_are_followed_only_inside_the_project(tmp_path):
    (tmp_path / "secret.yaml").write_text("secret: {name: s3cr3t, in: query}\n")
    project = repository(tmp_path / "project")
    (project / "inside.yaml").write_text("p: {name: limit, in: query, schema: {type: integer}}\n")
    (project / "to-inside.yaml").symlink_to("inside.yaml")
    (project / "to-outside.yaml").symlink_to(tmp_path / "secret.yaml")
    (project / "folder").symlink_to(tmp_path)  # a folder link out, then a name below it
    (project / "api.yaml").write_text(ref_spec("to-inside.yaml#/p").replace(
        "{name: book_id", "{$ref: 'to-outside.yaml#/secret'}, {$ref: 'folder/secret.yaml#/secret'}, {name: book_id"))
    result = CliRunner().invoke(cli, ["check", "--show-source", "--format", "json", str(project / "api.yaml")])
    refs = [(f["rule"], f["message"]) for f in json.loads(result.stdout)["findings"] if f["rule"] == "oas/ref"]
    assert refs == [("oas/ref", "$ref 'to-outside.yaml#/secret' points outside the project; it is not read"),
                    ("oas/ref", "$ref 'folder/secret.yaml#/secret' points outside the project; it is not read")]
    shown = CliRunner().invoke(cli, ["check", "--show-source", str(project / "api.yaml")]).stdout
    assert "s3cr3t" not in shown  # no line of the outside file is printed


def test_a_network_path_reference_is_remote_not_a_local_path(tmp_path):
    project = repository(tmp_path)
    (project / "api.yaml").write_text(ref_spec("//example.com/x.yaml#/p"))
    [problem] = unfollowed(open_document(str(project / "api.yaml")))
    assert problem.kind == "remote"


def test_ref_root_widens_or_narrows_the_project(tmp_path):
    (tmp_path / "common.yaml").write_text("p: {name: limit, in: query, schema: {type: integer}}\n")
    (tmp_path / "specs").mkdir()
    spec = tmp_path / "specs" / "api.yaml"  # no repository: the project is the spec's folder
    spec.write_text(ref_spec("../common.yaml#/p"))

    def ref_messages(*args: str) -> list[str]:
        result = CliRunner().invoke(cli, ["check", "--isolated", "--format", "json", *args, str(spec)])
        return [f["message"] for f in json.loads(result.stdout)["findings"] if f["rule"] == "oas/ref"]

    assert ref_messages() == ["$ref '../common.yaml#/p' points outside the project; it is not read"]
    assert ref_messages("--ref-root", str(tmp_path)) == []
    (tmp_path / ".aiplint.toml").write_text('ref-root = "."\n')  # a configuration may widen it to its own folder
    assert CliRunner().invoke(cli, ["check", str(spec)], env={"HOME": str(tmp_path)}).exit_code == 0


def fifo(path: Path) -> Path:
    os.mkfifo(path)
    return path


needs_fifo = pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes")


@needs_fifo
def test_a_fifo_or_device_reached_by_ref_or_a_walk_is_refused_without_opening(tmp_path):
    project = repository(tmp_path)
    fifo(project / "pipe.yaml")  # opening it for reading would wait for a writer forever
    (project / "tty.yaml").symlink_to("/dev/stdout")  # outside the project: not even stat'ed
    (project / "api.yaml").write_text(ref_spec("pipe.yaml#/p"))
    result = aiplint_process("check", "--format", "json", ".", cwd=project, timeout=30)
    report = json.loads(result.stdout)
    assert result.returncode == 2
    assert [f["message"] for f in report["findings"] if f["rule"] == "oas/ref"] == [
        "$ref 'pipe.yaml#/p' points to a file that cannot be loaded: pipe.yaml:1:1: not a regular file; not read"]
    assert sorted((e["file"], e["message"]) for e in report["errors"]) == [
        ("pipe.yaml", "not a regular file; not read"),  # named as ruff names them: no `./`
        ("tty.yaml", "a symbolic link to outside the project; not read")]


@needs_fifo
def test_a_fifo_named_on_the_command_line_is_read(tmp_path):
    pipe = fifo(tmp_path / "spec.yaml")
    writer = threading.Thread(target=lambda: pipe.write_text(SPEC))
    writer.start()
    try:
        document = open_document(str(pipe))
    finally:
        writer.join(timeout=10)
    assert document is not None and document.version == "3.0.3"


def test_files_are_read_only_when_regular(tmp_path):
    (tmp_path / "folder.yaml").mkdir()
    with pytest.raises(InputError, match="is a directory"):
        open_document(str(tmp_path / "folder.yaml"))
    with pytest.raises(InputError, match="not a regular file"):
        open_document("/dev/null", walked_from="/dev")
