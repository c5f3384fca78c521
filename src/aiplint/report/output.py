"""Report formats.

`text` is for people, `json` for tools (a versioned contract), `markdown` for a CI job's summary or a pull
request's comment; the CI formats are `sarif` (SARIF 2.1.0, for GitHub code scanning and other SARIF viewers),
`github` (GitHub Actions workflow commands, which annotate the pull request), `gitlab` (GitLab Code Quality) and
`junit` (JUnit XML, for test-report widgets).

Every writer takes one `Report` and a stream: ``WRITERS[name](report, stream)``.  It is a pure function of the
report (findings already sorted, written in that order), writes UTF-8-safe text to the stream and nothing else,
and is deterministic: no timestamps, no absolute paths it was not given.  Every format reports the files that
could not be linted (`Report.errors`), so a spec that breaks never reads as one whose problems were all fixed.
`github` and `sarif` name files relative to their git repository's root, where GitHub looks for them.

Strings in findings come from the spec (path keys, names) and are never trusted: human-readable output shows
their control characters as escapes (`printable`), so one finding is one line.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import unicodedata
from collections import Counter
from dataclasses import dataclass, field
from typing import IO, TYPE_CHECKING, Any, Iterable, Mapping, Protocol, Sequence
from urllib.parse import quote

from aiplint.linting.findings import Finding
from aiplint.read.pointers import last_token
from aiplint.read.trust import markdown_inline, printable
from aiplint.rule import Rule, Severity

if TYPE_CHECKING:
    from aiplint.comparison import DiffReport
    from aiplint.read.loading import InputError

JSON_FORMAT_VERSION = 1
_COLOURS = {"error": "red", "warning": "yellow", "info": "blue"}


@dataclass(frozen=True)
class Report:
    """What a run found and how to show it: every writer's one argument besides the stream."""

    findings: Sequence[Finding] = ()  # reported, sorted (under a diff: the new ones, breaking changes included)
    rules: Mapping[str, Rule] = field(default_factory=dict)  # the rules that ran
    files: Sequence[str] = ()  # the files linted
    errors: Sequence[InputError] = ()  # the files that could not be linted
    suppressed: Mapping[str, int] = field(default_factory=dict)  # findings kept out: {"baseline": n, "inline": n}
    diff: DiffReport | None = None  # `check --diff-base` and `diff`: fixed and unchanged findings, API changes
    colour: bool = False
    quiet: bool = False  # text: findings only
    show_source: bool = False  # text: each finding's source line
    statistics: bool = False  # text: a count per rule instead of the findings


def use_colour(stream: IO[str], choice: str = "auto") -> bool:
    """`always`, `never`, or `auto`: never with NO_COLOR set (https://no-color.org), always with FORCE_COLOR set
    (https://force-color.org), else on a terminal."""
    if choice != "auto":
        return choice == "always"
    if os.environ.get("NO_COLOR"):
        return False
    return bool(os.environ.get("FORCE_COLOR")) or stream.isatty()


def counts(findings: Iterable[Finding]) -> Counter[str]:
    return Counter(f.severity.value for f in findings)


def repository_path(path: str) -> str:
    """A file's path relative to its git repository's root (POSIX separators), where GitHub's annotations and
    code scanning look for it whatever folder aiplint ran in; the path as given outside a repository."""
    from aiplint.read.trust import repository_root

    absolute = os.path.realpath(path)
    root = repository_root(os.path.dirname(absolute))
    if root is None:
        return path
    return os.path.relpath(absolute, root).replace(os.sep, "/")



# --------------------------------------------------------------------------------------------------
# text


def write_text(report: Report, stream: IO[str]) -> None:
    """One line per finding (or, with `statistics`, a count per rule), then a summary, which says how many files
    could not be linted (their errors are on stderr) and how many findings the baseline and inline ignores kept
    out."""
    if report.statistics:
        write_statistics(report.findings, report.rules, stream)
    else:
        write_findings(report.findings, stream, report.colour, show_source=report.show_source)
    if not report.quiet:
        stream.write(summary(report) + "\n")


