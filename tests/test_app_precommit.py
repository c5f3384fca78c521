"""The README's pre-commit recipe for an application (a local hook: `entry: aiplint check --app ...`,
`pass_filenames: false`, `types: [python]`), run by the real `pre-commit` on a commit that adds a route."""

from __future__ import annotations

import importlib.util
import os
import sys
from pathlib import Path

import pytest
from conftest import REPO
from test_precommit import Sandbox  # skips this module where pre-commit or git is missing, as there

pytestmark = pytest.mark.slow  # pre-commit in a git repository
if importlib.util.find_spec("fastapi") is None:
    pytest.skip("fastapi is not installed (pip install -e '.[test]')", allow_module_level=True)

EXAMPLE = REPO / "examples" / "fastapi-jobs" / "jobs_api"
HOOK = """repos:
  - repo: local
    hooks:
      - id: aiplint-app
        name: aiplint (jobs API)
        entry: aiplint check --quiet --app jobs_api.service:app
        language: system
        pass_filenames: false
        types: [python]
"""
NEW_ROUTE = '''

@post_training.get("/job/status")
def get_training_job_status_by_query(job_uuid: str) -> Job:
    return Job(job_uuid=job_uuid, status="running")
'''


@pytest.fixture
def repository(tmp_path) -> tuple[Sandbox, Path]:
    sandbox = Sandbox(tmp_path)
    # language: system runs `aiplint` from PATH: this environment's, where the application's framework is
    sandbox.env["PATH"] = os.pathsep.join([str(Path(sys.executable).parent), sandbox.env.get("PATH", "")])
    files = {".pre-commit-config.yaml": HOOK, "README.md": "jobs\n"}
    repo = sandbox.init_repo(tmp_path / "service", files)
    (repo / "jobs_api").mkdir()
    for name in ("__init__.py", "models.py"):
        (repo / "jobs_api" / name).write_text((EXAMPLE / name).read_text())
    (repo / "jobs_api" / "service.py").write_text((EXAMPLE / "after.py").read_text())
    installed = sandbox.pre_commit("install", cwd=repo)
    assert installed.returncode == 0, installed.stdout + installed.stderr
    return sandbox, repo


def test_the_hook_passes_the_fixed_service_and_blocks_a_commit_that_adds_the_mistake(repository):
    sandbox, repo = repository
    sandbox.git("add", "jobs_api", cwd=repo)
    accepted = sandbox.git("commit", "-m", "the service", cwd=repo, check=False)
    assert accepted.returncode == 0, accepted.stdout + accepted.stderr
    assert "aiplint (jobs API)...." in accepted.stderr and "Passed" in accepted.stderr

    service = repo / "jobs_api" / "service.py"
    service.write_text(service.read_text() + NEW_ROUTE)
    line = service.read_text().splitlines().index('@post_training.get("/job/status")') + 1
    sandbox.git("add", "jobs_api/service.py", cwd=repo)
    refused = sandbox.git("commit", "-m", "status by query", cwd=repo, check=False)
    assert refused.returncode == 1
    output = refused.stdout + refused.stderr
    assert "Failed" in output
    assert f"jobs_api/service.py:{line}:1: error rest/resource-id-in-query " in output
    assert "suggestion: GET /v1alpha/post-training/jobs/{job_uuid}/status" in output


def test_the_hook_does_not_run_for_a_commit_without_python_files(repository):
    sandbox, repo = repository
    (repo / "README.md").write_text("jobs, documented\n")
    sandbox.git("add", "README.md", cwd=repo)
    result = sandbox.git("commit", "-m", "docs", cwd=repo, check=False)
    assert result.returncode == 0
    assert "(no files to check)Skipped" in result.stdout + result.stderr
