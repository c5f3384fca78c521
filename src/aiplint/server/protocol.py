"""`aiplint server`: the Language Server Protocol over stdio, with pygls (a well-kept LSP library: the protocol's
types, its JSON-RPC and the editor's text kept in sync for us).

The editor's events become lints of the session (`aiplint.server.session`) and their findings diagnostics of
the file each lies in.  A lint runs in a thread of its own, one at a time: edits that arrive meanwhile are taken
together by the next one (the debounce: an edit never waits for a timer when nothing runs; `debounce` in the
initialization options adds a delay, in milliseconds), and findings for a text that changed meanwhile are not
published.  The workspace is untrusted: code a configuration names runs only with `--allow-plugins`,
`AIPLINT_ALLOW_PLUGINS=1` or `allowPlugins: true` in the initialization options (the user's editor settings)."""

from __future__ import annotations

import asyncio
import gc
import logging
import os
from concurrent.futures import ThreadPoolExecutor
from typing import Any, Iterable, Sequence

from lsprotocol import types
from pygls.lsp.server import LanguageServer
from pygls.protocol import LanguageServerProtocol, lsp_method
from pygls.uris import from_fs_path, to_fs_path

from aiplint import __version__
from aiplint.fixing.edits import EditFinder, TextEdit
from aiplint.linting.findings import Finding
from aiplint.read.loading import InputError
from aiplint.report.rule_docs import explanation
from aiplint.rule import Severity
from aiplint.server.edits import ignore_edit, token_end
from aiplint.server.session import Linted, Session, operation_pointer
from aiplint.server.text import Text

SPEC_SUFFIXES = (".yaml", ".yml", ".json")
CONFIG_FILES = ("pyproject.toml", ".aiplint.toml")
OPEN_DOCS = "aiplint.openRuleDocumentation"
_SEVERITY = {Severity.ERROR: types.DiagnosticSeverity.Error, Severity.WARNING: types.DiagnosticSeverity.Warning,
             Severity.INFO: types.DiagnosticSeverity.Information}
_NO_FIX = "aiplint has no automatic fix for this finding: make the change by hand"
IDLE = 0.5  # seconds without an edit after which what past lints left is collected (0.1 s a lint of GitHub's spec)
COLLECT_AFTER = 8  # lints without a pause after which it is collected all the same (about 100 MB each for GitHub's)

log = logging.getLogger(__name__)


class _Protocol(LanguageServerProtocol):
    """pygls's protocol, but for the specs open: their changes go to the server's copy of their text (`Text`),
    not to pygls's, which costs a pass over the whole file per keystroke."""

    _server: AiplintServer

    @lsp_method(types.TEXT_DOCUMENT_DID_CHANGE)
    def lsp_text_document__did_change(self, params: types.DidChangeTextDocumentParams):
        text = self._server.texts.get(_real(params.text_document.uri) or "")
        if text is None:
            yield from super().lsp_text_document__did_change(params)
            return
        for change in params.content_changes:
            text.apply(change, self.workspace.position_codec)
        if (handler := self.fm.features.get(types.TEXT_DOCUMENT_DID_CHANGE)) is not None:
            yield handler, (params,), None


