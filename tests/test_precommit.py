"""The pre-commit hook (.pre-commit-hooks.yaml), run by the real `pre-commit` tool in a throwaway git repo.

pre-commit builds the hook's virtualenv by pip-installing this repository (from a snapshot of the working
tree, so uncommitted changes are what gets tested); PRE_COMMIT_HOME is shared by the module's tests, so that
is done once (about 10 s with a warm pip cache, a minute or more with a cold one).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import FIXTURES, REPO

pytestmark = pytest.mark.slow
pytest.importorskip("pre_commit", reason="pre-commit is not installed (pip install -e '.[test]')")
if shutil.which("git") is None:
    pytest.skip("git is not installed: pre-commit needs it", allow_module_level=True)
if not (REPO / ".git").exists():
    pytest.skip(f"{REPO} is not a git checkout: pre-commit installs hooks from git", allow_module_level=True)

BAD_SPEC = FIXTURES / "examples" / "petstore-jobs.yaml"
GOOD_SPEC = """openapi: 3.1.0
info: {title: Books, version: "1"}
paths:
  /v1/books/{book_id}:
    get:
      parameters: [{name: book_id, in: path, required: true, schema: {type: string}}]
      responses:
        "200":
          description: ok
          content:
            application/json:
              schema: {$ref: "schemas.yaml#/Book"}
"""
# Only a $ref target of GOOD_SPEC: no `openapi` key, so aiplint skips it (silently, with --quiet).
REF_TARGET = """Book:
  type: object
  properties:
    name: {type: string}
