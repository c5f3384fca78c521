"""Configuration: `[tool.aiplint]` in pyproject.toml or `.aiplint.toml`, validated against the rules' options.

A file's configuration is the first `.aiplint.toml`, or `pyproject.toml` with a `[tool.aiplint]` table, found
walking up from the file's folder to the repository root (the folder holding `.git`); outside a repository, no
higher than the current directory or the home folder (see `aiplint.read.trust.config_ceiling`).  `--config FILE`
names one instead; `--isolated` ignores them all.  Command-line options win over the file.

A configuration can name code to run (`plugins`); it runs only with the user's opt-in
(`aiplint.read.trust.repository_code_allowed`), else the plugins are skipped with a note.
"""

from __future__ import annotations

import difflib
import os
import re
from dataclasses import dataclass, field, replace
from functools import lru_cache
from pathlib import Path
from typing import Any, Callable, Mapping

from aiplint.config.settings import active_rules
from aiplint.model.lexicon import Vocabulary
from aiplint.read.trust import config_ceiling, confine, printable, repository_code_allowed
from aiplint.rule import PROFILES, Option, Rule

SEVERITY_NAMES = ("error", "warning", "info", "off")
TOP_KEYS = ("profile", "select", "ignore", "fail-on", "rules", "overrides", "plugins", "inline-ignores", "baseline",
            "words", "app", "fail-on-breaking", "stability", "ref-root", "exclude", "extend-exclude", "roots")
BREAKING_THRESHOLDS = ("error", "warning", "never")
STABILITY_LEVELS = ("draft", "alpha", "beta", "stable")
WORD_KEYS = ("verbs", "nouns", "uncountable", "plurals", "id-words")
OVERRIDE_KEYS = ("paths", "files", "rules")


class ConfigError(Exception):
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


def find_config_file(start: str, memo: dict[Path, Path | None] | None = None) -> Path | None:
    """The nearest `.aiplint.toml` or `pyproject.toml` with `[tool.aiplint]`, up to the repository root (outside
    a repository: up to the current directory or the home folder, never above).  `memo`: the folders already
    searched (one run's, so a long-lived process sees files that appear later)."""
    folder = os.path.realpath(start)
    folder = folder if os.path.isdir(folder) else os.path.dirname(folder)
    return _find_from(Path(folder), config_ceiling(folder), {} if memo is None else memo)


def _find_from(folder: Path, ceiling: str, memo: dict[Path, Path | None]) -> Path | None:
    if folder in memo:
        return memo[folder]
    found = None
    for candidate in (folder / ".aiplint.toml", folder / "pyproject.toml"):
        # a configuration that is a link out of the project, or not a regular file (a FIFO), is not read
        inside = confine(str(candidate), ceiling)
        if inside and os.path.isfile(inside) and (candidate.name == ".aiplint.toml" or _has_tool_table(candidate)):
            found = candidate
            break
    else:
        if str(folder) != ceiling and folder.parent != folder:
            found = _find_from(folder.parent, ceiling, memo)
    memo[folder] = found
    return found


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
    if path.name == "pyproject.toml" or "tool" in data:  # pyproject.toml, or a file written like one
        tool = data.get("tool", {})
        if not isinstance(tool, dict) or "aiplint" not in tool:
            raise ConfigError(f"{path}: no [tool.aiplint] table")
        data = tool["aiplint"]
    if not isinstance(data, dict):
        raise ConfigError(f"{path}: [tool.aiplint] must be a table")
    return data


def _near(word: str, choices: list[str] | tuple[str, ...]) -> str:
    match = difflib.get_close_matches(word, list(choices), n=1)
    return f"; did you mean `{match[0]}`?" if match else ""


def _ids(where: str, key: str, value: Any, rules: Mapping[str, Rule], lenient: bool) -> tuple[str, ...]:
    if isinstance(value, str):
        value = [part.strip() for part in value.split(",") if part.strip()]
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ConfigError(f"{where}: `{key}` must be a list of rule ids or families")
    for rule_id in value:
        check_rule_id(rule_id, rules, f"{where}: `{key}`", lenient)
    return tuple(value)


