"""Report formats.

`text` is for people, `json` for tools (a versioned contract); the CI formats are `sarif` (SARIF 2.1.0, for
GitHub code scanning and other SARIF viewers), `github` (GitHub Actions workflow commands, which annotate the
pull request), `gitlab` (GitLab Code Quality) and `junit` (JUnit XML, for test-report widgets).

Every writer is a pure function of the findings (already sorted; written in that order), writes UTF-8-safe
text to the stream it is given and nothing else, and is deterministic: no timestamps, no absolute paths
it was not given.  :data:`WRITERS` maps each format name to a callable of one uniform signature,
``(findings, rules, files, stream, **options)``, where `files` are the linted files; the option `errors`
lists the files that could not be linted (`InputError`s), which every format reports, so a spec that breaks
never reads as one whose problems were all fixed.

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
from typing import IO, TYPE_CHECKING, Any, Iterable, Mapping, Protocol, Sequence
from urllib.parse import quote

from aiplint.engine import Finding
from aiplint.rule import Rule, Severity
from aiplint.trust import printable

if TYPE_CHECKING:
    from aiplint.document import InputError

JSON_FORMAT_VERSION = 1
_COLOURS = {"error": "red", "warning": "yellow", "info": "blue"}


def use_colour(stream: IO[str]) -> bool:
    """Colour only on a terminal, never when NO_COLOR is set (https://no-color.org)."""
    return stream.isatty() and not os.environ.get("NO_COLOR")


def counts(findings: Iterable[Finding]) -> Counter[str]:
    return Counter(f.severity.value for f in findings)




# --------------------------------------------------------------------------------------------------
# text


def write_text(
    findings: list[Finding], files: int, stream: IO[str], colour: bool, quiet: bool = False,
    *, show_source: bool = False, errors: Sequence[InputError] = (),
) -> None:
    """One line per finding, then a summary, which says how many files could not be linted (their errors
    are on stderr)."""
    write_findings(findings, stream, colour, show_source=show_source)
    if quiet:
        return
    n = counts(findings)
    noun = "file" if files == 1 else "files"
    failed = len({e.path for e in errors})
    if findings:
        total = len(findings)
        stream.write(
            f"Found {_count(total, 'problem')} in {files} {noun} "
            f"({_count(n['error'], 'error')}, {_count(n['warning'], 'warning')}, {_count(n['info'], 'info')})"
            + (f"; {_count(failed, 'file')} could not be linted.\n" if failed else ".\n")
        )
    elif failed:
        stream.write(f"No problems found in {files} {noun}, but {_count(failed, 'file')} could not be linted.\n")
    else:
        stream.write(f"All checks passed ({files} {noun}).\n")


def write_findings(findings: list[Finding], stream: IO[str], colour: bool, *, show_source: bool = False) -> None:
    """`PATH:LINE:COL: SEVERITY RULE message` and the suggestion, per finding.  With `show_source`, each
    finding is followed by the offending source line under a line-number gutter with a caret at the
    finding's column (as ruff and rustc do)."""
    import click

    lines_of = _LineCache()
    for f in findings:
        severity = click.style(f.severity.value, fg=_COLOURS[f.severity.value], bold=True) if colour else f.severity.value
        rule = click.style(f.rule, bold=True) if colour else f.rule
        stream.write(f"{printable(f.file)}:{f.line}:{f.column}: {severity} {printable(rule)} {printable(f.message)}\n")
        if show_source:
            frame = _frame(lines_of(f.file), f.line, f.column)
            if frame and colour:
                frame = _colour_frame(frame, _COLOURS[f.severity.value])
            stream.write(frame)
        if f.suggestion:
            stream.write(f"    suggestion: {printable(f.suggestion)}\n")


def _count(n: int, noun: str) -> str:
    return f"{n} {noun}{'' if n == 1 else 's'}"


def code_frame(path: str, line: int, column: int) -> str:
    """The source line `line` of `path` under a line-number gutter, with a caret under `column` (both
    1-based, the column in characters)::

           |
        40 |         - name: job_id
           |           ^

    Every line ends with a newline.  "" when the file cannot be read or has no such line."""
    return _frame(_read_lines(path), line, column)


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
        out.append(click.style(gutter + " |", fg="blue", bold=True) + (click.style(rest, fg=fg, bold=True) if caret else rest))
    return "\n".join(out) + "\n"


# --------------------------------------------------------------------------------------------------
# json


def write_json(findings: list[Finding], files: int, stream: IO[str], errors: Sequence[InputError] = ()) -> None:
    n = counts(findings)
    report = {
        "version": JSON_FORMAT_VERSION,
        "findings": [f.to_dict() for f in findings],
        "errors": error_dicts(errors),
        "summary": {"files": files, "errors": n["error"], "warnings": n["warning"], "infos": n["info"]},
    }
    json.dump(report, stream, indent=2)
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


def write_sarif(findings: list[Finding], rules: Mapping[str, Rule], stream: IO[str],
                errors: Sequence[InputError] = ()) -> None:
    """A SARIF 2.1.0 log with one run.  The driver describes every rule in `rules` (and any rule a finding
    names that `rules` lacks); each result carries its position, its JSON pointer and operation as logical
    locations, and the finding's fingerprint as a partial fingerprint, which GitHub code scanning uses to
    follow a finding across commits.  Files that could not be linted make the invocation unsuccessful, each
    with a notification at its position."""
    from aiplint import __version__

    index: dict[str, int] = {}
    descriptors = []
    for rule in rules.values():
        index[rule.id] = len(descriptors)
        descriptors.append(_descriptor(rule))
    for f in findings:
        if f.rule not in index:
            index[f.rule] = len(descriptors)
            descriptors.append({"id": f.rule})
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
                "invocations": [_invocation(errors)],
                "results": [_result(f, index[f.rule]) for f in findings],
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
    return {"physicalLocation": {"artifactLocation": {"uri": _uri(file)},
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


def _result(f: Finding, rule_index: int) -> dict[str, Any]:
    text = f.message if not f.suggestion else f"{f.message}\nSuggestion: {f.suggestion}"
    # Where in the document (the JSON pointer) and, when known, which operation ("GET /v1/jobs") or path.
    logical: list[dict[str, Any]] = [{"name": _last_token(f.pointer), "fullyQualifiedName": f.pointer}]
    if f.path is not None:
        name = f"{f.method} {f.path}" if f.method else f.path
        logical.append({"name": name, "fullyQualifiedName": name, "kind": "function" if f.method else "resource"})
    return {
        "ruleId": f.rule,
        "ruleIndex": rule_index,
        "level": _SARIF_LEVELS[f.severity],
        "message": {"text": text},
        "locations": [{**_physical(f.file, f.line, f.column), "logicalLocations": logical}],
        "partialFingerprints": {FINGERPRINT_KEY: f.fingerprint},
        **({"relatedLocations": [_related_location(i, r) for i, r in enumerate(f.related)]} if f.related else {}),
    }


def _related_location(index: int, related: Any) -> dict[str, Any]:
    """Another path that uses the same singular collection, so code scanning shows every place to fix."""
    return {
        "id": index,
        "physicalLocation": {
            "artifactLocation": {"uri": _uri(related.file)},
            "region": {"startLine": max(related.line, 1), "startColumn": max(related.column, 1)},
        },
        "message": {"text": related.path},
    }


def _last_token(pointer: str) -> str:
    token = pointer.rsplit("/", 1)[-1]
    return token.replace("~1", "/").replace("~0", "~") if pointer else "(document)"


def _uri(path: str) -> str:
    """A relative path stays relative (POSIX separators, percent-encoded); an absolute one is a file: URI."""
    from pathlib import Path, PurePath

    if os.path.isabs(path):
        return Path(path).as_uri()
    return quote(PurePath(path).as_posix(), safe="/")


# --------------------------------------------------------------------------------------------------
# github

_GITHUB_COMMANDS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}


def write_github(findings: list[Finding], stream: IO[str], errors: Sequence[InputError] = ()) -> None:
    """GitHub Actions workflow commands, one line per finding, which annotate the pull request:
    ``::error file=PATH,line=L,col=C,title=RULE::MESSAGE`` (``::warning``, ``::notice`` for info); a file
    that could not be linted is an ``::error`` titled `aiplint`."""
    for e in errors:
        _github_command(stream, "error", e.path, e.line, e.column, "aiplint", e.message)
    for f in findings:
        message = f.message if not f.suggestion else f"{f.message}\nSuggestion: {f.suggestion}"
        _github_command(stream, _GITHUB_COMMANDS[f.severity], f.file, f.line, f.column, f.rule, message)


def _github_command(stream: IO[str], command: str, file: str, line: int, column: int, title: str,
                    message: str) -> None:
    props = ",".join(f"{key}={_github_property(str(value))}"
                     for key, value in (("file", file), ("line", line), ("col", column), ("title", title)))
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


def write_gitlab(findings: list[Finding], stream: IO[str], errors: Sequence[InputError] = ()) -> None:
    """A GitLab Code Quality report (a JSON list of CodeClimate-style issues).  GitLab needs fingerprints
    unique within a report, and ours can repeat (the same problem in two files, or twice at one
    operation): a repeat gets `-2`, `-3`, ... in the order of the findings.  A file that could not be linted
    is a `critical` issue `aiplint/error`."""
    seen: Counter[str] = Counter()
    issues = [
        {
            "description": f"aiplint could not lint this file: {e.message}",
            "check_name": "aiplint/error",
            "fingerprint": hashlib.sha256(f"{e.path}\x1f{e.message}".encode()).hexdigest()[:16],
            "severity": "critical",
            "location": {"path": e.path, "lines": {"begin": e.line}},
        }
        for e in errors
    ]
    for f in findings:
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


def write_junit(findings: list[Finding], rules: Mapping[str, Rule], files: list[str], stream: IO[str],
                errors: Sequence[InputError] = ()) -> None:
    """JUnit XML: one <testsuite> per file (the linted `files`, then any other file a finding is in, such as a
    `$ref`erenced one), one <testcase> per rule in `rules` (and any other rule a finding names) and file,
    failing with one <failure> listing that rule's findings in that file.  A file that could not be linted has
    a test case `aiplint/error` with an <error> per problem."""
    import xml.etree.ElementTree as ET

    by_file: dict[str, dict[str, list[Finding]]] = {path: {} for path in files}
    errors_of: dict[str, list[InputError]] = {}
    for e in errors:
        errors_of.setdefault(e.path, []).append(e)
        by_file.setdefault(e.path, {})
    rule_ids = list(rules)
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
# one signature for the command line


class Writer(Protocol):
    def __call__(
        self, findings: list[Finding], rules: Mapping[str, Rule], files: list[str], stream: IO[str], **options: Any
    ) -> None: ...


def _text(findings: list[Finding], rules: Mapping[str, Rule], files: list[str], stream: IO[str], *,
          colour: bool | None = None, quiet: bool = False, show_source: bool = False,
          errors: Sequence[InputError] = (), **_: Any) -> None:
    write_text(findings, len(files), stream, use_colour(stream) if colour is None else colour, quiet,
               show_source=show_source, errors=errors)


def _json(findings: list[Finding], rules: Mapping[str, Rule], files: list[str], stream: IO[str], *,
          errors: Sequence[InputError] = (), **_: Any) -> None:
    write_json(findings, len(files), stream, errors)


def _sarif(findings: list[Finding], rules: Mapping[str, Rule], files: list[str], stream: IO[str], *,
           errors: Sequence[InputError] = (), **_: Any) -> None:
    write_sarif(findings, rules, stream, errors)


def _github(findings: list[Finding], rules: Mapping[str, Rule], files: list[str], stream: IO[str], *,
            errors: Sequence[InputError] = (), **_: Any) -> None:
    write_github(findings, stream, errors)


def _gitlab(findings: list[Finding], rules: Mapping[str, Rule], files: list[str], stream: IO[str], *,
            errors: Sequence[InputError] = (), **_: Any) -> None:
    write_gitlab(findings, stream, errors)


def _junit(findings: list[Finding], rules: Mapping[str, Rule], files: list[str], stream: IO[str], *,
           errors: Sequence[InputError] = (), **_: Any) -> None:
    write_junit(findings, rules, files, stream, errors)


#: Format name -> writer, each called as ``writer(findings, rules, files, stream, **options)`` with the
#: linted `files` and the rules that ran.  Options a format does not use are ignored; every format takes
#: ``errors`` (the files that could not be linted); `text` takes ``colour`` (default: :func:`use_colour` of
#: the stream), ``quiet`` and ``show_source``.
WRITERS: dict[str, Writer] = {
    "text": _text,
    "json": _json,
    "sarif": _sarif,
    "github": _github,
    "gitlab": _gitlab,
    "junit": _junit,
}
