"""Linting a Python application: `aiplint check --app pkg.api:app`.

The application is imported (`pkg.api:app`, or a factory called without arguments: `pkg.api:create_app()`),
its framework generates its OpenAPI document (see `aiplint.integrations.frameworks`), and that document is linted like a
file.  Each finding is then moved from the generated document to the Python source that declares its
operation: the route function's first line (its first decorator), found through the framework's route
table and `inspect`.  The JSON pointer into the generated document stays in the finding.  Findings that no
route declares (components, the document's info) land where the application object is defined.  Under
`--diff-base`, API changes are moved the same way, each side to its application's source.

Importing an application runs its code: the command line does it for `--app` (the user's own choice); an
`app` named by a repository's configuration needs the opt-in of `aiplint.read.trust`.  For `--diff-base`, the
application at the base revision is imported in a separate Python process, from a temporary checkout.
"""

from __future__ import annotations

import os
import re
import sys
from contextlib import redirect_stdout
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Any, Iterable, Mapping

from aiplint.errors import AiplintError
from aiplint.integrations import frameworks
from aiplint.linting.engine import lint_document
from aiplint.read.document import Document
from aiplint.read.loading import InputError, Source
from aiplint.read.pointers import split_pointer

if TYPE_CHECKING:
    from types import ModuleType

    from aiplint.compat import Change
    from aiplint.compat import Place as ChangePlace
    from aiplint.compat.diff import DiffReport
    from aiplint.config import Config
    from aiplint.linting.engine import Linted
    from aiplint.linting.findings import Finding, RuleCrash
    from aiplint.read.document import Document
    from aiplint.read.revisions import Checkout
    from aiplint.rule import Rule

_TARGET = re.compile(r"(?P<module>[A-Za-z_]\w*(?:\.[A-Za-z_]\w*)*):(?P<attr>[A-Za-z_]\w*(?:\.[A-Za-z_]\w*)*)"
                     r"(?P<call>\(\))?\Z")
_PATH_SHAPE = re.compile(r"<[^<>]*>|\{[^{}]*\}")  # Werkzeug's `<int:id>`, OpenAPI's `{id}`, Litestar's `{id:int}`
_METHODS = ("GET", "PUT", "POST", "DELETE", "OPTIONS", "HEAD", "PATCH", "TRACE")
EXPORT_TIMEOUT = 600  # seconds for the base revision's application to import and describe itself


class AppError(AiplintError):
    """An application that cannot be linted (bad reference, import error, unsupported framework): exit 2."""


@dataclass(frozen=True)
class Place:
    """A line of Python source, as reported: `file` relative to the current folder where it lies beneath it."""

    file: str
    line: int
    column: int


@dataclass
class AppDocument:
    """One OpenAPI document an application generates, with the source lines of its routes."""

    name: str  # `pkg.api:app`, or `pkg.api:app /v1` for an application mounted at /v1: the baseline key
    spec: dict[str, Any]
    routes: dict[tuple[str, str], Place]  # (METHOD, path shape) -> the route function
    home: Place  # where the application object is defined

    def document(self) -> Document:
        import json

        text = json.dumps(self.spec, indent=2, ensure_ascii=False, default=str)
        data = json.loads(text)
        if not isinstance(data, dict) or not ("openapi" in data or "swagger" in data):
            raise AppError(f"{self.name}: the framework's document has no `openapi` or `swagger` key")
        return Document(Source(self.name, data, text=text, is_json=True))

    def place(self, finding: Finding) -> Place:
        """The route function declaring the finding's operation (or the first operation of its path)."""
        return self.declaring(finding.method, finding.path, finding.pointer)

    def declaring(self, method: str | None, path: str | None, pointer: str) -> Place:
        """The route function declaring an operation (`method`, `path`; else the first operation of the path
        `pointer` is under), or where the application object is defined."""
        path = path if path is not None else _pointer_path(pointer)
        if path is None:
            return self.home
        item = (self.spec.get("paths") or {}).get(path)
        methods = [method] if method else [m for m in _METHODS if m.lower() in (item or {})]
        for method in methods:
            place = self._route(method, path)
            if place is not None:
                return place
        return self.home

    def _route(self, method: str, path: str) -> Place | None:
        shape = _shape(path)
        place = self.routes.get((method, shape))
        if place is None:  # served under a prefix the route table does not hold (Django's URLconf: `/api`)
            under = [(len(s), p) for (m, s), p in self.routes.items() if m == method and s != "/" and shape.endswith(s)]
            place = max(under, key=lambda found: found[0])[1] if under else None
        return place

    def relocate(self, findings: Iterable[Finding]) -> list[Finding]:
        moved = []
        for finding in findings:
            place = self.place(finding)
            moved.append(replace(finding, file=place.file, line=place.line, column=place.column))
        return moved

    def relocate_change(self, change: Change, place: ChangePlace | None) -> ChangePlace | None:
        """A change's place in this application's document at the route function declaring the operation it is
        in (the one the change concerns where it is in a component); the pointer stays."""
        if place is None:
            return None
        method, path = _pointer_operation(place.pointer)
        if path is None:
            method, path = change.method, change.path
        route = self.declaring(method, path, place.pointer)
        return replace(place, file=route.file, line=route.line, column=route.column)

    def lint(self, config: Config, rules: Mapping[str, Rule]) -> Linted:
        """The document linted, its findings at the route functions that declare them."""
        linted = lint_document(self.document(), config, rules)
        return replace(linted, findings=self.relocate(linted.findings))

    def to_dict(self) -> dict[str, Any]:
        return {"name": self.name, "spec": self.spec, "home": list(vars(self.home).values()),
                "routes": [[method, shape, *vars(place).values()] for (method, shape), place in self.routes.items()]}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> AppDocument:
        routes = {(method, shape): Place(*place) for method, shape, *place in data["routes"]}
        return cls(data["name"], data["spec"], routes, Place(*data["home"]))