def check_rule_id(rule_id: str, rules: Mapping[str, Rule], where: str, lenient: bool = False) -> None:
    """Rule ids and family prefixes (`aip136/`) must name installed rules; near misses get a hint.  `lenient`
    (the configuration's plugins were skipped): an unknown id may be one of theirs, and selects nothing."""
    families = sorted({r.split("/")[0] for r in rules})
    if lenient or rule_id == "ALL" or rule_id in rules or rule_id.rstrip("/") in families:
        return
    raise ConfigError(f"{where}: unknown rule `{rule_id}`{_near(rule_id, list(rules) + families)}")


def _choice(where: str, key: str, value: Any, allowed: tuple[str, ...]) -> str:
    if value not in allowed:
        raise ConfigError(f"{where}: `{key}` must be one of {', '.join(allowed)}, not {value!r}")
    return value


def _rule_settings(where: str, table: Any, rules: Mapping[str, Rule], lenient: bool) -> dict[str, RuleSettings]:
    if not isinstance(table, dict):
        raise ConfigError(f"{where}: `rules` must be a table of rule ids")
    settings = {}
    for rule_id, values in table.items():
        if rule_id not in rules and lenient:
            continue  # a skipped plugin's rule
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
            options[name] = _typed(where, f'rules."{rule_id}".{name}', value, rule.options[name])
        settings[rule_id] = RuleSettings(severity, options)
    return settings


def _typed(where: str, key: str, value: Any, option: Option) -> Any:
    """A value of the option's type (the type of its default; a list option is a list of strings, which
    becomes a tuple), and one of its choices where it has them."""
    default = option.default
    if option.choices and value not in option.choices:
        raise ConfigError(f"{where}: `{key}` must be one of {', '.join(map(str, option.choices))}, not {value!r}")
    if isinstance(default, (tuple, list)):
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise ConfigError(f"{where}: `{key}` must be a list of strings")
        return tuple(value)
    if isinstance(default, bool) and not isinstance(value, bool):
        raise ConfigError(f"{where}: `{key}` must be true or false")
    if isinstance(default, str) and not isinstance(value, str):
        raise ConfigError(f"{where}: `{key}` must be a string")
    if isinstance(default, int) and not isinstance(default, bool) and not isinstance(value, int):
        raise ConfigError(f"{where}: `{key}` must be an integer")
    return value


def parse_config(data: Mapping[str, Any], rules: Mapping[str, Rule], path: str | None = None,
                 lenient: bool = False) -> Config:
    """Validate a configuration table (the keys of `[tool.aiplint]`) against the installed rules (`lenient`:
    unknown rule ids are allowed, for a configuration whose plugins were skipped)."""
    where = path or "configuration"
    root = os.path.dirname(os.path.abspath(path)) if path else os.getcwd()
    for key in data:
        if key not in TOP_KEYS:
            raise ConfigError(f"{where}: unknown key `{key}`{_near(str(key), TOP_KEYS)}")
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
                                  _rule_settings(at, entry.get("rules", {}), rules, lenient), root))
    plugins = data.get("plugins", [])
    if not isinstance(plugins, list) or not all(isinstance(p, str) for p in plugins):
        raise ConfigError(f"{where}: `plugins` must be a list of module names")
    inline = data.get("inline-ignores", True)
    if not isinstance(inline, bool):
        raise ConfigError(f"{where}: `inline-ignores` must be true or false")
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
        select=_ids(where, "select", data.get("select", []), rules, lenient),
        ignore=_ids(where, "ignore", data.get("ignore", []), rules, lenient),
        fail_on=_choice(where, "fail-on", data.get("fail-on", "error"), SEVERITY_NAMES[:3]),
        rules=_rule_settings(where, data.get("rules", {}), rules, lenient),
        overrides=tuple(overrides),
        plugins=tuple(plugins),
        inline_ignores=inline,
        baseline=_project_file(where, "baseline", data.get("baseline"), root, path is not None),
        ref_root=_project_file(where, "ref-root", data.get("ref-root"), root, path is not None),
        app=tuple(app),
        exclude=_patterns(where, "exclude", data.get("exclude", [])),
        extend_exclude=_patterns(where, "extend-exclude", data.get("extend-exclude", [])),
        roots=tuple(_project_path(where, "roots", root_path, root, path is not None)
                    for root_path in _patterns(where, "roots", data.get("roots", []))),
        path=path,
        origins={key: where for key in data},
    )


