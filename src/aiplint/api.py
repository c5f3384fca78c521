"""The Python API: `aiplint.lint(source, config=...)`."""

from __future__ import annotations

import json
import os
from typing import Any, Mapping

from aiplint.config import Config, ConfigError, Resolver, parse_config
from aiplint.document import InputError, open_document
from aiplint.engine import Finding, available_rules, run_rules


class LintError(Exception):
    """The source is not an OpenAPI document, or a rule crashed."""


def lint(source: str | os.PathLike[str] | Mapping[str, Any], *, config: Config | Mapping[str, Any] | str | None = None
         ) -> list[Finding]:
    """Lint one OpenAPI document and return its findings, sorted by file and line.

    `source` is a path to a YAML or JSON file (its `$ref`s are followed), a parsed document (a dict), or YAML
    or JSON text.  `config` is a `Config`, a mapping with the keys of `[tool.aiplint]`, or the path of a
    configuration file; by default a file's configuration is found as the command line finds it, and text
    or a dict get the defaults.  Raises `InputError` for unreadable input, `ConfigError` for a bad
    configuration, `LintError` for a non-OpenAPI document or a crashed rule.
    """
    path, text = _source(source)
    settings, rules = configuration(config, path, isolated=config is None and text is not None)
    document = open_document(path, text=text)
    if document is None:
        raise LintError(f"{path}: not an OpenAPI document (no top-level `openapi` or `swagger` key)")
    findings, crashes = run_rules(document, settings, rules)
    if crashes:
        raise LintError("; ".join(f"rule {c.rule} crashed: {c.error}" for c in crashes))
    return findings


def configuration(config: Config | Mapping[str, Any] | str | None, path: str, isolated: bool = False
                  ) -> tuple[Config, dict]:
    """The settings and rules `config` (as `lint` takes it) gives for the file at `path`: None finds the
    file's configuration file (none with `isolated`)."""
    rules = available_rules()
    if isinstance(config, Config):
        return config, rules
    if isinstance(config, Mapping):
        return parse_config(config, rules), rules
    return Resolver(rules, config, isolated=isolated).for_path(path)


def _source(source: str | os.PathLike[str] | Mapping[str, Any]) -> tuple[str, str | None]:
    """(path, text): text is None when the document is read from the path."""
    if isinstance(source, Mapping):
        return "<document>.json", json.dumps(source, indent=2, default=str)
    if isinstance(source, os.PathLike):
        return os.fspath(source), None
    if "\n" in source or source.lstrip().startswith("{"):
        return "<text>.json" if source.lstrip().startswith("{") else "<text>.yaml", source
    return source, None


__all__ = ["lint", "LintError", "InputError", "ConfigError"]
