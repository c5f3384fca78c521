"""What aiplint trusts: code from the linted repository runs only with an opt-in the repository cannot give itself.

In CI the spec, its `$ref`'d files and the configuration come from whoever opened the pull request, so a
configuration file can name code to run (`plugins = [...]`, `app = "pkg.api:app"`) but cannot enable it: the
user does, from outside the repository, with `--allow-plugins` or `AIPLINT_ALLOW_PLUGINS=1` in the environment
(the GitHub Action's `allow-plugins` input).  Installed entry-point plugins need no opt-in: the user installed them.
"""

from __future__ import annotations

import os

ALLOW_ENV = "AIPLINT_ALLOW_PLUGINS"
_TRUE = frozenset(("1", "true", "yes", "on"))


def repository_code_allowed(flag: bool = False) -> bool:
    """Whether code named by a repository's configuration may run: the command-line flag, or the environment."""
    return flag or os.environ.get(ALLOW_ENV, "").strip().lower() in _TRUE
