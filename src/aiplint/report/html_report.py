"""The `html` format: one page to read a run's findings in a browser or to hand to a reviewer, and the page of
`aiplint changelog --format html`.

A page is one self-contained file: its style and its one script are inline, and its Content-Security-Policy
allows those two by their hashes and nothing else (no request of any kind, no other script or style, no inline
event handler, no form, no base URL), so it works offline, from a CI artifact or an e-mail, and no spec can make
it run code or load anything.  Every piece of text from a spec (file names, path keys, messages that quote them,
suggestions, source lines) goes through `html_text`: nothing in it is markup, in an element or an attribute.

Its entries (findings, or API changes) are grouped by file, then by rule (or change kind); each has its place, its
message, a few lines of the source around it, its fix and a link to its rule's documentation, which the page
carries.  A summary counts them by severity (or changelog section), rule and file; the script filters them by
severity and by rule, and without it every entry shows.
"""

from __future__ import annotations

import base64
import hashlib
from collections import Counter
from dataclasses import dataclass
from typing import IO, TYPE_CHECKING, Iterable, Mapping, Sequence
from urllib.parse import urlsplit

from aiplint import __version__
from aiplint.compat.causes import by_cause
from aiplint.compat.report import operations_named
from aiplint.compat.report import rules as change_kinds
from aiplint.read.escaping import html_text
from aiplint.report.changelog import SECTIONS, section_of, tally
from aiplint.report.rule_docs import documentation
from aiplint.report.writer import Report, counted, diff_summary, read_lines, summary

if TYPE_CHECKING:
    from aiplint.compat import Change
    from aiplint.compat.causes import Cause
    from aiplint.linting.findings import Finding
    from aiplint.read.loading import InputError
    from aiplint.rule import Rule

__all__ = ["write", "changelog_page", "Entry"]

CONTEXT = 2  # source lines shown before and after an entry's line
WIDTH = 160  # characters of a source line shown at most: a minified JSON spec is one line

#: The filters' keys and names: a finding's severity, or a change's changelog section.
SEVERITIES = (("error", "errors"), ("warning", "warnings"), ("info", "infos"))
CHANGELOG_SECTIONS = tuple((key, heading.lower()) for heading, key in SECTIONS)


@dataclass(frozen=True)
class Entry:
    """One item of a page: a finding, or an API change."""

    level: str  # what the severity filter knows it by: a severity, or a changelog section (`section_of`)
    rule: str  # a rule id, or a change kind
    file: str
    line: int
    column: int
    message: str
    operation: str | None = None  # `GET /v1/jobs`, the path, or None
    suggestion: str | None = None  # the finding's suggested fix, as it carries it
    diff: str | None = None  # the unified diff of its fix, where there is one to apply
    note: str | None = None
    excerpt: bool = True  # False: the file on disk is not the version the position is in (a git revision's)
    also: tuple[str, ...] = ()  # the other rules whose problems the same fix resolves (one mistake, one finding)


def write(report: Report, stream: IO[str]) -> None:
    """The page of a run: its findings; under a diff (`aiplint diff`, `check --diff-base`), the new findings and
    every API change, the fixed findings listed after them.  Files that could not be linted are listed too."""
    diff = report.diff
    if diff is None:
        entries = [_finding(f, report.fixes.get(f)) for f in report.findings]
        page = _page("aiplint report", summary(report), SEVERITIES, entries, report.rules, _errors(report.errors))
    else:
        entries = [_finding(f, report.fixes.get(f)) for f in diff.new]
        entries += [_change(cause, cause.level.value, diff.revision)
                    for cause in by_cause(diff.changes)]
        headline = diff_summary(diff, report.errors) + (f" (against {diff.revision})" if diff.revision else "")
        page = _page("aiplint report", headline, SEVERITIES, entries, {**change_kinds(), **report.rules},
                     _fixed(diff.fixed, diff.revision) + _errors(report.errors))
    stream.write(page)


def changelog_page(changes: Iterable[Change], title: str) -> str:
    """`aiplint changelog --format html`: every API change, one entry per cause (`aiplint.compat.causes`), grouped
    by file and change kind, filtered by changelog section (breaking, potentially breaking, allowed by stability,
    other) and kind.  `title` is plain text."""
    changes = list(changes)
    return _page(title, tally(changes), CHANGELOG_SECTIONS,
                 [_change(cause, section_of(cause.first)) for cause in by_cause(changes)],
                 change_kinds(), "", kind="change kind")