def summary(report: Report) -> str:
    """`Found 2 problems in 1 file (2 errors, 0 warnings, 0 infos).`, or that all checks passed."""
    findings, n, files = report.findings, counts(report.findings), len(report.files)
    noun = "file" if files == 1 else "files"
    failed = len({e.path for e in report.errors})
    kept = _suppressed(report.suppressed)
    if findings:
        line = (f"Found {_count(len(findings), 'problem')} in {files} {noun} ({_count(n['error'], 'error')}, "
                f"{_count(n['warning'], 'warning')}, {_count(n['info'], 'info')})")
        return line + (f"; {_count(failed, 'file')} could not be linted" if failed else "") + kept + "."
    if failed:
        return f"No problems found in {files} {noun}, but {_count(failed, 'file')} could not be linted{kept}."
    return f"All checks passed ({files} {noun}{kept})."


def _suppressed(suppressed: Mapping[str, int]) -> str:
    """`; 1 suppressed by x-aiplint-ignore`, `; 3 suppressed: 2 by the baseline, 1 by x-aiplint-ignore`, or ""."""
    parts = [f"{n} by {'the baseline' if how == 'baseline' else 'x-aiplint-ignore'}"
             for how, n in suppressed.items() if n]
    if len(parts) == 1:
        return f"; {parts[0].replace(' by ', ' suppressed by ', 1)}"
    return f"; {sum(suppressed.values())} suppressed: {', '.join(parts)}" if parts else ""


def write_statistics(findings: Sequence[Finding], rules: Mapping[str, Rule], stream: IO[str]) -> None:
    """A count per rule, most frequent first (as `ruff --statistics`): `  2  rest/resource-id-in-query  summary`."""
    by_rule = Counter(f.rule for f in findings)
    if not by_rule:
        return
    width, id_width = len(str(max(by_rule.values()))), max(map(len, by_rule))
    for rule_id, n in sorted(by_rule.items(), key=lambda item: (-item[1], item[0])):
        rule = rules.get(rule_id)
        stream.write(f"{n:>{width}}  {printable(rule_id):<{id_width}}  {rule.summary if rule else ''}".rstrip() + "\n")


def write_findings(findings: Sequence[Finding], stream: IO[str], colour: bool, *, show_source: bool = False) -> None:
    """`PATH:LINE:COL: SEVERITY RULE message` and the suggestion, per finding.  With `show_source`, each
    finding is followed by the offending source line under a line-number gutter with a caret at the
    finding's column (as ruff and rustc do)."""
    import click

    lines_of = _LineCache()
    for f in findings:
        severity = (click.style(f.severity.value, fg=_COLOURS[f.severity.value], bold=True) if colour
                    else f.severity.value)
        rule = click.style(printable(f.rule), bold=True) if colour else printable(f.rule)
        stream.write(f"{printable(f.file)}:{f.line}:{f.column}: {severity} {rule} {printable(f.message)}\n")
        if show_source:
            frame = _frame(lines_of(f.file), f.line, f.column)
            if frame and colour:
                frame = _colour_frame(frame, _COLOURS[f.severity.value])
            stream.write(frame)
        if f.suggestion:
            stream.write(f"    suggestion: {printable(f.suggestion)}\n")


def _count(n: int, noun: str) -> str:
    return f"{n} {noun}{'' if n == 1 else 's'}"


class _LineCache:
    """Each file read once per report."""

    def __init__(self) -> None:
        self._files: dict[str, list[str] | None] = {}

    def __call__(self, path: str) -> list[str] | None:
        if path not in self._files:
            self._files[path] = _read_lines(path)
        return self._files[path]


