"""Issue 16, section 2: globs matched in linear time, with git's own semantics for `.gitignore` (checked against
`git ls-files` on generated trees) and the configuration's API path globs unchanged."""

from __future__ import annotations

import json
import os
import re
import subprocess
import time

import hostile_inputs as generate
import pytest
from click.testing import CliRunner
from hypothesis import given
from hypothesis import strategies as st

from aiplint.cli import cli
from aiplint.config import glob_match
from aiplint.read.discovery import spec_files
from aiplint.read.globs import gitignore_pattern

BOUND = 5.0  # seconds: "does not hang"; the figures are in benchmarks/
NAMES = ["a.yaml", "b.yaml", "ab.yaml", "z.yaml", "x.json", "[x].yaml", "é.yaml", "!.yaml", "#.yaml", "a b.yaml",
         "-.yaml", "].yaml", "a\\.yaml", "a/a.yaml", "a/b.json", "a/a/a.yaml", "a/a/c.yml", "a/b/a.yaml",
         "b/a/x.yaml", "b/ab/a.yaml", "x/y/z/a.yaml", "x/y.yaml", "y/x.yaml", "ab/a.yaml"]
PATTERNS = [
    # anchoring, trailing `/`, `*`, `?`
    ["*.json"], ["a.yaml"], ["/a.yaml"], ["a/"], ["/a/"], ["a/a/"], ["a/*"], ["*/a.yaml"], ["a/*/a.yaml"],
    ["?.yaml"], ["??.yaml"], ["?"], ["x/y"], ["y/"], ["/x/y/"], ["x/y/"], ["a b.yaml"], ["a\\ b.yaml"],
    # `**` at the start, in the middle, at the end, and where it is a plain `*`
    ["**/a.yaml"], ["**/a/"], ["a/**"], ["a/**/a.yaml"], ["**/a/**/x.yaml"], ["**"], ["***"], ["a**/a.yaml"],
    ["**a.yaml"], ["a/**b"], ["a/**/"], ["**/a/**/a/**/a.yaml"], ["b/**/a.yaml"],
    # `[...]`: sets, negation, ranges (reversed too), classes, `]` first, escapes
    ["[ab].yaml"], ["[!a].yaml"], ["[^a].yaml"], ["[a-c].yaml"], ["[z-a].yaml"], ["[[:alpha:]].yaml"],
    ["[[:digit:][:punct:]]*"], ["[]].yaml"], ["[\\]]*"], ["\\[x\\].yaml"], ["[[:alpha:].yaml"], ["[a-].yaml"],
    # lines git accepts that can match nothing, or match literally
    ["!"], ["\\"], ["a.yaml\\"], ["[a"], ["[[:foo:]].yaml"], ["\\!.yaml"], ["\\#.yaml"], ["#.yaml"], ["z.yaml   "],
    ["z.yaml\\ "], ["é.yaml"], ["a\\\\.yaml"], ["a/[/]a.yaml"],
    # negation
    ["*.yaml", "!a.yaml"], ["a/", "!a/a.yaml"], ["*", "!*/", "!a.yaml"], ["**/a/", "!a/"], ["*.yaml", "!a/**"],
    ["a/**", "!a/a/"], ["!a.yaml", "a.yaml"],
]


def git_tree(folder, gitignore: list[str], nested: tuple[str, list[str]] | None = None) -> None:
    subprocess.run(["git", "init", "-q", str(folder)], check=True)
    for name in NAMES:
        path = folder / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("openapi: 3.0.3\n")
    (folder / ".gitignore").write_text("".join(line + "\n" for line in gitignore))
    if nested:
        (folder / nested[0] / ".gitignore").write_text("".join(line + "\n" for line in nested[1]))


def git_finds(folder) -> set[str]:
    listed = subprocess.run(["git", "ls-files", "-z", "--others", "--exclude-standard"], cwd=folder, check=True,
                            capture_output=True).stdout.decode().split("\0")
    return {path for path in listed if path.endswith((".yaml", ".yml", ".json"))}


def aiplint_finds(folder) -> set[str]:
    return {os.path.relpath(path, folder).replace(os.sep, "/") for path in spec_files(str(folder))}


@pytest.mark.parametrize("lines", PATTERNS, ids=" | ".join)
def test_a_walk_leaves_out_what_git_leaves_out(tmp_path, lines):
    git_tree(tmp_path, lines)
    assert aiplint_finds(tmp_path) == git_finds(tmp_path)


@pytest.mark.parametrize("nested", [["a.yaml"], ["/a.yaml"], ["*/a.yaml"], ["a/"], ["/b/"], ["**/a.yaml"],
                                    ["!a.yaml"], ["!/a/a.yaml"]], ids=" | ".join)
