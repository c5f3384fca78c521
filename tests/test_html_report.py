"""The `html` format and `aiplint changelog --format html` (issue 21, section 3): one self-contained page, findings
grouped by file and rule with their source, fix and documentation, spec text that stays text, and filters that
work in a real browser (Debian's chromium, driven by Playwright; skipped where either is missing)."""

from __future__ import annotations

import base64
import hashlib
import os
import re
import shutil
from dataclasses import replace
from html.parser import HTMLParser

import pytest
from click.testing import CliRunner
from test_formats import ALL, EXAMPLE, RULES, findings_of, render

from aiplint.cli import cli
from aiplint.read.escaping import html_text
from aiplint.report import html_report
from aiplint.report.html_report import CSP, SCRIPT, STYLE, diff_html, excerpt, write
from aiplint.rule import rule

OLD, NEW = "fixtures/compat/old.yaml", "fixtures/compat/new.yaml"

# Spec text that a browser would run, load or follow if it reached the page as markup: scripts, event handlers,
# a way out of an attribute, of <style>, <pre>, <title> or a comment, `javascript:` links, requests to another
# host (an image, a stylesheet, a frame, a refresh, a <base>), an entity that must stay as written, and a
# right-to-left override.
INJECTIONS = [
    "<script>window.pwned=1;document.title='pwned'</script>",
    '"><img src=x onerror="window.pwned=2">',
    "'><svg onload=window.pwned=3>",
    "</style><style>body{display:none}</style>",
    "</pre></code></title><script>window.pwned=4</script><!--",
    "<a href='javascript:window.pwned=5'>click</a> [docs](javascript:window.pwned=6)",
    "<meta http-equiv=refresh content='0;url=https://evil.example'><base href='https://evil.example/'>",
    "<link rel=stylesheet href=https://evil.example/x.css><iframe src=https://evil.example></iframe>",
    "&lt;script&gt; -->",
    "\u202eevil",
]


