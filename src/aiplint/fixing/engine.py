"""Fixing one spec: lint, make the fixes that do not meet, lint again, until nothing changes.

Each pass takes the findings `--fix` applies (`policy.will_fix`) in report order, and a fix's edits only where
none meets an edit already taken this pass (`TextEdit.meets`): the others wait for the next pass, which lints the
edited text and so sees whether they still apply.  The lint of the edited text (in memory, `$ref`'d files too)
decides whether the pass stands: its fixed findings must be gone and no finding new (`regressions`).  When that
fails the pass is tried again with its first fix alone, and a fix that fails alone is never tried again: a fix is
made only where it does what it says.  Passes stop when none makes a fix, or after `MAX_PASSES`.  An unsafe fix is
listed with the API changes it causes, classified by `aiplint.compat` from the spec before and after its pass, at
the paths it edits.
"""

from __future__ import annotations

import os
from collections import Counter
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Callable, Mapping

from aiplint.compat.matching import match_operations
from aiplint.compat.operations import compare_documents
from aiplint.fixing.edits import EditFinder, TextEdit, apply
from aiplint.fixing.policy import will_fix
from aiplint.linting.engine import Linted, lint_document
from aiplint.model.types import PARAM
from aiplint.read.document import Document, open_document
from aiplint.read.loading import InputError, Source, load_source
from aiplint.read.pointers import escape_token
from aiplint.rule import RenamePath, Severity

if TYPE_CHECKING:
    from aiplint.compat import Change
    from aiplint.config import Config
    from aiplint.linting.findings import Finding
    from aiplint.rule import Rule

MAX_PASSES = 10  # a pass applies every fix that does not meet another: more than a few means fixes that undo others


@dataclass(frozen=True)
class Applied:
    """A fix made: the finding it fixed (as the pass that fixed it reported it) and, for an unsafe fix, the API
    changes that break clients."""

    finding: Finding
    breaking: tuple[Change, ...] = ()
    unclassified: str = ""  # why its changes could not be classified (a bug of `compat`), where they could not


@dataclass
class SpecFix:
    """What fixing one spec did: each file's text before and after (by real path, with the name it is shown by),
    the fixes made, the edits of each pass, and the findings before and after."""

    names: dict[str, str] = field(default_factory=dict)
    before: dict[str, str] = field(default_factory=dict)
    after: dict[str, str] = field(default_factory=dict)
    applied: list[Applied] = field(default_factory=list)
    passes: list[list[TextEdit]] = field(default_factory=list)  # the edits each pass made, of the text before it
    found: list[Finding] = field(default_factory=list)  # the findings of the spec as it was
    remaining: list[Finding] = field(default_factory=list)

    @property
    def changed(self) -> list[str]:
        """The real paths of the files the fixes changed."""
        return [real for real, text in self.after.items() if text != self.before[real]]


def fix_spec(path: str, config: Config, rules: Mapping[str, Rule], *, unsafe: bool = False,
             text: str | None = None, reported: Callable[[list[Finding]], list[Finding]] | None = None
             ) -> SpecFix | None:
    """Fix the spec at `path` (its text `text` when given, else read from the disk) in memory; None when it is no
    OpenAPI document.  `reported`: the findings a run reports of those of the spec as it is (a baseline's left out),
    the only ones fixed.  Raises InputError for a spec that cannot be read."""
    spec = _Spec(path, config, rules, text)
    state = spec.lint(spec.current)
    if state is None:
        return None
    result = SpecFix(found=state.findings)
    shown = {f.fingerprint for f in (reported(state.findings) if reported is not None else state.findings)}
    # the fingerprints of findings left as they are: not reported, or whose fix did not fix them or caused new ones
    rejected = {f.fingerprint for f in state.findings} - shown
    for _ in range(MAX_PASSES * 2):
        chosen = _choose(state, config, unsafe, rejected)
        if not chosen or len(result.passes) == MAX_PASSES:
            break
        state = _make(spec, state, chosen, rejected, result)
    result.remaining = state.findings
    result.names, result.before, result.after = spec.names, spec.original, spec.current
    return result


def _make(spec: _Spec, state: Linted, chosen: list[tuple[Finding, list[TextEdit]]], rejected: set[str],
          result: SpecFix) -> Linted:
    """The chosen fixes made when, together, they fix their findings and cause no new one (the lint of the edited
    text says); else the first alone when it does, the others left to the next pass; else none, the first
    rejected.  The lint of the text as it is now."""
    while chosen:
        edits = [edit for _, its_edits in chosen for edit in its_edits]
        texts = spec.edited(edits)
        after = spec.lint(texts)
        if after is not None and not regressions(state.findings, after.findings, [f for f, _ in chosen]):
            changes, failed = spec.breaking(state, after) if any(_unsafe(f) for f, _ in chosen) else ([], "")
            result.applied += [Applied(finding, _caused_by(finding, changes), failed) if _unsafe(finding)
                               else Applied(finding) for finding, _ in chosen]
            result.passes.append(edits)
            spec.current = texts
            return after
        if len(chosen) == 1:
            rejected.add(chosen[0][0].fingerprint)
        chosen = chosen[:1] if len(chosen) > 1 else []
    return state


