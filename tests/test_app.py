"""`aiplint check --app`: real applications of each framework, linted from their generated OpenAPI document,
with findings at the route functions' lines."""

from __future__ import annotations

import importlib.util
import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from conftest import FIXTURES, REPO

FASTAPI_JOBS = REPO / "examples" / "fastapi-jobs"
FRAMEWORKS = REPO / "examples" / "frameworks"


def aiplint(*args: str, cwd: Path, env: dict | None = None) -> subprocess.CompletedProcess[str]:
    environment = {k: v for k, v in os.environ.items() if k != "AIPLINT_ALLOW_PLUGINS"}
    return subprocess.run([sys.executable, "-m", "aiplint", "check", *args], cwd=cwd, capture_output=True, text=True,
                          env={**environment, **(env or {})}, timeout=120)


def needs(module: str) -> None:
    """Skip where a framework is not installed (without importing it here: Django Ninja needs settings)."""
    if importlib.util.find_spec(module) is None:
        pytest.skip(f"{module} is not installed (pip install -e '.[test]')")


def findings(result: subprocess.CompletedProcess[str]) -> list[dict]:
    return json.loads(result.stdout)["findings"]


def line_of(file: Path, text: str) -> int:
    """The 1-based line of the first line of `file` that contains `text`."""
    return next(n for n, line in enumerate(file.read_text().splitlines(), 1) if text in line)


def write_module(folder: Path, name: str, source: str) -> Path:
    path = folder / f"{name}.py"
    path.write_text(textwrap.dedent(source))
    return path


# --------------------------------------------------------------------------------------------------
# FastAPI: the founding mistake and its fixed twin


def test_the_founding_mistake_is_found_at_the_route_functions():
    needs("fastapi")
    result = aiplint("--app", "jobs_api.before:app", "--format", "json", cwd=FASTAPI_JOBS)
    assert result.returncode == 1, result.stderr
    source = FASTAPI_JOBS / "jobs_api" / "before.py"
    status = line_of(source, '@post_training.get("/job/status")')
    cancel = line_of(source, '@post_training.post("/job/cancel")')
    session = line_of(source, '@agents.get("/agents/{agent_id}/session/{session_id}")')
    # one mistake, one finding: the rules that share a route's fix are in its `also`
    located = {(f["rule"], tuple(sorted(a["rule"] for a in f["also"])), f["method"], f["path"], f["file"], f["line"],
                f["column"]) for f in findings(result)}
    consistency = ("aip122/collection-name-consistency", "aip122/plural-collection")
    assert located == {
        ("rest/resource-id-in-query", consistency, "GET", "/v1alpha/post-training/job/status", "jobs_api/before.py",
         status, 1),
        ("aip136/attached-to-resource", ("aip122/plural-collection", "rest/resource-id-in-body"), "POST",
         "/v1alpha/post-training/job/cancel", "jobs_api/before.py", cancel, 1),
        # the agents sub-application is mounted at /v1: its paths are linted under the prefix
        ("aip122/plural-collection", (), None, "/v1/agents/{agent_id}/session/{session_id}", "jobs_api/before.py",
         session, 1),
    }
    by_rule = {f["rule"]: f for f in findings(result)}
    assert by_rule["rest/resource-id-in-query"]["suggestion"] == "GET /v1alpha/post-training/jobs/{job_uuid}/status"
    assert by_rule["rest/resource-id-in-query"]["pointer"] == "/paths/~1v1alpha~1post-training~1job~1status/get/parameters/0"


def test_text_and_sarif_land_on_the_decorator_and_keep_the_pointer(tmp_path):
    needs("fastapi")
    result = aiplint("--app", "jobs_api.before:app", "--format", "text", "--format", f"sarif={tmp_path / 'out.sarif'}",
                     "--show-source", cwd=FASTAPI_JOBS)
    status = line_of(FASTAPI_JOBS / "jobs_api" / "before.py", '@post_training.get("/job/status")')
    assert f"jobs_api/before.py:{status}:1: error rest/resource-id-in-query " in result.stdout
    assert '@post_training.get("/job/status")' in result.stdout  # --show-source shows the Python line
    sarif = json.loads((tmp_path / "out.sarif").read_text())
    result_of = {r["ruleId"]: r for r in sarif["runs"][0]["results"]}["rest/resource-id-in-query"]
    location = result_of["locations"][0]
    # SARIF names files from the repository's root, where code scanning looks for them
    assert location["physicalLocation"]["artifactLocation"]["uri"] == "examples/fastapi-jobs/jobs_api/before.py"
    assert location["physicalLocation"]["region"]["startLine"] == status
    assert location["logicalLocations"][0]["fullyQualifiedName"] == \
        "/paths/~1v1alpha~1post-training~1job~1status/get/parameters/0"


