"""Which files a run lints: the files named, the YAML and JSON files found by walking the folders named (less
what `exclude`, `extend-exclude` and `.gitignore` leave out), and the root specs that reach a named fragment.

Patterns are gitignore patterns (matched as git matches them, by `aiplint.read.globs`), relative to the
folder they were written for: the configuration file's for `exclude` and `extend-exclude`, the current
directory's for `--exclude` and `--extend-exclude`, each `.gitignore`'s own.  A walk never descends into what
they exclude; a file or folder named on the command line is read all the same (as ruff does), unless
`--force-exclude` asks to apply `exclude` to it too (for pre-commit, which names every changed file).

A fragment is a file named on the command line that is no OpenAPI document of its own, such as
`paths/jobs.yaml` in a split spec: the specs that reach it through `$ref` are linted in its place.  They are
the configuration's `roots`, or else every OpenAPI document of the fragment's repository.
"""

from __future__ import annotations

import codecs
import os
from dataclasses import dataclass
from typing import TYPE_CHECKING, Callable, Iterable, Iterator, Sequence

if TYPE_CHECKING:
    from aiplint.read.document import Document

SPEC_SUFFIXES = (".yaml", ".yml", ".json")
STDIN = "-"


def display_path(path: str) -> str:
    """A path as reports show it: `./openapi.yaml` is `openapi.yaml`, `a/../b.yaml` is `b.yaml`."""
    return path if path == STDIN else os.path.normpath(path)


def never_walked(folder: str) -> bool:
    """The folders no walk enters: hidden ones (.git, .venv, ...) and npm's node_modules (name one to lint it)."""
    name = os.path.basename(folder)
    return name.startswith(".") or name == "node_modules"


class Patterns:
    """gitignore patterns written for one folder, read as git reads them (see `aiplint.read.globs`)."""

    def __init__(self, folder: str, lines: Iterable[str]):
        from aiplint.read.globs import gitignore_pattern

        self.folder = os.path.abspath(folder)
        self.patterns = [pattern for line in lines if (pattern := gitignore_pattern(line)) is not None]

    def verdict(self, path: str, is_dir: bool, walked: bool = True) -> bool | None:
        """True when the patterns exclude `path`, False when a `!pattern` takes it back, None when none says.
        `walked`: only a pattern that matches `path` itself counts, not one that matches a folder holding it,
        since a walk does not enter an excluded folder, so a folder it is in was named (`aiplint check .hidden/`);
        else (a file named, with --force-exclude) an excluded folder excludes what it holds."""
        relative = os.path.relpath(os.path.abspath(path), self.folder).replace(os.sep, "/")
        if relative == ".." or relative.startswith("../"):
            return None
        folders = [] if walked else list(_folders_holding(relative))
        result = None
        for pattern in self.patterns:
            if pattern.matches(relative, is_dir) or any(pattern.matches(folder, True) for folder in folders):
                result = not pattern.negated
        return result


def _folders_holding(relative: str) -> Iterator[str]:
    """`a`, `a/b` for `a/b/c.yaml`."""
    parts = relative.split("/")
    for end in range(1, len(parts)):
        yield "/".join(parts[:end])


def excluded(path: str, is_dir: bool, layers: Sequence[Patterns], walked: bool = True) -> bool:
    """Whether the last layer with a verdict on `path` excludes it (a deeper `.gitignore` overrides a higher one)."""
    result = False
    for layer in layers:
        verdict = layer.verdict(path, is_dir, walked)
        if verdict is not None:
            result = verdict
    return result


@dataclass(frozen=True)
class Target:
    """A file to lint, and the folder whose walk found it (None: it was named)."""

    path: str
    walked_from: str | None = None


class Finder:
    """Files to lint under the exclusions in force in each folder (`exclusions(folder)`: the configuration's and
    the command line's patterns) and, inside a git repository, its `.gitignore` files.  `repository`: the real
    path of the tree whose `.gitignore` files apply, for a tree that is no git work tree (a revision extracted
    by `git archive`); by default the repository holding the walked folder, if any."""

    def __init__(self, exclusions: Callable[[str], Sequence[Patterns]], force_exclude: bool = False,
                 repository: str | None = None):
        self.exclusions = exclusions
        self.force_exclude = force_exclude
        self.repository = repository

    def targets(self, paths: Iterable[str]) -> Iterator[Target]:
        for path in paths:
            if path != STDIN and os.path.isdir(path):
                yield from (Target(found, path) for found in self.walk(path))
            elif not (self.force_exclude and path != STDIN and self.excluded(path)):
                yield Target(display_path(path))

    def excluded(self, path: str) -> bool:
        """Whether the exclusions in force in its folder exclude a named file (for --force-exclude)."""
        return excluded(path, False, self.exclusions(os.path.dirname(os.path.abspath(path))), walked=False)

    def walk(self, folder: str) -> Iterator[str]:
        """The YAML and JSON files under `folder`, each folder's files in name order before its subfolders."""
        from aiplint.read.trust import repository_root

        # git reads .gitignore files in a repository only
        root = self.repository or repository_root(os.path.realpath(folder))
        pending = [(display_path(folder), _gitignores_above(folder, root) if root else [])]
        while pending:
            here, ignores = pending.pop()
            if root:
                ignores = ignores + _read_patterns(here, os.path.join(here, ".gitignore"))
            layers = self.exclusions(here)
            files, folders = _entries(here)
            for path in files:
                if path.endswith(SPEC_SUFFIXES) and not excluded(path, False, ignores) and not excluded(
                        path, False, layers):
                    yield path
            pending += [(path, ignores) for path in reversed(folders) if not never_walked(path)
                        and not excluded(path, True, ignores) and not excluded(path, True, layers)]