class AiplintServer(LanguageServer):
    def __init__(self, allow_plugins: bool = False):
        super().__init__("aiplint", __version__, text_document_sync_kind=types.TextDocumentSyncKind.Incremental,
                         protocol_cls=_Protocol)
        self.allow_plugins = allow_plugins
        self.session = Session(allow_plugins)
        self.linted: dict[str, Linted] = {}  # by the spec's real path: the specs the open files need
        self.shown: dict[str, list[tuple[Finding | InputError, types.Diagnostic]]] = {}  # by real path
        self.uris: dict[str, str] = {}  # real path -> the URI the editor opened it under
        self.texts: dict[str, Text] = {}  # real path -> its text in the editor (the lint thread gets the strings)
        self.dirty: set[str] = set()  # real paths of the files changed since their last lint
        self.debounce = 0.0
        self._running: asyncio.Task | None = None
        self._pool = ThreadPoolExecutor(1, thread_name_prefix="aiplint-lint")
        self._idle: asyncio.TimerHandle | None = None  # the collection planned for when edits pause
        self._uncollected = 0  # lints since the last collection
        self._split: dict[str, _Lines] = {}  # by real path: the lines of the text last shown
        self._reload = False  # a configuration file changed: resolve every spec's configuration anew

    # --- the editor's events

    def opened(self, uri: str, text: str) -> None:
        real = _real(uri)
        if real is None:
            return
        self.uris[real] = uri
        self.texts[real] = Text(text)
        self.changed([real])

    def closed(self, uri: str) -> None:
        real = _real(uri)
        if real is None:
            return
        self.texts.pop(real, None)
        self.uris.pop(real, None)
        self._split.pop(real, None)
        before = self._all_files()
        needed = self._needed()
        for root in [root for root in self.linted if root not in needed]:
            del self.linted[root]
        self._publish(before | {real})
        if any(real in linted.reached for linted in self.linted.values()):
            self.changed([real])  # its text is the disk's again

    def changed(self, reals: Iterable[str]) -> None:
        self.dirty.update(reals)
        if self._idle is not None:
            self._idle.cancel()
        if self._running is None or self._running.done():
            self._running = asyncio.ensure_future(self._lint_while_dirty())

    def config_changed(self) -> None:
        self._reload = True  # by the lint thread, before its next lint (one may be running)
        self.changed(set(self.uris) | set(self.linted))

    # --- linting

    async def _lint_while_dirty(self) -> None:
        loop = asyncio.get_running_loop()
        while self.dirty:
            if self.debounce:
                await asyncio.sleep(self.debounce)
            dirty, self.dirty = self.dirty, set()
            texts = {real: text.text for real, text in self.texts.items()}
            try:
                done = await loop.run_in_executor(self._pool, self._lint, dirty, texts, list(self.linted.values()))
            except Exception as exc:  # noqa: BLE001 - the server stays up; the editor's log says why
                log.exception("lint failed")
                self.window_log_message(types.LogMessageParams(types.MessageType.Error, f"aiplint: {exc}"))
                continue
            stale = {real for real in texts if real not in self.texts or self.texts[real].text is not texts[real]}
            if stale & set().union(*(linted.reached for linted in done.values())):
                self.dirty |= dirty  # the text changed while it was linted: lint it again, show nothing old
                continue
            before = self._all_files()
            self.linted.update(done)
            self._publish(before | self._all_files() | dirty)
            self._uncollected += 1
            if self._uncollected >= COLLECT_AFTER:  # edits that never pause: memory first
                await loop.run_in_executor(self._pool, self._collect)
        if self._uncollected:
            self._idle = loop.call_later(IDLE, lambda: loop.run_in_executor(self._pool, self._collect))

    def _collect(self) -> None:
        """Free what past lints left in reference cycles (a document and its model point at each other).  The
        collector is off otherwise: left to itself it walks a large spec's millions of objects again and again
        while one is parsed and linted (GitHub's spec: 0.9 s a lint instead of 0.55 s)."""
        gc.collect()
        self._uncollected = 0

    def _lint(self, dirty: set[str], texts: dict[str, str], known: list[Linted]) -> dict[str, Linted]:
        """The specs the changed files need, linted (in the lint thread; `known`: the specs linted before)."""
        if self._reload:
            self._reload = False
            self.session.reload()
        self.session.texts = texts
        roots: list[str] = []
        for real in sorted(dirty):
            if real in texts or any(real in linted.reached for linted in known):
                roots += [root for root in self.session.specs_for(real, known) if root not in roots]
        return {root: self.session.lint(root) for root in roots}

    def _needed(self) -> set[str]:
        """The specs linted for the open files."""
        return {root for root, linted in self.linted.items() if linted.reached & set(self.uris)}

    def _all_files(self) -> set[str]:
        return set().union(*(linted.files() for linted in self.linted.values())) if self.linted else set()

    def _publish(self, files: Iterable[str]) -> None:
        for real in files:
            shown = self._diagnostics(real)
            self.shown[real] = shown
            uri = self.uris.get(real) or from_fs_path(real)
            if uri is None:
                continue
            self.text_document_publish_diagnostics(types.PublishDiagnosticsParams(
                uri=uri, diagnostics=[diagnostic for _, diagnostic in shown]))

    def _diagnostics(self, real: str) -> list[tuple[Finding | InputError, types.Diagnostic]]:
        """The findings and errors of every spec linted that lie in the file, each once."""
        out: dict[Any, tuple[Finding | InputError, types.Diagnostic]] = {}
        for linted in self.linted.values():
            lines = self._lines(real, linted)
            for finding in linted.findings.get(real, ()):
                key = (finding.rule, finding.line, finding.column, finding.message)
                out.setdefault(key, (finding, self._finding_diagnostic(finding, linted, lines)))
            for error in linted.errors.get(real, ()):
                key = ("error", error.line, error.column, error.message)
                out.setdefault(key, (error, self._error_diagnostic(error, lines)))
        return list(out.values())

    def _finding_diagnostic(self, finding: Finding, linted: Linted, lines: _Lines) -> types.Diagnostic:
        rule = linted.rules.get(finding.rule)
        message = finding.message
        if finding.suggestion:
            message += f"\nsuggestion: {finding.suggestion}"
        message += "".join(f"\nalso {also.rule}: {also.message}" for also in finding.also)
        related = [types.DiagnosticRelatedInformation(
            location=types.Location(uri=self._uri(place.file, linted), range=self._range(
                self._lines(os.path.realpath(place.file), linted), place.line, place.column)),
            message=f"the same mistake at {place.path}") for place in finding.related]
        return types.Diagnostic(
            range=self._range(lines, finding.line, finding.column), message=message,
            severity=_SEVERITY[finding.severity], code=finding.rule, source="aiplint",
            code_description=types.CodeDescription(href=rule.url) if rule is not None and _web(rule.url) else None,
            related_information=related or None,
            data={"rule": finding.rule, "fingerprint": finding.fingerprint})

    def _error_diagnostic(self, error: InputError, lines: _Lines) -> types.Diagnostic:
        return types.Diagnostic(range=self._range(lines, error.line, error.column), message=error.message,
                                severity=types.DiagnosticSeverity.Error, source="aiplint")

    def _lines(self, real: str, linted: Linted | None = None) -> _Lines:
        """The lines of a file as the spec was linted with it (split once per text)."""
        source = linted.document.sources.get(real) if linted is not None and linted.document is not None else None
        text = source.text if source is not None else self.texts[real].text if real in self.texts else _disk_text(real)
        kept = self._split.get(real)
        if kept is None or kept.text is not text:
            kept = self._split[real] = _Lines(text)
        return kept

    def _range(self, lines: _Lines, line: int, column: int) -> types.Range:
        """The token at a 1-based (line, character) position, in the client's units."""
        row, start = line - 1, column - 1
        text = lines[row]
        codec = self.workspace.position_codec
        return types.Range(codec.position_to_client_units(lines, types.Position(row, start)),
                           codec.position_to_client_units(lines, types.Position(row, token_end(text, start))))

    def _uri(self, file: str, linted: Linted) -> str:
        real = os.path.realpath(file)
        return self.uris.get(real) or from_fs_path(real) or file

    def baselines(self) -> set[str]:
        """The real paths of the baselines the linted specs' configurations name."""
        found = set()
        for linted in self.linted.values():
            if linted.baseline is not None:
                found.add(os.path.realpath(linted.baseline))
        return found

    # --- hover and code actions

    def at(self, uri: str, position: types.Position
           ) -> list[tuple[Finding | InputError, types.Diagnostic]]:
        real = _real(uri) or ""
        return [(item, diagnostic) for item, diagnostic in self.shown.get(real, ())
                if _within(position, diagnostic.range)]

    def spec_of(self, finding: Finding) -> Linted | None:
        return next((linted for linted in self.linted.values()
                     if any(finding in found for found in linted.findings.values())), None)