def test_a_nested_gitignore_is_relative_to_its_folder(tmp_path, nested):
    git_tree(tmp_path, ["b.json", "a/a/a.yaml"], ("a", nested))
    assert aiplint_finds(tmp_path) == git_finds(tmp_path)


def test_a_gitignore_with_carriage_returns_and_a_bom_is_read_as_git_reads_it(tmp_path):
    git_tree(tmp_path, [])
    (tmp_path / ".gitignore").write_bytes(b"\xef\xbb\xbfz.yaml\r\n*.json\r\na/\x0bb.yaml\n")
    assert aiplint_finds(tmp_path) == git_finds(tmp_path)
    assert "z.yaml" not in aiplint_finds(tmp_path)


def test_repeated_folder_globs_in_a_gitignore_take_linear_time(tmp_path):
    """`a/` and `**/a/` x 10 over 40 nested folders: the backtracking matcher took more than a minute."""
    generate.nested_gitignore_tree(str(tmp_path), depth=40, repeats=10)
    start = time.perf_counter()
    found = aiplint_finds(tmp_path)
    assert time.perf_counter() - start < BOUND
    assert found == git_finds(tmp_path)


def old_path_glob(pattern: str) -> re.Pattern[str]:
    """The API path glob as a regular expression, as it was before issue 16 (the reference for its meaning)."""
    tail = ""
    if pattern.endswith("/**"):
        pattern, tail = pattern[:-3], "(?:/.*)?"
    pieces = {"**/": "(?:.*/)?", "**": ".*", "*": "[^/]*", "?": "[^/]"}
    out = "".join(pieces.get(part, re.escape(part)) for part in re.split(r"(\*\*/?|\*|\?)", pattern) if part)
    return re.compile(out + tail + r"\Z")


GLOB_PARTS = st.sampled_from(["/", "a", "b", "*", "?", "**", "**/", "/**", ".", "[", "{id}"])
PATH_PARTS = st.sampled_from(["/", "a", "b", ".", "[", "*", "{id}"])


@given(pattern=st.lists(GLOB_PARTS, max_size=8).map("".join), paths=st.lists(
    st.lists(PATH_PARTS, max_size=10).map("".join), min_size=1, max_size=8))
def test_api_path_globs_keep_their_meaning(pattern, paths):
    for path in paths:
        assert glob_match(pattern, path) == bool(old_path_glob(pattern).match(path)), (pattern, path)


def test_repeated_folder_globs_in_an_api_path_glob_take_linear_time():
    pattern = "/a" + "/**/a" * 12 + "/b"
    start = time.perf_counter()
    assert not glob_match(pattern, "/a" * 200 + "/c")
    assert glob_match(pattern, "/a" * 200 + "/b")
    assert time.perf_counter() - start < BOUND


def test_an_unusable_gitignore_line_matches_nothing():
    for line in ["!", "\\", "x\\", "[x", "[[:nope:]]", "[]"]:
        pattern = gitignore_pattern(line)
        assert pattern is not None and not any(pattern.matches(path, True) for path in ["x", "[x", "]", "!", "\\"])


ODD_LINES = ["!", "\\", "[z-a].yaml", "x.yaml\\", "[x", "[[:nope:]]"]  # git accepts each; only `[z-a]` matches (`z`)


@pytest.mark.parametrize("where", [".gitignore", "exclude", "--extend-exclude"])
def test_pattern_lines_git_accepts_are_no_error_wherever_they_are(tmp_path, monkeypatch, where):
    """Issue 16, section 4: each of these lines ended in a traceback, exit 1 and no report."""
    subprocess.run(["git", "init", "-q", str(tmp_path)], check=True)
    for name in ("a.yaml", "z.yaml"):
        (tmp_path / name).write_text("openapi: 3.0.3\ninfo: {title: t, version: '1'}\npaths: {}\n")
    options = []
    if where == ".gitignore":
        (tmp_path / ".gitignore").write_text("".join(line + "\n" for line in ODD_LINES))
        assert git_finds(tmp_path) == {"a.yaml"}
    elif where == "exclude":
        (tmp_path / ".aiplint.toml").write_text("exclude = [" + ", ".join(f"'{line}'" for line in ODD_LINES) + "]\n")
    else:
        options = [f"--extend-exclude={line}" for line in ODD_LINES]
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(cli, ["check", ".", "--format", "json", "--format", "sarif=r.sarif", *options])
    assert result.exception is None and result.exit_code == 0, result.output
    assert json.loads(result.stdout)["summary"]["files"] == 1 and json.loads((tmp_path / "r.sarif").read_text())