def _shape(path: str) -> str:
    """A path template with its parameters anonymous, as route tables and documents both spell it."""
    shape = _PATH_SHAPE.sub("{}", path)
    return shape.rstrip("/") or "/"


def _pointer_path(pointer: str) -> str | None:
    tokens = split_pointer(pointer)
    return tokens[1] if len(tokens) > 1 and tokens[0] == "paths" else None


def _pointer_operation(pointer: str) -> tuple[str | None, str | None]:
    """The (METHOD or None, path) of the path item or operation a pointer is under; (None, None) elsewhere."""
    tokens = split_pointer(pointer)
    if len(tokens) < 2 or tokens[0] != "paths":
        return None, None
    method = tokens[2].upper() if len(tokens) > 2 and tokens[2].upper() in _METHODS else None
    return method, tokens[1]


def relocate_changes(changes: Iterable[Change], old: AppDocument | None, new: AppDocument | None
                     ) -> tuple[Change, ...]:
    """API changes at the route functions that declare their operations, as lint findings are: each side in its
    application's source (the old one's in the base revision's), and what the new one no longer has anchored at
    the new application's route for that path, or where its application object is defined."""
    moved = []
    for change in changes:
        before = old.relocate_change(change, change.old) if old else change.old
        after = new.relocate_change(change, change.new) if new else change.new
        anchor = change.anchor
        if change.in_old and new is not None:
            anchor = after or new.relocate_change(change, change.old)
        moved.append(replace(change, old=before, new=after, anchor=anchor))
    return tuple(moved)


# --------------------------------------------------------------------------------------------------
# Importing


def load_app(target: str, root: str | None = None) -> list[AppDocument]:
    """Import `module:attribute` (or `module:factory()`) with `root` (default: the current folder) first on
    the module search path, and read its documents.  Raises AppError, one line."""
    match = _TARGET.match(target.strip())
    if match is None:
        raise AppError(f"{target}: not an application reference; write MODULE:ATTRIBUTE (`pkg.api:app`) or "
                       "MODULE:FACTORY() (`pkg.api:create_app()`)")
    folder = os.path.abspath(root or os.getcwd())
    if folder not in sys.path:
        sys.path.insert(0, folder)
    module = _import(target, match["module"])
    app: Any = module
    with redirect_stdout(sys.stderr):  # what the application prints must not mix with the report
        for part in match["attr"].split("."):
            if not hasattr(app, part):
                raise AppError(f"{target}: {match['module']} has no attribute `{part}`")
            app = getattr(app, part)
        if match["call"]:
            try:
                app = app()
            except BaseException as exc:  # noqa: BLE001 - SystemExit too: the factory is the user's code
                _reraise_interrupt(exc)
                raise AppError(f"{target}: {match['attr']}() failed: {_describe(exc)}") from None
    return documents_of(app, target.strip(), _definition(module, match["attr"].split(".")[0]))


def _import(target: str, name: str) -> ModuleType:
    import importlib

    with redirect_stdout(sys.stderr):
        try:
            return importlib.import_module(name)
        except BaseException as exc:  # noqa: BLE001 - the module's code may raise anything, or exit
            _reraise_interrupt(exc)
            missing = exc.name if isinstance(exc, ModuleNotFoundError) else None  # the module, or one it imports
            if missing and (name + ".").startswith(missing + "."):  # the named module (or its package) itself
                raise AppNotFound(f"{target}: no module named {missing}") from None
            raise AppError(f"{target}: cannot import {name}: {_describe(exc)}") from None


