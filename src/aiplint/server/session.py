"""What the language server knows, without the protocol: the editor's unsaved text, the parsed files kept between
edits, the specs to lint for a file and their findings, computed by the stages `aiplint check` runs.

A spec is linted as `aiplint check` lints it (`aiplint.run`): its configuration from `Resolver.for_path`, opened by
`open_document` with the project root its configuration gives, linted by `lint_opened`, less its baseline's
findings (`Results`); a file that is no OpenAPI document has the specs that `$ref` it linted in its place
(`RootFinder`, as `aiplint check FRAGMENT` does).  Two things differ, neither in what is found: the text of a file
open in the editor is its buffer's, not the disk's, and a file whose text has not changed since the last lint is
not parsed again (its `Source` is kept, by real path and the name it is reached by)."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Iterable

from aiplint.errors import AiplintError
from aiplint.read.discovery import RootFinder
from aiplint.read.document import Document, document_of, open_document
from aiplint.read.loading import InputError, Source, load_source, read_file
from aiplint.read.pointers import join_pointer
from aiplint.run import configure, lint
from aiplint.run.options import CheckOptions
from aiplint.run.results import Results

if TYPE_CHECKING:
    from aiplint.linting.findings import Finding
    from aiplint.rule import Rule


@dataclass
class Linted:
    """One spec's findings (less its baseline's) and the errors that stopped or spoilt its lint, by real path of
    the file each lies in, with the document they came from (None: it could not be opened)."""

    root: str  # real path
    findings: dict[str, list[Finding]] = field(default_factory=dict)
    errors: dict[str, list[InputError]] = field(default_factory=dict)
    reached: frozenset[str] = frozenset()  # the real paths of the files it read, itself included
    document: Document | None = None
    rules: dict[str, Rule] = field(default_factory=dict)
    baseline: str | None = None  # the baseline file its configuration names

    def files(self) -> set[str]:
        return set(self.findings) | set(self.errors)


class _Quiet(Results):
    """A check's results, its errors kept for the editor rather than written on stderr."""

    def fail(self, error: InputError, shown: str | None = None) -> None:
        self.errors.append(error)