class _Lines(Sequence[str]):
    """A file's lines, split once, for the few positions converted (what pygls's codec indexes)."""

    def __init__(self, text: str):
        self.text = text
        self.lines = text.splitlines()

    def __getitem__(self, row):  # type: ignore[override]  # rows only: the codec reads one line at a time
        return self.lines[row] if 0 <= row < len(self.lines) else ""

    def __len__(self) -> int:
        return len(self.lines)


def _real(uri: str) -> str | None:
    path = to_fs_path(uri)
    return os.path.realpath(path) if path else None


def _disk_text(path: str) -> str:
    try:
        with open(path, encoding="utf-8", errors="replace") as stream:
            return stream.read()
    except OSError:
        return ""


def _within(position: types.Position, span: types.Range) -> bool:
    return ((span.start.line, span.start.character) <= (position.line, position.character)
            <= (span.end.line, span.end.character))


def _web(url: str) -> bool:
    return url.startswith(("https://", "http://"))


def build(allow_plugins: bool = False) -> AiplintServer:
    """The server, its features registered."""
    server = AiplintServer(allow_plugins)

    @server.feature(types.INITIALIZE)
    def initialize(ls: AiplintServer, params: types.InitializeParams) -> None:
        options = params.initialization_options if isinstance(params.initialization_options, dict) else {}
        if options.get("allowPlugins") is True and not ls.allow_plugins:
            ls.allow_plugins = True
            ls.session = Session(True)
        if isinstance(options.get("debounce"), (int, float)) and options["debounce"] >= 0:
            ls.debounce = options["debounce"] / 1000
        folder = _workspace_folder(params)
        if folder is not None and os.path.isdir(folder):
            os.chdir(folder)  # as `aiplint check` run there: its configuration search and root discovery
            ls.session.reload()

    @server.feature(types.INITIALIZED)
    async def initialized(ls: AiplintServer, params: types.InitializedParams) -> None:
        watch = ls.client_capabilities.workspace and ls.client_capabilities.workspace.did_change_watched_files
        if not (watch and watch.dynamic_registration):
            return
        watchers = [types.FileSystemWatcher(glob_pattern=f"**/{name}") for name in CONFIG_FILES]
        watchers += [types.FileSystemWatcher(glob_pattern=f"**/*{suffix}") for suffix in SPEC_SUFFIXES]
        try:
            await ls.client_register_capability_async(types.RegistrationParams(registrations=[types.Registration(
                id="aiplint-watched-files", method=types.WORKSPACE_DID_CHANGE_WATCHED_FILES,
                register_options=types.DidChangeWatchedFilesRegistrationOptions(watchers=watchers))]))
        except Exception as exc:  # noqa: BLE001 - a client that says it can and cannot: no watching, no failure
            log.warning("the editor refused to watch the configuration files: %s", exc)

    @server.feature(types.TEXT_DOCUMENT_DID_OPEN)
    def did_open(ls: AiplintServer, params: types.DidOpenTextDocumentParams) -> None:
        if params.text_document.uri.lower().endswith(SPEC_SUFFIXES):
            ls.opened(params.text_document.uri, params.text_document.text)

    @server.feature(types.TEXT_DOCUMENT_DID_CHANGE)
    def did_change(ls: AiplintServer, params: types.DidChangeTextDocumentParams) -> None:
        real = _real(params.text_document.uri)
        if real in ls.uris:  # its text is changed already (`_Protocol`)
            ls.changed([real])

    @server.feature(types.TEXT_DOCUMENT_DID_SAVE)
    def did_save(ls: AiplintServer, params: types.DidSaveTextDocumentParams) -> None:
        real = _real(params.text_document.uri)
        if real in ls.uris:
            ls.changed([real])

    @server.feature(types.TEXT_DOCUMENT_DID_CLOSE)
    def did_close(ls: AiplintServer, params: types.DidCloseTextDocumentParams) -> None:
        ls.closed(params.text_document.uri)

    @server.feature(types.WORKSPACE_DID_CHANGE_WATCHED_FILES)
    def watched(ls: AiplintServer, params: types.DidChangeWatchedFilesParams) -> None:
        paths = [path for change in params.changes if (path := _real(change.uri)) is not None]
        if any(os.path.basename(path) in CONFIG_FILES or path in ls.baselines() for path in paths):
            ls.config_changed()
            return
        on_disk = [path for path in paths if path not in ls.uris]  # an open file's text is the editor's
        reached = [path for path in on_disk if any(path in linted.reached for linted in ls.linted.values())]
        if reached:
            ls.changed(reached)

    @server.feature(types.TEXT_DOCUMENT_HOVER)
    def hover(ls: AiplintServer, params: types.HoverParams) -> types.Hover | None:
        texts: list[tuple[str, str]] = []
        for item, _ in ls.at(params.text_document.uri, params.position):
            linted = ls.spec_of(item) if isinstance(item, Finding) else None
            rule = linted.rules.get(item.rule) if linted is not None and isinstance(item, Finding) else None
            if rule is not None and rule.id not in [t[0] for t in texts]:
                texts.append((rule.id, f"```text\n{explanation(rule)}\n```"))
        if not texts:
            return None
        return types.Hover(contents=types.MarkupContent(kind=types.MarkupKind.Markdown,
                                                        value="\n\n---\n\n".join(text for _, text in texts)))

    @server.feature(types.TEXT_DOCUMENT_CODE_ACTION, types.CodeActionOptions(
        code_action_kinds=[types.CodeActionKind.QuickFix]))
    def code_action(ls: AiplintServer, params: types.CodeActionParams) -> list[types.CodeAction]:
        actions: list[types.CodeAction] = []
        uri = params.text_document.uri
        here = [(item, diagnostic) for item, diagnostic in ls.shown.get(_real(uri) or "", ())
                if isinstance(item, Finding) and _overlap(diagnostic.range, params.range)]
        for finding, diagnostic in here:
            assert isinstance(finding, Finding)
            linted = ls.spec_of(finding)
            made = EditFinder(linted.document).apart([finding]) if linted and linted.document else []
            if made and finding.fix is not None and linted is not None:
                unsafe = "" if finding.fix.safe else " (unsafe: changes the API for its clients)"
                actions.append(types.CodeAction(
                    title=f"Fix {finding.rule}: {finding.fix.title}{unsafe}", kind=types.CodeActionKind.QuickFix,
                    diagnostics=[diagnostic], is_preferred=finding.fix.safe,
                    edit=_workspace_edit(ls, linted, made[0][1])))
            elif finding.suggestion:
                actions.append(types.CodeAction(
                    title=f"Fix {finding.rule}: {finding.suggestion}", kind=types.CodeActionKind.QuickFix,
                    diagnostics=[diagnostic], disabled=types.CodeActionDisabled(reason=_NO_FIX)))
            place = operation_pointer(linted, finding) if linted is not None else None
            edit = ignore_edit(*place, finding.rule) if place is not None else None
            if edit is not None and linted is not None:
                source, row, column, text = edit
                start = ls.workspace.position_codec.position_to_client_units(
                    _Lines(source.text), types.Position(row, column))
                target = ls._uri(source.abspath, linted)
                actions.append(types.CodeAction(
                    title=f"Ignore {finding.rule} here (x-aiplint-ignore)", kind=types.CodeActionKind.QuickFix,
                    diagnostics=[diagnostic], edit=types.WorkspaceEdit(changes={target: [types.TextEdit(
                        range=types.Range(start, start), new_text=text)]})))
            actions.append(types.CodeAction(
                title=f"Show documentation for {finding.rule}", kind=types.CodeActionKind.Empty,
                diagnostics=[diagnostic],
                command=types.Command(title=f"Show documentation for {finding.rule}", command=OPEN_DOCS,
                                      arguments=[finding.rule])))
        fix_all = _fix_all(ls, [item for item, _ in ls.shown.get(_real(uri) or "", ()) if isinstance(item, Finding)])
        if fix_all is not None and here:
            actions.append(fix_all)
        return actions

    @server.command(OPEN_DOCS)
    async def open_documentation(ls: AiplintServer, rule_id: str) -> None:
        rule = next((linted.rules[rule_id] for linted in ls.linted.values() if rule_id in linted.rules), None)
        if rule is None:
            return
        if _web(rule.url):
            await ls.window_show_document_async(types.ShowDocumentParams(uri=rule.url, external=True))
        else:
            ls.window_show_message(types.ShowMessageParams(types.MessageType.Info, explanation(rule)))

    return server