def test_the_fixed_twin_is_clean_and_generated_operation_ids_make_no_noise():
    needs("fastapi")
    # every rule but one: the twin keeps FastAPI's own `{detail}` validation errors, which are no google.rpc.Status
    # (`aip193/status-shape`, an `aip` profile matter the example does not take on)
    result = aiplint("--app", "jobs_api.after:app", "--format", "json", "--select", "ALL", "--ignore",
                     "aip193/status-shape", "--fail-on", "info", cwd=FASTAPI_JOBS)
    assert result.returncode == 0, result.stdout + result.stderr
    assert findings(result) == []
    assert json.loads(result.stdout)["summary"]["files"] == 1  # the app and its mounted sub-app share a file


def test_a_factory_an_inline_suppression_and_the_source_of_other_findings(tmp_path):
    needs("fastapi")
    write_module(tmp_path, "service", '''\
        from fastapi import FastAPI


        def create_app() -> FastAPI:
            app = FastAPI()

            @app.get("/v1/jobs/status", openapi_extra={"x-aiplint-ignore": {
                "rest/resource-id-in-query": "kept for OpenAI compatibility until v2",
                "aip136/verb-naming": "nothing to suppress here"}})
            def job_status(job_uuid: str) -> dict:
                return {}

            return app
        ''')
    result = aiplint("--app", "service:create_app()", "--format", "json", "--fail-on", "info", cwd=tmp_path)
    located = {(f["rule"], f["file"], f["line"], f["column"]) for f in findings(result)}
    decorator = line_of(tmp_path / "service.py", "@app.get")
    assert located == {("aiplint/unused-suppression", "service.py", decorator, 5)}
    assert result.returncode == 1


def test_findings_outside_any_route_land_on_the_application(tmp_path):
    needs("fastapi")
    write_module(tmp_path, "service", '''\
        from fastapi import FastAPI
        from fastapi.openapi.utils import get_openapi

        app = FastAPI()


        def openapi() -> dict:  # FastAPI's documented way to extend the generated document
            return {**get_openapi(title="t", version="1", routes=app.routes), "x-aiplint-ignore": {"rest/": ""}}


        app.openapi = openapi
        ''')
    result = aiplint("--app", "service:app", "--format", "json", cwd=tmp_path)
    assert {(f["rule"], f["file"], f["line"]) for f in findings(result)} == {
        ("aiplint/invalid-suppression", "service.py", 4)}


@pytest.mark.parametrize(("target", "message"), [
    ("service", "not an application reference; write MODULE:ATTRIBUTE"),
    ("missing_module:app", "no module named missing_module"),
    ("broken:app", "cannot import broken: ZeroDivisionError: division by zero (at broken.py:2)"),
    ("service:nothing", "service has no attribute `nothing`"),
    ("service:app", "is a builtins.dict, not an application aiplint can read; supported: FastAPI"),
    ("service:failing()", "failing() failed: RuntimeError: no database (at service.py:5)"),
])
def test_an_application_that_cannot_be_read_is_one_error_line_exit_2(tmp_path, target, message):
    write_module(tmp_path, "service", '''\
        app = {"openapi": "3.1.0"}


        def failing():
            raise RuntimeError("no database")
        ''')
    write_module(tmp_path, "broken", "print('starting')\nx = 1 / 0\n")
    result = aiplint("--app", target, cwd=tmp_path)
    assert result.returncode == 2
    errors = [line for line in result.stderr.splitlines() if line.startswith("error:")]
    assert len(errors) == 1 and errors[0].startswith(f"error: --app {target}") and message in errors[0], result.stderr
    assert "Traceback" not in result.stderr
    assert "starting" not in result.stdout  # what the application prints goes to stderr, not into the report


def test_frameworks_are_not_imported_at_start_up(tmp_path):
    spec = tmp_path / "tiny.yaml"
    spec.write_text("openapi: 3.1.0\ninfo: {title: t, version: '1'}\npaths: {}\n")
    result = subprocess.run([sys.executable, "-X", "importtime", "-m", "aiplint", "check", str(spec)],
                            capture_output=True, text=True)
    assert result.returncode == 0
    imported = {line.split("|")[-1].strip().split(".")[0] for line in result.stderr.splitlines() if "|" in line}
    heavy = {"fastapi", "starlette", "pydantic", "litestar", "django", "ninja", "flask", "apiflask", "flask_smorest",
             "apispec", "marshmallow", "aiplint.integrations.app"}
    assert "aiplint" in imported and not imported & heavy


# --------------------------------------------------------------------------------------------------
# The other frameworks: the same service, the same mistakes at their route functions


