"""What aiplint trusts: code from the linted repository runs only with an opt-in the repository cannot give itself.

In CI the spec, its `$ref`'d files and the configuration come from whoever opened the pull request, so a
configuration file can name code to run (`plugins = [...]`, `app = "pkg.api:app"`) but cannot enable it: the
user does, from outside the repository, with `--allow-plugins` or `AIPLINT_ALLOW_PLUGINS=1` in the environment
(the GitHub Action's `allow-plugins` input).  Installed entry-point plugins need no opt-in: the user installed them.

It also draws the project's boundaries: the configuration search stops at the repository root, and `$ref`s
are read only inside the project (see `confine`).
"""

from __future__ import annotations

import os
import stat
from functools import lru_cache

ALLOW_ENV = "AIPLINT_ALLOW_PLUGINS"
_TRUE = frozenset(("1", "true", "yes", "on"))


def repository_code_allowed(flag: bool = False) -> bool:
    """Whether code named by a repository's configuration may run: the command-line flag, or the environment."""
    return flag or os.environ.get(ALLOW_ENV, "").strip().lower() in _TRUE


# The project's boundaries.  A configuration file applies only from inside the project, and `$ref` reads only
# inside it: the repository root (the folder holding `.git`), or, outside a repository, the spec's own folder.


@lru_cache(maxsize=None)
def repository_root(folder: str) -> str | None:
    """The nearest folder at or above `folder` (a real path) that holds `.git`, or None."""
    while True:
        if os.path.exists(os.path.join(folder, ".git")):
            return folder
        parent = os.path.dirname(folder)
        if parent == folder:
            return None
        folder = parent


def config_ceiling(folder: str) -> str:
    """The highest folder whose configuration may apply to files in `folder` (a real path): the repository
    root; outside a repository, the current directory or the home folder, whichever holds `folder` nearest;
    else `folder` itself (a configuration in a shared parent such as /tmp never applies to others' specs)."""
    found = repository_root(folder)
    if found is not None:
        return found
    bounds = [os.path.realpath(os.getcwd()), os.path.realpath(os.path.expanduser("~"))]
    holding = [bound for bound in bounds if is_within(folder, bound)]
    return max(holding, key=len) if holding else folder


def project_root(folder: str) -> str:
    """The project of a real folder, which a spec's `$ref`s may not leave: its repository's root, or the folder
    itself outside a repository."""
    return repository_root(folder) or folder


def is_within(path: str, folder: str) -> bool:
    """Whether a normalised absolute `path` is `folder` or lies under it (compared as text, nothing read)."""
    return path == folder or path.startswith(folder.rstrip(os.sep) + os.sep)


_MAX_LINKS = 40  # as the kernel's ELOOP limit


def confine(path: str, root: str) -> str | None:
    """The real location of `path` (absolute) when it, and every symbolic link followed on the way, stays
    inside the real folder `root`; None as soon as it leaves it.  Only names inside `root` are examined: a link
    that points outside is not followed, so nothing outside the project is ever opened or even stat'ed."""
    path = os.path.normpath(path)
    if not is_within(path, root):
        return None
    pending = list(reversed(_parts_below(path, root)))
    current, links = root, 0
    while pending:
        candidate = os.path.join(current, pending.pop())
        try:
            is_link = stat.S_ISLNK(os.lstat(candidate).st_mode)
        except OSError:  # missing (or unreadable): the rest of the path is taken as written
            return os.path.join(candidate, *reversed(pending))
        if not is_link:
            current = candidate
            continue
        links += 1
        target = os.path.normpath(os.path.join(current, os.readlink(candidate)))
        if links > _MAX_LINKS or not is_within(target, root):
            return None
        pending += reversed(_parts_below(target, root))
        current = root
    return current


def _parts_below(path: str, root: str) -> list[str]:
    return [part for part in path[len(root):].split(os.sep) if part]
