"""The pytest plugin (`pytest11`) and `aiplint.testing.assert_conforms`, run by a real pytest on the example."""

from __future__ import annotations

import importlib.util
import os
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import REPO

EXAMPLE = REPO / "examples" / "fastapi-jobs"
BEFORE = EXAMPLE / "jobs_api" / "before.py"

pytestmark = pytest.mark.slow  # a real pytest per test
if importlib.util.find_spec("fastapi") is None:
    pytest.skip("fastapi is not installed (pip install -e '.[test]')", allow_module_level=True)


def pytest_in(folder: Path, *args: str) -> subprocess.CompletedProcess[str]:
    environment = {**os.environ, "PYTHONPATH": os.pathsep.join([str(EXAMPLE), os.environ.get("PYTHONPATH", "")])}
    return subprocess.run([sys.executable, "-m", "pytest", "-p", "no:cacheprovider", "-q", "--color=no", *args],
                          cwd=folder, capture_output=True, text=True, env=environment, timeout=300)


def line_of(text: str) -> int:
    return next(n for n, line in enumerate(BEFORE.read_text().splitlines(), 1) if text in line)


def test_aiplint_app_option_fails_with_one_line_per_finding_then_passes_when_fixed(tmp_path):
    (tmp_path / "pytest.ini").write_text("[pytest]\n")  # a test suite of its own: only the --aiplint-app tests
    result = pytest_in(tmp_path, "--aiplint-app", "jobs_api.before:app",
                       "--aiplint-app", "jobs_api.after:app")
    assert result.returncode == 1, result.stdout + result.stderr
    status = line_of('@post_training.get("/job/status")')
    assert (f"  {BEFORE}:{status}: error rest/resource-id-in-query GET /v1alpha/post-training/job/status: "
            "required query parameter `job_uuid` identifies the resource") in result.stdout
    assert "-> GET /v1alpha/post-training/jobs/{job_uuid}/status" in result.stdout
    assert "jobs_api.before:app does not conform to the API design rules (aiplint): 3 findings" in result.stdout
    assert "Traceback" not in result.stdout and "1 failed, 1 passed" in result.stdout


def test_assert_conforms_in_the_example_test_suite():
    result = pytest_in(EXAMPLE)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "2 passed" in result.stdout


@pytest.fixture
def project(tmp_path) -> Path:
    """A test suite beside a baseline that holds the example's findings except the aip122 ones."""
    (tmp_path / "pytest.ini").write_text("[pytest]\n")
    written = subprocess.run([sys.executable, "-m", "aiplint", "check", "--app", "jobs_api.before:app", "--ignore",
                              "aip122/", "--write-baseline", str(tmp_path / "baseline.json")],
                             cwd=EXAMPLE, capture_output=True, text=True)
    assert written.returncode == 0, written.stderr
    return tmp_path


def test_the_baseline_marker_fails_only_on_findings_it_does_not_hold(project):
    (project / "test_design.py").write_text(
        "import pytest\n"
        "from aiplint.testing import assert_conforms\n"
        "from jobs_api import before\n\n"
        "@pytest.mark.aiplint_baseline('baseline.json')\n"
        "def test_with_baseline():\n"
        "    assert_conforms(before.app)\n")
    result = pytest_in(project)
    assert result.returncode == 1
    # the singular `session`: new against the baseline (the singular `job` is in the `also` of the findings it holds)
    assert "1 finding" in result.stdout
    assert "aip122/plural-collection" in result.stdout and "rest/resource-id-in-query" not in result.stdout


def test_the_baseline_option_applies_to_aiplint_app_tests(project):
    result = pytest_in(project, "--aiplint-app", "jobs_api.before:app", "--aiplint-baseline",
                       str(project / "baseline.json"))
    assert result.returncode == 1
    assert "rest/resource-id-in-query" not in result.stdout and "aip122/plural-collection" in result.stdout