SERVICES = [  # (framework, target, the decorators of: GET job/status, POST job/cancel, GET agents/.../session/...)
    ("litestar", "litestar_jobs:app", '@get("/job/status")', None, '@get("/agents/'),
    ("ninja", "ninja_jobs:api", '@post_training.get("/job/status"', '@post_training.post("/job/cancel")',
     '@api.get("/v1/agents/'),
    ("apiflask", "apiflask_jobs:create_app()", '@post_training.get("/job/status")', '@post_training.post("/job/cancel")',
     '@app.get("/v1/agents/'),
    ("flask_smorest", "smorest_jobs:api", '@post_training.route("/job/status")', '@post_training.route("/job/cancel"',
     None),
    ("flask_smorest", "smorest_jobs:app", '@post_training.route("/job/status")', '@post_training.route("/job/cancel"',
     None),
]


@pytest.mark.parametrize(("framework", "target", "status", "cancel", "session"), SERVICES,
                         ids=[target for _, target, *_ in SERVICES])
def test_the_same_mistakes_at_the_same_routes_in_each_framework(framework, target, status, cancel, session):
    """Litestar's cancel body is read as a verb segment (its operationIds start with the path), and
    flask-smorest's example has no agents route: the errors found are otherwise FastAPI's."""
    needs(framework)
    result = aiplint("--app", target, "--format", "json", cwd=FRAMEWORKS)
    assert result.returncode == 1, result.stderr
    source = FRAMEWORKS / f"{target.split(':')[0]}.py"
    expected = {("aip122/collection-name-consistency", line_of(source, status)),
                ("rest/resource-id-in-query", line_of(source, status))}
    if cancel:  # `job` before the action is a singular collection too, in both routes' `also`
        expected |= {("aip122/plural-collection", line_of(source, status)),
                     ("aip122/plural-collection", line_of(source, cancel)),
                     ("aip136/attached-to-resource", line_of(source, cancel)),
                     ("rest/resource-id-in-body", line_of(source, cancel))}
    if session:
        expected.add(("aip122/plural-collection", line_of(source, session)))
    errors = [f for f in findings(result) if f["severity"] == "error"]
    assert {(rule, f["line"]) for f in errors for rule in {f["rule"], *(a["rule"] for a in f["also"])}} == expected
    assert len({f["line"] for f in errors}) == len(errors)  # one finding per route


def test_django_ninja_paths_are_under_the_urlconf_prefix():
    needs("ninja")
    result = aiplint("--app", "ninja_jobs:api", "--format", "json", cwd=FRAMEWORKS)
    assert "/api/v1alpha/post-training/job/status" in {f["path"] for f in findings(result)}


# --------------------------------------------------------------------------------------------------
# Configuration, trust and baselines


@pytest.fixture
def configured(tmp_path) -> Path:
    """A project whose pyproject.toml names its application."""
    needs("fastapi")
    (tmp_path / "pyproject.toml").write_text('[tool.aiplint]\napp = "jobs_api.before:app"\n')
    (tmp_path / ".git").mkdir()  # the repository root: configuration is not looked for above it
    for file in ("__init__.py", "models.py", "before.py"):
        (tmp_path / "jobs_api").mkdir(exist_ok=True)
        (tmp_path / "jobs_api" / file).write_text((FASTAPI_JOBS / "jobs_api" / file).read_text())
    return tmp_path


def test_an_app_named_by_the_configuration_needs_the_opt_in(configured):
    # with `app` configured, `aiplint check` alone lints the application, not the folder's specs
    (configured / "openapi.yaml").write_text((FIXTURES / "examples" / "petstore-jobs.yaml").read_text())
    skipped = aiplint("--format", "json", cwd=configured)
    assert skipped.returncode == 0 and findings(skipped) == []
    assert "app = jobs_api.before:app not imported" in skipped.stderr and "--allow-plugins" in skipped.stderr
    for allowed in (aiplint("--format", "json", "--allow-plugins", cwd=configured),
                    aiplint("--format", "json", cwd=configured, env={"AIPLINT_ALLOW_PLUGINS": "1"})):
        assert allowed.returncode == 1
        assert {f["file"] for f in findings(allowed)} == {"jobs_api/before.py"}


