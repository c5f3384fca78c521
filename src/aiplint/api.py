"""The Python API: `aiplint.lint(source, config=...)` and `aiplint.diff(old, new)`."""

from __future__ import annotations

import json
import os
from dataclasses import replace
from typing import Any, Iterable, Literal, Mapping, Union

from aiplint.compat.diff import DiffReport, compare
from aiplint.config import Config, ConfigError
from aiplint.config.resolve import Resolver
from aiplint.errors import AiplintError
from aiplint.linting.baseline import BaselineError
from aiplint.linting.findings import Finding
from aiplint.linting.registry import available_rules
from aiplint.model.api import ApiModel
from aiplint.model.lexicon import Lexicon
from aiplint.read.document import Document
from aiplint.read.loading import InputError, decode
from aiplint.run.files import NOT_OPENAPI, Job
from aiplint.run.lint import lint_opened, open_job
from aiplint.run.results import Baselines

Source = Union[str, "os.PathLike[str]", bytes, Mapping[str, Any]]
Configuration = Union[Config, Mapping[str, Any], str, "os.PathLike[str]", None]


class LintError(AiplintError):
    """The source is not an OpenAPI document, or a rule crashed."""


# `lint` and `diff` run the stages of `aiplint check` (`aiplint.run`): open, lint, take out the baseline's
# findings, compare; the command line's reports and exit status aside, its problems are raised.


def lint(source: Source, *, config: Configuration = None, allow_plugins: bool = False,
         baseline: str | os.PathLike[str] | Literal[False] | None = None, name: str | None = None) -> list[Finding]:
    """Lint one OpenAPI document and return its findings, sorted by file and line.

    `source` is a path to a YAML or JSON file (its `$ref`s are followed, inside its project), a parsed document
    (a dict), or YAML or JSON text (a str with a newline or a `key: value`, or bytes).  `config` is a `Config`,
    a mapping with the keys of `[tool.aiplint]`, or the path of a configuration file; by default a file's
    configuration is found as the command line finds it, and text or a dict get the defaults.  Plugins that a
    configuration names are imported only with `allow_plugins=True` (or `AIPLINT_ALLOW_PLUGINS=1`), else
    skipped with a warning; `sys.path` is left as it was.

    `baseline`: the baseline file whose findings are left out (default: the configuration's `baseline`;
    False: none).  `name`: the file name findings of a dict or text carry (default None), also its baseline key
    and the folder its relative `$ref`s start from.

    Raises `InputError` for unreadable input (or a `source` of another type), `ConfigError` for a bad
    configuration or baseline, `LintError` for a non-OpenAPI document or a crashed rule, and nothing else.
    """
    document, settings, rules, shown = _load(source, config, allow_plugins, name)
    linted = lint_opened(document, settings, rules).linted_or_raise()
    if linted.crashes:
        raise LintError("; ".join(f"rule {c.rule} crashed: {c.error}" for c in linted.crashes))
    findings = _renamed(linted.findings, document.root.path, shown)
    baseline_file = settings.baseline if baseline is None else baseline
    if baseline_file is False or baseline_file is None:
        return findings
    if shown is None:
        raise ConfigError("baseline: a dict or text is matched against a baseline by its name: give name=")
    try:
        return Baselines().split(os.fspath(baseline_file), shown, findings)[0]
    except BaselineError as exc:  # the API's callers catch a bad baseline as a configuration mistake
        raise ConfigError(str(exc)) from None


def diff(old: Source | None, new: Source | None, *, config: Configuration = None, allow_plugins: bool = False,
         name: str | None = None) -> DiffReport:
    """Compare two versions of one spec (each a path, dict or text as `lint` takes them; None: absent on that
    side) under NEW's configuration: the findings `new`, `fixed` and `unchanged_findings`, the operations
    added, removed and moved, and every API change classified (`changes`, `breaking`).  `name` names a dict's
    or text's findings, as in `lint`.  Raises as `lint` does."""
    newer = _load(new, config, allow_plugins, name) if new is not None else None
    settings, rules = (newer[1], newer[2]) if newer else configuration(config, name or ".", allow_plugins=allow_plugins)
    older = _load(old, settings, allow_plugins, name) if old is not None else None
    report, crashes = compare(older[0] if older else None, newer[0] if newer else None, settings, rules)
    if crashes:
        raise LintError("; ".join(f"rule {c.rule} crashed: {c.error}" for c in crashes))
    old_file = older[0].root.path if older else None
    new_file = newer[0].root.path if newer else None
    return report._replace(
        new=_renamed(report.new, new_file, newer[3] if newer else None),
        unchanged_findings=tuple(_renamed(report.unchanged_findings, new_file, newer[3] if newer else None)),
        fixed=_renamed(report.fixed, old_file, older[3] if older else None))