def _read_lines(path: str) -> list[str] | None:
    try:
        with open(path, "rb") as fh:
            raw = fh.read()
    except OSError:
        return None
    for bom, codec in ((b"\xef\xbb\xbf", "utf-8-sig"), (b"\xff\xfe", "utf-16"), (b"\xfe\xff", "utf-16")):
        if raw.startswith(bom):
            text = raw.decode(codec, errors="replace")
            break
    else:
        text = raw.decode("utf-8", errors="replace")
    # The positions count lines as the YAML and JSON parsers do: \n, \r\n and a lone \r end a line.
    return text.replace("\r\n", "\n").replace("\r", "\n").split("\n")


_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029]")


def _frame(lines: list[str] | None, line: int, column: int) -> str:
    if lines is None or not 1 <= line <= len(lines):
        return ""
    # A spec's text must not drive the terminal: control characters (escape sequences) print as "?".
    text = _CONTROL.sub("?", lines[line - 1]).rstrip()
    # The caret is padded by the same characters (tabs stay tabs) or as many columns (wide characters).
    pad = "".join(
        "\t" if ch == "\t" else "  " if unicodedata.east_asian_width(ch) in "WF" else " "
        for ch in text[: max(column, 1) - 1]
    )
    pad += " " * max(0, column - 1 - len(text))
    number = str(line)
    blank = " " * len(number)
    return f"{blank} |\n{number} | {text}\n{blank} | {pad}^\n"


def _colour_frame(frame: str, fg: str) -> str:
    import click

    out = []
    for i, row in enumerate(frame.splitlines()):
        gutter, _, rest = row.partition(" |")
        caret = i == 2
        marked = click.style(rest, fg=fg, bold=True) if caret else rest
        out.append(click.style(gutter + " |", fg="blue", bold=True) + marked)
    return "\n".join(out) + "\n"


# --------------------------------------------------------------------------------------------------
# json


def write_json(report: Report, stream: IO[str]) -> None:
    """The findings (under a diff: the diff report), the files that could not be linted, and a summary."""
    if report.diff is not None:
        from aiplint.comparison import write_json as write_diff

        return write_diff(report.diff, stream, report.errors)
    n = counts(report.findings)
    json.dump({
        "version": JSON_FORMAT_VERSION,
        "findings": [f.to_dict() for f in report.findings],
        "errors": error_dicts(report.errors),
        "summary": {"files": len(report.files), "errors": n["error"], "warnings": n["warning"], "infos": n["info"],
                    "suppressed": {"baseline": report.suppressed.get("baseline", 0),
                                   "inline": report.suppressed.get("inline", 0)}},
    }, stream, indent=2)
    stream.write("\n")


def error_dicts(errors: Sequence[InputError]) -> list[dict[str, Any]]:
    """The JSON shape of the files that could not be linted: `{file, line, column, message}`."""
    return [{"file": e.path, "line": e.line, "column": e.column, "message": e.message} for e in errors]


# --------------------------------------------------------------------------------------------------
# sarif

SARIF_VERSION = "2.1.0"
SARIF_SCHEMA = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
INFORMATION_URI = "https://pypi.org/project/aiplint/"
FINGERPRINT_KEY = "aiplintFingerprint/v1"
_SARIF_LEVELS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}


