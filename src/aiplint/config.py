"""Configuration: `[tool.aiplint]` in pyproject.toml or `.aiplint.toml`, validated against the rules' options.

A file's configuration is the first `.aiplint.toml`, or `pyproject.toml` with a `[tool.aiplint]` table, found
walking up from the file's folder to the repository root (the folder holding `.git`).  `--config FILE`
names one instead; `--isolated` ignores them all.  Command-line options win over the file.
"""

from __future__ import annotations

import difflib
import os
import re
from dataclasses import dataclass, field, replace
from functools import lru_cache
from pathlib import Path
from typing import Any, Mapping

from aiplint.rule import PROFILES, Rule, Severity
from aiplint.lexicon import Vocabulary

SEVERITY_NAMES = ("error", "warning", "info", "off")
TOP_KEYS = ("profile", "select", "ignore", "fail-on", "rules", "overrides", "plugins", "inline-ignores", "baseline",
            "words", "app", "fail-on-breaking", "stability")
BREAKING_THRESHOLDS = ("error", "warning", "never")
STABILITY_LEVELS = ("draft", "alpha", "beta", "stable")
WORD_KEYS = ("verbs", "nouns", "uncountable", "plurals", "id-words")
OVERRIDE_KEYS = ("paths", "files", "rules")


class ConfigError(Exception):
    """A configuration mistake: a usage error (exit 2), one line naming the file and the key."""


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
    fail_on: str = "error"
    rules: Mapping[str, RuleSettings] = field(default_factory=dict)
    overrides: tuple[Override, ...] = ()
    plugins: tuple[str, ...] = ()
    inline_ignores: bool = True
    baseline: str | None = None
    app: tuple[str, ...] = ()  # Python applications to lint (`pkg.api:app`), imported from the file's folder
    vocabulary: Vocabulary = Vocabulary()
    fail_on_breaking: str = "error"  # diffs: the lowest level of breaking change that fails the run, or never
    stability: tuple[tuple[str, str], ...] = ()  # (API path glob, stability level); later entries win
    path: str | None = None  # the file it came from
    origins: Mapping[str, str] = field(default_factory=dict)  # key -> where its value came from


@lru_cache(maxsize=None)
def _glob_regex(pattern: str) -> re.Pattern[str]:
    """`**` matches across `/` (a trailing `/**` also matches the folder itself), `*` and `?` within one
    segment: `/v1/legacy/**` matches `/v1/legacy` and `/v1/legacy/jobs/{id}`."""
    tail = ""
    if pattern.endswith("/**"):
        pattern, tail = pattern[:-3], "(?:/.*)?"
    pieces = {"**/": "(?:.*/)?", "**": ".*", "*": "[^/]*", "?": "[^/]"}
    out = "".join(pieces.get(part, re.escape(part)) for part in re.split(r"(\*\*/?|\*|\?)", pattern) if part)
    return re.compile(out + tail + r"\Z")


def glob_match(pattern: str, text: str) -> bool:
    return bool(_glob_regex(pattern).match(text))


def find_config_file(start: str) -> Path | None:
    """The nearest `.aiplint.toml` or `pyproject.toml` with `[tool.aiplint]`, up to the repository root."""
    folder = Path(os.path.abspath(start))
    folder = folder if folder.is_dir() else folder.parent
    return _find_from(folder)


@lru_cache(maxsize=None)
def _find_from(folder: Path) -> Path | None:
    for candidate in (folder / ".aiplint.toml", folder / "pyproject.toml"):
        if candidate.is_file() and (candidate.name == ".aiplint.toml" or _has_tool_table(candidate)):
            return candidate
    if (folder / ".git").exists() or folder.parent == folder:
        return None
    return _find_from(folder.parent)


def _has_tool_table(pyproject: Path) -> bool:
    return "[tool.aiplint" in pyproject.read_text(encoding="utf-8", errors="replace")


def read_config_file(path: Path) -> dict[str, Any]:
    import tomllib

    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"{path}: cannot read the configuration: {exc}") from None
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path}: invalid TOML: {exc}") from None
    if path.name == "pyproject.toml":
        data = data.get("tool", {}).get("aiplint", {})
    if not isinstance(data, dict):
        raise ConfigError(f"{path}: [tool.aiplint] must be a table")
    return data


def _near(word: str, choices: list[str] | tuple[str, ...]) -> str:
    match = difflib.get_close_matches(word, list(choices), n=1)
    return f"; did you mean `{match[0]}`?" if match else ""


def _ids(where: str, key: str, value: Any, rules: Mapping[str, Rule]) -> tuple[str, ...]:
    if isinstance(value, str):
        value = [part.strip() for part in value.split(",") if part.strip()]
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ConfigError(f"{where}: `{key}` must be a list of rule ids or families")
    for rule_id in value:
        check_rule_id(rule_id, rules, f"{where}: `{key}`")
    return tuple(value)


