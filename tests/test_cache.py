"""The result cache: an unchanged spec is not parsed again; any change to it, to a file it `$ref`s, to the
configuration or to the rules is a miss; a cache folder that comes with a repository cannot forge a result."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import FIXTURES

from aiplint.cli import cli
from aiplint.run import lint as lint_stage  # where a check opens its documents

SPLIT_ROOT = """openapi: 3.0.3
info: {title: Jobs, version: '1'}
paths:
  /v1/jobs/{job_id}:
    $ref: 'paths/job.yaml'
"""
JOB_PATH = """get:
  operationId: getJob
  parameters:
    - {name: job_id, in: path, required: true, schema: {type: string}}
  responses: {'200': {description: ok}}
"""


@pytest.fixture
def project(tmp_path, monkeypatch):
    """A project folder with the example spec, run from inside it, its cache in `.aiplint_cache`."""
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("AIPLINT_CACHE_DIR", raising=False)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "home-cache"))  # the signing key: outside the project
    (tmp_path / ".git").mkdir()
    shutil.copy(FIXTURES / "examples" / "petstore-jobs.yaml", tmp_path / "api.yaml")
    return tmp_path


def check(*args: str):
    return CliRunner().invoke(cli, ["check", *args])


def entries(project: Path) -> list[Path]:
    return [p for p in (project / ".aiplint_cache").rglob("*") if p.is_file() and p.name != ".gitignore"]


def no_parsing(monkeypatch):
    """From now on, opening a document fails the test: what is reported must come from the cache."""
    def refuse(*args, **kwargs):
        raise AssertionError("the spec was parsed again")

    monkeypatch.setattr(lint_stage, "open_document", refuse)


def test_an_unchanged_spec_is_answered_from_the_cache_without_parsing(project, monkeypatch):
    first = check("api.yaml")
    assert first.exit_code == 1 and "aip122/collection-name-consistency" in first.output
    assert len(entries(project)) == 1
    no_parsing(monkeypatch)
    assert check("api.yaml").output == first.output
    assert check("api.yaml", "--format", "json").exit_code == 1


def test_the_cache_folder_ignores_itself_in_git(project):
    check("api.yaml")
    assert (project / ".aiplint_cache" / ".gitignore").read_text().splitlines()[-1] == "*"


def test_an_edited_spec_is_linted_again(project):
    first = check("api.yaml")
    text = (project / "api.yaml").read_text()
    (project / "api.yaml").write_text(text.replace("/v1/training/job/", "/v1/training/jobs/"))
    second = check("api.yaml")
    assert second.output != first.output and len(entries(project)) == 2


def test_an_edited_ref_target_is_linted_again(project, monkeypatch):
    (project / "paths").mkdir()
    (project / "root.yaml").write_text(SPLIT_ROOT)
    (project / "paths" / "job.yaml").write_text(JOB_PATH)
    assert check("root.yaml").exit_code == 0
    (project / "paths" / "job.yaml").write_text(JOB_PATH.replace("in: path, required: true", "in: query"))
    changed = check("root.yaml")
    assert changed.exit_code == 1 and "paths/job.yaml:" in changed.output
    no_parsing(monkeypatch)
    assert check("root.yaml").output == changed.output


def test_a_different_configuration_is_a_miss(project):
    everything = check("api.yaml")
    one_rule = check("api.yaml", "--select", "rest/resource-id-in-query")
    assert one_rule.output != everything.output and "collection-name-consistency" not in one_rule.output
    (project / ".aiplint.toml").write_text('ignore = ["rest/resource-id-in-query"]\n')
    configured = check("api.yaml")
    assert "resource-id-in-query" not in configured.output and "collection-name-consistency" in configured.output


def test_no_cache_neither_reads_nor_writes(project, monkeypatch):
    check("api.yaml", "--no-cache")
    assert not (project / ".aiplint_cache").exists()
    monkeypatch.setenv("AIPLINT_NO_CACHE", "1")
    check("api.yaml")
    assert not (project / ".aiplint_cache").exists()


def test_an_entry_a_repository_brings_cannot_clear_a_spec(project):
    """A pull request that commits `.aiplint_cache/` with an entry saying "no findings" for its spec (signed
    with another key, or not at all) is not believed."""
    first = check("api.yaml")
    [entry] = entries(project)
    signature, _, body = entry.read_bytes().partition(b"\n")
    forged = body.replace(body[body.index(b'"findings"'):body.index(b', "suppressed"')], b'"findings": []')
    for tampered in (signature + b"\n" + forged, b"0" * len(signature) + b"\n" + forged):
        entry.write_bytes(tampered)
        assert check("api.yaml").output == first.output
    (project / "home-cache" / "aiplint" / "signing-key").write_bytes(os.urandom(32).hex().encode())
    entry.write_bytes(signature + b"\n" + body)  # genuine, but made with a key this user does not have
    assert check("api.yaml").output == first.output


def test_nothing_is_written_through_a_symbolic_link(project, tmp_path_factory):
    elsewhere = tmp_path_factory.mktemp("elsewhere")
    (project / ".aiplint_cache").symlink_to(elsewhere, target_is_directory=True)
    assert check("api.yaml").exit_code == 1
    assert [p for p in elsewhere.rglob("*") if p.is_file() and p.name != ".gitignore"] == []


def test_no_folder_is_made_and_no_entry_read_through_a_symbolic_link(project, tmp_path_factory, monkeypatch):
    """A repository may carry `.aiplint_cache` with links in it: nothing is created where they lead, and an entry
    that is a link (even to a genuine entry) is a miss."""
    elsewhere = tmp_path_factory.mktemp("elsewhere")
    (project / ".aiplint_cache").symlink_to(elsewhere, target_is_directory=True)
    check("api.yaml")
    assert list(elsewhere.iterdir()) == []
    (project / ".aiplint_cache").unlink()
    first = check("api.yaml")
    [entry] = entries(project)
    moved = elsewhere / entry.name
    entry.rename(moved)
    entry.symlink_to(moved)
    opened = []
    real = lint_stage.open_document
    monkeypatch.setattr(lint_stage, "open_document", lambda *a, **k: (opened.append(1), real(*a, **k))[1])
    assert check("api.yaml").output == first.output and opened == [1]


def test_an_unwritable_cache_folder_is_no_error(project):
    (project / ".aiplint_cache").write_text("a file, not a folder")
    result = check("api.yaml")
    assert result.exit_code == 1 and "error:" not in result.output


def test_several_files_are_linted_in_workers_with_the_same_report_as_in_one_process(tmp_path, monkeypatch):
    """Enough to read for worker processes (three copies of the 0.5 MB Llama Stack spec, one small spec and
    one broken): the report, errors included, is the one a single process gives, in the same order."""
    from conftest import llama_stack

    from aiplint.run import lint as stages

    for revision in ("pre-4496", "before", "after"):
        shutil.copy(llama_stack(revision), tmp_path / f"{revision}.yaml")
    shutil.copy(FIXTURES / "examples" / "petstore-jobs.yaml", tmp_path / "jobs.yaml")
    (tmp_path / "broken.yaml").write_text("openapi: 3.0.3\npaths: {/x: [\n")
    forks = []  # the pool is set up only on the way to workers
    monkeypatch.setattr(stages, "_import_what_workers_need", lambda original=stages._import_what_workers_need: (
        forks.append(1), original()))
    args = [str(tmp_path), "--no-cache", "--format", "json"]
    monkeypatch.setattr(stages, "_usable_cores", lambda: 2)
    in_workers = check(*args)
    assert forks == [1]
    monkeypatch.setattr(stages, "_usable_cores", lambda: 1)
    in_one_process = check(*args)
    assert forks == [1] and in_workers.exit_code == in_one_process.exit_code == 2
    assert in_workers.output == in_one_process.output
    assert "broken.yaml" in in_workers.output and "pre-4496.yaml" in in_workers.output


def test_a_ref_target_changed_during_the_lint_is_not_cached_as_clean(project, monkeypatch):
    """The entry records the hash of the bytes that were parsed: a fragment edited between parsing and storing
    the (clean) findings is a miss next time, not "All checks passed" for the error it now has."""
    (project / "paths").mkdir()
    (project / "root.yaml").write_text(SPLIT_ROOT)
    fragment = project / "paths" / "job.yaml"
    fragment.write_text(JOB_PATH)
    real_lint = lint_stage.lint_document

    def lint_then_break_the_fragment(*args, **kwargs):
        linted = real_lint(*args, **kwargs)
        fragment.write_text(JOB_PATH.replace("in: path, required: true", "in: query"))
        return linted

    monkeypatch.setattr(lint_stage, "lint_document", lint_then_break_the_fragment)
    assert check("root.yaml").exit_code == 0  # the fragment as it was parsed is clean
    monkeypatch.setattr(lint_stage, "lint_document", real_lint)
    later = check("root.yaml")
    assert later.exit_code == 1 and "paths/job.yaml:" in later.output


def test_an_entry_copied_under_another_specs_key_is_a_miss(project):
    """A genuine entry (this user's key) copied over another spec's entry does not give that spec its findings."""
    (project / "clean.yaml").write_text("openapi: 3.0.3\ninfo: {title: t, version: '1'}\npaths: {}\n")
    assert check("clean.yaml").exit_code == 0
    [clean_entry] = entries(project)
    first = check("api.yaml")
    [api_entry] = [entry for entry in entries(project) if entry != clean_entry]
    shutil.copyfile(clean_entry, api_entry)
    assert check("api.yaml").output == first.output
    # signed again under the other key (as only this user could), the entry still names the clean spec
    from aiplint.linting.cache import open_cache

    body = clean_entry.read_bytes().partition(b"\n")[2]
    api_entry.write_bytes(open_cache(None)._sign(api_entry.name, body) + b"\n" + body)
    assert check("api.yaml").output == first.output


@pytest.mark.parametrize("jobs, workers", [((), 3), (("--jobs", "2"), 2), (("--jobs", "1"), None)])
def test_jobs_caps_the_worker_processes_and_one_lints_in_this_process(tmp_path, monkeypatch, jobs, workers):
    """Eight usable cores and three files: by default a worker per file, `--jobs 2` two, `--jobs 1` none (every
    file linted in this process); the report is the same."""
    import concurrent.futures

    from aiplint.run import lint as stages

    for name in ("a", "b", "c"):
        shutil.copy(FIXTURES / "examples" / "petstore-jobs.yaml", tmp_path / f"{name}.yaml")
    started = []

    class Pool(concurrent.futures.ProcessPoolExecutor):
        def __init__(self, max_workers, **kwargs):
            started.append(max_workers)
            super().__init__(max_workers, **kwargs)

    monkeypatch.setattr(concurrent.futures, "ProcessPoolExecutor", Pool)
    monkeypatch.setattr(stages, "_usable_cores", lambda: 8)
    monkeypatch.setattr(stages, "_PARALLEL_BYTES", 0)  # small files: workers all the same
    result = check(str(tmp_path), "--no-cache", *jobs)
    assert started == ([workers] if workers else [])
    assert result.exit_code == 1 and "Found 6 problems in 3 files" in result.output


@pytest.mark.parametrize("jobs", ["0", "-1", "two"])
def test_jobs_below_one_is_a_usage_error(jobs):
    result = check(str(FIXTURES / "examples" / "petstore-jobs.yaml"), "--jobs", jobs)
    assert result.exit_code == 2 and "Invalid value for '--jobs'" in result.output


def test_a_worker_collects_its_reference_cycles_each_time_it_has_grown_by_the_step(monkeypatch):
    """Workers run with the collector off, as the main process does; the cycles each document leaves are collected
    once a worker's peak has grown by `_COLLECT_EVERY` since the last collection, and not after every job."""
    import gc
    import resource

    collections: list[int] = []
    peaks = iter([100, 150, 300, 310, 600])  # MiB, as ru_maxrss after five jobs
    step = lint_stage._COLLECT_EVERY // (1024 * 1024)
    assert step == 256
    monkeypatch.setattr(lint_stage, "_collected_at", 0)
    monkeypatch.setattr(gc, "collect", lambda: collections.append(1) or 0)
    monkeypatch.setattr(gc, "freeze", lambda: None)
    monkeypatch.setattr(resource, "getrusage", lambda who: type("Usage", (), {"ru_maxrss": next(peaks) * 1024})())
    grew_past = []
    for _ in range(5):
        before = len(collections)
        lint_stage._collect_when_grown()
        grew_past.append(len(collections) > before)
    assert grew_past == [False, False, True, False, True]  # 300 > 0 + 256; 600 > 300 + 256