def write_sarif(report: Report, stream: IO[str]) -> None:
    """A SARIF 2.1.0 log with one run.  The driver describes every rule in `rules` (and any rule a finding
    names that `rules` lacks); each result carries its position, its JSON pointer and operation as logical
    locations, and the finding's fingerprint as a partial fingerprint, which GitHub code scanning uses to
    follow a finding across commits.  Under a diff, every finding is a result with its `baselineState`: `new`,
    `unchanged`, or `absent` for a fixed one (at its place in the old version, whose revision is the result's
    `revision` property), so a viewer that keeps alerts by run does not close the unchanged ones.  Files that
    could not be linted make the invocation unsuccessful, each with a notification at its position."""
    from aiplint import __version__

    results: list[tuple[Finding, str | None]] = [(f, None) for f in report.findings]
    if report.diff is not None:
        diff = report.diff
        groups = (("new", report.findings), ("unchanged", diff.unchanged_findings), ("absent", diff.fixed))
        results = [(f, state) for state, group in groups for f in group]
    index: dict[str, int] = {}
    descriptors: list[dict[str, Any]] = []
    for rule in report.rules.values():
        index[rule.id] = len(descriptors)
        descriptors.append(_descriptor(rule))
    for f, _ in results:
        if f.rule not in index:
            index[f.rule] = len(descriptors)
            descriptors.append({"id": f.rule})
    revision = report.diff.revision if report.diff is not None else None
    log = {
        "$schema": SARIF_SCHEMA,
        "version": SARIF_VERSION,
        "runs": [
            {
                "tool": {
                    "driver": {
                        "name": "aiplint",
                        "version": __version__,
                        "semanticVersion": __version__,
                        "informationUri": INFORMATION_URI,
                        "rules": descriptors,
                    }
                },
                # Our columns count characters (code points), not SARIF's default UTF-16 code units.
                "columnKind": "unicodeCodePoints",
                "invocations": [_invocation(report.errors)],
                "results": [_result(f, index[f.rule], state, revision) for f, state in results],
            }
        ],
    }
    json.dump(log, stream, indent=2)
    stream.write("\n")


def _invocation(errors: Sequence[InputError]) -> dict[str, Any]:
    invocation: dict[str, Any] = {"executionSuccessful": not errors}
    if errors:
        invocation["toolExecutionNotifications"] = [
            {"level": "error", "message": {"text": e.message}, "locations": [_physical(e.path, e.line, e.column)]}
            for e in errors]
    return invocation


def _physical(file: str, line: int, column: int) -> dict[str, Any]:
    return {"physicalLocation": {"artifactLocation": {"uri": _uri(repository_path(file))},
                                 "region": {"startLine": max(line, 1), "startColumn": max(column, 1)}}}


def _descriptor(rule: Rule) -> dict[str, Any]:
    severity = rule.severity_for("rest") or next(iter(rule.severities.values()), Severity.WARNING)
    doc = rule.doc.strip() or rule.summary
    descriptor: dict[str, Any] = {
        "id": rule.id,
        "shortDescription": {"text": rule.summary},
        "fullDescription": {"text": _first_paragraph(doc)},
        "help": {"text": doc, "markdown": doc},
        "defaultConfiguration": {"level": _SARIF_LEVELS[severity]},
    }
    if rule.url:
        descriptor["helpUri"] = rule.url
    if rule.reference:
        descriptor["properties"] = {"reference": rule.reference}
    return descriptor


def _first_paragraph(doc: str) -> str:
    return " ".join(re.split(r"\n\s*\n", doc.strip(), maxsplit=1)[0].split())


def _result(f: Finding, rule_index: int, state: str | None, revision: str | None) -> dict[str, Any]:
    text = f.message if not f.suggestion else f"{f.message}\nSuggestion: {f.suggestion}"
    # Where in the document (the JSON pointer) and, when known, which operation ("GET /v1/jobs") or path.
    name = last_token(f.pointer) if f.pointer else "(document)"
    logical: list[dict[str, Any]] = [{"name": name, "fullyQualifiedName": f.pointer}]
    if f.path is not None:
        name = f"{f.method} {f.path}" if f.method else f.path
        logical.append({"name": name, "fullyQualifiedName": name, "kind": "function" if f.method else "resource"})
    result = {
        "ruleId": f.rule,
        "ruleIndex": rule_index,
        "level": _SARIF_LEVELS[f.severity],
        "message": {"text": text},
        "locations": [{**_physical(f.file, f.line, f.column), "logicalLocations": logical}],
        "partialFingerprints": {FINGERPRINT_KEY: f.fingerprint},
        **({"relatedLocations": [_related_location(i, r) for i, r in enumerate(f.related)]} if f.related else {}),
    }
    if state is not None:
        result["baselineState"] = state
    if state == "absent" and revision:
        result["properties"] = {"revision": revision}
    return result


def _related_location(index: int, related: Any) -> dict[str, Any]:
    """Another path that uses the same singular collection, so code scanning shows every place to fix."""
    return {"id": index, **_physical(related.file, related.line, related.column), "message": {"text": related.path}}