def _finding(f: Finding, diff: str | None) -> Entry:
    operation = f"{f.method} {f.path}" if f.method else f.path
    return Entry(f.severity.value, f.rule, f.file, f.line, f.column, f.message, operation, f.suggestion, diff,
                 also=tuple(a.rule for a in f.also))


def _change(cause: Cause, level: str, revision: str | None = None) -> Entry:
    """A cause of changes at its place (the new document's, or the old one's for what the new one no longer has),
    naming the operations it affects; `revision`: the old document is that git revision's, so its place is named
    `REV:PATH` and no excerpt is read from the file on disk (the working tree's)."""
    place = cause.place
    old_unread = revision is not None and cause.first.in_old
    file = (f"{revision}:{place.file}" if old_unread else place.file) if place else ""
    return Entry(level, cause.id, file, place.line if place else 0, place.column if place else 0, cause.message,
                 operations_named(cause.operations), note=cause.first.note,
                 excerpt=place is not None and not old_unread)


def _page(title: str, headline: str, levels: Sequence[tuple[str, str]], entries: list[Entry],
          rules: Mapping[str, Rule], tail: str, kind: str = "rule") -> str:
    """The page: `levels` are the severity filter's keys and names; `rules` document the entries' rules (`kind`:
    what the page calls them); `tail`, sections after the entries."""
    rule_ids = sorted({e.rule for e in entries})
    index = {rule_id: n for n, rule_id in enumerate(rule_ids)}
    by_file: dict[str, dict[str, list[Entry]]] = {}
    for entry in entries:
        by_file.setdefault(entry.file, {}).setdefault(entry.rule, []).append(entry)
    out = [
        "<!DOCTYPE html>",
        '<html lang="en">',
        "<head>",
        '<meta charset="utf-8">',
        f'<meta http-equiv="Content-Security-Policy" content="{CSP}">',
        '<meta name="referrer" content="no-referrer">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{html_text(title)}</title>",
        f"<style>{STYLE}</style>",
        "</head>",
        "<body>",
        "<header>",
        f"<h1>{html_text(title)}</h1>",
        f'<p class="headline">{html_text(headline)}</p>',
        "</header>",
        _summary(levels, entries, rule_ids, index, rules, by_file, kind),
        _filters(levels, entries, rule_ids, index, kind),
        "<main>",
    ]
    for n, (file, by_rule) in enumerate(by_file.items()):
        # One file's lines at a time: a page of a whole folder of specs does not hold them all.
        lines = read_lines(file) if any(e.excerpt for found in by_rule.values() for e in found) else None
        total = sum(map(len, by_rule.values()))
        out.append(f'<section class="group file" id="file-{n}">')
        out.append(f"<h2><code>{html_text(file or '(no file)')}</code> <small>{total}</small></h2>")
        for rule_id in sorted(by_rule):
            found = by_rule[rule_id]
            rule = rules.get(rule_id)
            out.append('<section class="group rule">')
            out.append(f'<h3><a href="#doc-{index[rule_id]}"><code>{html_text(rule_id)}</code></a>'
                       + (f" {html_text(rule.summary)}" if rule else "") + f" <small>{len(found)}</small></h3>")
            out += [_entry(e, index[rule_id], rule, lines) for e in found]
            out.append("</section>")
        out.append("</section>")
    if not entries:
        out.append('<p class="none">Nothing to show.</p>')
    out += ["</main>", tail, _docs(rule_ids, index, rules, kind),
            f'<footer>Written by aiplint {html_text(__version__)}.</footer>',
            f"<script>{SCRIPT}</script>", "</body>", "</html>"]
    return "\n".join(part for part in out if part) + "\n"