def _patterns(where: str, key: str, value: Any) -> tuple[str, ...]:
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        raise ConfigError(f"{where}: `{key}` must be a list of paths or patterns")
    return tuple(value)


def _stability(where: str, table: Any) -> tuple[tuple[str, str], ...]:
    """`[tool.aiplint.stability]`: API path globs and the stability level of the operations under them."""
    if not isinstance(table, dict):
        raise ConfigError(f"{where}: `stability` must be a table of API path globs and stability levels")
    for glob, level in table.items():
        if not isinstance(glob, str) or not glob.startswith("/"):
            raise ConfigError(f"{where}: `stability.\"{glob}\"`: an API path glob starts with `/`")
        _choice(where, f'stability."{glob}"', level, STABILITY_LEVELS)
    return tuple(table.items())


def _project_file(where: str, key: str, value: Any, root: str, from_file: bool) -> str | None:
    """A path named by the configuration (`baseline`, `ref-root`), relative to its folder.  A configuration
    file cannot point outside its own project: not above its repository (`baseline`) or its own folder
    (`ref-root`, which would widen what `$ref` may read)."""
    return None if value is None else _project_path(where, key, value, root, from_file)


def _project_path(where: str, key: str, value: Any, root: str, from_file: bool) -> str:
    """`_project_file` for a value that is given."""
    if not isinstance(value, str) or not value.strip():
        raise ConfigError(f"{where}: `{key}` must be a path")
    path = os.path.normpath(os.path.join(root, value))
    real_root = os.path.realpath(root)
    limit = real_root if key == "ref-root" else config_ceiling(real_root)
    if from_file and confine(os.path.join(real_root, value), limit) is None:
        raise ConfigError(f"{where}: `{key}` must stay inside {limit}, not {value!r}")
    return path


def _vocabulary(where: str, table: Any) -> Vocabulary:
    """`[tool.aiplint.words]`: additions to the word lists every rule's model is read with."""
    if not isinstance(table, dict):
        raise ConfigError(f"{where}: `words` must be a table")
    for key, value in table.items():
        if key not in WORD_KEYS:
            raise ConfigError(f"{where}: unknown key `words.{key}`{_near(key, WORD_KEYS)}")
        if key == "plurals":
            if not isinstance(value, dict) or not all(isinstance(w, str) for item in value.items() for w in item):
                raise ConfigError(f"{where}: `words.plurals` must map singular words to plural words")
        elif not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise ConfigError(f"{where}: `words.{key}` must be a list of words")

    def words(key: str) -> frozenset[str]:
        return frozenset(w.lower() for w in table.get(key, []))

    plurals = tuple(sorted((k.lower(), v.lower()) for k, v in table.get("plurals", {}).items()))
    return Vocabulary(words("verbs"), words("nouns"), words("uncountable"), plurals, words("id-words"))


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