def _uri(path: str) -> str:
    """A relative path stays relative (POSIX separators, percent-encoded); an absolute one is a file: URI."""
    from pathlib import Path, PurePath

    if os.path.isabs(path):
        return Path(path).as_uri()
    return quote(PurePath(path).as_posix(), safe="/")


# --------------------------------------------------------------------------------------------------
# github

_GITHUB_COMMANDS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}


def write_github(report: Report, stream: IO[str]) -> None:
    """GitHub Actions workflow commands, one line per finding, which annotate the pull request:
    ``::error file=PATH,line=L,col=C,title=RULE::MESSAGE`` (``::warning``, ``::notice`` for info); a file
    that could not be linted is an ``::error`` titled `aiplint`.  Under a diff, the new findings only."""
    for e in report.errors:
        _github_command(stream, "error", e.path, e.line, e.column, "aiplint", e.message)
    for f in report.findings:
        message = f.message if not f.suggestion else f"{f.message}\nSuggestion: {f.suggestion}"
        _github_command(stream, _GITHUB_COMMANDS[f.severity], f.file, f.line, f.column, f.rule, message)


def _github_command(stream: IO[str], command: str, file: str, line: int, column: int, title: str,
                    message: str) -> None:
    props = ",".join(f"{key}={_github_property(str(value))}" for key, value in (
        ("file", repository_path(file)), ("line", line), ("col", column), ("title", title)))
    stream.write(f"::{command} {props}::{_github_data(message)}\n")


