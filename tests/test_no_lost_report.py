"""Issue 16, item 4: a worker process that dies, or memory that runs out, ends in the usual one-line error and
exit 2 with the other files linted and every requested report written, never in a traceback."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys

import pytest
from click.testing import CliRunner
from test_hostile import GOOD

from aiplint import runner
from aiplint.cli import cli


@pytest.fixture
def in_workers(tmp_path, monkeypatch):
    """Two small specs, linted in worker processes as if they were large and the machine had two cores."""
    monkeypatch.chdir(tmp_path)
    for name in ("good.yaml", "dies.yaml"):
        (tmp_path / name).write_text(GOOD)
    monkeypatch.setattr(runner, "_PARALLEL_BYTES", 0)
    monkeypatch.setattr(runner, "_usable_cores", lambda: 2)
    return tmp_path


def kill_the_process_linting(monkeypatch, name: str, always: bool) -> None:
    """A child process that lints `name` is SIGKILLed (as the kernel's out-of-memory killer would): always, or only
    the first time; this process never is."""
    parent, real = os.getpid(), runner.lint_job

    def lint_or_die(job, cache):
        if os.getpid() != parent and job.name == name and (always or _first_time("died")):
            os.kill(os.getpid(), signal.SIGKILL)
        return real(job, cache)

    monkeypatch.setattr(runner, "lint_job", lint_or_die)


def _first_time(marker: str) -> bool:
    """Counted in a file: the dying processes share no memory."""
    try:
        os.close(os.open(marker, os.O_CREAT | os.O_EXCL))
    except FileExistsError:
        return False
    return True


def check_both():
    return CliRunner().invoke(cli, ["check", "--isolated", "--no-cache", "good.yaml", "dies.yaml",
                                    "--format", "text", "--format", "json=a.json", "--format", "sarif=b.sarif"])


def test_a_file_that_kills_every_process_linting_it_is_its_input_error(in_workers, monkeypatch):
    kill_the_process_linting(monkeypatch, "dies.yaml", always=True)
    result = check_both()
    assert result.exit_code == 2 and result.exception is None or isinstance(result.exception, SystemExit)
    assert result.stderr.splitlines() == ["error: dies.yaml:1:1: the process linting it died (killed by SIGKILL); "
                                          "not linted"]
    report = json.loads((in_workers / "a.json").read_text())
    assert [e["file"] for e in report["errors"]] == ["dies.yaml"]
    assert {f["file"] for f in report["findings"]} == {"good.yaml"}  # the other file is linted
    sarif = json.loads((in_workers / "b.sarif").read_text())
    assert sarif["runs"][0]["invocations"][0]["executionSuccessful"] is False
    assert "good.yaml:4:3: error aip122/plural-collection" in result.stdout


def test_the_files_of_a_worker_that_died_once_are_linted_again(in_workers, monkeypatch):
    kill_the_process_linting(monkeypatch, "dies.yaml", always=False)
    result = check_both()
    assert (in_workers / "died").exists() and result.exit_code == 1 and result.stderr == ""
    report = json.loads((in_workers / "a.json").read_text())
    assert report["errors"] == [] and {f["file"] for f in report["findings"]} == {"good.yaml", "dies.yaml"}
    assert (in_workers / "b.sarif").exists()


OUT_OF_MEMORY = """
import sys
import aiplint.model
import aiplint.runner

class NothingMoreImports:
    # from the first MemoryError on, no module that is not imported yet can be: importing needs memory too
    def find_spec(self, name, path=None, target=None):
        raise MemoryError

def out_of_memory(*args):
    sys.meta_path.insert(0, NothingMoreImports())
    raise MemoryError

aiplint.model.ApiModel.build = out_of_memory
if sys.argv[1] == "--escaping":
    del sys.argv[1]
    aiplint.runner.CheckRun.report = out_of_memory  # past the handler that makes it the file's input error
from aiplint.cli import main
main()
"""


def run_out_of_memory(folder, *args: str) -> subprocess.CompletedProcess:
    (folder / "api.yaml").write_text(GOOD)
    return subprocess.run([sys.executable, "-c", OUT_OF_MEMORY, *args, "check", "--isolated", "--no-cache",
                           "api.yaml", "--format", "json=a.json", "--format", "sarif=b.sarif", "--format",
                           "junit=c.xml", "--format", "markdown=d.md"], cwd=folder, capture_output=True, text=True)


def test_memory_running_out_still_writes_every_report(tmp_path):
    """A MemoryError while linting, then another when the reports' module would be imported (it is imported
    before the work now): the file's one-line error, exit 2, and all four reports."""
    result = run_out_of_memory(tmp_path)
    assert result.returncode == 2 and result.stderr.splitlines() == [
        "error: api.yaml:1:1: cannot read the document's structure (MemoryError: )"]
    assert [e["file"] for e in json.loads((tmp_path / "a.json").read_text())["errors"]] == ["api.yaml"]
    sarif = json.loads((tmp_path / "b.sarif").read_text())
    assert sarif["runs"][0]["invocations"][0]["executionSuccessful"] is False
    assert "api.yaml" in (tmp_path / "c.xml").read_text() and "api.yaml" in (tmp_path / "d.md").read_text()


def test_a_memory_error_no_handler_names_a_file_for_is_still_one_line_and_exit_2(tmp_path):
    result = run_out_of_memory(tmp_path, "--escaping")
    assert result.returncode == 2 and "Traceback" not in result.stderr
    assert result.stderr.splitlines() == ["error: api.yaml:1:1: cannot read the document's structure (MemoryError: )",
                                          "error: out of memory"]


DIES_THEN_RAISES = """
import os
from aiplint import runner

parent, real = os.getpid(), runner.lint_job

def lint(job, cache):
    if os.getpid() != parent and job.name == "dies.yaml":
        try:
            os.close(os.open("died", os.O_CREAT | os.O_EXCL))
        except FileExistsError:
            raise MemoryError  # in the process of its own it is linted again in
        os._exit(1)
    return real(job, cache)

runner.lint_job, runner._PARALLEL_BYTES, runner._usable_cores = lint, 0, lambda: 2
from aiplint.cli import main
main()
"""


def test_an_exception_in_a_dead_workers_retry_is_raised_here_not_printed_there(tmp_path):
    for name in ("good.yaml", "dies.yaml"):
        (tmp_path / name).write_text(GOOD)
    result = subprocess.run([sys.executable, "-c", DIES_THEN_RAISES, "check", "--isolated", "--no-cache",
                             "good.yaml", "dies.yaml"], cwd=tmp_path, capture_output=True, text=True)
    assert (tmp_path / "died").exists()
    assert result.returncode == 2 and result.stderr.splitlines() == ["error: out of memory"]