"""
UNRELATED = "name: x\n"
TIMEOUT = 900  # the first run builds the hook's virtualenv


class Sandbox:
    """A home for pre-commit and git that ignores the caller's git configuration and GIT_* variables."""

    def __init__(self, root: Path):
        self.root = root
        gitconfig = root / "gitconfig"
        gitconfig.write_text("[user]\n\tname = aiplint tests\n\temail = tests@aiplint.invalid\n")
        self.env = {k: v for k, v in os.environ.items() if not k.startswith(("GIT_", "PRE_COMMIT"))}
        self.env.update(
            PRE_COMMIT_HOME=str(root / "pre-commit-home"),
            GIT_CONFIG_GLOBAL=str(gitconfig),
            GIT_CONFIG_NOSYSTEM="1",
            NO_COLOR="1",
        )

    def run(self, *args: str, cwd: Path, check: bool = True) -> subprocess.CompletedProcess[str]:
        result = subprocess.run(
            args, cwd=cwd, env=self.env, capture_output=True, text=True, timeout=TIMEOUT, stdin=subprocess.DEVNULL
        )
        if check and result.returncode != 0:
            raise AssertionError(f"{args} exited {result.returncode}:\n{result.stdout}\n{result.stderr}")
        return result

    def git(self, *args: str, cwd: Path, check: bool = True) -> subprocess.CompletedProcess[str]:
        return self.run("git", *args, cwd=cwd, check=check)

    def pre_commit(self, *args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
        return self.run(sys.executable, "-m", "pre_commit", *args, cwd=cwd, check=False)

    def snapshot(self, source: Path, path: Path) -> str:
        """A clone of `source` at `path` with one more commit holding its tracked files' uncommitted changes
        (staged new files too), and nothing untracked: a virtual environment inside the checkout, whatever its
        name, is never copied.  Returns the commit."""
        self.git("clone", "--quiet", "--no-hardlinks", str(source), str(path), cwd=self.root)
        diff = subprocess.run(
            ["git", "diff", "HEAD", "--binary"], cwd=source, env=self.env, capture_output=True, check=True
        ).stdout
        if diff:
            subprocess.run(["git", "apply", "--whitespace=nowarn"], cwd=path, input=diff, check=True, env=self.env)
        self.git("add", "--all", cwd=path)
        self.git("commit", "--quiet", "--allow-empty", "--no-verify", "-m", "snapshot", cwd=path)
        return self.git("rev-parse", "HEAD", cwd=path).stdout.strip()

    def init_repo(self, path: Path, files: dict[str, str]) -> Path:
        path.mkdir()
        self.git("init", "--quiet", cwd=path)
        self.git("config", "user.name", "aiplint tests", cwd=path)
        self.git("config", "user.email", "tests@aiplint.invalid", cwd=path)
        self.git("config", "commit.gpgsign", "false", cwd=path)
        for name, text in files.items():
            (path / name).write_text(text)
        if files:
            self.git("add", "--", *files, cwd=path)
            self.git("commit", "--quiet", "--no-verify", "-m", "files", cwd=path)
        return path


@pytest.fixture(scope="module")
def sandbox(tmp_path_factory) -> Sandbox:
    return Sandbox(tmp_path_factory.mktemp("precommit"))


@pytest.fixture(scope="module")
def hook_repo(sandbox) -> tuple[Path, str]:
    """This repository's working tree as `pre-commit try-repo` makes it: (path, rev)."""
    snapshot = sandbox.root / "hook-repo"
    return snapshot, sandbox.snapshot(REPO, snapshot)


@pytest.fixture(scope="module")
def project(sandbox, hook_repo) -> Path:
    """A user's repository whose .pre-commit-config.yaml uses the hook as the README says (repo, rev, id)."""
    path, rev = hook_repo
    config = f"repos:\n-   repo: {path}\n    rev: {rev}\n    hooks:\n    -   id: aiplint\n"
    return sandbox.init_repo(
        sandbox.root / "project",
        {
            ".pre-commit-config.yaml": config,
            "petstore-jobs.yaml": BAD_SPEC.read_text(),
            "books.yaml": GOOD_SPEC,
            "schemas.yaml": REF_TARGET,
            "config.yaml": UNRELATED,
        },
    )


def run_hook(sandbox: Sandbox, project: Path, *files: str) -> subprocess.CompletedProcess[str]:
    return sandbox.pre_commit("run", "--verbose", "--color=never", "--files", *files, cwd=project)


def hook_output(result: subprocess.CompletedProcess[str]) -> str:
    """What the hook printed: pre-commit's verbose report less its status and `- hook id`/`- duration` lines."""
    lines = [line for line in result.stdout.splitlines() if not line.startswith(("[INFO]", "aiplint....", "- "))]
    return "\n".join(lines).strip()


def test_the_hook_snapshot_takes_tracked_files_only(sandbox):
    """A virtual environment not named `.venv` (so not ignored) beside the code, with its `lib64 -> lib` link,
    is neither copied nor in the way; tracked files come with their uncommitted and staged changes."""
    source = sandbox.init_repo(sandbox.root / "snapshot-source", {"kept.txt": "committed\n"})
    (source / "kept.txt").write_text("changed, not committed\n")
    (source / "staged.txt").write_text("new and staged\n")
    sandbox.git("add", "staged.txt", cwd=source)
    (source / ".v" / "lib").mkdir(parents=True)
    (source / ".v" / "lib64").symlink_to("lib", target_is_directory=True)
    (source / "untracked.txt").write_text("not part of the code\n")
    copy = sandbox.root / "snapshot-copy"
    rev = sandbox.snapshot(source, copy)
    files = sandbox.git("ls-tree", "-r", "--name-only", rev, cwd=copy).stdout.split()
    assert sorted(files) == ["kept.txt", "staged.txt"]
    assert (copy / "kept.txt").read_text() == "changed, not committed\n"
    assert not (copy / ".v").exists() and not (copy / "untracked.txt").exists()


def test_bad_spec_fails_with_located_findings(sandbox, project):
    result = run_hook(sandbox, project, "petstore-jobs.yaml")
    assert result.returncode == 1, result.stdout + result.stderr
    assert "aiplint...." in result.stdout and "Failed" in result.stdout
    assert "- exit code: 1" in result.stdout
    out = hook_output(result).splitlines()
    assert out[0].startswith("petstore-jobs.yaml:40:11: error rest/resource-id-in-query ")
    assert out[1] == "    suggestion: GET /v1/training/jobs/{job_id}/status"
    assert any(line.startswith("petstore-jobs.yaml:40:11: error rest/resource-id-in-query ") for line in out)
    assert not any(line.startswith("Found ") for line in out), "--quiet: no summary line"


def test_good_spec_and_its_ref_target_pass_silently(sandbox, project):
    result = run_hook(sandbox, project, "books.yaml", "schemas.yaml")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Passed" in result.stdout
    assert hook_output(result) == ""


def test_unrelated_yaml_produces_no_output_and_passes(sandbox, project):
    result = run_hook(sandbox, project, "config.yaml")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Passed" in result.stdout
    assert hook_output(result) == ""
    assert "not an OpenAPI document" not in result.stdout + result.stderr


def test_one_invocation_mixes_all_files(sandbox, project):
    """pre-commit hands the hook many files at once: only the bad spec's findings are printed."""
    result = run_hook(sandbox, project, "config.yaml", "books.yaml", "schemas.yaml", "petstore-jobs.yaml")
    assert result.returncode == 1
    findings = [line for line in hook_output(result).splitlines() if not line.startswith("    ")]
    assert [line.split(": ")[0] for line in findings] == ["petstore-jobs.yaml:40:11", "petstore-jobs.yaml:44:5"]


def test_files_of_other_types_are_not_passed_to_the_hook(sandbox, project):
    (project / "notes.txt").write_text("openapi: 3.1.0\n")
    result = run_hook(sandbox, project, "notes.txt")
    assert result.returncode == 0
    assert "(no files to check)Skipped" in result.stdout


def test_installed_hook_blocks_a_commit_of_a_bad_spec(sandbox, hook_repo):
    """`pre-commit install`, then `git commit`: the bad spec is refused, the good one goes in."""
    path, rev = hook_repo
    config = f"repos:\n-   repo: {path}\n    rev: {rev}\n    hooks:\n    -   id: aiplint\n"
    repo = sandbox.init_repo(sandbox.root / "committer", {".pre-commit-config.yaml": config})
    installed = sandbox.pre_commit("install", cwd=repo)
    assert installed.returncode == 0, installed.stdout + installed.stderr

    (repo / "openapi.yaml").write_text(BAD_SPEC.read_text())
    sandbox.git("add", "openapi.yaml", cwd=repo)
    refused = sandbox.git("commit", "-m", "bad spec", cwd=repo, check=False)
    assert refused.returncode == 1
    assert "openapi.yaml:40:11: error rest/resource-id-in-query " in refused.stdout + refused.stderr

    (repo / "openapi.yaml").write_text(GOOD_SPEC.replace('{$ref: "schemas.yaml#/Book"}', "{type: object}"))
    (repo / "deploy.yaml").write_text(UNRELATED)
    sandbox.git("add", "openapi.yaml", "deploy.yaml", cwd=repo)
    accepted = sandbox.git("commit", "-m", "good spec", cwd=repo, check=False)
    assert accepted.returncode == 0, accepted.stdout + accepted.stderr
    assert "aiplint" in accepted.stdout + accepted.stderr and "Passed" in accepted.stdout + accepted.stderr


def test_try_repo_runs_the_working_tree(sandbox, tmp_path):
    """`pre-commit try-repo <this repo> aiplint`, the way to try the hook before a release."""
    repo = sandbox.init_repo(tmp_path / "try", {"petstore-jobs.yaml": BAD_SPEC.read_text(), "config.yaml": UNRELATED})
    result = sandbox.pre_commit(
        "try-repo", str(REPO), "aiplint", "--color=never", "--files", "petstore-jobs.yaml", "config.yaml", cwd=repo
    )
    assert result.returncode == 1, result.stdout + result.stderr
    assert "petstore-jobs.yaml:40:11: error rest/resource-id-in-query " in result.stdout
    assert "config.yaml" not in result.stdout + result.stderr


# --------------------------------------------------------------------------------------------------
# A repository as they come: a split spec beside a Kubernetes manifest, a Helm chart, JSON with comments and
# MkDocs' configuration, none of which is OpenAPI and most of which do not parse as plain YAML or JSON.

SPLIT_ROOT = """openapi: 3.1.0
info: {title: Jobs, version: "1"}
paths:
  /v1/jobs:
    $ref: paths/jobs.yaml
  /v1/jobs/{job_id}:
    $ref: paths/job.yaml
"""
JOBS = """get:
  operationId: listJobs
  responses:
    "200": {description: The jobs}
"""
JOB = """get:
  operationId: getJob
  parameters:
    - {name: job_id, in: path, required: true, schema: {type: string}}
  responses:
    "200": {description: A job}
"""
NEIGHBOURS = {
    "deploy/k8s.yaml": "apiVersion: v1\nkind: Service\nmetadata: {name: api}\n---\napiVersion: v1\nkind: ConfigMap\n"
                       "metadata: {name: api}\n",
    "chart/templates/deployment.yaml": 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: {{ include "api.name" . }}'
                                       '\n  labels:\n    {{- include "api.labels" . | nindent 4 }}\n',
    "chart/values.yaml": "",
    "tsconfig.json": '{\n  // the compiler\n  "compilerOptions": {"strict": true,},\n}\n',
    "mkdocs.yml": "site_name: Jobs\nmarkdown_extensions:\n  - pymdownx.emoji:\n"
                  "      emoji_index: !!python/name:material.extensions.emoji.twemoji\n",
}


def repo_with_hook(sandbox: Sandbox, hook_repo: tuple[Path, str], folder: Path, hook_id: str,
                   files: dict[str, str]) -> Path:
    """A repository at `folder` holding `files` and using the hook `hook_id`, everything committed, pre-commit
    installed."""
    path, rev = hook_repo
    config = f"repos:\n-   repo: {path}\n    rev: {rev}\n    hooks:\n    -   id: {hook_id}\n"
    repo = sandbox.init_repo(folder, {})
    for name, text in {".pre-commit-config.yaml": config, **files}.items():
        (repo / name).parent.mkdir(parents=True, exist_ok=True)
        (repo / name).write_text(text)
    sandbox.git("add", "--all", cwd=repo)
    sandbox.git("commit", "--quiet", "--no-verify", "-m", "a repository", cwd=repo)
    installed = sandbox.pre_commit("install", cwd=repo)
    assert installed.returncode == 0, installed.stdout + installed.stderr
    return repo


@pytest.fixture(scope="module")
def real_repo(sandbox, hook_repo) -> Path:
    """The repository above with the hook installed, everything committed."""
    return repo_with_hook(sandbox, hook_repo, sandbox.root / "real", "aiplint",
                          {"api/openapi.yaml": SPLIT_ROOT, "api/paths/jobs.yaml": JOBS, "api/paths/job.yaml": JOB,
                           **NEIGHBOURS})


def commit(sandbox: Sandbox, repo: Path, changes: dict[str, str], message: str) -> subprocess.CompletedProcess[str]:
    for name, text in changes.items():
        (repo / name).write_text(text)
    sandbox.git("add", "--", *changes, cwd=repo)
    result = sandbox.git("commit", "-m", message, cwd=repo, check=False)
    if result.returncode != 0:
        sandbox.git("reset", "--quiet", "--hard", "HEAD", cwd=repo)
    return result


def test_files_that_are_not_openapi_never_block_a_commit(sandbox, real_repo):
    """A changed manifest, Helm template, JSON with comments and MkDocs file, none of which parses as plain YAML
    or JSON: pre-commit hands them all to the hook, which passes without a word."""
    changes = {name: text + ("# changed\n" if not name.endswith(".json") else "\n") for name, text in NEIGHBOURS.items()}
    result = commit(sandbox, real_repo, changes, "neighbours")
    output = result.stdout + result.stderr
    assert result.returncode == 0, output
    assert "aiplint....." in output and "Passed" in output and "error" not in output


def test_a_change_to_a_fragment_lints_the_spec_that_refs_it(sandbox, real_repo):
    """Only api/paths/job.yaml changes: api/openapi.yaml, which $refs it, is linted, and the findings are reported
    at the fragment's lines."""
    result = commit(sandbox, real_repo, {"api/paths/job.yaml": JOB.replace("name: job_id", "name: id")}, "renamed")
    output = result.stdout + result.stderr
    assert result.returncode == 1, output
    assert "api/paths/job.yaml:4:7: error oas/path-params-match path parameter `id` does not appear" in output
    result = commit(sandbox, real_repo, {"api/paths/job.yaml": JOB.replace("A job", "The job")}, "a description")
    assert result.returncode == 0, result.stdout + result.stderr


def test_a_spec_that_does_not_parse_still_blocks_the_commit(sandbox, real_repo):
    result = commit(sandbox, real_repo, {"api/openapi.yaml": SPLIT_ROOT + "  /v1/x: [unclosed\n"}, "broken")
    assert result.returncode == 1
    assert "error: api/openapi.yaml:8:10: invalid YAML: unclosed bracket '['" in result.stdout + result.stderr


# --------------------------------------------------------------------------------------------------
# The second hook, aiplint-breaking: a commit compared with HEAD, deletions included.

BOOKS = """openapi: 3.1.0
info: {title: Books, version: "1"}
paths:
  /v1/books:
    $ref: paths/books.yaml
  /v1/books/{book_id}:
    get:
      operationId: getBook
      parameters: [{name: book_id, in: path, required: true, schema: {type: string}}]
      responses: {"200": {description: A book}}
"""
BOOKS_PATH = """get:
  operationId: listBooks
  responses: {"200": {description: The books}}
"""
AUTHORS = """  /v1/authors:
    get:
      operationId: listAuthors
      responses: {"200": {description: The authors}}
"""


@pytest.fixture
def breaking_repo(sandbox, hook_repo, tmp_path) -> Path:
    """A repository with a split spec and the aiplint-breaking hook installed, everything committed."""
    return repo_with_hook(sandbox, hook_repo, tmp_path / "breaking", "aiplint-breaking",
                          {"api/openapi.yaml": BOOKS, "api/paths/books.yaml": BOOKS_PATH, "deploy.yaml": UNRELATED})


def test_breaking_hook_fails_a_commit_that_removes_an_operation(sandbox, breaking_repo):
    removed = BOOKS.split("  /v1/books/{book_id}:")[0]
    result = commit(sandbox, breaking_repo, {"api/openapi.yaml": removed}, "no more getBook")
    output = result.stdout + result.stderr
    assert result.returncode == 1, output
    assert "aiplint (breaking changes since HEAD)" in output and "Failed" in output
    assert ("api/openapi.yaml:7:5: error breaking/operation-removed GET /v1/books/{book_id}: operation removed "
            "without being deprecated first") in output


def test_breaking_hook_fails_a_commit_that_changes_a_fragment_only(sandbox, breaking_repo):
    """Only the $ref'd fragment changes (pre-commit would name no spec): the spec that reaches it is compared."""
    result = commit(sandbox, breaking_repo, {"api/paths/books.yaml": "{}\n"}, "no more listBooks")
    assert result.returncode == 1, result.stdout + result.stderr
    assert "error breaking/operation-removed GET /v1/books: operation removed" in result.stdout + result.stderr


def test_breaking_hook_passes_a_commit_that_adds_an_operation(sandbox, breaking_repo):
    added = BOOKS.replace("paths:\n", "paths:\n" + AUTHORS)
    result = commit(sandbox, breaking_repo, {"api/openapi.yaml": added}, "authors")
    output = result.stdout + result.stderr
    assert result.returncode == 0, output
    assert "Passed" in output and "breaking/" not in output
    assert "api/openapi.yaml" in sandbox.git("show", "--name-only", "HEAD", cwd=breaking_repo).stdout


def test_breaking_hook_fails_a_commit_that_deletes_the_spec(sandbox, breaking_repo):
    """pre-commit names no deleted file: the hook runs all the same, and the spec's operations are removed."""
    sandbox.git("rm", "--quiet", "api/openapi.yaml", cwd=breaking_repo)
    result = sandbox.git("commit", "-m", "no more API", cwd=breaking_repo, check=False)
    output = result.stdout + result.stderr
    assert result.returncode == 1, output
    removed = [line for line in output.splitlines() if "breaking/operation-removed" in line]
    # at HEAD's files, which the working tree no longer has
    assert [line.split(" ")[0] for line in removed] == ["HEAD:api/paths/books.yaml:1:1:", "HEAD:api/openapi.yaml:7:5:"]
    assert sandbox.git("ls-files", "api/openapi.yaml", cwd=breaking_repo).stdout == ""  # the deletion stays staged
    assert "no more API" not in sandbox.git("log", "--format=%s", cwd=breaking_repo).stdout


def test_breaking_hook_passes_a_commit_touching_no_spec_quickly(sandbox, breaking_repo):
    import time

    warm_up = commit(sandbox, breaking_repo, {"README": "the API\n"}, "readme")  # builds the hook's environment
    assert warm_up.returncode == 0, warm_up.stdout + warm_up.stderr
    started = time.monotonic()
    result = commit(sandbox, breaking_repo, {"deploy.yaml": UNRELATED + "b: 2\n", "README": "docs\n"}, "docs")
    elapsed = time.monotonic() - started
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Passed" in result.stdout + result.stderr
    assert elapsed < 5, f"{elapsed:.1f} s"  # git, pre-commit and one aiplint start-up: 0.4 s measured here