class AppNotFound(AppError):
    """The application's module (or a package above it) does not exist."""


def _reraise_interrupt(exc: BaseException) -> None:
    if isinstance(exc, KeyboardInterrupt):
        raise exc


def _describe(exc: BaseException) -> str:
    """One line: the exception and the last line of the application's code (not a library's) it came from."""
    import sysconfig
    import traceback

    text = " ".join(f"{type(exc).__name__}: {exc}".split())
    frames = traceback.extract_tb(exc.__traceback__)
    libraries = tuple(sysconfig.get_paths()[key] for key in ("stdlib", "purelib", "platlib"))
    own = [frame for frame in frames if not frame.filename.startswith(libraries)] or frames
    if own:
        text += f" (at {display(own[-1].filename)}:{own[-1].lineno})"
    return text


def documents_of(app: Any, name: str, home: Place) -> list[AppDocument]:
    """The documents of an imported application object, with each route's source line."""
    with redirect_stdout(sys.stderr):
        try:
            generated = frameworks.generate(app)
        except frameworks.UnsupportedApp as exc:
            raise AppError(f"{name} {exc}") from None
        except Exception as exc:  # noqa: BLE001 - the framework runs the application's own schema code
            raise AppError(f"{name}: the framework could not generate its OpenAPI document: {_describe(exc)}") from None
    documents = []
    for found in generated:
        routes: dict[tuple[str, str], Place] = {}
        for methods, path, endpoint in found.routes:
            place = place_of(endpoint)
            if place is None:
                continue
            for method in methods:
                routes.setdefault((method.upper(), _shape(path)), place)
        documents.append(AppDocument(f"{name} {found.mount}" if found.mount else name, found.spec, routes, home))
    return documents


# --------------------------------------------------------------------------------------------------
# Source lines


def display(file: str) -> str:
    """A source file as reported: relative to the current folder where it lies beneath it."""
    absolute = os.path.abspath(file)
    relative = os.path.relpath(absolute)
    return absolute if relative.startswith("..") else relative


def place_of(function: Any) -> Place | None:
    """The first line of a function's definition (its first decorator), through any `functools.wraps`."""
    import inspect

    try:
        function = inspect.unwrap(function)
    except ValueError:  # a cycle of __wrapped__
        pass
    code = getattr(function, "__code__", None)
    if code is not None:
        file, line = code.co_filename, code.co_firstlineno
    else:
        try:
            file, line = inspect.getsourcefile(function), inspect.getsourcelines(function)[1]
        except (OSError, TypeError):
            return None
    return Place(display(file), line, _indent(file, line) + 1) if file else None


def _indent(file: str, line: int) -> int:
    import linecache

    text = linecache.getline(file, line)
    return len(text) - len(text.lstrip()) if text.strip() else 0


def _definition(module: ModuleType, name: str) -> Place:
    """Where a module binds a top-level name (`app = FastAPI()`, `def create_app():`), else its first line."""
    import ast

    file = getattr(module, "__file__", None)
    if not file:
        return Place(module.__name__, 1, 1)
    try:
        with open(file, encoding="utf-8") as handle:
            tree = ast.parse(handle.read())
    except (OSError, SyntaxError, ValueError):
        return Place(display(file), 1, 1)
    for node in tree.body:
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)) and node.name == name:
            start = node.decorator_list[0] if node.decorator_list else node
            return Place(display(file), start.lineno, start.col_offset + 1)
        targets = (node.targets if isinstance(node, ast.Assign)
                   else [node.target] if isinstance(node, ast.AnnAssign) else [])
        if any(isinstance(t, ast.Name) and t.id == name for t in targets):
            return Place(display(file), node.lineno, node.col_offset + 1)
    return Place(display(file), 1, 1)


def reference_of(app: Any) -> tuple[str, Place]:
    """`module:attribute` of an application object (the name a baseline written by `--app` knows it by) and
    where it is defined: the module that binds it, other than `__main__` and test modules."""
    found = sorted(
        (name, attr) for name, module in list(sys.modules.items())
        if name != "__main__" and not name.rpartition(".")[2].startswith(("test_", "conftest"))
        and isinstance(getattr(module, "__dict__", None), dict)
        for attr, value in list(module.__dict__.items()) if value is app and not attr.startswith("_")
    )
    if not found:
        return f"<{type(app).__name__} application>", Place(f"<{type(app).__name__} application>", 1, 1)
    name, attr = found[0]
    return f"{name}:{attr}", _definition(sys.modules[name], attr)


