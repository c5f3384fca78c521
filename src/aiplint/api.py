"""The Python API: `aiplint.lint(source, config=...)`."""

from __future__ import annotations

import json
import os
from typing import Any, Mapping

from aiplint.config import Config, ConfigError, Resolver
from aiplint.document import InputError, _decode, open_document
from aiplint.engine import Finding, available_rules, run_rules


class LintError(Exception):
    """The source is not an OpenAPI document, or a rule crashed."""


def lint(source: str | os.PathLike[str] | bytes | Mapping[str, Any], *,
         config: Config | Mapping[str, Any] | str | os.PathLike[str] | None = None, allow_plugins: bool = False
         ) -> list[Finding]:
    """Lint one OpenAPI document and return its findings, sorted by file and line.

    `source` is a path to a YAML or JSON file (its `$ref`s are followed, inside its project), a parsed document
    (a dict), or YAML or JSON text (a str with a newline or a `key: value`, or bytes).  `config` is a `Config`,
    a mapping with the keys of `[tool.aiplint]`, or the path of a configuration file; by default a file's
    configuration is found as the command line finds it, and text or a dict get the defaults.  Plugins that a
    configuration names are imported only with `allow_plugins=True` (or `AIPLINT_ALLOW_PLUGINS=1`), else
    skipped with a warning; `sys.path` is left as it was.  Raises `InputError` for unreadable input (or a
    `source` of another type), `ConfigError` for a bad configuration, `LintError` for a non-OpenAPI document
    or a crashed rule, and nothing else.
    """
    path, text = _source(source)
    settings, rules = configuration(config, path, isolated=config is None and text is not None,
                                    allow_plugins=allow_plugins)
    document = open_document(path, text=text, project_root=settings.ref_root)
    if document is None:
        raise LintError(f"{path}: not an OpenAPI document (no top-level `openapi` or `swagger` key)")
    findings, crashes = run_rules(document, settings, rules)
    if crashes:
        raise LintError("; ".join(f"rule {c.rule} crashed: {c.error}" for c in crashes))
    return findings


def configuration(config: Config | Mapping[str, Any] | str | os.PathLike[str] | None, path: str,
                  isolated: bool = False, allow_plugins: bool = False) -> tuple[Config, dict]:
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


def _source(source: Any) -> tuple[str, str | None]:
    """(path, text): text is None when the document is read from the path."""
    if isinstance(source, Mapping):
        try:
            return "<document>.json", json.dumps(dict(source), indent=2, default=str)
        except (TypeError, ValueError, RecursionError) as exc:  # a key that is not a string, a cycle, deep nesting
            raise InputError("<document>.json", f"the mapping is not a JSON-like document: {exc}") from None
    if isinstance(source, (bytes, bytearray)):
        return "<text>.yaml", _decode("<text>.yaml", bytes(source))
    if isinstance(source, os.PathLike):
        return os.fsdecode(source), None
    if not isinstance(source, str):
        raise InputError("<source>", f"expected a path, YAML or JSON text or a mapping, not {type(source).__name__}")
    if "\n" in source or ": " in source or source.lstrip().startswith("{"):
        return "<text>.json" if source.lstrip().startswith("{") else "<text>.yaml", source
    if "\x00" in source:
        raise InputError(source, "not a file name (it contains a NUL character)")
    return source, None


__all__ = ["lint", "LintError", "InputError", "ConfigError"]