class Resolver:
    """Each linted file's configuration and rule set: its config file (found or given), its plugins (with the
    user's opt-in, `allow_plugins` or the environment; else `note` names the ones skipped), and the command
    line's options on top.  Memoised per configuration file."""

    def __init__(self, rules: Mapping[str, Rule], config_file: str | None = None, isolated: bool = False,
                 command_line: Mapping[str, Any] | None = None, allow_plugins: bool = False,
                 note: Callable[[str], None] | None = None):
        self.rules = rules
        self.config_file = config_file
        self.isolated = isolated
        self.command_line = {k: v for k, v in (command_line or {}).items() if v not in (None, ())}
        self.allow_plugins = repository_code_allowed(allow_plugins)
        self.note = note or _warn
        self._cache: dict[str | None, tuple[Config, dict[str, Rule]]] = {}
        self._searched: dict[Path, Path | None] = {}  # folder -> its configuration file

    def for_path(self, path: str) -> tuple[Config, dict[str, Rule]]:
        found = None if self.isolated else (
            Path(self.config_file) if self.config_file else find_config_file(path, self._searched))
        key = str(found) if found else None
        if key not in self._cache:
            self._cache[key] = self._resolve(found)
        return self._cache[key]

    def for_mapping(self, data: Mapping[str, Any]) -> tuple[Config, dict[str, Rule]]:
        """A configuration given as a mapping (the Python API's `config=`); its plugins, with the opt-in, are
        imported from the current directory."""
        return self._settle(data, None, os.getcwd())

    def _resolve(self, file: Path | None) -> tuple[Config, dict[str, Rule]]:
        if file is None:
            return self._settle({}, None, "")
        if not file.is_file():
            raise ConfigError(f"{file}: configuration file not found")
        return self._settle(read_config_file(file), str(file), str(file.parent.resolve()))

    def _settle(self, data: Mapping[str, Any], where: str | None, folder: str) -> tuple[Config, dict[str, Rule]]:
        rules = dict(self.rules)
        plugins = data.get("plugins", [])
        valid = isinstance(plugins, list) and all(isinstance(p, str) for p in plugins)  # else parse_config says so
        skipped = valid and bool(plugins) and not self.allow_plugins
        if skipped:
            self.note(skipped_plugins_note(where or "configuration", plugins))
        elif valid:
            load_plugins(tuple(plugins), folder, rules, where or "configuration")
        config = parse_config(data, rules, where, lenient=skipped)
        for key in ("select", "ignore"):
            for rule_id in self.command_line.get(key, ()):
                check_rule_id(rule_id, rules, f"--{key}", lenient=skipped)
        origins = dict(config.origins)
        origins.update({key.replace("_", "-"): "command line" for key in self.command_line})
        changes = dict(self.command_line)
        if "ignore" in changes:  # like ruff: --select replaces the file's selection, --ignore adds to it
            changes["ignore"] = config.ignore + changes["ignore"]
        config = replace(config, **changes, origins=origins)
        if not skipped:  # else the ids may be the skipped plugins' rules: the note says they select nothing
            _refuse_an_empty_selection(config, rules)
        return config, rules


def _refuse_an_empty_selection(config: Config, rules: Mapping[str, Rule]) -> None:
    """`select = ["rest/"]` with `--ignore rest/` leaves no rule to run: a mistake, not a clean run."""
    if not active_rules(config, rules):
        raise ConfigError(f"no rule left to run: select {list(config.select) or 'the profile'} less ignore "
                          f"{list(config.ignore)} ({config.path or 'command line'})")


def skipped_plugins_note(where: str, plugins: Any) -> str:
    names = ", ".join(map(str, plugins)) if isinstance(plugins, list) else repr(plugins)
    return (f"{where}: plugins not loaded ({names}): a repository's configuration runs code only with "
            "--allow-plugins or AIPLINT_ALLOW_PLUGINS=1; rules they would add do not run")


def _warn(message: str) -> None:
    import warnings

    warnings.warn(message, stacklevel=4)


SCHEMA_ID = "https://raw.githubusercontent.com/aiplint/aiplint/main/docs/config.schema.json"


