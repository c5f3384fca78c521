"""The `junit` format: JUnit XML, for CI test-report widgets."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from typing import IO, TYPE_CHECKING

from aiplint.report.writer import Report

if TYPE_CHECKING:
    from aiplint.linting.findings import Finding
    from aiplint.read.loading import InputError

# Characters XML 1.0 cannot carry at all, not even as character references.
_NOT_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def write(report: Report, stream: IO[str]) -> None:
    """JUnit XML: one <testsuite> per file (the linted `files`, then any other file a finding is in, such as a
    `$ref`erenced one), one <testcase> per rule that ran (and any other rule a finding names) and file,
    failing with one <failure> listing that rule's findings in that file.  A file that could not be linted has
    a test case `aiplint/error` with an <error> per problem.  Under a diff, the new findings only."""
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