def _summary(levels: Sequence[tuple[str, str]], entries: list[Entry], rule_ids: list[str], index: dict[str, int],
             rules: Mapping[str, Rule], by_file: dict[str, dict[str, list[Entry]]], kind: str) -> str:
    """Counts by level, by rule and by file, the rules linked to their documentation and the files to their
    findings."""
    if not entries:
        return ""
    per_level, per_rule = Counter(e.level for e in entries), Counter(e.rule for e in entries)
    out = ['<section id="summary">', "<h2>Summary</h2>", '<table class="levels"><tbody>']
    out += [f'<tr><th><span class="level {key}">{name}</span></th><td>{per_level[key]}</td></tr>'
            for key, name in levels]
    out += ["</tbody></table>", f'<table class="rules"><thead><tr><th>{kind}</th><th>count</th><th>summary</th></tr>'
            "</thead><tbody>"]
    for rule_id in sorted(rule_ids, key=lambda r: (-per_rule[r], r)):
        rule = rules.get(rule_id)
        out.append(f'<tr><td><a href="#doc-{index[rule_id]}"><code>{html_text(rule_id)}</code></a></td>'
                   f"<td>{per_rule[rule_id]}</td><td>{html_text(rule.summary) if rule else ''}</td></tr>")
    out += ["</tbody></table>", '<table class="files"><thead><tr><th>file</th><th>count</th></tr></thead><tbody>']
    out += [f'<tr><td><a href="#file-{n}"><code>{html_text(file or "(no file)")}</code></a></td>'
            f"<td>{sum(map(len, by_rule.values()))}</td></tr>" for n, (file, by_rule) in enumerate(by_file.items())]
    out += ["</tbody></table>", "</section>"]
    return "\n".join(out)


def _filters(levels: Sequence[tuple[str, str]], entries: list[Entry], rule_ids: list[str], index: dict[str, int],
             kind: str) -> str:
    """Check boxes by level and by rule, hidden until the script shows them (without it, every entry shows)."""
    if not entries:
        return ""
    out = ['<form id="filters" hidden>', "<fieldset><legend>Severity</legend>"]
    out += [f'<label><input type="checkbox" name="level" value="{key}" checked> '
            f'<span class="level {key}">{name}</span></label>' for key, name in levels]
    out += ["</fieldset>", f"<fieldset><legend>{kind.capitalize()}</legend>",
            '<button type="button" data-boxes="rule" data-checked="true">all</button>',
            '<button type="button" data-boxes="rule" data-checked="false">none</button>']
    out += [f'<label><input type="checkbox" name="rule" value="{index[rule_id]}" checked> '
            f"<code>{html_text(rule_id)}</code></label>" for rule_id in rule_ids]
    out += ["</fieldset>", '<p id="shown" aria-live="polite"></p>', "</form>"]
    return "\n".join(out)


def _entry(e: Entry, rule_index: int, rule: Rule | None, lines: list[str] | None) -> str:
    where = f"{e.file}:{e.line}:{e.column}" if e.line else e.file
    out = [f'<article class="finding" data-level="{e.level}" data-rule="{rule_index}">',
           f'<p class="where"><span class="level {e.level}">{e.level}</span> <code>{html_text(where)}</code>'
           + (f' <code class="operation">{html_text(e.operation)}</code>' if e.operation else "") + "</p>",
           f'<p class="message">{html_text(e.message)}</p>']
    if e.note:
        out.append(f'<p class="note">note: {html_text(e.note)}</p>')
    if e.excerpt and e.line:
        out.append(excerpt(lines, e.line, e.column))
    if e.diff:
        out.append(f'<div class="fix"><p>Fix:</p>{diff_html(e.diff)}</div>')
    elif e.suggestion:
        out.append(f'<div class="fix"><p>Suggested fix: <code>{html_text(e.suggestion)}</code></p></div>')
    if e.also:
        out.append(f'<p class="also">Also fixes: {", ".join(f"<code>{html_text(rule)}</code>" for rule in e.also)}</p>')
    links = [f'<a href="#doc-{rule_index}">documentation</a>']
    if rule is not None and _web(rule.url):
        links.append(f'<a href="{html_text(rule.url)}" rel="noopener noreferrer">{html_text(rule.reference)}</a>')
    out += [f'<p class="links">{" · ".join(links)}</p>', "</article>"]
    return "\n".join(out)


