"""Fixing one spec: lint, apply the fixes that do not meet, lint again, until nothing changes.

Each pass lints the spec's current text (in memory, its `$ref`'d files too), takes the findings `--fix` applies
(`policy.will_fix`) in report order, and makes a fix's edits only where none meets an edit already taken this
pass (`TextEdit.meets`): the others wait for the next pass, which lints the edited text and so sees whether they
still apply.  Passes stop when none applies a fix, or after `MAX_PASSES`.  An unsafe fix is listed with the API
changes it causes, classified by `aiplint.compat` from the spec before and after that one fix.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Mapping

from aiplint.compat.matching import match_operations
from aiplint.compat.operations import compare_documents
from aiplint.fixing.edits import EditFinder, TextEdit, apply
from aiplint.fixing.policy import will_fix
from aiplint.linting.engine import lint_document
from aiplint.model import ApiModel
from aiplint.model.lexicon import Lexicon
from aiplint.read.document import Document, open_document
from aiplint.read.loading import InputError, Source, load_source

if TYPE_CHECKING:
    from aiplint.compat import Change
    from aiplint.config import Config
    from aiplint.linting.engine import Linted
    from aiplint.linting.findings import Finding
    from aiplint.rule import Rule

MAX_PASSES = 10  # a pass applies every fix that does not meet another: more than a few means fixes that undo others


@dataclass(frozen=True)
class Applied:
    """A fix made: the finding it fixed (as the pass that fixed it reported it) and, for an unsafe fix, the API
    changes that break clients."""

    finding: Finding
    breaking: tuple[Change, ...] = ()


@dataclass
class SpecFix:
    """What fixing one spec did: each file's text before and after (by real path, with the name it is shown by),
    the fixes made, and the findings left."""

    names: dict[str, str] = field(default_factory=dict)
    before: dict[str, str] = field(default_factory=dict)
    after: dict[str, str] = field(default_factory=dict)
    applied: list[Applied] = field(default_factory=list)
    remaining: list[Finding] = field(default_factory=list)
    passes: int = 0

    @property
    def changed(self) -> list[str]:
        """The real paths of the files the fixes changed."""
        return [real for real, text in self.after.items() if text != self.before[real]]


def fix_spec(path: str, config: Config, rules: Mapping[str, Rule], *, unsafe: bool = False,
             text: str | None = None) -> SpecFix | None:
    """Fix the spec at `path` (its text `text` when given, else read from the disk) in memory; None when it is no
    OpenAPI document.  Raises InputError for a spec that cannot be read, or that a fix left unreadable."""
    spec = _Spec(path, config, text)
    result = SpecFix()
    for passes in range(MAX_PASSES + 1):
        document = spec.open()
        if document is None:
            return None
        linted = lint_document(document, config, rules)
        spec.register(document)
        chosen = _choose(linted.findings, EditFinder(document), config, unsafe) if passes < MAX_PASSES else []
        if not chosen:
            result.remaining, result.passes = linted.findings, passes
            break
        for finding, edits in chosen:
            breaking = () if finding.fix is None or finding.fix.safe else spec.breaking(linted, edits)
            result.applied.append(Applied(finding, breaking))
        spec.edit([edit for _, edits in chosen for edit in edits])
    result.names, result.before, result.after = spec.names, spec.original, spec.current
    return result


def _choose(findings: list[Finding], finder: EditFinder, config: Config, unsafe: bool
            ) -> list[tuple[Finding, list[TextEdit]]]:
    """The fixes of one pass, in report order, each with its edits; a fix whose edits meet one taken waits."""
    chosen: list[tuple[Finding, list[TextEdit]]] = []
    taken: list[TextEdit] = []
    for finding in findings:
        if finding.fix is None or not will_fix(finding, config, unsafe):
            continue
        edits = finder.edits(finding.fix)
        if edits is None or any(edit.meets(other) for edit in edits for other in taken):
            continue
        chosen.append((finding, edits))
        taken += edits
    return chosen


class _Spec:
    """A spec's files as the fixes leave them: read from the disk (or standard input) once, then from memory."""

    def __init__(self, path: str, config: Config, text: str | None):
        self.path, self.config, self.text = path, config, text
        self.names: dict[str, str] = {}  # real path -> the name reports give the file
        self.original: dict[str, str] = {}
        self.current: dict[str, str] = {}

    def open(self, texts: Mapping[str, str] | None = None) -> Document | None:
        """The document as its files' current text (or `texts`) reads."""
        texts = self.current if texts is None else texts
        root = texts.get(os.path.realpath(self.path), self.text)
        load = self._loader(texts) if texts else None
        return open_document(self.path, root, project_root=self.config.ref_root, load=load)

    def register(self, document: Document) -> None:
        """Keep the text of every file the document has read so far (a lint follows `$ref`s as it needs them)."""
        for real, source in list(document.sources.items()):
            if real not in self.original:
                self.names[real], self.original[real], self.current[real] = source.path, source.text, source.text

    def edit(self, edits: list[TextEdit]) -> None:
        for real in {edit.file for edit in edits}:
            self.current[real] = apply(self.current[real], [edit for edit in edits if edit.file == real])

    def breaking(self, linted: Linted, edits: list[TextEdit]) -> tuple[Change, ...]:
        """The breaking API changes that `edits` alone make to the current text (`linted` is its lint)."""
        texts = dict(self.current)
        for real in {edit.file for edit in edits}:
            texts[real] = apply(texts[real], [edit for edit in edits if edit.file == real])
        try:
            after = self.open(texts)
        except InputError:
            return ()  # the pass's lint of the edited text reports it
        if after is None:
            return ()
        lexicon = Lexicon.of(self.config.vocabulary)
        match = match_operations(linted.api, ApiModel.build(after, lexicon))
        changes = compare_documents(linted.api.document, after, match, self.config.stability)
        return tuple(change for change in changes if change.breaking)

    def _loader(self, texts: Mapping[str, str]):
        def load(display: str, real: str) -> Source:
            text = texts.get(real)
            return load_source(display, text, _abspath=real) if text is not None else load_source(display,
                                                                                                  _abspath=real)
        return load
