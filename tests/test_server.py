"""`aiplint server` driven end to end by a real LSP client (pytest-lsp): the diagnostics are `aiplint check`'s
findings for the same bytes and configuration, in the file where each lies ($ref'd fragments included), with the
editor's unsaved text; edits, code actions, hover, a changed configuration, an untrusted workspace, shutdown."""

from __future__ import annotations

import asyncio
import json
import os
import subprocess
import sys
import time
from pathlib import Path
from typing import Any, Callable

import pytest

pytest.importorskip("pygls", reason="aiplint[server] is not installed")
pytest_lsp = pytest.importorskip("pytest_lsp", reason="pytest-lsp is not installed")

from conftest import FIXTURES, llama_stack  # noqa: E402
from lsprotocol import types  # noqa: E402
from pytest_lsp import ClientServerConfig, LanguageClient, client_capabilities  # noqa: E402

from aiplint.server.edits import REASON  # noqa: E402
from aiplint.server.protocol import OPEN_DOCS  # noqa: E402

SERVER = [sys.executable, "-P", "-m", "aiplint", "server"]
NOT_OURS = {"AIPLINT_ALLOW_PLUGINS", "AIPLINT_CACHE_DIR", "AIPLINT_NO_CACHE"}

SPEC = """\
openapi: 3.1.0
info: {title: Jobs, version: "1"}
paths:
  /v1/jobs:
    get:
      operationId: listJobs
      responses: {"200": {description: ok}}
  /v1/jobs/{job_id}:
    get:
      operationId: getJob
      parameters:
        - {name: job_id, in: path, required: true, schema: {type: string}}
      responses: {"200": {description: ok}}
"""
BAD_PATH = """\
  /v1/job/status:
    get:
      operationId: getJobStatus
      parameters:
        - {name: job_id, in: query, required: true, schema: {type: string}}
      responses: {"200": {description: ok}}
"""


def _client() -> LanguageClient:
    """pytest-lsp's client, which also accepts the server's registration of watched files, as editors do."""
    client = pytest_lsp.make_test_lsp_client()
    client.registrations = []

    @client.feature(types.CLIENT_REGISTER_CAPABILITY)
    def register(params: types.RegistrationParams) -> None:
        client.registrations.extend(params.registrations)

    return client


ENV = {k: v for k, v in os.environ.items() if k not in NOT_OURS}


@pytest_lsp.fixture(config=ClientServerConfig(server_command=SERVER, client_factory=_client, server_env=ENV))
async def client(lsp_client: LanguageClient):
    yield
    if lsp_client.capabilities is not None and not lsp_client.stopped:  # initialised, and not shut down yet
        await asyncio.wait_for(lsp_client.shutdown_session(), 30)


async def start(client: LanguageClient, folder: Path, **options: Any) -> None:
    await client.initialize_session(types.InitializeParams(
        capabilities=client_capabilities("visual-studio-code"), root_uri=folder.as_uri(),
        workspace_folders=[types.WorkspaceFolder(uri=folder.as_uri(), name=folder.name)],
        initialization_options=options or None))


def open_file(client: LanguageClient, path: Path, text: str | None = None, version: int = 1) -> str:
    uri = path.as_uri()
    client.diagnostics.pop(uri, None)
    client.text_document_did_open(types.DidOpenTextDocumentParams(types.TextDocumentItem(
        uri=uri, language_id="json" if path.suffix == ".json" else "yaml", version=version,
        text=path.read_text() if text is None else text)))
    return uri


def edit(client: LanguageClient, uri: str, version: int, line: int, text: str) -> None:
    """Insert `text` at the start of the 0-based `line`, as an editor sends a keystroke (an incremental change)."""
    client.diagnostics.pop(uri, None)
    at = types.Position(line, 0)
    client.text_document_did_change(types.DidChangeTextDocumentParams(
        types.VersionedTextDocumentIdentifier(uri=uri, version=version),
        [types.TextDocumentContentChangePartial(range=types.Range(at, at), text=text)]))