# --------------------------------------------------------------------------------------------------
# The application at a git revision


def diff_against_revision(target: str, current: list[AppDocument], rev: str, config: Config,
                          rules: Mapping[str, Rule], root: str | None = None
                          ) -> list[tuple[str, DiffReport, list[RuleCrash]]]:
    """Each document of the application against the same one at `rev` (all new where it did not exist then):
    (name, report, crashes).  The base revision's application is imported in another Python process, from a
    temporary checkout of the whole repository; the fixed findings name the working tree's files."""
    from aiplint.compat.diff import compare

    base = {document.name: document for document in _documents_at_revision(target, rev, root)}
    results = []
    for name in dict.fromkeys([d.name for d in current] + list(base)):
        new = next((d for d in current if d.name == name), None)
        old = base.get(name)
        report, crashes = compare(old.document() if old else None, new.document() if new else None, config, rules)
        report = report._replace(new=new.relocate(report.new) if new else report.new,
                                 changes=relocate_changes(report.changes, old, new),
                                 fixed=old.relocate(report.fixed) if old else report.fixed,
                                 unchanged_findings=tuple(new.relocate(report.unchanged_findings)) if new else (),
                                 revision=rev)
        results.append((name, report, crashes))
    return results


def _documents_at_revision(target: str, rev: str, root: str | None) -> list[AppDocument]:
    import json
    import subprocess
    import tempfile

    from aiplint.read.revisions import tree_at_revision

    folder = os.path.abspath(root or os.getcwd())
    try:
        with tree_at_revision(folder, rev, target) as checkout, tempfile.TemporaryDirectory() as scratch:
            output = os.path.join(scratch, "documents.json")
            search_path = [_in_checkout(entry, checkout) for entry in sys.path
                           if entry and _inside(entry, checkout.worktree)]
            export = "import sys; from aiplint.integrations.app import export; sys.exit(export(sys.argv[1:]))"
            command = [sys.executable, "-c", export, target, output, *search_path]
            try:
                result = subprocess.run(command, cwd=checkout.folder, capture_output=True, text=True,
                                        timeout=EXPORT_TIMEOUT, stdin=subprocess.DEVNULL)
            except subprocess.TimeoutExpired:
                raise AppError(f"{target} at {rev}: importing it took more than {EXPORT_TIMEOUT} s") from None
            if result.returncode != 0:
                message = " ".join(result.stderr.strip().splitlines()[-1:]) or f"exit status {result.returncode}"
                raise AppError(f"{target} at {rev}: {message.removeprefix('error: ')}")
            with open(output, encoding="utf-8") as handle:
                exported = json.load(handle)
            documents = [AppDocument.from_dict(d) for d in exported]
            return [_moved_to_worktree(d, checkout, folder) for d in documents]
    except InputError as exc:
        raise AppError(f"{target}: {exc.message}") from None


def _inside(path: str, folder: str) -> bool:
    path, folder = os.path.abspath(path), os.path.abspath(folder)
    return path == folder or path.startswith(folder.rstrip(os.sep) + os.sep)


def _in_checkout(path: str, checkout: Checkout) -> str:
    return os.path.join(checkout.root, os.path.relpath(os.path.abspath(path), checkout.worktree))


def _moved_to_worktree(document: AppDocument, checkout: Checkout, folder: str) -> AppDocument:
    """Source lines reported by the base revision's process (relative to its folder in the checkout) as the
    working tree's files."""
    def moved(place: Place) -> Place:
        file = place.file if os.path.isabs(place.file) else os.path.join(folder, place.file)
        if _inside(file, checkout.root):
            file = os.path.join(checkout.worktree, os.path.relpath(file, checkout.root))
        return replace(place, file=display(file))

    routes = {key: moved(place) for key, place in document.routes.items()}
    return replace(document, routes=routes, home=moved(document.home))


def export(arguments: list[str]) -> int:
    """The base revision's side of `--diff-base`: `TARGET OUTPUT [SEARCH_PATH...]`, run in the checkout's
    folder; writes the application's documents to OUTPUT as JSON (`[]` where the module does not exist)."""
    import json

    target, output, *search_path = arguments
    sys.path[:0] = search_path
    try:
        documents = [d.to_dict() for d in load_app(target)]
    except AppNotFound:
        documents = []
    except AppError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    with open(output, "w", encoding="utf-8") as handle:
        json.dump(documents, handle, default=str)
    return 0