def _yaml(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def hostile_spec(folder) -> str:
    """A spec whose file name, path keys, an `x-aiplint-ignore` rule name and the lines around each of its five
    findings (three errors, a warning and an info) hold the injections, each where an excerpt shows it."""
    i = [_yaml(text) for text in INJECTIONS]
    path = folder / 'api"><img src=x onerror=window.pwned=7>.yaml'
    path.write_text(
        "openapi: 3.1.0\ninfo: {title: t, version: '1'}\n"
        f"x-a: {i[0]}\n"
        "paths:\n"
        "  /v1/job/{id}:\n"  # line 5: a singular collection (error)
        f"    get:\n      description: {i[1]}\n"
        "      parameters: [{name: id, in: path, required: true, schema: {type: string}}]\n"
        "      responses: {'200': {description: ok}}\n"
        "  '/v1/jobs/{\"><img src=x onerror=window.pwned=8>}':\n"
        "    get:\n"  # line 11: an undeclared path parameter (error)
        f"      summary: {i[2]}\n      description: {i[3]}\n"
        "      x-aiplint-ignore:\n"
        f"        {_yaml('<script>window.pwned=9</script>')}: {i[4]}\n"  # line 15: an unknown rule (error)
        f"        rest/verb-segment: {i[5]}\n"  # line 16: a suppression that suppressed nothing (info)
        f"      x-b: {i[6]}\n      x-c: {i[7]}\n"
        f"      responses: {{'200': {{description: {i[9]}}}}}\n"
        "  /v1/shelves/{shelf}/books/{book}/getCover:\n"  # line 20: a standard method as a custom verb (warning)
        f"    post:\n      summary: {i[8]}\n"
        "      parameters:\n        - {name: shelf, in: path, required: true, schema: {type: string}}\n"
        "        - {name: book, in: path, required: true, schema: {type: string}}\n"
        "      responses: {'200': {description: ok}}\n", encoding="utf-8")
    return str(path)


def run(*args: str):
    return CliRunner().invoke(cli, list(args))


class Page(HTMLParser):
    """What a browser's parser makes of a page: its elements with their attributes, the text of each <script> and
    <style>, and the text it shows (character references decoded)."""

    def __init__(self, html: str):
        super().__init__(convert_charrefs=True)
        self.elements: list[tuple[str, dict[str, str | None]]] = []
        self.raw: dict[str, list[str]] = {"script": [], "style": []}
        self.text: list[str] = []
        self._in: str | None = None
        self.feed(html)
        self.close()

    def handle_starttag(self, tag, attrs):
        self.elements.append((tag, dict(attrs)))
        if tag in self.raw:
            self._in = tag
            self.raw[tag].append("")

    def handle_endtag(self, tag):
        self._in = None

    def handle_data(self, data):
        if self._in:
            self.raw[self._in][-1] += data
        else:
            self.text.append(data)

    def handle_comment(self, data):
        self.elements.append(("!--", {}))

    def tags(self) -> set[str]:
        return {tag for tag, _ in self.elements}

    def shown(self) -> str:
        return "".join(self.text)


OURS = {"html", "head", "meta", "title", "style", "body", "header", "h1", "h2", "h3", "p", "section", "table",
        "thead", "tbody", "tr", "th", "td", "a", "code", "small", "form", "fieldset", "legend", "label", "input",
        "button", "main", "article", "span", "pre", "div", "ul", "li", "footer", "script"}


def assert_inert(html: str, shown: list[str]) -> Page:
    """The page has only its own elements and attributes, its one style and script as written, links to its own
    sections or to web pages, and shows each of `shown` as text."""
    page = Page(html)
    assert page.tags() <= OURS, page.tags() - OURS
    assert page.raw == {"script": [SCRIPT], "style": [STYLE]}
    for tag, attrs in page.elements:
        assert not [name for name in attrs if name.startswith("on") or name in ("src", "action", "srcdoc")], attrs
        if tag == "a":
            assert re.fullmatch(r"#(doc|file)-\d+|https?://[^\s\"'<>]+", attrs["href"] or ""), attrs
        if tag == "meta":
            assert attrs.get("http-equiv") in (None, "Content-Security-Policy"), attrs
    [policy] = [attrs["content"] for tag, attrs in page.elements if tag == "meta" and attrs.get("http-equiv")]
    assert policy == CSP
    text = page.shown()
    for piece in shown:
        assert piece in text, piece
    assert "\u202e" not in html
    return page


def digest(text: str) -> str:
    return "sha256-" + base64.b64encode(hashlib.sha256(text.encode()).digest()).decode()


# --------------------------------------------------------------------------------------------------
# The page


def test_the_policy_allows_the_pages_own_style_and_script_and_nothing_else():
    assert CSP == (f"default-src 'none'; style-src '{digest(STYLE)}'; script-src '{digest(SCRIPT)}'; "
                   "img-src 'none'; base-uri 'none'; form-action 'none'")
    html = render(write, findings_of(EXAMPLE), RULES, [EXAMPLE])
    head = html[:html.index("</head>")]
    # The policy comes before anything it governs: right after the character set.
    assert head.startswith('<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n'
                           f'<meta http-equiv="Content-Security-Policy" content="{CSP}">\n')
    assert not re.search(r"\b(?:src|url\(|@import|@font-face)", STYLE + SCRIPT)  # nothing loaded by either
    assert "innerHTML" not in SCRIPT and "eval" not in SCRIPT  # the script writes text only


def test_findings_are_grouped_by_file_then_rule_each_with_place_message_source_fix_and_docs():
    found = findings_of(*ALL)
    page = assert_inert(render(write, found, RULES, ALL), [])
    articles = [attrs for tag, attrs in page.elements if tag == "article"]
    assert len(articles) == len(found)
    html = render(write, found, RULES, ALL)
    files = re.findall(r'<section class="group file" id="file-\d+">\n<h2><code>([^<]*)</code> <small>(\d+)</small>',
                       html)
    assert [name for name, _ in files] == list(dict.fromkeys(f.file for f in found))  # in the report's order
    assert sum(int(n) for _, n in files) == len(found)
    # Under each file, its rules in order, each with that file's findings of it.
    for n, (name, _) in enumerate(files):
        section = html.split(f'id="file-{n}">', 1)[1].split('<section class="group file"', 1)[0]
        rules = re.findall(r'<h3><a href="#doc-\d+"><code>([^<]*)</code></a>', section)
        assert rules == sorted({f.rule for f in found if f.file == name})
    # One finding: severity, place, operation, message, source around its line, suggested fix, documentation.
    f = next(f for f in found if f.suggestion and f.method)
    article = html.split(f"<code>{f.file}:{f.line}:{f.column}</code>", 1)[1].split("</article>", 1)[0]
    assert f'<code class="operation">{f.method} {f.path}</code>' in article
    assert f'<p class="message">{html_report.html_text(f.message)}</p>' in article
    assert f'<span class="hit"><span class="ln">{f.line}</span>' in article
    assert f"Suggested fix: <code>{html_report.html_text(f.suggestion)}</code>" in article
    index = sorted({g.rule for g in found}).index(f.rule)
    assert f'<a href="#doc-{index}">documentation</a>' in article
    assert f'<a href="{RULES[f.rule].url}" rel="noopener noreferrer">' in article
    # The documentation the link goes to: the rule's own (`aiplint explain`), once per rule.
    doc = html.split(f'<section class="doc" id="doc-{index}">', 1)[1].split("</section>", 1)[0]
    assert "## What it does" in doc and html.count(f'id="doc-{index}"') == 1


def test_the_summary_counts_by_severity_rule_and_file():
    found = findings_of(*ALL)
    html = render(write, found, RULES, ALL)
    summary = html.split('<section id="summary">', 1)[1].split("</section>", 1)[0]
    for severity in ("error", "warning", "info"):
        n = sum(1 for f in found if f.severity.value == severity)
        assert f'<span class="level {severity}">{severity}s</span></th><td>{n}</td>' in summary
    for rule_id in {f.rule for f in found}:
        n = sum(1 for f in found if f.rule == rule_id)
        assert re.search(rf"<code>{re.escape(rule_id)}</code></a></td><td>{n}</td>", summary), rule_id
    assert html.count('<tr><td><a href="#file-') == len({f.file for f in found})
    headline = re.search(r'<p class="headline">([^<]*)</p>', html)[1]
    assert headline.startswith(f"Found {len(found)} problems in {len(ALL)} files (")


def test_filters_offer_every_severity_and_each_rule_found():
    found = findings_of(*ALL)
    page = Page(render(write, found, RULES, ALL))
    boxes = [(attrs["name"], attrs["value"]) for tag, attrs in page.elements if tag == "input"]
    assert [value for name, value in boxes if name == "level"] == ["error", "warning", "info"]
    assert [value for name, value in boxes if name == "rule"] == [str(n) for n in range(len({f.rule for f in found}))]
    assert ("form", {"id": "filters", "hidden": None}) in page.elements  # shown by the script that works them


def test_a_page_without_findings_and_the_files_that_could_not_be_linted(tmp_path):
    html = render(write, [], RULES, [EXAMPLE])
    assert "All checks passed (1 file)." in html and "Nothing to show." in html
    assert 'id="filters"' not in html and 'id="summary"' not in html and 'id="docs"' not in html
    broken = tmp_path / "<b onclick=x>broken.yaml"
    broken.write_text("openapi: 3.0.3\npaths: [unclosed\n")
    result = run("check", "--isolated", "--format", "html", str(broken))
    assert result.exit_code == 2
    assert_inert(result.stdout, [f"{broken}:2:8", "invalid YAML: unclosed bracket '['", "could not be linted"])


def test_a_reference_url_that_is_not_a_web_page_is_no_link():
    @rule(id="acme/x", summary="X", reference="Acme <b>guide</b>", url="javascript:window.pwned=1",
          severity="error")
    def check(ctx):
        return []

    found = [replace(findings_of(EXAMPLE)[0], rule="acme/x")]
    html = render(write, found, {"acme/x": check}, [EXAMPLE])
    assert "javascript:" not in html
    assert_inert(html, ["Reference: Acme <b>guide</b>"])


# --------------------------------------------------------------------------------------------------
# Source excerpts and fixes


def test_an_excerpt_shows_the_lines_around_its_line_and_marks_the_column():
    lines = ["a: 1", "b:", "  c: <d>", "e: 5", "f: 6", "g: 7"]
    assert excerpt(lines, 3, 6) == (
        '<pre class="excerpt"><span class="ln">1</span> a: 1\n<span class="ln">2</span> b:\n'
        '<span class="hit"><span class="ln">3</span>   c: <span class="at">&lt;d&gt;</span></span>\n'
        '<span class="ln">4</span> e: 5\n<span class="ln">5</span> f: 6</pre>')
    assert excerpt(lines, 1, 1).count('class="ln"') == 3 and excerpt(lines, 6, 1).count('class="ln"') == 3
    assert excerpt(None, 1, 1) == excerpt(lines, 7, 1) == excerpt(lines, 0, 1) == ""
    tabbed = excerpt(["\tkey: \x1b[31m"], 1, 2)
    assert '\t<span class="at">key:</span> \\x1b[31m' in tabbed  # tabs kept, control characters escaped


def test_a_long_line_shows_the_part_around_the_column():
    line = "x" * 5000 + " target " + "y" * 5000  # a minified JSON spec is one such line
    html = excerpt([line], 1, 5002)
    shown = re.sub(r"<[^>]+>", "", html)
    assert len(shown) < html_report.WIDTH + 10 and '<span class="at">target</span>' in html
    assert shown.startswith("1 …") and shown.endswith("…")


def test_a_fix_as_a_diff_marks_its_lines_and_escapes_them():
    # `--fix` does not exist yet: the page takes a finding's fix as the unified diff it would apply.
    unified = ("--- a/api.yaml\n+++ b/api.yaml\n@@ -8,1 +8,1 @@\n paths:\n-  /v1/job/{id}:\n"
               "+  /v1/jobs/{id}: # <script>window.pwned=1</script>\n")
    html = diff_html(unified)
    assert html == (
        '<pre class="diff"><span class="file">--- a/api.yaml</span>\n<span class="file">+++ b/api.yaml</span>\n'
        '<span class="hunk">@@ -8,1 +8,1 @@</span>\n<span class="ctx"> paths:</span>\n'
        '<span class="del">-  /v1/job/{id}:</span>\n'
        '<span class="add">+  /v1/jobs/{id}: # &lt;script&gt;window.pwned=1&lt;/script&gt;</span></pre>')
    # A finding the report has a fix for shows it as the diff, the others their suggestion.
    found = findings_of(EXAMPLE)
    page = render(write, found, RULES, [EXAMPLE], fixes={found[0]: unified})
    articles = [chunk.split("</article>")[0] for chunk in page.split("<article ")[1:]]
    first, other = (next(a for a in articles if html_text(f.message) in a) for f in found[:2])
    assert f'<div class="fix"><p>Fix:</p>{html}</div>' in first and "Suggested fix" not in first
    assert "Suggested fix: " in other and "Fix:" not in other
    # the rules that share its fix are named with it (one mistake, one finding)
    assert "Also fixes: <code>aip122/collection-name-consistency</code>" in first


# --------------------------------------------------------------------------------------------------
# Spec text stays text


def test_spec_text_is_shown_as_text_in_a_check_report(tmp_path):
    result = run("check", "--isolated", "--format", "html", hostile_spec(tmp_path))
    assert result.exit_code == 1
    # Each injection as the excerpts show it: as its line of the spec has it.
    page = assert_inert(result.stdout, [_yaml(text) for text in INJECTIONS if "\u202e" not in text] + [
        'api"><img src=x onerror=window.pwned=7>.yaml', '{"><img src=x onerror=window.pwned=8>}',
        "the unknown rule `<script>window.pwned=9</script>`", "\\u202eevil"])
    levels = [attrs["data-level"] for tag, attrs in page.elements if tag == "article"]
    assert sorted(levels) == ["error", "error", "error", "info", "warning"]


def test_spec_text_is_shown_as_text_in_a_diff_and_a_changelog(tmp_path):
    old = tmp_path / "old.yaml"
    old.write_text("openapi: 3.1.0\ninfo: {title: t, version: '1'}\npaths: {}\n")
    new = hostile_spec(tmp_path)
    for args in (["diff", str(old), new], ["changelog", str(old), new], ["changelog", new, str(old)]):
        result = run(args[0], "--isolated", "--format", "html", *args[1:])
        assert result.exit_code in (0, 1), result.stderr
        assert_inert(result.stdout, ["GET /v1/jobs/{\"><img src=x onerror=window.pwned=8>}"])
    # A change's message quotes the spec: an enum value.
    enum = ("openapi: 3.1.0\ninfo: {title: t, version: '1'}\npaths:\n  /v1/jobs:\n    get:\n      parameters: "
            "[{name: q, in: query, schema: {type: string, enum: [a%s]}}]\n      responses: {'200': {description: ok}}\n")
    (tmp_path / "enum-old.yaml").write_text(enum % ", '</code><script>window.pwned=1</script>'")
    (tmp_path / "enum-new.yaml").write_text(enum % "")
    result = run("changelog", "--isolated", "--format", "html", str(tmp_path / "enum-old.yaml"),
                 str(tmp_path / "enum-new.yaml"))
    assert_inert(result.stdout, ["enum value `</code><script>window.pwned=1</script>` removed"])


def test_the_changelog_page_groups_changes_by_file_and_kind_and_counts_them_by_section(tmp_path):
    result = run("changelog", "--isolated", "--format", "html", OLD, NEW)
    assert result.exit_code == 0, result.stderr
    html = result.stdout
    page = assert_inert(html, [f"API changes from {OLD} to {NEW}"])
    assert re.search(r'<p class="headline">26 breaking changes, 9 potentially breaking changes, 1 breaking change '
                     r"allowed by its stability level, 19 other changes.</p>", html)
    levels = [attrs["data-level"] for tag, attrs in page.elements if tag == "article"]
    # one entry per cause: the fixture's shared `Shelf` schema changes 2 operations 9 times
    assert {level: levels.count(level) for level in set(levels)} == {"error": 24, "warning": 7, "note": 1, "info": 12}
    assert [value for tag, attrs in page.elements if tag == "input" and attrs["name"] == "level"
            for value in [attrs["value"]]] == ["error", "warning", "note", "info"]
    assert "<legend>Change kind</legend>" in html and "<h2>Change kinds</h2>" in html
    assert '<a href="https://google.aip.dev/180" rel="noopener noreferrer">' in html
    out = tmp_path / "changes.html"
    assert run("changelog", "--isolated", "--format", "html", OLD, NEW, "-o", str(out)).exit_code == 0
    assert out.read_text() == html


def test_a_diff_page_has_the_new_findings_every_change_and_the_fixed_findings(tmp_path):
    result = run("diff", "--isolated", "--format", "html", OLD, NEW)
    html = result.stdout
    page = assert_inert(html, [])
    rules = {attrs["data-rule"] for tag, attrs in page.elements if tag == "article"}
    levels = [attrs["data-level"] for tag, attrs in page.elements if tag == "article"]
    # Every change, one entry per cause (the level of an allowed one is info, its note says why), and no new
    # finding here.
    assert {level: levels.count(level) for level in set(levels)} == {"error": 24, "warning": 7, "info": 13}
    assert len(rules) > 1 and '<p class="note">note: ' in html
    assert '<p class="headline">0 new findings, 1 fixed, 2 unchanged, 35 breaking changes</p>' in html
    fixed = html.split('<section id="fixed"><h2>Fixed (1)</h2>', 1)[1].split("</section>", 1)[0]
    assert fixed.count("<li>") == 1 and "fixtures/compat/old.yaml:" in fixed


# --------------------------------------------------------------------------------------------------
# In a real browser: Debian's chromium, driven by Playwright (`executable_path`: no browser download)

CHROMIUM = next((path for path in (os.environ.get("AIPLINT_CHROMIUM"), shutil.which("chromium"),
                                   shutil.which("chromium-browser")) if path), None)


@pytest.fixture(scope="module")
def browser():
    if CHROMIUM is None:
        pytest.skip("no chromium on this machine (apt-get install chromium; .ci/run installs it where it can)")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        pytest.skip("the playwright package is not installed (it is in the test extra)")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, headless=True)
        yield browser
        browser.close()


