"""Configuration: `[tool.aiplint]` in pyproject.toml or `.aiplint.toml`, validated against the rules' options.

A file's configuration is the first `.aiplint.toml`, or `pyproject.toml` with a `[tool.aiplint]` table, found
walking up from the file's folder to the repository root (the folder holding `.git`); outside a repository, no
higher than the current directory or the home folder (see `aiplint.read.trust.config_ceiling`).  `--config FILE`
names one instead; `--isolated` ignores them all.  Command-line options win over the file.

A configuration can name code to run (`plugins`); it runs only with the user's opt-in
(`aiplint.read.trust.repository_code_allowed`), else the plugins are skipped with a note.

Here: the configuration's types (`Config`, `RuleSettings`, `Override`) and `ConfigError`.  Beside them:
`options` (every key, declared once: the parser, the JSON Schema and the docs come from it), `files` (finding and
reading configuration files), `resolve` (the configuration in force for each linted file), `settings` (which
rules run, where, at which severity).
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any, Mapping

from aiplint.errors import AiplintError
from aiplint.model.lexicon import Vocabulary
from aiplint.read.escaping import printable
from aiplint.read.globs import Glob, path_glob
from aiplint.rule import Rule


class ConfigError(AiplintError):
    """A configuration mistake: a usage error (exit 2), one line naming the file and the key."""

    def __init__(self, message: str):
        super().__init__(printable(message))  # keys and values may hold any character


@dataclass(frozen=True)
class RuleSettings:
    severity: str | None = None  # error | warning | info | off; None = the profile's default
    options: Mapping[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class Override:
    paths: tuple[str, ...]  # API path globs: `/v1/legacy/**`
    files: tuple[str, ...]  # file globs, relative to the configuration file's folder
    rules: Mapping[str, RuleSettings]
    root: str  # the folder file globs are relative to

    def applies(self, api_path: str | None, file: str) -> bool:
        if self.paths and (api_path is None or not any(glob_match(g, api_path) for g in self.paths)):
            return False
        if self.files:
            relative = os.path.relpath(os.path.abspath(file), self.root).replace(os.sep, "/")
            return any(glob_match(g, relative) or glob_match(g, file) for g in self.files)
        return True


@dataclass(frozen=True)
class Config:
    profile: str = "rest"
    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    fixable: tuple[str, ...] = ("ALL",)  # the rules whose fixes `check --fix` applies
    unfixable: tuple[str, ...] = ()  # and those whose fixes it never applies
    fail_on: str = "error"
    rules: Mapping[str, RuleSettings] = field(default_factory=dict)
    overrides: tuple[Override, ...] = ()
    plugins: tuple[str, ...] = ()
    inline_ignores: bool = True
    baseline: str | None = None
    app: tuple[str, ...] = ()  # Python applications to lint (`pkg.api:app`), imported from the file's folder
    ref_root: str | None = None  # the folder `$ref`s must stay in; None: the spec's repository (or folder)
    vocabulary: Vocabulary = Vocabulary()
    fail_on_breaking: str = "error"  # diffs: the lowest level of breaking change that fails the run, or never
    stability: tuple[tuple[str, str], ...] = ()  # (API path glob, stability level); later entries win
    exclude: tuple[str, ...] = ()  # gitignore patterns a folder walk skips, relative to `folder`
    extend_exclude: tuple[str, ...] = ()  # more of them, kept when the command line replaces `exclude`
    roots: tuple[str, ...] = ()  # the root specs (absolute paths or globs) to lint for a changed fragment
    path: str | None = None  # the file it came from
    origins: Mapping[str, str] = field(default_factory=dict)  # key -> where its value came from

    @property
    def folder(self) -> str:
        """The folder its relative paths and patterns start from: the configuration file's."""
        return os.path.dirname(os.path.abspath(self.path)) if self.path else os.getcwd()


@lru_cache(maxsize=None)
def _compiled_glob(pattern: str) -> Glob:
    return path_glob(pattern)


def glob_match(pattern: str, text: str) -> bool:
    """Whether an API path glob (see `path_glob`) matches, in time linear in the text whatever the glob."""
    return _compiled_glob(pattern).match(text)


def load_plugins(modules: tuple[str, ...], root: str, rules: dict[str, Rule], where: str) -> None:
    """Import repository-local rule modules (`plugins = ["tools.api_rules"]`) from the configuration's folder and
    add the rules they declare.  Only with the user's opt-in (see `Resolver`); `sys.path` is restored after.  A rule
    whose id is taken (a built-in rule's, an installed plugin's, another module's) is refused: it never replaces one."""
    import importlib
    import sys

    sys.path.insert(0, root)
    try:
        imported = [(name, _import_plugin(importlib, name, where)) for name in modules]
    finally:
        sys.path.remove(root)
    for name, module in imported:
        found = [value for value in vars(module).values() if isinstance(value, Rule)]
        if not found:
            raise ConfigError(f"{where}: plugin module `{name}` declares no rule (use aiplint.rule.rule)")
        for rule in found:
            taken = rules.get(rule.id)
            if taken is not None and taken is not rule:  # the same rule imported by two modules is one rule
                raise ConfigError(f"{where}: plugin module `{name}` declares the rule id `{rule.id}`, which "
                                  f"`{taken.check.__module__}` already declares; rule ids are unique")
            rules[rule.id] = rule


def _import_plugin(importlib: Any, name: str, where: str) -> Any:
    try:
        return importlib.import_module(name)
    except Exception as exc:
        raise ConfigError(f"{where}: cannot import plugin module `{name}`: {exc}") from None