def _entries(folder: str) -> tuple[list[str], list[str]]:
    """(files, folders to enter) of a folder, by name.  A link to a folder is not entered; anything that is not
    a folder counts as a file (reading refuses what is not a regular file, naming it)."""
    files, folders = [], []
    try:
        with os.scandir(folder) as entries:
            for entry in entries:
                path = os.path.normpath(os.path.join(folder, entry.name))
                try:
                    is_dir = entry.is_dir()
                except OSError:
                    is_dir = False
                if not is_dir:
                    files.append(path)
                elif not entry.is_symlink():
                    folders.append(path)
    except OSError:
        pass
    return sorted(files), sorted(folders)


def _gitignores_above(folder: str, root: str) -> list[Patterns]:
    """The repository's `info/exclude` and the `.gitignore` files of the folders from its root down to the one
    holding `folder`, a walked folder whose real path is `depth` folders below the repository's `root`.  Folders
    are named as `folder` names them (absolute), so the patterns match the walk's paths whatever links lead
    there."""
    real = os.path.realpath(folder)
    depth = len(os.path.relpath(real, root).split(os.sep)) if real != root else 0
    above = [os.path.abspath(os.path.join(folder, *[os.pardir] * up)) for up in range(depth, 0, -1)]
    top = above[0] if above else os.path.abspath(folder)
    layers = _read_patterns(top, os.path.join(root, ".git", "info", "exclude"))
    for here in above:
        layers += _read_patterns(here, os.path.join(here, ".gitignore"))
    return layers


def _read_patterns(folder: str, file: str) -> list[Patterns]:
    from aiplint.read.loading import InputError, read_file

    try:
        data = read_file(file)
    except InputError:  # none there, or not a regular file: not read
        return []
    # as git splits it: at each newline, less a carriage return before it; bytes kept as they are for matching
    text = data.removeprefix(codecs.BOM_UTF8).decode("utf-8", "surrogateescape")
    return [Patterns(folder, (line.removesuffix("\r") for line in text.split("\n")))]


def spec_files(folder: str) -> list[str]:
    """The YAML and JSON files a walk of `folder` finds: none in hidden folders and node_modules, nothing that
    `.gitignore` leaves out."""
    return list(Finder(lambda here: []).walk(folder))


def pair_files(old_dir: str, new_dir: str) -> list[tuple[str | None, str | None]]:
    """(old, new) spec files of two folders (`aiplint diff OLD/ NEW/`) paired by relative path, in path order;
    None where a file exists on one side only."""
    old = {os.path.relpath(p, old_dir).replace(os.sep, "/"): p for p in spec_files(old_dir)}
    new = {os.path.relpath(p, new_dir).replace(os.sep, "/"): p for p in spec_files(new_dir)}
    return [(old.get(rel), new.get(rel)) for rel in sorted(old.keys() | new.keys())]


class RootFinder:
    """The specs that reach a fragment through `$ref`, each loaded once (`load(path, walked_from)`: the document,
    or None for a file that is not one or cannot be read; `walked_from` is the folder it was found under, which
    it may not leave through a link) and kept for linting."""

    def __init__(self, finder: Finder, load: Callable[[str, str], Document | None]):
        self.finder = finder
        self.load = load
        self._documents: dict[str, Document | None] = {}
        self._searched: dict[str, list[tuple[str, str]]] = {}

    def roots(self, fragment: str, configured: Sequence[str], folder: str) -> list[tuple[str, Document]]:
        """(path, document) of every spec that reaches `fragment`: among the `configured` roots (absolute paths or
        globs, of the configuration in `folder`) where there are some, else among the OpenAPI documents of the
        fragment's repository."""
        target = os.path.realpath(fragment)
        candidates = ([(path, folder) for path in _expand(configured)] if configured
                      else self._repository_specs(fragment))
        found = []
        for path, walked_from in candidates:
            document = self._document(path, walked_from)
            if document is not None and target in _reached(document):
                found.append((path, document))
        return found

    def _document(self, path: str, walked_from: str) -> Document | None:
        if path not in self._documents:
            self._documents[path] = self.load(path, walked_from)
        return self._documents[path]

    def _repository_specs(self, fragment: str) -> list[tuple[str, str]]:
        """The files of the fragment's repository that declare OpenAPI, as a walk finds them, read once per
        repository; outside a repository, those of the current directory (or the fragment's folder, when it is
        not under it)."""
        from aiplint.read.loading import InputError, declares_openapi, read_file
        from aiplint.read.trust import is_within, repository_root

        folder = os.path.dirname(os.path.realpath(fragment))
        cwd = os.path.realpath(os.getcwd())
        root = repository_root(folder) or (cwd if is_within(folder, cwd) else folder)
        if root not in self._searched:
            specs = []
            for path in self.finder.walk(_shown(root)):
                try:
                    if declares_openapi(read_file(path)):
                        specs.append((path, root))
                except InputError:
                    continue
            self._searched[root] = specs
        return self._searched[root]


def _reached(document: Document) -> set[str]:
    """The real paths of the files a document reaches through `$ref`, itself included."""
    document.refs.follow_all()  # memoised: the $ref rules read the same walk
    return set(document.sources)


def _expand(configured: Sequence[str]) -> list[str]:
    """Configured roots: absolute paths, or globs (`specs/*/openapi.yaml`), in name order."""
    import glob

    found: list[str] = []
    for pattern in configured:
        matches = sorted(glob.glob(pattern, recursive=True)) if glob.has_magic(pattern) else [pattern]
        found += [_shown(path) for path in matches if path not in found]
    return found


def _shown(path: str) -> str:
    """An absolute path as reports show it: relative to the current directory when it is under it."""
    relative = os.path.relpath(path)
    return path if relative == ".." or relative.startswith(".." + os.sep) else relative