class Session:
    """The open files' text, the parsed files kept, and the last findings of each spec linted."""

    def __init__(self, allow_plugins: bool = False):
        self.allow_plugins = allow_plugins
        self.options = CheckOptions(quiet=True, allow_plugins=allow_plugins)
        self.texts: dict[str, str] = {}  # real path -> the editor's text of an open file
        self._parsed: dict[tuple[str, str], tuple[Any, Source]] = {}  # (real path, name) -> (its content's key, parsed)
        self._roots: dict[str, tuple[Any, Source | InputError | None]] = {}  # a root's last reading
        self.reload()

    def reload(self) -> None:
        """Read the configuration files again (one changed): every spec's configuration is resolved anew."""
        self.resolver = configure.resolver(None, False, self.allow_plugins)
        self.finder = configure.finder(self.options, self.resolver)

    def specs_for(self, path: str, known: Iterable[Linted] = ()) -> list[str]:
        """The specs to lint for a file: itself when it is an OpenAPI document, and the specs already linted that
        reach it; for a file that is none, the specs that `$ref` it (the configuration's `roots`, else those of
        its repository), as `aiplint check FRAGMENT` finds them."""
        real = os.path.realpath(path)
        specs = [linted.root for linted in known if real in linted.reached and linted.root != real]
        reading = self._read_root(path)
        if reading is None and not specs:
            try:
                config, _ = self.resolver.for_path(path)
            except AiplintError:  # a configuration the user must fix: shown where they look, by `lint`
                return [real]
            finder = RootFinder(self.finder, self._open_root)  # afresh: the files may have changed since
            specs = [os.path.realpath(root) for root, _ in finder.roots(path, config.roots, config.folder)]
        return ([real] if reading is not None else []) + specs

    def lint(self, path: str) -> Linted:
        """A spec's findings, as `aiplint check PATH` finds them with the editor's text of the files open."""
        real = os.path.realpath(path)
        linted = Linted(real, reached=frozenset({real}))
        try:
            config, rules = self.resolver.for_path(path)
        except AiplintError as exc:  # a configuration the user must fix (exit 2 in `aiplint check`): at the spec
            linted.errors[real] = [exc if isinstance(exc, InputError) else InputError(path, str(exc))]
            return linted
        reading = self._read_root(path)
        if isinstance(reading, InputError) or reading is None:
            if reading is not None:
                linted.errors[real] = [reading]
            return linted
        document = document_of(reading, config.ref_root, self._load)
        assert document is not None, "a root's reading is an OpenAPI document"
        outcome = lint.lint_opened(document, config, rules)
        results = _Quiet(self.options)
        results.take(path, outcome, config, rules)
        linted.document, linted.rules, linted.baseline = document, rules, self.options.baseline_for(config.baseline)
        linted.reached = frozenset(document.sources)
        by_name = {source.path: real_path for real_path, source in document.sources.items()}
        for finding in results.findings:
            linted.findings.setdefault(by_name.get(finding.file, real), []).append(finding)
        for error in results.errors:
            linted.errors.setdefault(by_name.get(error.path, real), []).append(error)
        return linted

    def _read_root(self, path: str) -> Source | InputError | None:
        """A spec's root file parsed (from the editor's text, or the disk), or the error reading it; None when it
        is no OpenAPI document.  Parsed again only when its text changed."""
        real = os.path.realpath(path)
        try:
            key = self._content_key(path, real)
        except InputError as exc:
            return exc
        kept = self._roots.get(real)
        if kept is not None and kept[0] == key:
            return kept[1]
        text = self.texts.get(real)
        try:  # the project root matters to the document, made anew from the root file by each lint, not here
            document = open_document(path, text)
            reading: Source | InputError | None = document.root if document is not None else None
        except InputError as exc:
            reading = exc
        self._roots[real] = (key, reading)
        if isinstance(reading, Source):
            self._parsed[(real, reading.path)] = (key, reading)
        return reading

    def _load(self, display: str, real: str) -> Source:
        """A file a `$ref` reaches: parsed again only when its text changed (the editor's, or the disk's)."""
        key = self._content_key(display, real)
        kept = self._parsed.get((real, display))
        if kept is not None and kept[0] == key:
            return kept[1]
        text = self.texts.get(real)
        source = load_source(display, text, raw=read_file(display) if text is None else None, _abspath=real)
        self._parsed[(real, display)] = (key, source)
        return source

    def _content_key(self, path: str, real: str) -> Any:
        """What identifies a file's text: the editor's text itself, or the disk file's identity and time."""
        text = self.texts.get(real)
        if text is not None:
            return ("editor", len(text), hash(text))
        try:
            st = os.stat(path)
        except OSError:
            read_file(path)  # raises the error the command line gives (`file not found`, ...)
            return object()  # it could be read after all: a key nothing kept matches
        return ("disk", st.st_ino, st.st_size, st.st_mtime_ns)

    def _open_root(self, path: str, walked_from: str) -> Document | None:
        """A candidate root of a fragment (`RootFinder`): none when it cannot be read."""
        config, _ = self.resolver.for_path(path)
        reading = self._read_root(path)
        return document_of(reading, config.ref_root, self._load) if isinstance(reading, Source) else None


def operation_pointer(linted: Linted, finding: Finding) -> tuple[Source, str] | None:
    """Where an `x-aiplint-ignore` entry covers a finding: its operation (in whichever file the path item
    lives), its path item, or else the object it points at; None when the spec is not at hand."""
    document = linted.document
    if document is None:
        return None
    root = document.root
    if finding.path is not None and isinstance(root.data.get("paths"), dict) and finding.path in root.data["paths"]:
        pointer = join_pointer("/paths", finding.path)
        item = document.refs.resolve(root.data["paths"][finding.path], root, pointer)
        if isinstance(item.node, dict):
            method = (finding.method or "").lower()
            if method and isinstance(item.node.get(method), dict):
                return item.source, join_pointer(item.pointer, method)
            return item.source, item.pointer
    source = next((s for s in document.sources.values() if s.path == finding.file), None)
    return (source, finding.pointer) if source is not None else None