def excerpt(lines: list[str] | None, line: int, column: int) -> str:
    """The lines around `line` (`CONTEXT` each side) under their numbers, `line` marked and the text from
    `column` to the next space underlined; a line longer than `WIDTH` shows the part around the column.  Empty
    where the file cannot be read or has no such line."""
    if lines is None or not 1 <= line <= len(lines):
        return ""
    first, last = max(1, line - CONTEXT), min(len(lines), line + CONTEXT)
    width = len(str(last))
    rows = []
    for number in range(first, last + 1):
        text = lines[number - 1].rstrip()
        gutter = f'<span class="ln">{number:>{width}}</span> '
        if number != line:
            rows.append(gutter + _source(text[:WIDTH]) + ("…" if len(text) > WIDTH else ""))
            continue
        at = min(max(column, 1) - 1, len(text))
        start = max(0, at - WIDTH // 2) if len(text) > WIDTH else 0
        shown = text[start:start + WIDTH]
        at -= start
        end = at
        while end < len(shown) and not shown[end].isspace():
            end += 1
        before, token, after = shown[:at], shown[at:end], shown[end:]
        rows.append(f'<span class="hit">{gutter}{"…" if start else ""}{_source(before)}'
                    f'<span class="at">{_source(token) or " "}</span>{_source(after)}'
                    f'{"…" if start + WIDTH < len(text) else ""}</span>')
    return '<pre class="excerpt">' + "\n".join(rows) + "</pre>"


def diff_html(unified: str) -> str:
    """A unified diff, each line marked as added, removed, a hunk header or context."""
    kinds = {"+": "add", "-": "del", "@": "hunk"}
    rows = []
    for row in unified.rstrip("\n").split("\n"):
        kind = "file" if row.startswith(("+++", "---")) else kinds.get(row[:1], "ctx")
        rows.append(f'<span class="{kind}">{_source(row)}</span>')
    return '<pre class="diff">' + "\n".join(rows) + "</pre>"


def _fixed(fixed: Sequence[Finding], revision: str | None) -> str:
    """The findings a diff fixed, where they were (at the old version, which is not on disk to excerpt)."""
    if not fixed:
        return ""
    out = [f'<section id="fixed"><h2>Fixed ({len(fixed)})</h2>', "<ul>"]
    for f in fixed:
        where = f"{revision + ':' if revision else ''}{f.file}:{f.line}:{f.column}"
        out.append(f"<li><code>{html_text(where)}</code> <code>{html_text(f.rule)}</code> {html_text(f.message)}</li>")
    out += ["</ul>", "</section>"]
    return "\n".join(out)


def _errors(errors: Sequence[InputError]) -> str:
    if not errors:
        return ""
    out = [f'<section id="errors"><h2>{counted(len(errors), "file")} could not be linted</h2>', "<ul>"]
    out += [f"<li><code>{html_text(f'{e.path}:{e.line}:{e.column}')}</code>: {html_text(e.message)}</li>"
            for e in errors]
    out += ["</ul>", "</section>"]
    return "\n".join(out)


def _docs(rule_ids: list[str], index: dict[str, int], rules: Mapping[str, Rule], kind: str) -> str:
    """The documentation of every rule the page names (`aiplint explain`'s text), each linked to its reference."""
    if not rule_ids:
        return ""
    out = ['<section id="docs">', f"<h2>{kind.capitalize()}s</h2>"]
    for rule_id in rule_ids:
        rule = rules.get(rule_id)
        out.append(f'<section class="doc" id="doc-{index[rule_id]}"><h3><code>{html_text(rule_id)}</code></h3>')
        if rule is not None:
            out.append(f"<p>{html_text(rule.summary)}.</p>")
            if rule.reference:
                reference = (f'<a href="{html_text(rule.url)}" rel="noopener noreferrer">{html_text(rule.reference)}'
                             "</a>" if _web(rule.url) else html_text(rule.reference))
                out.append(f"<p>Reference: {reference}</p>")
            doc = documentation(rule.doc)
            if doc:
                out.append(f"<pre>{_lines(doc)}</pre>")
        out.append("</section>")
    out.append("</section>")
    return "\n".join(out)


def _lines(text: str) -> str:
    """Text of several lines (a rule's documentation), its line breaks kept: `html_text` writes them as `\\n`."""
    return "\n".join(html_text(line) for line in text.split("\n"))


def _source(text: str) -> str:
    """A piece of a source line, its tabs kept as tabs (`html_text` writes them as `\\t`)."""
    return "\t".join(html_text(part) for part in text.split("\t"))


def _web(url: str) -> bool:
    """Whether a rule's URL may be a link: http or https only (a plugin could give `javascript:`)."""
    return urlsplit(url).scheme in ("http", "https") if url else False


def _sha256(text: str) -> str:
    return "sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode("ascii")


STYLE = """
:root { color-scheme: light dark; --fg: #1f2328; --bg: #fff; --muted: #656d76; --line: #d0d7de; --hit: #fff8c5;
  --error: #cf222e; --warning: #9a6700; --info: #0969da; --note: #8250df; --add: #dafbe1; --del: #ffebe9; }
@media (prefers-color-scheme: dark) { :root { --fg: #e6edf3; --bg: #0d1117; --muted: #8d96a0; --line: #30363d;
  --hit: #3b2e00; --add: #033a16; --del: #67060c; } }
body { font: 14px/1.5 system-ui, sans-serif; color: var(--fg); background: var(--bg); margin: 0 auto;
  max-width: 72rem; padding: 1rem 2rem; }
code, pre { font: 13px/1.4 ui-monospace, monospace; }
pre { overflow-x: auto; padding: .5rem; border: 1px solid var(--line); border-radius: 6px; white-space: pre; }
#docs pre { white-space: pre-wrap; }
h2 { border-bottom: 1px solid var(--line); padding-bottom: .25rem; margin-top: 2rem; }
h2 code { overflow-wrap: anywhere; font-size: 1rem; }
small { color: var(--muted); font-weight: normal; }
table { border-collapse: collapse; margin: .5rem 1rem .5rem 0; display: inline-table; vertical-align: top; }
th, td { text-align: left; padding: .15rem .6rem; border-bottom: 1px solid var(--line); }
td code { overflow-wrap: anywhere; }
.level { font-weight: 600; }
.level.error { color: var(--error); } .level.warning { color: var(--warning); }
.level.info { color: var(--info); } .level.note { color: var(--note); }
#filters { border-bottom: 1px solid var(--line); padding: .5rem 0; }
fieldset { border: 0; margin: 0; padding: .15rem 0; }
legend { float: left; font-weight: 600; margin-right: .75rem; }
label { margin-right: .9rem; white-space: nowrap; }
#shown { margin: .25rem 0 0; color: var(--muted); }
.finding { border: 1px solid var(--line); border-radius: 6px; padding: .25rem .75rem; margin: .5rem 0;
  content-visibility: auto; contain-intrinsic-size: auto 14rem; }
.finding p { margin: .35rem 0; }
.where code { overflow-wrap: anywhere; }
.operation { color: var(--muted); }
.note, .links { color: var(--muted); }
.hit { background: var(--hit); display: inline-block; min-width: 100%; }
.at { text-decoration: underline wavy var(--error); }
.ln { color: var(--muted); user-select: none; }
.diff .add { background: var(--add); } .diff .del { background: var(--del); }
.diff .hunk, .diff .file { color: var(--muted); }
.diff span { display: inline-block; min-width: 100%; }
footer { color: var(--muted); margin: 2rem 0 1rem; }
"""

SCRIPT = """
"use strict";
(function () {
  var form = document.getElementById("filters");
  if (!form) { return; }
  var entries = Array.prototype.slice.call(document.querySelectorAll(".finding"));
  var groups = Array.prototype.slice.call(document.querySelectorAll(".group"));
  var shown = document.getElementById("shown");
  function checked(name) {
    var keys = {};
    form.querySelectorAll("input[name='" + name + "']").forEach(function (box) { keys[box.value] = box.checked; });
    return keys;
  }
  function apply() {
    var levels = checked("level"), rules = checked("rule"), count = 0;
    entries.forEach(function (entry) {
      var visible = levels[entry.dataset.level] === true && rules[entry.dataset.rule] === true;
      entry.hidden = !visible;
      count += visible ? 1 : 0;
    });
    groups.forEach(function (group) { group.hidden = !group.querySelector(".finding:not([hidden])"); });
    shown.textContent = count + " of " + entries.length + " shown";
  }
  form.addEventListener("change", apply);
  form.addEventListener("click", function (event) {
    var button = event.target.closest("button[data-boxes]");
    if (!button) { return; }
    form.querySelectorAll("input[name='" + button.dataset.boxes + "']").forEach(function (box) {
      box.checked = button.dataset.checked === "true";
    });
    apply();
  });
  form.hidden = false;
  apply();
})();
"""

#: Nothing but the page's own style and script: no request (images, fonts, frames, connections), no other
#: script, style or event handler, no form submission, no <base>.
CSP = (f"default-src 'none'; style-src '{_sha256(STYLE)}'; script-src '{_sha256(SCRIPT)}'; img-src 'none'; "
       "base-uri 'none'; form-action 'none'")