def regressions(before: list[Finding], after: list[Finding], fixed: list[Finding]) -> list[str]:
    """What went wrong between two lints around fixes of the `fixed` findings: a finding new after them, or one of
    theirs still there.  Findings count as (rule, method, path template), a path the fixes renamed under its old
    name (`finding_key`)."""
    old_of = renamed(fixed)
    was = Counter(finding_key(f) for f in before)
    now = Counter(finding_key(f, old_of) for f in after)
    gone = Counter(finding_key(f) for f in fixed)
    return [("new finding: " if count > was[key] else "fixed finding still there: ") + " ".join(filter(None, key))
            for key, count in now.items() if count > was[key] - gone[key]]


def renamed(fixed: list[Finding]) -> dict[str, str]:
    """New path key -> old one, for every path the fixes of `fixed` rename (in order: a renamed path renamed again
    keeps its first name)."""
    old_of: dict[str, str] = {}
    for finding in fixed:
        for edit in finding.fix.edits if finding.fix is not None else ():
            if isinstance(edit, RenamePath):
                old_of[edit.new] = old_of.pop(edit.old, edit.old)
    return old_of


def finding_key(finding: Finding, old_of: Mapping[str, str] | None = None) -> tuple[str, str, str]:
    """(rule, method, path template) of a finding, or (rule, "", pointer) without a path; a renamed path (`old_of`:
    new -> old key) under its old name."""
    old_of = old_of or {}
    if finding.path is not None:
        template = PARAM.sub("{}", finding.path)
        old_templates = {PARAM.sub("{}", new): PARAM.sub("{}", old) for new, old in old_of.items()}
        return finding.rule, finding.method or "", old_templates.get(template, template)
    pointer = finding.pointer
    for new, old in old_of.items():
        moved = "/paths/" + escape_token(new)
        if pointer == moved or pointer.startswith(moved + "/"):
            pointer = "/paths/" + escape_token(old) + pointer[len(moved):]
    return finding.rule, "", pointer


def _caused_by(finding: Finding, changes: list[Change]) -> tuple[Change, ...]:
    """The changes of a pass at the operations whose path the finding's fix edits (renames, or edits below it), or
    document-wide for a finding outside the paths; a change at a place two fixes of one pass edit is listed with
    both."""
    fix = finding.fix
    paths: set[str | None] = {edit.old for edit in fix.edits if isinstance(edit, RenamePath)} if fix else set()
    paths.add(finding.path)  # None for a finding outside the paths: the document-wide changes (servers)
    return tuple(change for change in changes if change.path in paths)


def _unsafe(finding: Finding) -> bool:
    return finding.fix is not None and not finding.fix.safe


def _choose(state: Linted, config: Config, unsafe: bool, rejected: set[str]) -> list[tuple[Finding, list[TextEdit]]]:
    """The fixes of one pass, in report order, each with its edits; a fix whose edits meet one taken waits."""
    wanted = (finding for finding in state.findings
              if finding.fingerprint not in rejected and will_fix(finding, config, unsafe))
    return EditFinder(state.api.document).apart(wanted)


class _Spec:
    """A spec's files as the fixes leave them: read from the disk (or standard input) once, then from memory."""

    def __init__(self, path: str, config: Config, rules: Mapping[str, Rule], text: str | None):
        self.path, self.config, self.rules, self.text = path, config, rules, text
        self.names: dict[str, str] = {}  # real path -> the name reports give the file
        self.original: dict[str, str] = {}
        self.current: dict[str, str] = {}

    def lint(self, texts: Mapping[str, str]) -> Linted | None:
        """The lint of the document as `texts` (real path -> text; the disk for the others) read, its model kept;
        None when it is no OpenAPI document, or a fix left it unreadable.  The first lint's InputError is raised."""
        try:
            document = self.open(texts)
        except InputError:
            if not texts:
                raise
            return None
        if document is None:
            return None
        linted = lint_document(document, self.config, self.rules)
        self._keep(document)
        return linted

    def open(self, texts: Mapping[str, str]) -> Document | None:
        root = texts.get(os.path.realpath(self.path), self.text)
        return open_document(self.path, root, project_root=self.config.ref_root,
                             load=self._loader(texts) if texts else None)

    def edited(self, edits: list[TextEdit]) -> dict[str, str]:
        """The files' current text with the edits made."""
        texts = dict(self.current)
        for real in {edit.file for edit in edits}:
            texts[real] = apply(texts[real], [edit for edit in edits if edit.file == real])
        return texts

    def breaking(self, before: Linted, after: Linted) -> tuple[list[Change], str]:
        """The API changes between two lints' documents that break clients (`compat`, their models paired), those
        the paths' stability allows (`v1alpha`) included: a fix says what it breaks wherever it is; and the error
        that stopped the comparison, if one did (a bug there must not undo fixes that the lint found sound, as it
        must not hide the rest of a diff's report)."""
        try:
            match = match_operations(before.api, after.api)
            changes = compare_documents(before.api.document, after.api.document, match, self.config.stability)
        except Exception as exc:  # noqa: BLE001 - reported with each unsafe fix of the pass
            return [], f"{type(exc).__name__}: {exc}"
        return [change for change in changes if change.kind.level(change.context) is not Severity.INFO], ""

    def _keep(self, document: Document) -> None:
        """Keep the text of every file the document has read so far (a lint follows `$ref`s as it needs them)."""
        for real, source in list(document.sources.items()):
            if real not in self.original:
                self.names[real], self.original[real], self.current[real] = source.path, source.text, source.text

    def _loader(self, texts: Mapping[str, str]) -> Callable[[str, str], Source]:
        def load(display: str, real: str) -> Source:
            return load_source(display, texts.get(real), _abspath=real)
        return load