def model(source: Source, *, config: Configuration = None, allow_plugins: bool = False, name: str | None = None
          ) -> ApiModel:
    """What aiplint understands of one document (`aiplint model`): its resources, and per operation its kind, the
    resource it acts on and where that resource's ID travels (`ApiModel.facts`), its words read with the
    configuration's vocabulary.  Takes `source` and raises as `lint` does."""
    document, settings, _, _ = _load(source, config, allow_plugins, name)
    return ApiModel.build(document, Lexicon.of(settings.vocabulary))


def _load(source: Source, config: Configuration, allow_plugins: bool, name: str | None
          ) -> tuple[Document, Config, dict, str | None]:
    """(document, settings, rules, the name its root file's findings carry)."""
    path, text = _source(source, name)
    settings, rules = configuration(config, name or path, isolated=config is None and text is not None,
                                    allow_plugins=allow_plugins)
    document, _ = open_job(Job(path, path, None, text, settings, rules), None)
    if document is None:
        raise LintError(f"{name or path}: {NOT_OPENAPI}")
    return document, settings, rules, path if text is None else name


def _renamed(findings: Iterable[Finding], internal: str | None, shown: str | None) -> list[Finding]:
    """A dict's or text's findings under the name the caller gave (None: no file)."""
    if internal is None or internal == shown:
        return list(findings)
    return [replace(f, file=shown) if f.file == internal else f for f in findings]  # type: ignore[arg-type]


def configuration(config: Configuration, path: str, isolated: bool = False, allow_plugins: bool = False
                  ) -> tuple[Config, dict]:
    """The settings and rules `config` (as `lint` takes it) gives for the file at `path`: None finds the
    file's configuration file (none with `isolated`).  Plugins are imported only with the opt-in."""
    rules = available_rules()
    if isinstance(config, Config):
        return config, rules
    if isinstance(config, Mapping):
        return Resolver(rules, allow_plugins=allow_plugins).for_mapping(config)
    if config is None or isinstance(config, (str, os.PathLike)):
        config_file = os.fsdecode(config) if config is not None else None
        return Resolver(rules, config_file, isolated=isolated, allow_plugins=allow_plugins).for_path(path)
    raise ConfigError(f"config must be a Config, a mapping or a configuration file path, not {type(config).__name__}")


def _source(source: Any, name: str | None = None) -> tuple[str, str | None]:
    """(path, text): text is None when the document is read from the path.  A dict's or text's path is a
    stand-in beside `name` (its `$ref`s start from there), whose suffix says how to parse it."""
    folder = os.path.dirname(name) if name else ""
    if isinstance(source, Mapping):
        path = os.path.join(folder, "<document>.json")
        try:
            return path, json.dumps(dict(source), indent=2, default=str)
        except (TypeError, ValueError, RecursionError) as exc:  # a key that is not a string, a cycle, deep nesting
            raise InputError(name or path, f"the mapping is not a JSON-like document: {exc}") from None
    if isinstance(source, (bytes, bytearray)):
        path = os.path.join(folder, "<text>.yaml")
        return path, decode(name or path, bytes(source))
    if isinstance(source, os.PathLike):
        return os.fsdecode(source), None
    if not isinstance(source, str):
        raise InputError("<source>", f"expected a path, YAML or JSON text or a mapping, not {type(source).__name__}")
    if "\n" in source or ": " in source or source.lstrip().startswith("{"):
        return os.path.join(folder, "<text>.json" if source.lstrip().startswith("{") else "<text>.yaml"), source
    if "\x00" in source:
        raise InputError(source, "not a file name (it contains a NUL character)")
    return source, None


__all__ = ["lint", "diff", "LintError", "InputError", "ConfigError"]