def _github_data(text: str) -> str:
    """GitHub's escapes for line breaks (the annotation shows them as such), then other control characters
    written out (an escape sequence in an annotation or the log)."""
    return printable(text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A"))


def _github_property(text: str) -> str:
    return _github_data(text).replace(":", "%3A").replace(",", "%2C")


# --------------------------------------------------------------------------------------------------
# gitlab

_GITLAB_SEVERITIES = {Severity.ERROR: "major", Severity.WARNING: "minor", Severity.INFO: "info"}


def write_gitlab(report: Report, stream: IO[str]) -> None:
    """A GitLab Code Quality report (a JSON list of CodeClimate-style issues).  GitLab needs fingerprints
    unique within a report, and ours can repeat (the same problem in two files, or twice at one
    operation): a repeat gets `-2`, `-3`, ... in the order of the findings.  A file that could not be linted
    is a `critical` issue `aiplint/error`.  Under a diff, the new findings only."""
    seen: Counter[str] = Counter()
    issues = [
        {
            "description": f"aiplint could not lint this file: {e.message}",
            "check_name": "aiplint/error",
            "fingerprint": hashlib.sha256(f"{e.path}\x1f{e.message}".encode()).hexdigest()[:16],
            "severity": "critical",
            "location": {"path": e.path, "lines": {"begin": e.line}},
        }
        for e in report.errors
    ]
    for f in report.findings:
        seen[f.fingerprint] += 1
        fingerprint = f.fingerprint if seen[f.fingerprint] == 1 else f"{f.fingerprint}-{seen[f.fingerprint]}"
        issues.append(
            {
                "description": f"{f.rule}: {f.message}",
                "check_name": f.rule,
                "fingerprint": fingerprint,
                "severity": _GITLAB_SEVERITIES[f.severity],
                "location": {"path": f.file, "lines": {"begin": f.line}},
            }
        )
    json.dump(issues, stream, indent=2)
    stream.write("\n")


# --------------------------------------------------------------------------------------------------
# junit

# Characters XML 1.0 cannot carry at all, not even as character references.
_NOT_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def write_junit(report: Report, stream: IO[str]) -> None:
    """JUnit XML: one <testsuite> per file (the linted `files`, then any other file a finding is in, such as a
    `$ref`erenced one), one <testcase> per rule that ran (and any other rule a finding names) and file,
    failing with one <failure> listing that rule's findings in that file.  A file that could not be linted has
    a test case `aiplint/error` with an <error> per problem.  Under a diff, the new findings only."""
    import xml.etree.ElementTree as ET

    findings, errors = report.findings, report.errors
    by_file: dict[str, dict[str, list[Finding]]] = {path: {} for path in report.files}
    errors_of: dict[str, list[InputError]] = {}
    for e in errors:
        errors_of.setdefault(e.path, []).append(e)
        by_file.setdefault(e.path, {})
    rule_ids = list(report.rules)
    for f in findings:
        by_file.setdefault(f.file, {}).setdefault(f.rule, []).append(f)
        if f.rule not in rule_ids:
            rule_ids.append(f.rule)

    root = ET.Element("testsuites", name="aiplint")
    total_tests = total_failures = total_errors = 0
    for path, by_rule in by_file.items():
        suite = ET.SubElement(root, "testsuite", name=_xml(path))
        failed = errors_of.get(path, [])
        if failed:
            case = ET.SubElement(suite, "testcase", classname=_xml(path), name="aiplint/error")
            for e in failed:
                ET.SubElement(case, "error", message=_xml(e.message), type="input-error").text = _xml(str(e))
        failures = 0
        for rule_id in rule_ids:
            case = ET.SubElement(suite, "testcase", classname=_xml(path), name=rule_id)
            found = by_rule.get(rule_id)
            if not found:
                continue
            failures += 1
            worst = max((f.severity for f in found), key=lambda s: s.rank)
            message = found[0].message if len(found) == 1 else f"{len(found)} problems: {found[0].message}"
            failure = ET.SubElement(case, "failure", message=_xml(message), type=worst.value)
            failure.text = _xml("\n".join(_junit_line(f) for f in found))
        suite.set("tests", str(len(rule_ids) + bool(failed)))
        suite.set("failures", str(failures))
        suite.set("errors", str(int(bool(failed))))
        suite.set("skipped", "0")
        total_tests += len(rule_ids) + bool(failed)
        total_failures += failures
        total_errors += bool(failed)
    root.set("tests", str(total_tests))
    root.set("failures", str(total_failures))
    root.set("errors", str(total_errors))
    ET.indent(root)
    text = ET.tostring(root, encoding="unicode")
    # ASCII with character references: the same bytes whatever encoding the stream has.
    stream.write('<?xml version="1.0" encoding="UTF-8"?>\n')
    stream.write(text.encode("ascii", "xmlcharrefreplace").decode("ascii"))
    stream.write("\n")


def _junit_line(f: Finding) -> str:
    line = f"{f.line}:{f.column} {f.message}"
    return f"{line}\n    suggestion: {f.suggestion}" if f.suggestion else line


def _xml(text: str) -> str:
    return _NOT_XML.sub("\ufffd", text)


# --------------------------------------------------------------------------------------------------
# markdown

MARKDOWN_ITEMS = 100  # per list: a job summary holds 1 MiB, and a pull-request comment 65,536 characters


def write_markdown(report: Report, stream: IO[str]) -> None:
    """A summary for people reading CI: the counts by rule, the findings (under a diff: the new ones, the fixed
    ones, and the operations moved or removed with their breaking notes and the API changes), each list cut at
    `MARKDOWN_ITEMS` with the number left out.  Text from the specs is escaped: it cannot open a link, an image
    or HTML, and stays on its line."""
    diff = report.diff
    new = diff.new if diff is not None else report.findings  # lint findings: breaking changes have their section
    lines = [f"## aiplint: {markdown_inline(_markdown_headline(report))}", ""]
    columns = ("new", "unchanged", "fixed") if diff is not None else ("findings",)
    tallies = [Counter(f.rule for f in group) for group in
               ((new, diff.unchanged_findings, diff.fixed) if diff is not None else (new,))]
    rule_ids = sorted(set().union(*tallies), key=lambda r: (-sum(t[r] for t in tallies), r))
    if rule_ids:
        lines += [f"| rule | {' | '.join(columns)} |", "| --- |" + " ---: |" * len(columns)]
        lines += [f"| `{rule_id}` | " + " | ".join(str(t[rule_id]) for t in tallies) + " |" for rule_id in rule_ids]
        lines.append("")
    title = "New findings" if diff is not None else "Findings"
    lines += _markdown_list(title, [_markdown_finding(f) for f in new])
    if diff is not None:
        lines += _markdown_list("Fixed", [_markdown_finding(f, diff.revision) for f in diff.fixed])
        ops = diff.operations
        moved = [f"moved{' (breaking)' if m.breaking else ''}: `{markdown_inline(str(m.old), code=True)}` -> "
                 f"`{markdown_inline(str(m.new), code=True)}`"
                 + (f"; note: {markdown_inline(m.note)}" if m.note else "") for m in ops.moved]
        removed = [f"removed: `{markdown_inline(str(op), code=True)}`" for op in ops.removed]
        lines += _markdown_list("Operations moved or removed", moved + removed)
        if diff.changes:
            from aiplint.compat.report import markdown

            changes = markdown(diff.changes[:MARKDOWN_ITEMS], "API changes").splitlines()
            lines += ["#" * 2 + line if line.startswith("#") else line for line in changes]
            if len(diff.changes) > MARKDOWN_ITEMS:
                lines += ["", f"... and {len(diff.changes) - MARKDOWN_ITEMS} more API changes "
                              "(`aiplint changelog` lists them all)."]
    if report.errors:
        lines += _markdown_list("Files that could not be linted",
                                [f"`{markdown_inline(f'{e.path}:{e.line}:{e.column}', code=True)}`: "
                                 f"{markdown_inline(e.message)}" for e in report.errors])
    stream.write("\n".join(lines).rstrip("\n") + "\n")


def _markdown_headline(report: Report) -> str:
    if report.diff is None:
        return summary(report)
    diff = report.diff
    failed = len({e.path for e in report.errors})
    return (f"{_count(len(diff.new), 'new finding')}, {len(diff.fixed)} fixed, {diff.unchanged} unchanged, "
            f"{_count(len(diff.breaking), 'breaking change')}"
            + (f"; {_count(failed, 'file')} could not be linted" if failed else ""))


def _markdown_finding(f: Finding, revision: str | None = None) -> str:
    where = f"{revision}:{f.file}" if revision else f.file
    item = (f"**{f.severity.value}** `{f.rule}` `{markdown_inline(f'{where}:{f.line}:{f.column}', code=True)}`: "
            f"{markdown_inline(f.message)}")
    return item + (f"<br>suggestion: `{markdown_inline(f.suggestion, code=True)}`" if f.suggestion else "")


def _markdown_list(title: str, items: list[str]) -> list[str]:
    if not items:
        return []
    lines = [f"### {title} ({len(items)})", ""] + [f"- {item}" for item in items[:MARKDOWN_ITEMS]]
    if len(items) > MARKDOWN_ITEMS:
        lines.append(f"- ... and {len(items) - MARKDOWN_ITEMS} more (the JSON or SARIF report lists them all)")
    return lines + [""]


# --------------------------------------------------------------------------------------------------
# one signature for every format


class Writer(Protocol):
    def __call__(self, report: Report, stream: IO[str]) -> None: ...


def _text(report: Report, stream: IO[str]) -> None:
    if report.diff is None:
        return write_text(report, stream)
    from aiplint.comparison import write_text as write_diff

    write_diff(report.diff, stream, report.colour, report.quiet)
    failed = len({e.path for e in report.errors})
    if failed and not report.quiet:
        stream.write(f"Not compared: {_count(failed, 'file')} could not be linted.\n")


#: Format name -> writer, each called as ``writer(report, stream)``.
WRITERS: dict[str, Writer] = {
    "text": _text,
    "json": write_json,
    "sarif": write_sarif,
    "github": write_github,
    "gitlab": write_gitlab,
    "junit": write_junit,
    "markdown": write_markdown,
}
