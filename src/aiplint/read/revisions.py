"""A spec as it is at a git revision (`aiplint check SPEC --diff-base REV`), with its `$ref`'d files at that
revision too: the repository is extracted once per revision for the whole run (`RevisionTrees`).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from contextlib import contextmanager
from typing import Iterator, NamedTuple

from aiplint.read.document import Document, open_optional
from aiplint.read.loading import InputError
from aiplint.read.trust import is_within
from aiplint.read.trust import project_root as project_of

__all__ = ["RevisionTrees", "spec_at_revision", "Checkout", "tree_at_revision"]


class RevisionTrees:
    """Repository trees at git revisions, each extracted once (`git archive REV | tar -x`, from the repository's
    top level) into a temporary folder, so `$ref`'d files come at the same revision; removed by `close()` or on
    leaving a `with` block.  Files marked `export-ignore` in `.gitattributes` are not extracted."""

    def __init__(self) -> None:
        self._revisions: dict[tuple[str, str], tuple[str, str, str]] = {}  # (folder, rev) -> _revision(...)
        self._trees: dict[tuple[str, str], str] = {}  # (top level, commit) -> extracted folder

    def __enter__(self) -> RevisionTrees:
        return self

    def __exit__(self, *_: object) -> None:
        self.close()

    def close(self) -> None:
        for folder in self._trees.values():
            shutil.rmtree(folder, ignore_errors=True)
        self._trees.clear()

    def tree(self, folder: str, rev: str, subject: str) -> tuple[str, str, str, str]:
        """(git top level, `folder` relative to it, the commit, the extracted tree) for `folder` at `rev`.
        Raises `aiplint.read.document.InputError` about `subject` (one line) when `folder` is not in a git work tree
        or `rev` is unknown."""
        if (folder, rev) not in self._revisions:
            self._revisions[folder, rev] = _revision(folder, rev, subject)
        top, prefix, commit = self._revisions[folder, rev]
        if (top, commit) not in self._trees:
            self._trees[top, commit] = _extract(top, commit, rev, subject)
        return top, prefix, commit, self._trees[top, commit]

    def document(self, path: str, rev: str, project_root: str | None = None) -> Document | None:
        """The spec at `path` as it was at `rev`, loaded (None where no OpenAPI document was there)."""
        old, old_root = self.spec(path, rev, project_root)
        return open_optional(old, project_root=old_root)

    def spec(self, path: str, rev: str, project_root: str | None = None) -> tuple[str | None, str | None]:
        """(the file `path` as it was at `rev`, or None where it did not exist there; the project root its
        `$ref`s stay in there: `project_root`, or else the repository's, at the same place in the tree)."""
        folder, gone = os.path.dirname(os.path.abspath(path)), ""
        while not os.path.isdir(folder) and os.path.dirname(folder) != folder:  # a folder removed since REV
            folder, name = os.path.split(folder)
            gone = f"{name}/{gone}"
        top, prefix, commit, tree = self.tree(folder, rev, path)
        relative = prefix + gone + os.path.basename(path)
        materialised = os.path.join(tree, *relative.split("/"))
        if not os.path.isfile(materialised):
            if _git(folder, path, "cat-file", "-e", f"{commit}:{relative}").returncode != 0:
                return None, None
            raise InputError(path, f"not extracted from git revision {rev!r} (marked export-ignore?)")
        root = os.path.realpath(project_root or project_of(os.path.realpath(folder)))
        real_top = os.path.realpath(top)
        inside = is_within(root, real_top)
        return materialised, os.path.join(tree, os.path.relpath(root, real_top)) if inside else tree


@contextmanager
def spec_at_revision(path: str, rev: str) -> Iterator[str | None]:
    """The file `path` as it was at git revision `rev` (None where it did not exist), in a tree removed on
    exit: `RevisionTrees` for one file."""
    with RevisionTrees() as trees:
        yield trees.spec(path, rev)[0]


class Checkout(NamedTuple):
    """A repository's tree at a revision, extracted into a temporary directory."""

    root: str  # the temporary directory
    worktree: str  # the working tree's root folder, which `root` stands for
    folder: str  # the folder asked for, in the checkout


@contextmanager
def tree_at_revision(folder: str, rev: str, subject: str) -> Iterator[Checkout]:
    """The whole repository holding `folder` at git revision `rev`, extracted into a temporary directory that
    is removed on exit.  Raises InputError about `subject` as `spec_at_revision` does."""
    with RevisionTrees() as trees:
        top, prefix, _, tree = trees.tree(folder, rev, subject)
        yield Checkout(tree, top, os.path.join(tree, *prefix.split("/")))


def _git(folder: str, subject: str, *args: str) -> subprocess.CompletedProcess[str]:
    try:
        return subprocess.run(["git", "-C", folder, *args], capture_output=True, text=True)
    except FileNotFoundError:
        raise InputError(subject, "cannot compare with a git revision: `git` is not installed") from None
    except OSError as exc:  # the folder does not exist, ...
        raise InputError(subject, f"cannot run git: {exc}") from None


def _revision(folder: str, rev: str, subject: str) -> tuple[str, str, str]:
    """(the git toplevel, `folder` relative to it with a trailing `/` or empty, the commit `rev` names)."""
    if not os.path.isdir(folder):
        raise InputError(subject, "not in a git repository (its directory does not exist)")
    where = _git(folder, subject, "rev-parse", "--show-toplevel", "--show-prefix")
    lines = where.stdout.split("\n")
    if where.returncode != 0 or len(lines) < 2 or not lines[0]:
        raise InputError(subject, "not in a git repository (needed to compare with a revision)")
    if not rev or rev.startswith("-"):
        raise InputError(subject, f"unknown git revision {rev!r}")
    resolved = _git(folder, subject, "rev-parse", "--verify", "--quiet", f"{rev}^{{commit}}")
    if resolved.returncode != 0 or not resolved.stdout.strip():
        raise InputError(subject, f"unknown git revision {rev!r}")
    return lines[0], lines[1], resolved.stdout.strip()


def _extract(top: str, commit: str, rev: str, subject: str) -> str:
    """The tree of `commit` in a new temporary folder."""
    tmp = tempfile.mkdtemp(prefix="aiplint-rev-")
    with tempfile.TemporaryFile() as errors:
        archive = subprocess.Popen(["git", "-C", top, "archive", "--format=tar", commit], stdout=subprocess.PIPE,
                                   stderr=errors)
        assert archive.stdout is not None
        try:
            untar = subprocess.run(["tar", "-x", "-f", "-", "-C", tmp], stdin=archive.stdout, capture_output=True,
                                   text=True)
        finally:
            archive.stdout.close()
            archive.wait()
        errors.seek(0)
        message = errors.read().decode(errors="replace")
    if archive.returncode != 0 or untar.returncode != 0:
        shutil.rmtree(tmp, ignore_errors=True)
        detail = " ".join((message or untar.stderr or "failed").split())
        raise InputError(subject, f"cannot extract git revision {rev!r}: {detail}")
    return tmp