class Loaded:
    """A page loaded from its file, and everything that happened while it was: requests, console messages,
    errors and dialogs."""

    def __init__(self, browser, path):
        self.requests: list[str] = []
        self.console: list[str] = []
        self.dialogs: list[str] = []
        self.page = browser.new_page()
        self.page.on("request", lambda request: self.requests.append(request.url))
        self.page.on("console", lambda message: self.console.append(f"{message.type}: {message.text}"))
        self.page.on("pageerror", lambda error: self.console.append(f"pageerror: {error}"))
        self.page.on("dialog", lambda dialog: (self.dialogs.append(dialog.message), dialog.dismiss()))
        self.url = path.as_uri()
        self.page.goto(self.url)
        self.page.wait_for_load_state("load")

    def visible(self) -> list[tuple[str, str]]:
        """(level, rule index) of each entry shown."""
        return [(a.get_attribute("data-level"), a.get_attribute("data-rule"))
                for a in self.page.locator("article.finding").all() if a.is_visible()]

    def click(self, selector: str) -> None:
        self.page.locator(selector).click()

    def assert_nothing_ran_or_loaded(self) -> None:
        assert self.page.evaluate("typeof window.pwned") == "undefined"
        assert self.page.title() in ("aiplint report",) or self.page.title().startswith("API changes from")
        assert self.requests == [self.url] and self.dialogs == []
        assert self.console == []  # no error, and no policy violation: the page's style and script are allowed
        assert self.page.evaluate("document.querySelectorAll('img, iframe, link, base, svg').length") == 0


