"""`--fix`, `--unsafe-fixes` and `--diff`: each spec fixed (`aiplint.fixing`) before it is linted, its files
written back, or their unified diff printed instead; each unsafe fix listed with the API changes that break clients.

A file is written back only when its bytes on the disk are still what was fixed (read before, compared after) and
its encoding round-trips (UTF-8, with its byte order mark when it had one): every byte outside the edits stays."""

from __future__ import annotations

import difflib
import sys
from dataclasses import dataclass
from typing import Callable

from aiplint.errors import AiplintError
from aiplint.fixing.edits import EditFinder, apply
from aiplint.fixing.engine import SpecFix, fix_spec
from aiplint.linting.baseline import Baseline
from aiplint.linting.findings import Finding
from aiplint.read.document import Document, open_document
from aiplint.read.escaping import printable
from aiplint.read.loading import InputError, read_file
from aiplint.run.console import plural, tell
from aiplint.run.files import Job
from aiplint.run.options import CheckOptions
from aiplint.run.results import Results

_BOM = b"\xef\xbb\xbf"


@dataclass
class Tally:
    """How many findings the fixes of a run fixed, and the files they changed."""

    fixed: int = 0
    files: int = 0


def fix_jobs(jobs: list[Job], options: CheckOptions, results: Results) -> Tally:
    """Fix each spec the jobs name: write its files (`--fix`) or print their diff (`--diff`).  A bug of the fix
    engine is the spec's internal error (exit 2), as a rule's crash is: the other specs are still fixed."""
    tally = Tally()
    for job in jobs:
        try:
            fixed = fix_spec(job.name, job.config, job.rules, unsafe=options.unsafe_fixes, text=job.text,
                             reported=_less_baseline(options.baseline_for(job.config.baseline), job.name))
        except InputError as exc:
            if options.diff:
                results.fail(exc)  # with --fix, the lint that follows reports it
            continue
        except Exception as exc:  # noqa: BLE001 - one spec's crash must not take the others' fixes and reports
            results.fail(InputError(job.name, f"internal error while fixing: {type(exc).__name__}: {exc}"))
            continue
        if fixed is None or not fixed.applied:
            continue
        if options.diff:
            sys.stdout.write(unified_diff(fixed))
        elif not _write_back(fixed, results):
            continue
        tally.fixed += len(fixed.applied)
        tally.files += len(fixed.changed)
        _list_unsafe(fixed, options.quiet)
    if options.diff and not options.quiet:
        tell(f"Would fix {plural(tally.fixed, 'problem')} in {plural(tally.files, 'file')}.")
    return tally


def _less_baseline(baseline_file: str | None, spec: str) -> Callable[[list[Finding]], list[Finding]] | None:
    """What a spec's report leaves of its findings when its baseline holds some: a baseline's findings are accepted
    as they are, and not fixed (one that cannot be read lets nothing be fixed; its lint reports it)."""
    if baseline_file is None:
        return None
    try:
        baseline = Baseline.load(baseline_file)
    except AiplintError:
        return lambda findings: []
    return lambda findings: baseline.split(spec, findings)[0]


def unified_diff(fixed: SpecFix) -> str:
    """The fixes as a unified diff of each changed file (`a/NAME`, `b/NAME`)."""
    return "".join(_file_diff(fixed.names[real], fixed.before[real], fixed.after[real]) for real in fixed.changed)


def fix_diffs(results: Results) -> dict[Finding, str]:
    """Each reported finding's fix as the unified diff of the files it changes, made alone on the spec as it is
    (the HTML report shows it); none for a fix whose text is not found."""
    reported = set(results.findings)
    diffs: dict[Finding, str] = {}
    for spec, found in results.by_spec.items():
        fixable = [finding for finding in found if finding.fix is not None and finding in reported]
        document = _document(spec) if fixable else None
        if document is None:
            continue
        finder = EditFinder(document)
        for finding in fixable:
            diff = _alone(finder, finding)
            if diff:
                diffs[finding] = diff
    return diffs


def _alone(finder: EditFinder, finding: Finding) -> str | None:
    """The unified diff of the finding's fix made alone; None where its text is not found."""
    made = finder.apart([finding])
    if not made:
        return None
    edits = made[0][1]
    sources = {source.abspath: source for source in finder.document.sources.values()}
    return "".join(_file_diff(sources[real].path, sources[real].text,
                              apply(sources[real].text, [edit for edit in edits if edit.file == real]))
                   for real in dict.fromkeys(edit.file for edit in edits))


def _document(spec: str) -> Document | None:
    try:
        return open_document(spec)
    except InputError:
        return None


def _file_diff(name: str, before: str, after: str) -> str:
    name = name.lstrip("/")  # `a/` and `b/` before an absolute path too, as git writes them
    lines = difflib.unified_diff(before.splitlines(keepends=True), after.splitlines(keepends=True), f"a/{name}",
                                 f"b/{name}")
    return "".join(line if line.endswith("\n") else line + "\n\\ No newline at end of file\n" for line in lines)


def _write_back(fixed: SpecFix, results: Results) -> bool:
    """Write the changed files, all or none: none when one of them is not what was fixed any more (changed on the
    disk meanwhile) or not UTF-8, which would leave a rename half made across files.  Whether they were written."""
    contents = {}
    for real in fixed.changed:
        try:
            raw = read_file(real)
        except InputError as exc:
            results.fail(InputError(fixed.names[real], f"not fixed: {exc.message}"))
            return False
        bom = _BOM if raw.startswith(_BOM) else b""
        if raw != bom + fixed.before[real].encode("utf-8"):
            results.fail(InputError(fixed.names[real], "not fixed: it changed while it was fixed, or is not UTF-8"))
            return False
        contents[real] = bom + fixed.after[real].encode("utf-8")
    for real, content in contents.items():
        with open(real, "wb") as stream:
            stream.write(content)
    return True


def _list_unsafe(fixed: SpecFix, quiet: bool) -> None:
    """Each unsafe fix made, with what it breaks for the API's clients."""
    if quiet:
        return
    for applied in fixed.applied:
        fix, finding = applied.finding.fix, applied.finding
        if fix is None or fix.safe:
            continue
        tell(printable(f"unsafe fix: {finding.file}: {finding.rule}: {fix.title}"))
        if applied.unclassified:
            tell(printable(f"  what it breaks is not known: the comparison failed ({applied.unclassified})"))
        for change in applied.breaking:
            allowed = f" (allowed: the path is {change.stability})" if not change.breaking else ""
            tell(printable(f"  breaks clients: {change.operation}: {change.message} [{change.id}]{allowed}"))
