"""Issue 7, sections 5 and 6: nothing lost on disk (baselines, report files), and output that cannot be used to
inject: control characters escaped, and a file that failed to load reported by every format."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from concurrent.futures import ThreadPoolExecutor

import pytest
from click.testing import CliRunner
from test_diff import needs_git, repo  # noqa: F401 (the fixture of a repository with a $ref)
from test_formats import assert_valid_sarif, source_frame

from aiplint.cli import cli
from aiplint.read.escaping import markdown_code

SPEC = """openapi: 3.0.3
info: {{title: t, version: '1'}}
paths:
  /v1/{name}/{{id}}:
    get:
      parameters: [{{name: id, in: path, required: true, schema: {{type: string}}}}]
      responses: {{'200': {{description: ok}}}}
"""


def spec(folder, file: str, collection: str = "job") -> str:
    path = folder / file
    path.write_text(SPEC.format(name=collection))
    return str(path)


def run(*args: str):
    return CliRunner().invoke(cli, list(args))


# --------------------------------------------------------------------------------------------------
# 5. Nothing lost on disk


def test_a_malformed_baseline_entry_is_named_and_the_file_left_intact(tmp_path):
    api = spec(tmp_path, "api.yaml")
    baseline = tmp_path / "baseline.json"
    for entries, problem in (
        ([{"rule": "x", "method": None, "path": None, "message": "m"}], "`fingerprint` must be a string"),
        ([{"fingerprint": 5, "rule": "x", "method": None, "path": None, "message": "m"}],
         "`fingerprint` must be a string"),
        ([{"fingerprint": "f", "rule": "x", "method": 1, "path": None, "message": "m"}],
         "`method` must be a string or null"),
        (["not an entry"], "must be an object"),
        ({"not": "a list"}, "must be a list of entries"),
    ):
        text = json.dumps({"version": 1, "files": {"api": entries}})
        baseline.write_text(text)
        for option in ("--baseline", "--write-baseline"):
            result = run("check", "--isolated", api, option, str(baseline))
            assert result.exit_code == 2
            assert result.stderr.splitlines()[-1].startswith(f"error: {baseline}:1:1: files.\"api\"")
            assert problem in result.stderr and baseline.read_text() == text


def test_write_baseline_replaces_the_file_atomically_keeping_its_mode(tmp_path):
    api = spec(tmp_path, "api.yaml")
    baseline = tmp_path / "baseline.json"
    baseline.write_text(json.dumps({"version": 1, "files": {}}))
    os.chmod(baseline, 0o640)
    inode = os.stat(baseline).st_ino
    assert run("check", "--isolated", api, "--write-baseline", str(baseline)).exit_code == 0
    assert os.stat(baseline).st_mode & 0o777 == 0o640 and os.stat(baseline).st_ino != inode  # renamed over
    assert sorted(os.listdir(tmp_path)) == ["api.yaml", "baseline.json"]  # no temporary file left
    assert list(json.loads(baseline.read_text())["files"]) == ["api"]


def test_concurrent_writers_keep_every_spec_and_readers_never_fail(tmp_path):
    specs = [spec(tmp_path, f"api{i}.yaml") for i in range(8)]
    baseline = str(tmp_path / "baseline.json")

    def aiplint(job: tuple[str, str]):
        option, file = job
        return subprocess.run([sys.executable, "-m", "aiplint", "check", "--isolated", "-q", file, option, baseline],
                              capture_output=True, text=True)

    aiplint(("--write-baseline", specs[0]))  # the readers need a baseline to read
    jobs = [(option, file) for file in specs for option in ("--write-baseline", "--baseline")]
    with ThreadPoolExecutor(8) as pool:
        results = list(pool.map(aiplint, jobs))
    problems = [r.stderr for r in results if r.returncode not in (0, 1) or not all(
        line.startswith("Wrote ") for line in r.stderr.splitlines())]
    assert problems == []  # readers find new findings (exit 1) until their spec is written, and never fail
    assert sorted(json.loads(open(baseline).read())["files"]) == sorted(f"api{i}" for i in range(8))


def test_a_report_never_overwrites_an_input_or_another_report(tmp_path):
    (tmp_path / "common.yaml").write_text("p: {name: limit, in: query, schema: {type: integer}}\n")
    api = tmp_path / "api.yaml"
    api.write_text(SPEC.format(name="job").replace("[{name: id", "[{$ref: 'common.yaml#/p'}, {name: id"))
    before = api.read_text()
    cases = [
        (["-o", str(api)], "is a file this run lints"),
        (["--format", f"json={tmp_path / 'common.yaml'}"], "is a file this run lints"),
        (["--write-baseline", str(api)], "is a file this run lints"),
        (["--format", f"json={tmp_path / 'r'}", "--format", f"sarif={tmp_path / 'r'}"], "would both be written to"),
        (["-o", str(tmp_path / "r"), "--format", "json", "--format", "sarif"], "-o/--output takes one report"),
        (["-o", str(tmp_path / "no" / "r.json")], f"cannot write there: no folder {tmp_path / 'no'}"),
        (["--write-baseline", str(tmp_path / "no" / "b.json")], "cannot write there: no folder"),
    ]
    for options, message in cases:
        result = run("check", "--isolated", str(api), *options)
        assert result.exit_code == 2 and message in result.stderr.splitlines()[-1], (options, result.stderr)
    assert api.read_text() == before and not (tmp_path / "r").exists()


# --------------------------------------------------------------------------------------------------
# 6. Output that cannot be used to inject

HOSTILE_KEY = "/v1/jobs/x\\n::error file=README.md,line=1::owned\\e[31m\\rback"  # YAML escapes: a newline, ESC, CR


def hostile_spec(folder) -> str:
    path = folder / "api.yaml"
    path.write_text(f'openapi: 3.0.3\ninfo: {{title: t, version: "1"}}\npaths:\n  "{HOSTILE_KEY}":\n'
                    "    get:\n      responses: {'200': {description: ok}}\n"
                    "  /v1/job/{id}:\n    get:\n      responses: {'200': {description: ok}}\n")
    return str(path)


def assert_one_line_per_finding(text: str) -> None:
    assert "\x1b" not in text and "\r" not in text
    assert not any(line.startswith("::") for line in text.splitlines())


def test_text_output_escapes_control_characters(tmp_path):
    result = run("check", "--isolated", "--show-source", "--format", "text", hostile_spec(tmp_path))
    assert_one_line_per_finding(result.stdout)
    lines = [line for line in result.stdout.splitlines() if "api.yaml:" in line]
    assert any("\\n::error file=README.md" in line or "\\x1b" in line for line in lines), lines
    assert all(line.startswith(str(tmp_path)) for line in lines)


def test_diff_text_escapes_path_keys(tmp_path):
    old = spec(tmp_path, "old.yaml", "jobs")
    result = run("diff", "--isolated", old, hostile_spec(tmp_path))
    assert_one_line_per_finding(result.stdout)
    assert "  added: GET /v1/jobs/x\\n::error file=README.md,line=1::owned\\x1b[31m\\rback" in result.stdout


def test_errors_on_stderr_are_escaped(tmp_path):
    path = tmp_path / "api.yaml"
    path.write_text('openapi: 3.0.3\ninfo: {title: t, version: "1"}\npaths: {}\n"k\\e]0;x\\n::error::y": 1\n'
                    '"k\\e]0;x\\n::error::y": 2\n')
    result = run("check", "--isolated", str(path))
    [line] = result.stderr.splitlines()
    assert result.exit_code == 2 and "duplicate mapping key 'k\\x1b]0;x ::error::y'" in line


@pytest.fixture
def broken_and_good(tmp_path):
    good = spec(tmp_path, "good.yaml")
    broken = tmp_path / "broken.yaml"
    broken.write_text("openapi: 3.0.3\npaths: [unclosed\n")
    return good, str(broken)


def report(*args: str) -> str:
    result = run("check", "--isolated", *args)
    assert result.exit_code == 2
    return result.stdout


def test_every_format_reports_a_file_that_failed_to_load(broken_and_good):
    good, broken = broken_and_good
    error = {"file": broken, "line": 2, "column": 8, "message": "invalid YAML: unclosed bracket '['"}

    data = json.loads(report(good, broken, "--format", "json"))
    assert data["version"] == 1 and data["errors"] == [error] and data["findings"]

    log = assert_valid_sarif(report(good, broken, "--format", "sarif"))
    [invocation] = log["runs"][0]["invocations"]
    assert invocation["executionSuccessful"] is False
    [note] = invocation["toolExecutionNotifications"]
    assert note["message"]["text"] == error["message"] and note["level"] == "error"
    assert note["locations"][0]["physicalLocation"]["region"] == {"startLine": 2, "startColumn": 8}

    assert f"::error file={broken},line=2,col=8,title=aiplint::invalid YAML%3A" not in report(broken, "--format",
                                                                                              "github")
    assert f"::error file={broken},line=2,col=8,title=aiplint::invalid YAML: unclosed bracket '['\n" in report(
        broken, "--format", "github")

    issues = json.loads(report(broken, "--format", "gitlab"))
    assert [(i["check_name"], i["severity"], i["location"]) for i in issues] == [
        ("aiplint/error", "critical", {"path": broken, "lines": {"begin": 2}})]

    suites = ET.fromstring(report(good, broken, "--format", "junit"))
    assert suites.get("errors") == "1"
    [failed] = [s for s in suites if s.get("name") == broken]
    assert failed.get("errors") == "1" and failed.find("testcase/error").get("message") == error["message"]

    assert report(broken).splitlines() == ["No problems found in 0 files, but 1 file could not be linted."]
    assert "All checks passed" not in report(good, broken)


def test_a_successful_run_says_so_in_sarif(tmp_path):
    result = run("check", "--isolated", "--format", "sarif", spec(tmp_path, "api.yaml", "jobs"))
    assert json.loads(result.stdout)["runs"][0]["invocations"] == [{"executionSuccessful": True}]


def test_diff_reports_carry_the_errors(broken_and_good, tmp_path):
    good, broken = broken_and_good
    old, new = tmp_path / "old", tmp_path / "new"
    for folder in (old, new):
        folder.mkdir()
        spec(folder, "good.yaml")
    (new / "broken.yaml").write_text(open(broken).read())
    result = run("diff", "--isolated", str(old), str(new), "--format", "json")
    assert result.exit_code == 2
    assert [e["file"] for e in json.loads(result.stdout)["errors"]] == [str(new / "broken.yaml")]
    text = run("diff", "--isolated", str(old), str(new)).stdout
    assert text.splitlines()[-1] == "Not compared: 1 file could not be linted."


def test_the_changelog_escapes_control_characters(tmp_path):
    old = spec(tmp_path, "old.yaml", "jobs")
    result = run("changelog", "--isolated", old, hostile_spec(tmp_path))
    assert result.exit_code == 0 and "\x1b" not in result.stdout and "\r" not in result.stdout
    assert "\\x1b[31m" in result.stdout


def test_findings_come_out_in_the_same_order_whatever_the_string_hashing(tmp_path):
    # found by benchmarks/sweep.py on AWS specs: one path-level parameter reported for GET and for POST, at one
    # position, came out in a set's order
    path = tmp_path / "api.yaml"
    path.write_text("openapi: 3.0.3\ninfo: {title: t, version: '1'}\npaths:\n  /v1/book/status:\n"
                    "    parameters: [{name: book_id, in: query, required: true, schema: {type: string}}]\n"
                    + "".join(f"    {method}:\n      responses: {{'200': {{description: ok}}}}\n"
                              for method in ("get", "post", "put", "delete")))
    outputs = {subprocess.run([sys.executable, "-m", "aiplint", "check", "--isolated", "--format", "json", str(path)],
                              capture_output=True, text=True, env={**os.environ, "PYTHONHASHSEED": str(seed)}).stdout
               for seed in range(1, 6)}
    [output] = outputs
    assert [f["method"] for f in json.loads(output)["findings"] if f["rule"] == "rest/resource-id-in-query"] == [
        "DELETE", "GET", "POST", "PUT"]


# --------------------------------------------------------------------------------------------------
# Issue 16, section 6: Markdown that spec text cannot subvert, bidirectional controls, hard links

# Spec text that GFM would make into links (bare URLs, `www.` hosts, e-mail addresses: escaping does not stop
# them), images, HTML, struck text, table cells or mentions, and backtick runs that would close a short fence.
MARKUP = ["https://evil.example/a", "www.evil.example", "team@evil.example", "@team", "<img src=x>", "<b>evil</b>",
          "![i](https://evil.example/i.png)", "[l](https://evil.example)", "~~evil~~", "| evil | x |", "#1",
          "``evil`", "`evil", "evil`", "<!-- evil -->", "\u202eevil"]


def markup_spec(folder, keep: int = len(MARKUP)) -> str:
    """A spec in a folder, and under a file name, that GFM would link, with a path key made of each of the first
    `keep` markup strings."""
    (folder / "www.evil.example").mkdir(exist_ok=True)
    path = folder / "www.evil.example" / "team@evil.example.yaml"
    path.write_text("openapi: 3.1.0\ninfo: {title: t, version: '1'}\npaths:\n" + "".join(
        f"  '/v1/{text}/{{id}}':\n    get:\n      parameters: [{{name: id, in: path, required: true, schema: "
        "{type: string}}]\n      responses: {'200': {description: ok}}\n" for text in MARKUP[:keep]))
    return str(path)


def spec_text_outside_code(markdown: str) -> list[str]:
    """What a real GFM renderer makes of `markdown` that did not stay plain text in a code span: elements other
    than those a report uses, and spec text ("evil", "team") outside <code>.  Raw HTML is rendered (not
    omitted) so that any that got through shows."""
    import cmarkgfm
    from cmarkgfm.cmark import Options

    html = cmarkgfm.github_flavored_markdown_to_html(markdown, options=Options.CMARK_OPT_UNSAFE)
    ours = {"h1", "h2", "h3", "h4", "h5", "p", "ul", "li", "strong", "code", "br", "table", "thead", "tbody", "tr", "th",
            "td"}
    elements = [tag for tag in re.findall(r"<(/?[a-z0-9]+|!--)", html) if tag.lstrip("/") not in ours]
    outside = re.sub(r"<code>[^<]*</code>", "", html)
    return elements + re.findall(r"[^<>]*(?:evil|team)[^<>]*", outside)


def test_spec_text_in_markdown_renders_as_plain_code(tmp_path):
    api = markup_spec(tmp_path)
    broken = tmp_path / "www.evil.example" / "<img src=x>@evil.example.yaml"
    broken.write_text("openapi: 3.1.0\npaths: {}\n'https://evil.example <b>x</b>': 1\n'https://evil.example <b>x</b>': 2\n")
    other = tmp_path / "other.yaml"
    other.write_text("openapi: 3.1.0\ninfo: {title: t, version: '1'}\npaths: {}\n")
    check = run("check", "--isolated", "--format", "markdown", api, str(broken))
    assert "### Findings" in check.stdout and "### Files that could not be linted (1)" in check.stdout
    diff = run("diff", "--isolated", "--format", "markdown", api, str(other))
    assert f"### Operations moved or removed ({len(MARKUP)})" in diff.stdout and "#### Breaking changes" in diff.stdout
    changelog = run("changelog", "--isolated", api, str(other))
    assert changelog.stdout.count("\n### `") == len(MARKUP)  # an operation's heading each
    # A change's message quotes the spec: a parameter's name, an enum value.
    enum = "openapi: 3.1.0\ninfo: {title: t, version: '1'}\npaths:\n  /v1/jobs:\n    get:\n      parameters: [{name: " \
           "www.evil.example, in: query, schema: {type: string, enum: [a%s]}}]\n      responses: {'200': {description: ok}}\n"
    (tmp_path / "enum-old.yaml").write_text(enum % ", 'team@evil.example <b>x</b>'")
    (tmp_path / "enum-new.yaml").write_text(enum % "")
    values = run("diff", "--isolated", "--format", "markdown", str(tmp_path / "enum-old.yaml"), str(tmp_path / "enum-new.yaml"))
    assert "enum value `team@evil.example <b>x</b>` removed" in values.stdout
    for result in (check, diff, changelog, values):
        assert spec_text_outside_code(result.stdout) == [], result.stdout
    for result in (check, diff, changelog):
        assert "\u202e" not in result.stdout and "\\u202eevil" in result.stdout


def test_a_code_span_fence_is_longer_than_any_backtick_run_in_it():
    assert markdown_code("a") == "`a`"
    assert markdown_code("a ``b`` c") == "```a ``b`` c```"
    assert markdown_code("`a`") == "`` `a` ``"  # GFM strips the padding spaces
    assert markdown_code("a\n  b\x1b") == "`a b\\x1b`"  # one line, control characters escaped


BIDI = "\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"


def test_bidirectional_controls_show_as_escapes_in_human_output(tmp_path):
    # Trojan Source: a right-to-left override makes `/v1/<RLO>evil` display as another path.
    path = tmp_path / "api.yaml"
    path.write_text("openapi: 3.1.0\ninfo: {title: t, version: '1'}\npaths:\n"
                    f"  /v1/{BIDI}evil/{{id}}:\n    get:\n      parameters: [{{name: id, in: path, required: true, "
                    "schema: {type: string}}]\n      responses: {'200': {description: ok}}\n", encoding="utf-8")
    escaped = "".join(f"\\u{ord(ch):04x}" for ch in BIDI) + "evil"
    for output in ("text", "github", "markdown"):
        result = run("check", "--isolated", "--show-source", "--format", output, str(path))
        assert result.exit_code == 1 and escaped in result.stdout, (output, result.stdout)
        assert not set(BIDI) & set(result.stdout), output
    frame = source_frame(str(path), 4, 7 + len(BIDI))  # the caret under `e`, after the escapes
    assert frame.splitlines()[1:] == [f"4 |   /v1/{escaped}/{{id}}:", "  |       " + " " * len(escaped[:-4]) + "^"]


def test_a_report_never_overwrites_a_hard_link_to_an_input(tmp_path):
    # A hard link is another name for the same file: its real path is its own, its (device, inode) is not.
    (tmp_path / "common.yaml").write_text("p: {name: limit, in: query, schema: {type: integer}}\n")
    api = tmp_path / "api.yaml"
    api.write_text(SPEC.format(name="job").replace("[{name: id", "[{$ref: 'common.yaml#/p'}, {name: id"))
    old = spec(tmp_path, "old.yaml", "jobs")
    links = {name: tmp_path / f"link-to-{name}" for name in ("api.yaml", "common.yaml", "old.yaml", "report")}
    (tmp_path / "report").write_text("")
    for name, link in links.items():
        os.link(tmp_path / name, link)
    before = {path: path.read_text() for path in tmp_path.iterdir()}
    lints = "is a file this run lints"
    cases = [
        (["check", str(api), "-o", str(links["api.yaml"])], lints),
        (["check", str(api), "--format", f"sarif={links['common.yaml']}"], lints),
        (["check", str(api), "--write-baseline", str(links["api.yaml"])], lints),
        (["check", str(api), "--format", f"json={tmp_path / 'report'}", "--format", f"sarif={links['report']}"],
         "would both be written to"),
        (["diff", old, str(api), "-o", str(links["old.yaml"])], lints),
        (["diff", old, str(api), "--format", f"json={links['common.yaml']}"], lints),
        (["changelog", old, str(api), "-o", str(links["old.yaml"])], lints),
    ]
    for args, message in cases:
        result = run(args[0], "--isolated", *args[1:])
        assert result.exit_code == 2 and message in result.stderr.splitlines()[-1], (args, result.stderr)
    assert {path: path.read_text() for path in tmp_path.iterdir()} == before


@needs_git
def test_a_diff_base_report_never_overwrites_a_hard_link_to_a_reffed_file(repo, monkeypatch):  # noqa: F811
    monkeypatch.chdir(repo)
    os.link(repo / "api/params.yaml", repo / "report.sarif")
    before = (repo / "api/params.yaml").read_text()
    result = run("check", "--isolated", "--diff-base", "HEAD~1", "api/openapi.yaml", "--format", "sarif=report.sarif")
    assert result.exit_code == 2 and "report.sarif: is a file this run lints" in result.stderr.splitlines()[-1]
    assert (repo / "api/params.yaml").read_text() == before