async def diagnostics(client: LanguageClient, uri: str, until: Callable[[list[types.Diagnostic]], bool] = bool,
                      timeout: float = 30) -> list[types.Diagnostic]:
    """The file's diagnostics once `until` holds of them (the server publishes each file as its lint ends)."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        found = client.diagnostics.get(uri)
        if found is not None and until(list(found)):
            return list(found)
        await asyncio.sleep(0.02)
    raise AssertionError(f"no diagnostics as expected for {uri}: {client.diagnostics.get(uri)}")


async def eventually(condition: Callable[[], Any], timeout: float = 30) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < deadline, "timed out"
        await asyncio.sleep(0.02)


def rules(found: list[types.Diagnostic]) -> list[str]:
    return sorted(str(d.code) for d in found)


def project(tmp_path: Path, spec: str = SPEC, config: str | None = None) -> Path:
    """A git repository (its root bounds the configuration search) holding `openapi.yaml`."""
    (tmp_path / ".git").mkdir(parents=True)
    (tmp_path / "openapi.yaml").write_text(spec)
    if config is not None:
        (tmp_path / ".aiplint.toml").write_text(config)
    return tmp_path


# --- the same findings as the command line


def _cli_findings(paths: list[Path], cwd: Path) -> set[tuple]:
    """What `aiplint check --format json` reports for the files, as (real file, line, column, rule, severity,
    message as the diagnostic shows it)."""
    run = subprocess.run([*SERVER[:-1], "check", "--format", "json", "--no-cache", *map(str, paths)],
                         capture_output=True, text=True, cwd=cwd, env=ENV)
    report = json.loads(run.stdout)
    found = set()
    for f in report["findings"]:
        message = f["message"] + (f"\nsuggestion: {f['suggestion']}" if f["suggestion"] else "")
        message += "".join(f"\nalso {a['rule']}: {a['message']}" for a in f["also"])
        found.add((os.path.realpath(cwd / f["file"]), f["line"], f["column"], f["rule"], f["severity"], message))
    for e in report["errors"]:
        found.add((os.path.realpath(cwd / e["file"]), e["line"], e["column"], None, "error", e["message"]))
    return found


_SEVERITY = {types.DiagnosticSeverity.Error: "error", types.DiagnosticSeverity.Warning: "warning",
             types.DiagnosticSeverity.Information: "info"}


def _server_findings(client: LanguageClient) -> set[tuple]:
    found = set()
    for uri, listed in client.diagnostics.items():
        path = os.path.realpath(uri.removeprefix("file://"))
        for d in listed:
            found.add((path, d.range.start.line + 1, d.range.start.character + 1, d.code,
                       _SEVERITY[d.severity], d.message))
    return found


def _cli_project(tmp_path: Path) -> tuple[Path, list[Path]]:
    """A project with a configuration (profile, ignore, a rule's severity), a baseline holding one finding of
    two, inline suppressions and a split spec whose fragment has findings of its own."""
    root = project(tmp_path, SPEC + BAD_PATH + """\
  /v1/pets/{pet_id}/vaccinate:
    patch:
      operationId: vaccinatePet
      parameters:
        - {name: pet_id, in: path, required: true, schema: {type: string}}
      responses: {"200": {description: ok}}
  /v1/shelf:
    $ref: paths/shelf.yaml
""", config='profile = "aip"\nignore = ["aip122/collection-name-consistency"]\nbaseline = "baseline.json"\n'
         '[rules."aip136/http-method"]\nseverity = "warning"\n')
    (root / "paths").mkdir()
    shelf = """\
get:
  x-aiplint-ignore:
    aip136/verb-naming: "a reason"
  responses: {"200": {description: ok}}
"""
    (root / "paths" / "shelf.yaml").write_text(shelf)
    subprocess.run([*SERVER[:-1], "check", "--write-baseline", "baseline.json", "openapi.yaml"], cwd=root, env=ENV,
                   check=True, capture_output=True)
    (root / "openapi.yaml").write_text((root / "openapi.yaml").read_text() + """\
  /v1/books/{book_id}:cancel:
    get:
      parameters:
        - {name: book_id, in: path, required: true, schema: {type: string}}
      responses: {"200": {description: ok}}
""")
    (root / "paths" / "shelf.yaml").write_text(shelf.replace("  responses", "  parameters:\n    - {name: shelf_id, in: "
                                                             "query, required: true, schema: {type: string}}\n  responses"))
    return root, [root / "openapi.yaml"]


@pytest.mark.asyncio
async def test_the_diagnostics_are_the_command_lines_findings(client: LanguageClient, tmp_path: Path):
    """Over specs with a configuration, a baseline, inline suppressions, a profile, split files (findings in the
    fragments), a broken $ref'd file and Llama Stack's spec: the same findings, at the same places, with the same
    severities and messages, as `aiplint check` on the same files."""
    root, own = _cli_project(tmp_path / "project")
    specs = own + [FIXTURES / "examples" / "petstore-jobs.yaml", FIXTURES / "suppress" / "openapi.yaml",
                   FIXTURES / "load" / "multi" / "openapi.yaml", llama_stack("before")]
    await start(client, FIXTURES.parent)
    for spec in specs:
        open_file(client, spec)
    for spec in specs:
        await diagnostics(client, spec.as_uri(), until=lambda found: True)
    await asyncio.sleep(0.5)  # the fragments' diagnostics follow their spec's
    expected = _cli_findings(specs[:1], root) | _cli_findings(specs[1:], FIXTURES.parent)
    got = _server_findings(client)
    assert got == expected
    files = {finding[0] for finding in expected}
    assert os.path.realpath(root / "paths" / "shelf.yaml") in files  # a fragment's findings, in the fragment
    assert os.path.realpath(FIXTURES / "suppress" / "paths" / "artifacts.yaml") in files
    assert any(f[3] == "aip136/http-method" and f[4] == "warning" for f in expected)  # the configured severity
    ours = [f for f in expected if f[0].startswith(os.path.realpath(root))]
    assert not any(f[3] == "aip122/collection-name-consistency" for f in ours)  # ignored
    assert len(ours) == 2  # the baseline holds the others


# --- fixes, from the engine of `check --fix`

GET_BODIES = SPEC.replace("""      operationId: listJobs
""", """      operationId: listJobs
      requestBody: {content: {application/json: {schema: {type: object}}}}
""").replace("""      operationId: getJob
""", """      operationId: getJob
      requestBody:
        content: {application/json: {schema: {type: object}}}
""")


@pytest.mark.asyncio
async def test_a_fix_applied_from_the_editor_is_the_one_check_fix_makes(client: LanguageClient, tmp_path: Path):
    root = project(tmp_path, GET_BODIES)
    await start(client, root)
    uri = open_file(client, root / "openapi.yaml")
    found = await diagnostics(client, uri)
    assert rules(found) == ["aip127/no-body-get-delete"] * 2
    second = max(found, key=lambda d: d.range.start.line)
    actions = await client.text_document_code_action_async(types.CodeActionParams(
        types.TextDocumentIdentifier(uri), second.range, types.CodeActionContext([second])))
    fix, fix_all = actions[0], actions[-1]
    assert fix.title == "Fix aip127/no-body-get-delete: remove the request body of `GET /v1/jobs/{job_id}`"
    assert fix.disabled is None and fix.is_preferred
    (text_edit,) = fix.edit.changes[uri]  # the member's two lines, nothing else
    assert (text_edit.range, text_edit.new_text) == (types.Range(types.Position(11, 0), types.Position(13, 0)), "")
    assert fix_all.title == "Fix all 2 aiplint findings with a safe fix in this file"
    assert len(fix_all.edit.changes[uri]) == 2

    client.diagnostics.pop(uri, None)
    client.text_document_did_change(types.DidChangeTextDocumentParams(
        types.VersionedTextDocumentIdentifier(uri=uri, version=2),
        [types.TextDocumentContentChangePartial(range=e.range, text=e.new_text)
         for e in sorted(fix_all.edit.changes[uri], key=lambda e: e.range.start.line, reverse=True)]))
    assert await diagnostics(client, uri, until=lambda found: True) == []
    await client.shutdown_session()


# --- an editing session


@pytest.mark.asyncio
async def test_an_editing_session(client: LanguageClient, tmp_path: Path):
    root = project(tmp_path)
    await start(client, root)
    await eventually(lambda: client.registrations)  # it asks the editor to watch the configuration files
    assert [r.method for r in client.registrations] == [types.WORKSPACE_DID_CHANGE_WATCHED_FILES]
    watched = client.registrations[0].register_options["watchers"]
    assert {"**/.aiplint.toml", "**/pyproject.toml"} <= {w["globPattern"] for w in watched}
    uri = open_file(client, root / "openapi.yaml")
    assert await diagnostics(client, uri, until=lambda found: True) == []

    # an unsaved edit: its findings, from the editor's text (the disk still has the clean spec)
    edit(client, uri, 2, SPEC.count("\n"), BAD_PATH)
    found = await diagnostics(client, uri)
    assert rules(found) == ["rest/resource-id-in-query"]
    (diagnostic,) = found
    assert diagnostic.range.start == types.Position(17, 10)
    assert "also aip122/" in diagnostic.message and "`job` -> `jobs`" in diagnostic.message  # one finding
    assert diagnostic.code_description.href == "https://google.aip.dev/131"

    # hover: the rule's documentation, as `aiplint explain` prints it
    hover = await client.text_document_hover_async(types.HoverParams(types.TextDocumentIdentifier(uri),
                                                                     diagnostic.range.start))
    explained = subprocess.run([*SERVER[:-1], "explain", "rest/resource-id-in-query"], capture_output=True,
                               text=True, env=ENV).stdout
    assert explained.strip() in hover.contents.value
    assert await client.text_document_hover_async(types.HoverParams(types.TextDocumentIdentifier(uri),
                                                                    types.Position(1, 0))) is None

    # code actions: the fix (unsafe: it moves the operation), an ignore entry, the rule's documentation
    actions = await client.text_document_code_action_async(types.CodeActionParams(
        types.TextDocumentIdentifier(uri), diagnostic.range, types.CodeActionContext([diagnostic])))
    titles = [action.title for action in actions]
    assert titles == ["Fix rest/resource-id-in-query: move `job_id` into the path: `GET /v1/job/status` -> "
                      "`GET /v1/jobs/{job_id}/status` (unsafe: changes the API for its clients)",
                      "Ignore rest/resource-id-in-query here (x-aiplint-ignore)",
                      "Show documentation for rest/resource-id-in-query"]
    assert actions[0].disabled is None and not actions[0].is_preferred
    assert sorted(e.new_text for e in actions[0].edit.changes[uri]) == ["/v1/jobs/{job_id}/status", "path"]
    (text_edit,) = actions[1].edit.changes[uri]
    assert text_edit.range.start == types.Position(15, 6)  # at the operation: `operationId: getJobStatus`
    assert text_edit.new_text == f'x-aiplint-ignore:\n        rest/resource-id-in-query: "{REASON}"\n      '
    await client.workspace_execute_command_async(types.ExecuteCommandParams(
        command=OPEN_DOCS, arguments=["rest/resource-id-in-query"]))
    assert [(shown.uri, shown.external) for shown in client.shown_documents] == [("https://google.aip.dev/131", True)]

    # the ignore entry applied by the editor: the finding is gone (the other rule its fix resolved reports in
    # its place, as `aiplint check` does), the entry is valid and used
    client.diagnostics.pop(uri, None)
    client.text_document_did_change(types.DidChangeTextDocumentParams(
        types.VersionedTextDocumentIdentifier(uri=uri, version=3),
        [types.TextDocumentContentChangePartial(range=text_edit.range, text=text_edit.new_text)]))
    found = await diagnostics(client, uri)
    assert rules(found) == ["aip122/plural-collection"]  # `job`, before a view of one job, is a collection

    # the configuration changes on the disk: it is read again and the spec linted anew
    client.diagnostics.pop(uri, None)
    (root / ".aiplint.toml").write_text('select = ["aiplint/"]\n')
    client.workspace_did_change_watched_files(types.DidChangeWatchedFilesParams(
        [types.FileEvent(uri=(root / ".aiplint.toml").as_uri(), type=types.FileChangeType.Created)]))
    found = await diagnostics(client, uri)
    assert rules(found) == ["aiplint/unused-suppression"]  # only aiplint/ rules run: the entry suppresses nothing

    # closing the file clears its diagnostics
    client.diagnostics.pop(uri, None)
    client.text_document_did_close(types.DidCloseTextDocumentParams(types.TextDocumentIdentifier(uri)))
    assert await diagnostics(client, uri, until=lambda found: found == []) == []
    await client.shutdown_session()
    assert client.stopped


@pytest.mark.asyncio
async def test_a_fragment_is_linted_through_the_specs_that_reach_it(client: LanguageClient, tmp_path: Path):
    """Opening a $ref'd file shows its findings (its spec linted in its place, as `aiplint check FRAGMENT` does);
    its unsaved edits re-lint the spec with the editor's text of the fragment."""
    root = project(tmp_path, SPEC + "  /v1/job/status:\n    $ref: paths/status.yaml\n")
    (root / "paths").mkdir()
    fragment = root / "paths" / "status.yaml"
    fragment.write_text("get:\n  responses: {\"200\": {description: ok}}\n")
    await start(client, root)
    uri = open_file(client, fragment)
    assert await diagnostics(client, uri, until=lambda found: True) == []
    edit(client, uri, 2, 1, "  parameters:\n    - {name: job_id, in: query, required: true, schema: {type: string}}\n")
    found = await diagnostics(client, uri)
    assert rules(found) == ["rest/resource-id-in-query"]
    assert found[0].range.start == types.Position(2, 6)  # in the fragment, at the unsaved line
    assert "also aip122/" in found[0].message and "`job` -> `jobs`" in found[0].message
    assert "job_id" not in fragment.read_text()  # the editor's text, not the disk's


@pytest.mark.asyncio
async def test_files_that_are_no_openapi_get_no_diagnostics(client: LanguageClient, tmp_path: Path):
    root = project(tmp_path)
    manifest = root / "deployment.yaml"
    manifest.write_text("apiVersion: apps/v1\nkind: Deployment\npaths: {/job: {}}\n")
    broken = root / "broken.json"
    broken.write_text('{"openapi": "3.1.0", "paths": ')
    await start(client, root)
    uri = open_file(client, manifest)
    assert await diagnostics(client, uri, until=lambda found: True) == []
    uri = open_file(client, broken)
    (error,) = await diagnostics(client, uri)  # recognisably OpenAPI: the command line's input error
    assert error.severity == types.DiagnosticSeverity.Error and "invalid JSON" in error.message


PLUGIN = "import pathlib\npathlib.Path(__file__).with_name('ran').write_text('the repository ran code')\n"


@pytest.mark.asyncio
@pytest.mark.parametrize("trusted", [False, True], ids=["untrusted", "trusted-by-the-editor"])
async def test_repository_code_runs_only_when_the_editor_trusts_the_workspace(client: LanguageClient,
                                                                              tmp_path: Path, trusted: bool):
    root = project(tmp_path, SPEC + BAD_PATH, config='plugins = ["tools_rules"]\n')
    (root / "tools_rules.py").write_text(PLUGIN)
    await start(client, root, **({"allowPlugins": True} if trusted else {}))
    uri = open_file(client, root / "openapi.yaml")
    found = await diagnostics(client, uri)
    assert (root / "ran").exists() is trusted
    if trusted:  # it declares no rule: the configuration's error, as `aiplint check --allow-plugins` gives it
        assert [d.message for d in found] == [f"{root / '.aiplint.toml'}: plugin module `tools_rules` declares no "
                                              "rule (use aiplint.rule.rule)"]
    else:  # the rest of the configuration applies, as in `aiplint check`
        assert rules(found) == ["rest/resource-id-in-query"]


def test_the_server_needs_its_extra(tmp_path: Path):
    """Without pygls, `aiplint server` says what to install, in one line (exit 2)."""
    blocker = tmp_path / "pygls"
    blocker.mkdir()
    (blocker / "__init__.py").write_text("raise ImportError('pygls is not installed')\n")
    run = subprocess.run([sys.executable, "-c", f"import sys; sys.path.insert(0, {str(tmp_path)!r}); "
                          "sys.argv = ['aiplint', 'server']; from aiplint.cli import main; main()"],
                         capture_output=True, text=True, env=ENV)
    assert run.returncode == 2
    assert "pip install 'aiplint[server]'" in run.stderr


JSON_SPEC = {"openapi": "3.1.0", "info": {"title": "Jobs", "version": "1"}, "paths": {
    "/v1/jobs": {"get": {"operationId": "listJobs", "responses": {"200": {"description": "ok"}}}},
    "/v1/job/status": {"get": {"operationId": "getJobStatus", "parameters": [
        {"name": "job_id", "in": "query", "required": True, "schema": {"type": "string"}}],
        "responses": {"200": {"description": "ok"}}}}}}


def _apply(text: str, row: int, column: int, inserted: str) -> str:
    lines = text.split("\n")
    lines[row] = lines[row][:column] + inserted + lines[row][column:]
    return "\n".join(lines)


@pytest.mark.parametrize("name, text", [
    ("openapi.yaml", SPEC + BAD_PATH),
    ("openapi.json", json.dumps(JSON_SPEC, indent=2)),
    ("existing.yaml", (SPEC + BAD_PATH).replace("      operationId: getJobStatus\n", "      x-aiplint-ignore:\n"
                                                 "        aip122/: legacy\n      operationId: getJobStatus\n")),
], ids=["yaml", "json", "yaml-with-an-entry"])
def test_the_ignore_entry_keeps_the_file_as_it_was_and_suppresses_the_finding(name: str, text: str):
    """The code action's edit, applied as an editor applies it: the finding is suppressed by a valid entry (no
    aiplint/invalid-suppression), and the rest of the file is byte for byte what it was."""
    import aiplint
    from aiplint.read.loading import load_source
    from aiplint.server.edits import ignore_edit

    before = aiplint.lint(text, name=name)
    assert "rest/resource-id-in-query" in [f.rule for f in before]
    edit = ignore_edit(load_source(name, text), "/paths/~1v1~1job~1status/get", "rest/resource-id-in-query")
    assert edit is not None
    _, row, column, inserted = edit
    after = _apply(text, row, column, inserted)
    assert after.replace(inserted, "", 1) == text
    found = [f.rule for f in aiplint.lint(after, name=name)]
    assert "rest/resource-id-in-query" not in found and "aiplint/invalid-suppression" not in found


@pytest.mark.asyncio
async def test_a_baseline_written_meanwhile_is_read_again(client: LanguageClient, tmp_path: Path):
    root = project(tmp_path, SPEC + BAD_PATH, config='baseline = "baseline.json"\n')
    await start(client, root)
    uri = open_file(client, root / "openapi.yaml")
    found = await diagnostics(client, uri)
    assert rules(found) == ["None", "rest/resource-id-in-query"]  # and the error `aiplint check` gives: no baseline
    assert [d.message for d in found if d.code is None] == ["baseline file not found (write one with --write-baseline)"]
    subprocess.run([*SERVER[:-1], "check", "--write-baseline", "baseline.json", "openapi.yaml"], cwd=root, env=ENV,
                   check=True, capture_output=True)
    client.diagnostics.pop(uri, None)
    client.workspace_did_change_watched_files(types.DidChangeWatchedFilesParams(
        [types.FileEvent(uri=(root / "baseline.json").as_uri(), type=types.FileChangeType.Created)]))
    assert await diagnostics(client, uri, until=lambda found: True) == []  # as `aiplint check` now reports


def test_an_edit_parses_the_edited_file_again_and_keeps_the_others(tmp_path: Path):
    """Incremental: the session keeps each file parsed until its text changes (the editor's or the disk's)."""
    from aiplint.server.session import Session

    root = project(tmp_path, SPEC + "  /v1/job/status:\n    $ref: paths/status.yaml\n")
    (root / "paths").mkdir()
    fragment = root / "paths" / "status.yaml"
    fragment.write_text("get:\n  responses: {\"200\": {description: ok}}\n")
    session = Session()
    spec = str(root / "openapi.yaml")
    first = session.lint(spec).document
    again = session.lint(spec).document
    assert first is not None and again is not None
    assert {k: id(v) for k, v in first.sources.items()} == {k: id(v) for k, v in again.sources.items()}
    session.texts = {os.path.realpath(fragment): fragment.read_text().replace("get:", "post:")}
    edited = session.lint(spec).document
    assert edited is not None and edited.root is first.root  # the root kept
    assert edited.sources[os.path.realpath(fragment)] is not first.sources[os.path.realpath(fragment)]
    assert "post" in edited.sources[os.path.realpath(fragment)].data