def check_rule_id(rule_id: str, rules: Mapping[str, Rule], where: str) -> None:
    """Rule ids and family prefixes (`aip136/`) must name installed rules; near misses get a hint."""
    families = sorted({r.split("/")[0] for r in rules})
    if rule_id == "ALL" or rule_id in rules or rule_id.rstrip("/") in families:
        return
    raise ConfigError(f"{where}: unknown rule `{rule_id}`{_near(rule_id, list(rules) + families)}")


def _choice(where: str, key: str, value: Any, allowed: tuple[str, ...]) -> str:
    if value not in allowed:
        raise ConfigError(f"{where}: `{key}` must be one of {', '.join(allowed)}, not {value!r}")
    return value


def _rule_settings(where: str, table: Any, rules: Mapping[str, Rule]) -> dict[str, RuleSettings]:
    if not isinstance(table, dict):
        raise ConfigError(f"{where}: `rules` must be a table of rule ids")
    settings = {}
    for rule_id, values in table.items():
        if rule_id not in rules:
            raise ConfigError(f"{where}: unknown rule `{rule_id}`{_near(rule_id, list(rules))}")
        if not isinstance(values, dict):
            raise ConfigError(f"{where}: `rules.\"{rule_id}\"` must be a table")
        rule = rules[rule_id]
        severity = values.get("severity")
        if severity is not None:
            _choice(where, f'rules."{rule_id}".severity', severity, SEVERITY_NAMES)
        options = {}
        for name, value in values.items():
            if name == "severity":
                continue
            if name not in rule.options:
                known = ["severity", *rule.options]
                raise ConfigError(f"{where}: rule `{rule_id}` has no option `{name}`{_near(name, known)}")
            options[name] = _typed(where, f'rules."{rule_id}".{name}', value, rule.options[name].default)
        settings[rule_id] = RuleSettings(severity, options)
    return settings


def _typed(where: str, key: str, value: Any, default: Any) -> Any:
    """A value of the option's type (the type of its default); lists become tuples."""
    if isinstance(default, (tuple, list)):
        if not isinstance(value, list):
            raise ConfigError(f"{where}: `{key}` must be a list")
        return tuple(value)
    if isinstance(default, bool) and not isinstance(value, bool):
        raise ConfigError(f"{where}: `{key}` must be true or false")
    if isinstance(default, str) and not isinstance(value, str):
        raise ConfigError(f"{where}: `{key}` must be a string")
    if isinstance(default, int) and not isinstance(default, bool) and not isinstance(value, int):
        raise ConfigError(f"{where}: `{key}` must be an integer")
    return value


def parse_config(data: Mapping[str, Any], rules: Mapping[str, Rule], path: str | None = None) -> Config:
    """Validate a configuration table (the keys of `[tool.aiplint]`) against the installed rules."""
    where = path or "configuration"
    root = os.path.dirname(os.path.abspath(path)) if path else os.getcwd()
    for key in data:
        if key not in TOP_KEYS:
            raise ConfigError(f"{where}: unknown key `{key}`{_near(key, TOP_KEYS)}")
    overrides = []
    raw_overrides = data.get("overrides", [])
    if not isinstance(raw_overrides, list):
        raise ConfigError(f"{where}: `overrides` must be an array of tables ([[tool.aiplint.overrides]])")
    for index, entry in enumerate(raw_overrides):
        at = f"{where}: overrides[{index}]"
        if not isinstance(entry, dict):
            raise ConfigError(f"{at} must be a table")
        for key in entry:
            if key not in OVERRIDE_KEYS:
                raise ConfigError(f"{at}: unknown key `{key}`{_near(key, OVERRIDE_KEYS)}")
        globs = {k: entry.get(k, []) for k in ("paths", "files")}
        for key, value in globs.items():
            if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
                raise ConfigError(f"{at}: `{key}` must be a list of globs")
        if not globs["paths"] and not globs["files"]:
            raise ConfigError(f"{at}: needs `paths` or `files`")
        overrides.append(Override(tuple(globs["paths"]), tuple(globs["files"]),
                                  _rule_settings(at, entry.get("rules", {}), rules), root))
    plugins = data.get("plugins", [])
    if not isinstance(plugins, list) or not all(isinstance(p, str) for p in plugins):
        raise ConfigError(f"{where}: `plugins` must be a list of module names")
    inline = data.get("inline-ignores", True)
    if not isinstance(inline, bool):
        raise ConfigError(f"{where}: `inline-ignores` must be true or false")
    baseline = data.get("baseline")
    if baseline is not None and not isinstance(baseline, str):
        raise ConfigError(f"{where}: `baseline` must be a file name")
    app = data.get("app", [])
    app = [app] if isinstance(app, str) else app
    if not isinstance(app, list) or not all(isinstance(a, str) for a in app):
        raise ConfigError(f"{where}: `app` must be an application reference (`pkg.api:app`) or a list of them")
    return Config(
        vocabulary=_vocabulary(where, data.get("words", {})),
        fail_on_breaking=_choice(where, "fail-on-breaking", data.get("fail-on-breaking", "error"),
                                 BREAKING_THRESHOLDS),
        stability=_stability(where, data.get("stability", {})),
        profile=_choice(where, "profile", data.get("profile", "rest"), PROFILES),
        select=_ids(where, "select", data.get("select", []), rules),
        ignore=_ids(where, "ignore", data.get("ignore", []), rules),
        fail_on=_choice(where, "fail-on", data.get("fail-on", "error"), SEVERITY_NAMES[:3]),
        rules=_rule_settings(where, data.get("rules", {}), rules),
        overrides=tuple(overrides),
        plugins=tuple(plugins),
        inline_ignores=inline,
        baseline=os.path.join(root, baseline) if baseline else None,
        app=tuple(app),
        path=path,
        origins={key: where for key in data},
    )