@pytest.mark.slow
def test_the_filters_work_and_no_spec_text_runs_in_a_browser(browser, tmp_path):
    spec = hostile_spec(tmp_path)
    report = tmp_path / "report.html"
    assert run("check", "--isolated", spec, "--format", f"html={report}").exit_code == 1
    loaded = Loaded(browser, report)
    loaded.assert_nothing_ran_or_loaded()
    page = loaded.page
    # The style applied (its hash matched), and the script ran (it shows the filters and counts).
    assert page.evaluate("getComputedStyle(document.querySelector('.finding')).borderTopLeftRadius") == "6px"
    assert page.locator("#filters").is_visible() and page.locator("#shown").inner_text() == "5 of 5 shown"
    everything = loaded.visible()
    assert sorted(level for level, _ in everything) == ["error", "error", "error", "info", "warning"]
    # The hostile text is on the page, as text: as the spec's lines have it, in the excerpts.
    shown = page.text_content("main")
    for text in INJECTIONS[:-1]:
        assert _yaml(text) in shown, text

    loaded.click("input[name=level][value=error]")
    assert sorted(loaded.visible()) == sorted(e for e in everything if e[0] != "error")
    assert page.locator("#shown").inner_text() == "2 of 5 shown"
    loaded.click("input[name=level][value=info]")
    assert [level for level, _ in loaded.visible()] == ["warning"]
    loaded.click("input[name=level][value=error]")
    loaded.click("input[name=level][value=info]")
    assert sorted(loaded.visible()) == sorted(everything)

    loaded.click("button[data-checked=false]")  # no rule
    assert loaded.visible() == [] and page.locator("#shown").inner_text() == "0 of 5 shown"
    assert not page.locator("section.group.file").first.is_visible()  # a group with nothing shown is hidden
    rule = everything[0][1]
    loaded.click(f"input[name=rule][value='{rule}']")
    assert loaded.visible() == [e for e in everything if e[1] == rule]
    assert page.locator("section.group.file").first.is_visible()
    loaded.click("button[data-checked=true]")
    assert sorted(loaded.visible()) == sorted(everything)
    loaded.assert_nothing_ran_or_loaded()


