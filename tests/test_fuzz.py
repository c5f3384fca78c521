"""Property-based (issue 7): real and generated specs, mutated at random as text and as data, never make aiplint
crash, print a traceback, exit with anything but 0/1/2, print an error over several lines, or run long.

The budget is fixed (`derandomize`: the same examples every run, so a failure reproduces) and small enough to
keep the suite fast; `HYPOTHESIS_PROFILE=long` explores more.
"""

from __future__ import annotations

import json
import os
import tempfile
import time
from functools import lru_cache
from pathlib import Path
from typing import Any

import hostile_inputs as generate
import pytest
import yaml
from click.testing import CliRunner
from conftest import FIXTURES, llama_stack
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import aiplint
from aiplint.cli import cli
from aiplint.config import ConfigError
from aiplint.read.loading import InputError

settings.register_profile("suite", max_examples=100, deadline=None, derandomize=True, database=None,
                          suppress_health_check=list(HealthCheck))
settings.register_profile("long", max_examples=2000, deadline=None, suppress_health_check=list(HealthCheck))
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "suite"))

BOUND = 10.0  # seconds: "does not hang", not a speed figure
SEEDS = [p.read_text() for p in [FIXTURES / "examples" / "petstore-jobs.yaml",
                                 *sorted((FIXTURES / "rules").glob("*/*/bad.yaml"))]] + [
    generate.self_referencing_all_of(3), generate.long_path(50), generate.many_paths(3), generate.bad_parameters(5),
    generate.alias_bomb(10, 3), generate.anchored_nesting(5, 3)]

# Pieces an attacker would write: YAML syntax, references out of the project, control characters, numbers.
FRAGMENTS = st.sampled_from([
    "&a ", "*a", "<<: *a", "? ", ": ", "- ", "[", "]", "{", "}", "'", '"', "\n", "\t", "\r", "\x1b[31m", "\x00", "#",
    "$ref: '../../../etc/passwd'", "$ref: '/dev/zero'", "$ref: '#/x'", "$ref: '//h/x.yaml'", "%2e%2e/", "1:",
    "true:", "~:", "openapi: 4.0.0", "swagger: '1.2'", "allOf: 5", "servers: [{url: 'http://[::1'}]", "\ufeff",
    "\u2028", "::error file=x::y\n", "9" * 40, "-", "!!binary", "!!python/object:os.system", "---\n", "...\n",
])
SCALARS = st.one_of(st.none(), st.booleans(), st.integers(), st.floats(allow_nan=True), st.text(max_size=20),
                    FRAGMENTS)
VALUES = st.recursive(SCALARS, lambda inner: st.one_of(
    st.lists(inner, max_size=4), st.dictionaries(st.one_of(st.text(max_size=8), FRAGMENTS), inner, max_size=4)),
    max_leaves=12)
KEYS = st.sampled_from(["$ref", "allOf", "oneOf", "properties", "parameters", "paths", "servers", "required",
                        "schema", "in", "name", "x-aiplint-ignore", "openapi", "swagger", "requestBody", "get"])