def test_the_configuration_applies_and_a_baseline_keeps_the_old_findings(configured):
    (configured / "pyproject.toml").write_text('[tool.aiplint]\nignore = ["aip122/"]\n')
    found = findings(aiplint("--app", "jobs_api.before:app", "--format", "json", cwd=configured))
    assert found and not any(f["rule"].startswith("aip122/") for f in found)
    written = aiplint("--app", "jobs_api.before:app", "--write-baseline", "baseline.json", cwd=configured)
    assert written.returncode == 0
    entries = json.loads((configured / "baseline.json").read_text())["files"]
    assert list(entries) == ["jobs_api.before:app"]  # keyed by the application (its /v1 sub-app: no finding)
    assert {e["rule"] for e in entries["jobs_api.before:app"]} == {f["rule"] for f in found}
    again = aiplint("--app", "jobs_api.before:app", "--baseline", "baseline.json", "--format", "json", cwd=configured)
    assert again.returncode == 0 and findings(again) == []


# --------------------------------------------------------------------------------------------------
# --diff-base: the application at the base revision, imported in another process


def git(*args: str, cwd: Path) -> None:
    subprocess.run(["git", "-c", "user.name=t", "-c", "user.email=t@t.invalid", *args], cwd=cwd, check=True,
                   capture_output=True)


RECORD_PID = "import os\nopen(os.environ['PIDS'], 'a').write(f'{os.getpid()}\\n')\n"


def test_diff_base_reports_what_a_change_adds_and_fixes(tmp_path):
    needs("fastapi")
    service = write_module(tmp_path, "service", RECORD_PID + textwrap.dedent('''\
        from fastapi import FastAPI

        app = FastAPI()


        @app.get("/v1/job/status")
        def old_status(job_uuid: str) -> dict:
            return {}
        '''))
    git("init", "-q", cwd=tmp_path)
    git("add", "service.py", cwd=tmp_path)
    git("commit", "-qm", "base", cwd=tmp_path)
    base_line = line_of(service, '@app.get("/v1/job/status")')
    service.write_text(service.read_text().replace("/v1/job/status", "/v1/jobs/{job_uuid}/status") + textwrap.dedent('''\


        @app.get("/v1/agents/{agent_id}/session/{session_id}")
        def get_session(agent_id: str, session_id: str) -> dict:
            return {}
        '''))
    pids = tmp_path / "pids.txt"
    environment = {**os.environ, "PIDS": str(pids)}
    command = [sys.executable, "-m", "aiplint", "check", "--app", "service:app", "--diff-base", "HEAD", "--format", "json"]
    process = subprocess.Popen(command, cwd=tmp_path, env=environment, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                               text=True)
    out, err = process.communicate(timeout=120)
    assert process.returncode == 1, err
    report = json.loads(out)
    assert [(f["rule"], f["file"], f["line"]) for f in report["new"]] == [
        ("aip122/plural-collection", "service.py", line_of(service, '@app.get("/v1/agents/'))]
    # fixed: at its line in the base revision, in the working tree's file
    assert [(f["rule"], f["file"], f["line"]) for f in report["fixed"]] == [
        ("rest/resource-id-in-query", "service.py", base_line)]
    assert report["operations"]["added"] == [{"method": "GET", "path": "/v1/agents/{agent_id}/session/{session_id}"}]
    assert [move["from"]["path"] for move in report["operations"]["moved"]] == ["/v1/job/status"]
    # breaking changes at the route functions too, as findings are (not at lines of the generated document)
    [moved] = [c for c in report["changes"] if c["id"] == "breaking/operation-moved"]
    assert (moved["old"]["file"], moved["old"]["line"]) == ("service.py", base_line)
    assert (moved["new"]["file"], moved["new"]["line"]) == ("service.py", line_of(service, '@app.get("/v1/jobs/'))
    text = aiplint("--app", "service:app", "--diff-base", "HEAD", cwd=tmp_path,
                   env={"PIDS": str(tmp_path / "other-pids.txt")}).stdout
    assert f"HEAD:service.py:{base_line}:1: error breaking/operation-moved GET /v1/job/status: moved to " in text
    recorded = [int(pid) for pid in pids.read_text().split()]
    assert len(recorded) == 2 and recorded.count(process.pid) == 1  # the base revision: in another process


def test_diff_base_where_the_application_is_new(tmp_path):
    needs("fastapi")
    (tmp_path / "README").write_text("x")
    git("init", "-q", cwd=tmp_path)
    git("add", "README", cwd=tmp_path)
    git("commit", "-qm", "base", cwd=tmp_path)
    write_module(tmp_path, "service", '''\
        from fastapi import FastAPI

        app = FastAPI()


        @app.get("/v1/job/status")
        def status(job_uuid: str) -> dict:
            return {}
        ''')
    result = aiplint("--app", "service:app", "--diff-base", "HEAD", "--format", "json", cwd=tmp_path)
    assert result.returncode == 1, result.stderr
    assert {f["rule"] for f in json.loads(result.stdout)["new"]} == {"rest/resource-id-in-query"}