def _fix_all(ls: AiplintServer, findings: list[Finding]) -> types.CodeAction | None:
    """One action making the safe fixes of a file's findings that can be made together (`check --fix`'s first
    pass; those that wait are offered again once the editor has the edited text linted); None for fewer than two."""
    safe = [finding for finding in findings if finding.fix is not None and finding.fix.safe]
    linted = ls.spec_of(safe[0]) if len(safe) > 1 else None
    made = EditFinder(linted.document).apart(safe) if linted is not None and linted.document is not None else []
    if len(made) < 2 or linted is None:
        return None
    edits = [edit for _, its_edits in made for edit in its_edits]
    return types.CodeAction(title=f"Fix all {len(made)} aiplint findings with a safe fix in this file",
                            kind=types.CodeActionKind.SourceFixAll, edit=_workspace_edit(ls, linted, edits))


def _workspace_edit(ls: AiplintServer, linted: Linted, edits: list[TextEdit]) -> types.WorkspaceEdit:
    """The fix engine's edits (character offsets of each file's text as linted) as the editor's, per file."""
    changes: dict[str, list[types.TextEdit]] = {}
    sources = {source.abspath: source for source in linted.document.sources.values()} if linted.document else {}
    for edit in edits:
        source = sources[edit.file]  # an edit is always of a file the document read
        lines = _Lines(source.text)
        start, end = (ls.workspace.position_codec.position_to_client_units(lines, _position(source.text, offset))
                      for offset in (edit.start, edit.end))
        changes.setdefault(ls._uri(source.abspath, linted), []).append(
            types.TextEdit(range=types.Range(start, end), new_text=edit.text))
    return types.WorkspaceEdit(changes=changes)


def _position(text: str, offset: int) -> types.Position:
    """The 0-based line and character (code points) of a character offset, lines ending at `\\n`."""
    line_start = text.rfind("\n", 0, offset) + 1
    return types.Position(text.count("\n", 0, offset), offset - line_start)


def _overlap(a: types.Range, b: types.Range) -> bool:
    return not ((a.end.line, a.end.character) < (b.start.line, b.start.character)
                or (b.end.line, b.end.character) < (a.start.line, a.start.character))


def _workspace_folder(params: types.InitializeParams) -> str | None:
    if params.workspace_folders:
        return to_fs_path(params.workspace_folders[0].uri)
    if params.root_uri:
        return to_fs_path(params.root_uri)
    return params.root_path


def serve(allow_plugins: bool = False) -> None:
    """Run the server on stdin and stdout until the editor ends it; the garbage collector runs when edits pause
    (`AiplintServer._collect`)."""
    gc.disable()
    build(allow_plugins).start_io()