@pytest.mark.slow
def test_spec_text_runs_nothing_even_without_the_policy(browser, tmp_path):
    # The escaping holds on its own: the same page with its Content-Security-Policy taken out runs its own script
    # (the filters show) and nothing from the spec.
    report = tmp_path / "report.html"
    assert run("check", "--isolated", hostile_spec(tmp_path), "--format", f"html={report}").exit_code == 1
    html = report.read_text()
    report.write_text(html.replace(f'<meta http-equiv="Content-Security-Policy" content="{CSP}">\n', "", 1))
    assert "Content-Security-Policy" not in report.read_text()
    loaded = Loaded(browser, report)
    loaded.assert_nothing_ran_or_loaded()
    assert loaded.page.locator("#shown").inner_text() == "5 of 5 shown"


@pytest.mark.slow
def test_the_changelog_filters_work_in_a_browser(browser, tmp_path):
    report = tmp_path / "changes.html"
    assert run("changelog", "--isolated", "--format", "html", OLD, NEW, "-o", str(report)).exit_code == 0
    loaded = Loaded(browser, report)
    loaded.assert_nothing_ran_or_loaded()
    assert len(loaded.visible()) == 44  # one entry per cause: the 55 changes of the fixture pair
    for section in ("warning", "note", "info"):
        loaded.click(f"input[name=level][value={section}]")
    assert {level for level, _ in loaded.visible()} == {"error"} and len(loaded.visible()) == 24
    loaded.page.locator("#doc-0").scroll_into_view_if_needed()
    loaded.assert_nothing_ran_or_loaded()


@pytest.mark.slow
def test_a_hostile_diff_page_runs_nothing_in_a_browser(browser, tmp_path):
    old = tmp_path / "old.yaml"
    old.write_text("openapi: 3.1.0\ninfo: {title: t, version: '1'}\npaths: {}\n")
    new = hostile_spec(tmp_path)
    for name, args in (("diff.html", ["diff", str(old), new]), ("changelog.html", ["changelog", new, str(old)])):
        report = tmp_path / name
        run(args[0], "--isolated", "--format", "html", *args[1:], "-o", str(report))
        loaded = Loaded(browser, report)
        loaded.assert_nothing_ran_or_loaded()
        assert loaded.visible()