def json_schema(rules: Mapping[str, Rule]) -> dict[str, Any]:
    """The JSON Schema (draft 7) of the `[tool.aiplint]` table, as `parse_config` checks it, with every rule's
    severity and options typed from their defaults.  Rule ids of plugins it does not know stay valid."""
    def strings(description: str) -> dict[str, Any]:
        return {"type": "array", "items": {"type": "string"}, "description": description}

    families = sorted({rule_id.split("/")[0] + "/" for rule_id in rules})
    selector = {"anyOf": [{"enum": ["ALL", *families, *rules]}, {"type": "string", "pattern": "^[^/\\s]+/\\S*$"}]}
    selectors = {"anyOf": [{"type": "array", "items": selector}, {"type": "string"}]}
    rule_table = {
        "type": "object",
        "description": "Severity and options per rule id",
        "properties": {rule.id: _rule_schema(rule) for rule in rules.values()},
        "additionalProperties": {"type": "object", "description": "A plugin's rule"},
    }
    return {
        "$schema": "http://json-schema.org/draft-07/schema#",
        "$id": SCHEMA_ID,
        "title": "aiplint configuration",
        "description": "The [tool.aiplint] table of pyproject.toml, or the whole of .aiplint.toml",
        "type": "object",
        "additionalProperties": False,
        "properties": {
            "profile": {"enum": list(PROFILES), "default": "rest",
                        "description": "rest: pragmatic REST; aip: strict AIP"},
            "select": {**selectors, "description": "Rule ids or families (aip136/) to run; default: the profile's"},
            "ignore": {**selectors, "description": "Rule ids or families to skip"},
            "fail-on": {"enum": list(SEVERITY_NAMES[:3]), "default": "error",
                        "description": "The lowest severity that fails the run"},
            "fail-on-breaking": {"enum": list(BREAKING_THRESHOLDS), "default": "error",
                                 "description": "Diffs: the lowest level of breaking change that fails the run"},
            "inline-ignores": {"type": "boolean", "default": True, "description": "Honour x-aiplint-ignore in specs"},
            "baseline": {"type": "string", "description": "Baseline file, relative to this file"},
            "ref-root": {"type": "string", "description": "The folder $refs may read from, inside this one"},
            "plugins": strings("Repository-local rule modules (imported only with --allow-plugins)"),
            "app": {"anyOf": [{"type": "string"}, {"type": "array", "items": {"type": "string"}}],
                    "description": "Python applications to lint when no paths are given (pkg.api:app)"},
            "exclude": strings("gitignore patterns a folder walk skips, relative to this file (--exclude replaces "
                               "them)"),
            "extend-exclude": strings("More gitignore patterns a folder walk skips"),
            "roots": strings("The root specs (paths or globs) linted when a fragment they $ref changes"),
            "rules": rule_table,
            "overrides": {"type": "array", "description": "Rule settings for API paths and/or files matching globs",
                          "items": {"type": "object", "additionalProperties": False,
                                    "anyOf": [{"required": ["paths"]}, {"required": ["files"]}],
                                    "properties": {"paths": strings("API path globs (/v1/legacy/**)"),
                                                   "files": strings("File globs, relative to this file"),
                                                   "rules": rule_table}}},
            "words": {"type": "object", "additionalProperties": False, "description": "Additions to the word lists",
                      "properties": {**{key: strings(f"Words: {key}") for key in WORD_KEYS if key != "plurals"},
                                     "plurals": {"type": "object", "additionalProperties": {"type": "string"},
                                                 "description": "Singular -> plural"}}},
            "stability": {"type": "object", "description": "API path globs and their stability level",
                          "propertyNames": {"pattern": "^/"}, "additionalProperties": {"enum": list(STABILITY_LEVELS)}},
        },
    }


def _rule_schema(rule: Rule) -> dict[str, Any]:
    properties: dict[str, Any] = {"severity": {"enum": list(SEVERITY_NAMES)}}
    for name, option in rule.options.items():
        properties[name] = {**_option_type(option), "description": option.help}
    return {"type": "object", "description": rule.summary, "properties": properties, "additionalProperties": False}


def _option_type(option: Option) -> dict[str, Any]:
    default = option.default
    if option.choices:
        return {"enum": list(option.choices), "default": default}
    if isinstance(default, (tuple, list)):
        return {"type": "array", "items": {"type": "string"}, "default": list(default)}
    kind = {bool: "boolean", str: "string", int: "integer", float: "number"}.get(type(default))
    return {"type": kind, "default": default} if kind else {}