def lint_text(text: str, suffix: str, baseline: str | None = None) -> None:
    """Lint one document (with the baseline file `baseline` holds) from a fresh folder and check the properties."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder, "api" + suffix)
        path.write_text(text, encoding="utf-8", errors="surrogatepass")
        options = []
        if baseline is not None:
            Path(folder, "baseline.json").write_text(baseline, encoding="utf-8", errors="surrogatepass")
            options = ["--baseline", str(Path(folder, "baseline.json"))]
        start = time.perf_counter()
        result = CliRunner().invoke(cli, ["check", "--isolated", "--no-cache", *options, "--format", "json",
                                          "--format", f"sarif={Path(folder, 'r.sarif')}", str(path)])
        assert time.perf_counter() - start < BOUND
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    assert result.exit_code in (0, 1, 2)
    assert all(line.startswith(("error: ", "note: ")) for line in result.stderr.splitlines()), result.stderr
    report = json.loads(result.stdout)  # every report is written, also when the file failed
    assert (result.exit_code == 2) == bool(report["errors"])


@given(seed=st.sampled_from(SEEDS), edits=st.lists(st.tuples(st.floats(0, 1), st.integers(0, 8), FRAGMENTS),
                                                   min_size=1, max_size=6))
def test_text_mutations(seed, edits):
    text = seed
    for where, cut, fragment in edits:
        at = int(where * len(text))
        text = text[:at] + fragment + text[at + cut:]
    lint_text(text, ".yaml")


def nodes(data, limit: int = 400) -> list:
    """Containers of a document, breadth first."""
    found, queue = [], [data]
    while queue and len(found) < limit:
        node = queue.pop(0)
        if isinstance(node, (dict, list)):
            found.append(node)
            queue += list(node.values()) if isinstance(node, dict) else node
    return found


def mutate(data: Any, picks: list[tuple[float, str, Any]]) -> None:
    """Set each picked key (in a mapping) or item (in a list) of the node at each picked place to its value."""
    for where, key, value in picks:
        targets = nodes(data)
        node = targets[int(where * (len(targets) - 1))]
        if isinstance(node, dict):
            node[key] = value
        elif node:
            node[int(where * (len(node) - 1))] = value


@given(seed=st.sampled_from(SEEDS), picks=st.lists(st.tuples(st.floats(0, 1), KEYS, VALUES), min_size=1, max_size=5),
       as_json=st.booleans())
def test_data_mutations(seed, picks, as_json):
    data = yaml.safe_load(seed)
    mutate(data, picks)
    text = json.dumps(data, default=str) if as_json else yaml.safe_dump(data, allow_unicode=True)
    lint_text(text, ".json" if as_json else ".yaml")


@given(source=st.one_of(FRAGMENTS, st.text(max_size=30), st.binary(max_size=30), VALUES))
def test_the_python_api_raises_only_documented_exceptions(source):
    try:
        aiplint.lint(source)
    except (InputError, ConfigError, aiplint.LintError) as exc:
        assert "\n" not in str(exc)


@given(config=st.dictionaries(st.sampled_from(["profile", "select", "ignore", "fail-on", "rules", "overrides",
                                               "inline-ignores", "words", "baseline", "ref-root", "plugins"]),
                              VALUES, max_size=3))
@pytest.mark.filterwarnings("ignore:configuration. plugins not loaded")  # the note a `plugins` key is meant to give
def test_a_configuration_mapping_raises_only_config_errors(config):
    try:
        aiplint.lint(SEEDS[0], config=config)
    except ConfigError as exc:
        assert "\n" not in str(exc)


@settings(max_examples=6)
@given(edits=st.lists(st.tuples(st.floats(0, 1), st.integers(0, 8), FRAGMENTS), min_size=1, max_size=4))
def test_mutations_of_a_large_real_spec(edits):
    text = llama_stack("before").read_text()
    for where, cut, fragment in edits:
        at = int(where * len(text))
        text = text[:at] + fragment + text[at + cut:]
    lint_text(text, ".yaml")


# Baselines (issue 16): the baseline of the first seed, mutated as text and as data, beside that spec.
BASELINE_FRAGMENTS = st.one_of(FRAGMENTS, st.sampled_from([
    "[" * 2000, "{" * 2000, '{"a": ' * 2000, "null", "[]", "{}", '"files"', '"version"', "1e999", "-0", ",", ":",
    '"\\ud800"', "\\", "\xff"]))
BASELINE_KEYS = st.sampled_from(["version", "files", "api", "fingerprint", "rule", "method", "path", "message"])


@lru_cache(maxsize=None)
def baseline_seed() -> str:
    """The baseline `--write-baseline` would write for SEEDS[0] as `api.yaml` beside it."""
    from aiplint.linting.baseline import Baseline

    with tempfile.TemporaryDirectory() as folder:
        Path(folder, "api.yaml").write_text(SEEDS[0])
        baseline = Baseline(str(Path(folder, "baseline.json")))
        baseline.record(str(Path(folder, "api.yaml")), aiplint.lint(str(Path(folder, "api.yaml")), config={}))
        return baseline.dump()


@settings(max_examples=50)
@given(edits=st.lists(st.tuples(st.floats(0, 1), st.integers(0, 8), BASELINE_FRAGMENTS), min_size=1, max_size=6))
def test_baseline_text_mutations(edits):
    text = baseline_seed()
    for where, cut, fragment in edits:
        at = int(where * len(text))
        text = text[:at] + fragment + text[at + cut:]
    lint_text(SEEDS[0], ".yaml", baseline=text)


@settings(max_examples=50)
@given(picks=st.lists(st.tuples(st.floats(0, 1), BASELINE_KEYS, VALUES), min_size=1, max_size=5))
def test_baseline_data_mutations(picks):
    data = json.loads(baseline_seed())
    mutate(data, picks)
    lint_text(SEEDS[0], ".yaml", baseline=json.dumps(data, default=str))


# Issue 16: patterns in `.gitignore`, `exclude`, `--extend-exclude` and `[stability]`, as an attacker would write
# them (odd lines git accepts, runs of `**/` that make a backtracking matcher explode, bytes a parser chokes on).
GLOB_PIECES = st.sampled_from(["*", "**", "**/", "/**", "/", "?", "[", "]", "[!", "[^", "-", "[:alpha:]", "[:x",
                               "\\", "!", "#", " ", "\r", "\t", "a", "api", ".yaml", "{id}", "é", "\x00", "\ufeff"])
GLOBS = st.lists(GLOB_PIECES, max_size=10).map("".join)
REMOVED = "openapi: 3.0.3\ninfo: {title: t, version: '1'}\npaths: {}\n"


def toml_strings(values: list[str]) -> str:
    return "[" + ", ".join(json.dumps(value) for value in values) + "]"  # JSON's escapes are TOML's


@settings(max_examples=25)  # two runs each
@given(gitignore=st.lists(GLOBS, max_size=6), exclude=st.lists(GLOBS, max_size=3),
       extend=st.lists(GLOBS.filter(lambda glob: "\x00" not in glob), max_size=2),
       stability=st.lists(st.tuples(GLOBS, st.sampled_from(["alpha", "beta", "stable", "gamma"])), max_size=3))
def test_pattern_mutations_in_gitignore_and_configuration(gitignore, exclude, extend, stability):
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        (root / ".git").mkdir()  # a repository, so that .gitignore is read
        (root / ".gitignore").write_text("\n".join(gitignore), encoding="utf-8", errors="surrogatepass")
        for name in ("api.yaml", "a/b/api.yaml", "a/[x].yaml", "**/api.yaml"):
            (root / name).parent.mkdir(parents=True, exist_ok=True)
            (root / name).write_text(SEEDS[0], encoding="utf-8")
        (root / "removed.yaml").write_text(REMOVED, encoding="utf-8")
        table = "".join(f"{json.dumps('/' + glob)} = {json.dumps(level)}\n" for glob, level in stability)
        (root / ".aiplint.toml").write_text(f"exclude = {toml_strings(exclude)}\n[stability]\n{table}",
                                            encoding="utf-8")
        cwd = os.getcwd()
        os.chdir(folder)
        try:
            for args in (["check", ".", *[f"--extend-exclude={glob}" for glob in extend]],
                         ["diff", "api.yaml", "removed.yaml"]):
                start = time.perf_counter()
                result = CliRunner().invoke(cli, [*args, "--format", "json", "--format", "sarif=r.sarif"])
                assert time.perf_counter() - start < BOUND
                assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
                assert result.exit_code in (0, 1, 2)
                assert all(line.startswith(("error: ", "note: ")) for line in result.stderr.splitlines()), result.stderr
                if result.stdout or result.exit_code != 2:  # every report is written
                    json.loads(result.stdout)
                    json.loads(Path(folder, "r.sarif").read_text())
                else:  # but for a usage error (`exclude = [""]`), one line
                    assert len(result.stderr.splitlines()) == 1
        finally:
            os.chdir(cwd)