def _stability(where: str, table: Any) -> tuple[tuple[str, str], ...]:
    """`[tool.aiplint.stability]`: API path globs and the stability level of the operations under them."""
    if not isinstance(table, dict):
        raise ConfigError(f"{where}: `stability` must be a table of API path globs and stability levels")
    for glob, level in table.items():
        if not glob.startswith("/"):
            raise ConfigError(f"{where}: `stability.\"{glob}\"`: an API path glob starts with `/`")
        _choice(where, f'stability."{glob}"', level, STABILITY_LEVELS)
    return tuple(table.items())


def _vocabulary(where: str, table: Any) -> Vocabulary:
    """`[tool.aiplint.words]`: additions to the word lists every rule's model is read with."""
    if not isinstance(table, dict):
        raise ConfigError(f"{where}: `words` must be a table")
    for key, value in table.items():
        if key not in WORD_KEYS:
            raise ConfigError(f"{where}: unknown key `words.{key}`{_near(key, WORD_KEYS)}")
        if key == "plurals":
            if not isinstance(value, dict) or not all(isinstance(v, str) for v in value.values()):
                raise ConfigError(f"{where}: `words.plurals` must map singular words to plural words")
        elif not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise ConfigError(f"{where}: `words.{key}` must be a list of words")

    def words(key: str) -> frozenset[str]:
        return frozenset(w.lower() for w in table.get(key, []))

    plurals = tuple(sorted((k.lower(), v.lower()) for k, v in table.get("plurals", {}).items()))
    return Vocabulary(words("verbs"), words("nouns"), words("uncountable"), plurals, words("id-words"))


def load_plugins(modules: tuple[str, ...], root: str, rules: dict[str, Rule], where: str) -> None:
    """Import repository-local rule modules (`plugins = ["tools.api_rules"]`) and add the rules they declare."""
    import importlib
    import sys

    if root not in sys.path:
        sys.path.insert(0, root)
    for name in modules:
        try:
            module = importlib.import_module(name)
        except Exception as exc:
            raise ConfigError(f"{where}: cannot import plugin module `{name}`: {exc}") from None
        found = [value for value in vars(module).values() if isinstance(value, Rule)]
        if not found:
            raise ConfigError(f"{where}: plugin module `{name}` declares no rule (use aiplint.rule.rule)")
        for rule in found:
            rules[rule.id] = rule


def severity_of(name: str | None) -> Severity | None:
    return None if name in (None, "off") else Severity(name)


class Resolver:
    """Each linted file's configuration and rule set: its config file (found or given), its plugins, and the
    command line's options on top.  Memoised per configuration file."""

    def __init__(self, rules: Mapping[str, Rule], config_file: str | None = None, isolated: bool = False,
                 command_line: Mapping[str, Any] | None = None):
        self.rules = rules
        self.config_file = config_file
        self.isolated = isolated
        self.command_line = {k: v for k, v in (command_line or {}).items() if v not in (None, ())}
        self._cache: dict[str | None, tuple[Config, dict[str, Rule]]] = {}

    def for_path(self, path: str) -> tuple[Config, dict[str, Rule]]:
        found = None if self.isolated else (Path(self.config_file) if self.config_file else find_config_file(path))
        key = str(found) if found else None
        if key not in self._cache:
            self._cache[key] = self._resolve(found)
        return self._cache[key]

    def _resolve(self, file: Path | None) -> tuple[Config, dict[str, Rule]]:
        rules = dict(self.rules)
        if file is None:
            config = Config()
        else:
            if not file.is_file():
                raise ConfigError(f"{file}: configuration file not found")
            data = read_config_file(file)
            plugins = data.get("plugins", [])
            if isinstance(plugins, list) and all(isinstance(p, str) for p in plugins):
                load_plugins(tuple(plugins), str(file.parent.resolve()), rules, str(file))
            config = parse_config(data, rules, str(file))
        for key in ("select", "ignore"):
            for rule_id in self.command_line.get(key, ()):
                check_rule_id(rule_id, rules, f"--{key}")
        origins = dict(config.origins)
        origins.update({key.replace("_", "-"): "command line" for key in self.command_line})
        changes = dict(self.command_line)
        if "ignore" in changes:  # like ruff: --select replaces the file's selection, --ignore adds to it
            changes["ignore"] = config.ignore + changes["ignore"]
        return replace(config, **changes, origins=origins), rules
