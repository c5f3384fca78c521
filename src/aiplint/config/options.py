"""The options of `[tool.aiplint]`, declared once (as ruff's options metadata): per key its type, default,
choices, one-line help, whether it is a path relative to the configuration file, and an example.  The parser
(`parse_config`), the JSON Schema (`json_schema`, docs/config.schema.json), `aiplint config`'s listing and the
README's table of options are all generated from `OPTIONS`, so they cannot drift apart."""

from __future__ import annotations

import difflib
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable, Literal, Mapping

from aiplint.config import Config, ConfigError, Override, RuleSettings
from aiplint.config.files import read_config_file
from aiplint.model.lexicon import Vocabulary
from aiplint.read.trust import config_ceiling, confine
from aiplint.rule import CHANGE_FAMILIES, PROFILES, Option, Rule

SEVERITY_NAMES = ("error", "warning", "info", "off")
BREAKING_THRESHOLDS = ("error", "warning", "never")
STABILITY_LEVELS = ("draft", "alpha", "beta", "stable")
WORD_KEYS = ("verbs", "nouns", "uncountable", "plurals", "id-words")
OVERRIDE_KEYS = ("paths", "files", "rules")
SCHEMA_ID = "https://raw.githubusercontent.com/aiplint/aiplint/main/docs/config.schema.json"


@dataclass(frozen=True)
class Source:
    """Where a configuration table comes from, and what its values are checked against."""

    where: str  # the file, or `configuration`: every error message starts with it
    folder: str  # the folder its relative paths start from
    from_file: bool  # a file cannot point outside its own project
    rules: Mapping[str, Rule]  # the installed rules, plugins included
    lenient: bool  # its plugins were skipped: an unknown rule id may be one of theirs


def _as_written(value: Any) -> Any:
    return value


@dataclass(frozen=True)
class ValueType:
    """How an option's value is checked and turned into `Config`'s, described, and written back."""

    name: str  # the README's words for it
    parse: Callable[[Any, str, Source], Any]  # (value, key, source) -> Config's value; a mistake is a ConfigError
    schema: Callable[[Mapping[str, Rule]], dict[str, Any]]  # its JSON Schema (some list the installed rules)
    toml: Callable[[Any], Any] = _as_written  # Config's value as a file would write it, for `aiplint config`
    choices: tuple[str, ...] = ()
    table: bool = False  # a TOML table or array of tables: `aiplint config` shows it as sections, after the rest


@dataclass(frozen=True)
class ConfigOption:
    """One key of `[tool.aiplint]`."""

    key: str
    type: ValueType
    default: Any  # as a file would write it: an absent key is read as this
    help: str  # one line: the schema's description and the README's
    example: str  # a TOML value for the key
    # A path (or paths) relative to the configuration file, which must stay inside its project or its own folder
    relative: Literal["project", "folder"] | None = None
    attribute: str | None = None  # the `Config` field, when it is not the key in snake case

    @property
    def field(self) -> str:
        return self.attribute or self.key.replace("-", "_")

    def parse(self, data: Mapping[str, Any], source: Source) -> Any:
        value = self.type.parse(data.get(self.key, self.default), self.key, source)
        if self.relative and value is not None:
            inside = [_inside(path, self.key, self.relative, source) for path in _as_tuple(value)]
            value = tuple(inside) if isinstance(value, tuple) else inside[0]
        return value

    def schema(self, rules: Mapping[str, Rule]) -> dict[str, Any]:
        schema = self.type.schema(rules)
        if isinstance(self.default, (str, bool)):  # an empty list or table goes without saying
            schema["default"] = self.default
        return {**schema, "description": self.help}

    def shown(self, config: Config) -> Any:
        """The value in force, as a file would write it."""
        return self.type.toml(getattr(config, self.field))


def _as_tuple(value: str | tuple[str, ...]) -> tuple[str, ...]:
    return value if isinstance(value, tuple) else (value,)


# --------------------------------------------------------------------------------------------------
# Value types: each checks a value (the first mistake is a one-line ConfigError naming the key)


def _near(word: str, choices: list[str] | tuple[str, ...]) -> str:
    match = difflib.get_close_matches(word, list(choices), n=1)
    return f"; did you mean `{match[0]}`?" if match else ""


def _choice(where: str, key: str, value: Any, allowed: tuple[str, ...]) -> str:
    if value not in allowed:
        raise ConfigError(f"{where}: `{key}` must be one of {', '.join(allowed)}, not {value!r}")
    return value


def _alternatives(choices: tuple[str, ...]) -> str:
    return " \\| ".join(f"`{choice}`" for choice in choices)  # escaped: the README shows it in a table


def one_of(*allowed: str) -> ValueType:
    return ValueType(_alternatives(allowed),
                     lambda value, key, source: _choice(source.where, key, value, allowed),
                     lambda rules: {"enum": list(allowed)}, choices=allowed)


def _strings() -> dict[str, Any]:
    return {"type": "array", "items": {"type": "string"}}


def _boolean(value: Any, key: str, source: Source) -> bool:
    if not isinstance(value, bool):
        raise ConfigError(f"{source.where}: `{key}` must be true or false")
    return value


def _path(value: Any, key: str, source: Source) -> str | None:
    if value is not None and (not isinstance(value, str) or not value.strip()):
        raise ConfigError(f"{source.where}: `{key}` must be a path")
    return value


def _inside(value: str, key: str, within: str, source: Source) -> str:
    """A path named by the configuration, relative to its folder.  A configuration file cannot point outside
    its own project: not above its repository (`project`), or not above its own folder (`folder`: `ref-root`,
    which would widen what `$ref` may read)."""
    real_root = os.path.realpath(source.folder)
    limit = real_root if within == "folder" else config_ceiling(real_root)
    if source.from_file and confine(os.path.join(real_root, value), limit) is None:
        raise ConfigError(f"{source.where}: `{key}` must stay inside {limit}, not {value!r}")
    return os.path.normpath(os.path.join(source.folder, value))


def _patterns(value: Any, key: str, source: Source) -> tuple[str, ...]:
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        raise ConfigError(f"{source.where}: `{key}` must be a list of paths or patterns")
    return tuple(value)


def _module_names(value: Any, key: str, source: Source) -> tuple[str, ...]:
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ConfigError(f"{source.where}: `{key}` must be a list of module names")
    return tuple(value)


def _app_references(value: Any, key: str, source: Source) -> tuple[str, ...]:
    value = [value] if isinstance(value, str) else value
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ConfigError(f"{source.where}: `{key}` must be an application reference (`pkg.api:app`) or a list of them")
    return tuple(value)


def _rule_ids(value: Any, key: str, source: Source) -> tuple[str, ...]:
    if isinstance(value, str):
        value = [part.strip() for part in value.split(",") if part.strip()]
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ConfigError(f"{source.where}: `{key}` must be a list of rule ids or families")
    for rule_id in value:
        check_rule_id(rule_id, source.rules, f"{source.where}: `{key}`", source.lenient)
    return tuple(value)


def check_rule_id(rule_id: str, rules: Mapping[str, Rule], where: str, lenient: bool = False) -> None:
    """Rule ids and family prefixes (`aip136/`) must name installed rules; near misses get a hint.  `lenient`
    (the configuration's plugins were skipped): an unknown id may be one of theirs, and selects nothing."""
    families = sorted({r.split("/")[0] for r in rules})
    if lenient or rule_id == "ALL" or rule_id in rules or rule_id.rstrip("/") in families:
        return
    if rule_id.startswith(CHANGE_FAMILIES):
        raise ConfigError(f"{where}: `{rule_id}` is a kind of API change, not a lint rule: `fail-on-breaking` decides "
                          "which changes fail a diff, `x-stability-level` where breaking changes are allowed "
                          "(docs/breaking-changes.md)")
    raise ConfigError(f"{where}: unknown rule `{rule_id}`{_near(rule_id, list(rules) + families)}")


def _selectors_schema(rules: Mapping[str, Rule]) -> dict[str, Any]:
    families = sorted({rule_id.split("/")[0] + "/" for rule_id in rules})
    selector = {"anyOf": [{"enum": ["ALL", *families, *rules]}, {"type": "string", "pattern": "^[^/\\s]+/\\S*$"}]}
    return {"anyOf": [{"type": "array", "items": selector}, {"type": "string"}]}


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


def _rules_toml(settings: Mapping[str, RuleSettings]) -> dict[str, dict[str, Any]]:
    return {rule_id: {**({"severity": s.severity} if s.severity else {}), **s.options}
            for rule_id, s in settings.items()}


def _rules_schema(rules: Mapping[str, Rule]) -> dict[str, Any]:
    """Every installed rule's severity and options, typed from their defaults; a plugin's rule ids stay valid."""
    return {"type": "object", "properties": {rule.id: _rule_schema(rule) for rule in rules.values()},
            "additionalProperties": {"type": "object", "description": "A plugin's rule"}}


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


def _overrides(value: Any, key: str, source: Source) -> tuple[Override, ...]:
    if not isinstance(value, list):
        raise ConfigError(f"{source.where}: `{key}` must be an array of tables ([[tool.aiplint.overrides]])")
    overrides = []
    for index, entry in enumerate(value):
        at = f"{source.where}: overrides[{index}]"
        if not isinstance(entry, dict):
            raise ConfigError(f"{at} must be a table")
        for name in entry:
            if name not in OVERRIDE_KEYS:
                raise ConfigError(f"{at}: unknown key `{name}`{_near(name, OVERRIDE_KEYS)}")
        globs = {k: entry.get(k, []) for k in ("paths", "files")}
        for name, globs_given in globs.items():
            if not isinstance(globs_given, list) or not all(isinstance(v, str) for v in globs_given):
                raise ConfigError(f"{at}: `{name}` must be a list of globs")
        if not globs["paths"] and not globs["files"]:
            raise ConfigError(f"{at}: needs `paths` or `files`")
        overrides.append(Override(tuple(globs["paths"]), tuple(globs["files"]),
                                  _rule_settings(at, entry.get("rules", {}), source.rules, source.lenient),
                                  source.folder))
    return tuple(overrides)


def _overrides_toml(overrides: tuple[Override, ...]) -> list[dict[str, Any]]:
    return [{**({"paths": o.paths} if o.paths else {}), **({"files": o.files} if o.files else {}),
             "rules": _rules_toml(o.rules)} for o in overrides]


def _overrides_schema(rules: Mapping[str, Rule]) -> dict[str, Any]:
    files = "File globs, relative to this file"
    return {"type": "array", "items": {
        "type": "object", "additionalProperties": False, "anyOf": [{"required": ["paths"]}, {"required": ["files"]}],
        "properties": {"paths": {**_strings(), "description": "API path globs (/v1/legacy/**)"},
                       "files": {**_strings(), "description": files}, "rules": option_named("rules").schema(rules)}}}


def _vocabulary(table: Any, key: str, source: Source) -> Vocabulary:
    """`[tool.aiplint.words]`: additions to the word lists every rule's model is read with."""
    where = source.where
    if not isinstance(table, dict):
        raise ConfigError(f"{where}: `{key}` must be a table")
    for name, value in table.items():
        if name not in WORD_KEYS:
            raise ConfigError(f"{where}: unknown key `words.{name}`{_near(name, WORD_KEYS)}")
        if name == "plurals":
            if not isinstance(value, dict) or not all(isinstance(w, str) for item in value.items() for w in item):
                raise ConfigError(f"{where}: `words.plurals` must map singular words to plural words")
        elif not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise ConfigError(f"{where}: `words.{name}` must be a list of words")

    def words(name: str) -> frozenset[str]:
        return frozenset(w.lower() for w in table.get(name, []))

    plurals = tuple(sorted((k.lower(), v.lower()) for k, v in table.get("plurals", {}).items()))
    return Vocabulary(words("verbs"), words("nouns"), words("uncountable"), plurals, words("id-words"))


def _vocabulary_toml(vocabulary: Vocabulary) -> dict[str, Any]:
    lists = {"verbs": vocabulary.verbs, "nouns": vocabulary.nouns, "uncountable": vocabulary.uncountable,
             "id-words": vocabulary.id_words}
    table: dict[str, Any] = {name: sorted(words) for name, words in lists.items() if words}
    return {**table, "plurals": dict(vocabulary.plurals)} if vocabulary.plurals else table


def _vocabulary_schema(rules: Mapping[str, Rule]) -> dict[str, Any]:
    lists = {name: {**_strings(), "description": f"Words: {name}"} for name in WORD_KEYS if name != "plurals"}
    plurals = {"type": "object", "additionalProperties": {"type": "string"}, "description": "Singular -> plural"}
    return {"type": "object", "additionalProperties": False, "properties": {**lists, "plurals": plurals}}


def _stability(table: Any, key: str, source: Source) -> tuple[tuple[str, str], ...]:
    """`[tool.aiplint.stability]`: API path globs and the stability level of the operations under them."""
    where = source.where
    if not isinstance(table, dict):
        raise ConfigError(f"{where}: `{key}` must be a table of API path globs and stability levels")
    for glob, level in table.items():
        if not isinstance(glob, str) or not glob.startswith("/"):
            raise ConfigError(f"{where}: `stability.\"{glob}\"`: an API path glob starts with `/`")
        _choice(where, f'stability."{glob}"', level, STABILITY_LEVELS)
    return tuple(table.items())


def _stability_schema(rules: Mapping[str, Rule]) -> dict[str, Any]:
    levels = {"enum": list(STABILITY_LEVELS)}
    return {"type": "object", "propertyNames": {"pattern": "^/"}, "additionalProperties": levels}


def _rule_table(value: Any, key: str, source: Source) -> dict[str, RuleSettings]:
    return _rule_settings(source.where, value, source.rules, source.lenient)


RULE_IDS = ValueType("list of rule ids or families (or one comma-separated string)", _rule_ids, _selectors_schema)
BOOLEAN = ValueType("`true` \\| `false`", _boolean, lambda rules: {"type": "boolean"})
PATH = ValueType("path", _path, lambda rules: {"type": "string"})
PATTERNS = ValueType("list of gitignore patterns", _patterns, lambda rules: _strings())
PATHS_OR_GLOBS = ValueType("list of paths or globs", _patterns, lambda rules: _strings())
MODULE_NAMES = ValueType("list of module names", _module_names, lambda rules: _strings())
APP_REFERENCES = ValueType("application reference (`pkg.api:app`), or a list of them", _app_references,
                           lambda rules: {"anyOf": [{"type": "string"}, _strings()]})
RULE_TABLE = ValueType("table: rule id -> `severity` and the rule's options", _rule_table, _rules_schema,
                       _rules_toml, table=True)
OVERRIDE_TABLES = ValueType("array of tables: `paths` and/or `files` (globs), `rules`", _overrides,
                            _overrides_schema, _overrides_toml, table=True)
WORD_LISTS = ValueType("table: `verbs`, `nouns`, `uncountable`, `id-words` (lists of words), `plurals` (singular "
                       "-> plural)", _vocabulary, _vocabulary_schema, _vocabulary_toml, table=True)
STABILITY_TABLE = ValueType(f"table: API path glob -> {_alternatives(STABILITY_LEVELS)}", _stability,
                            _stability_schema, dict, table=True)

# In the order the schema, `aiplint config` and the README list them; a table's mistakes are found in this order.
OPTIONS = (
    ConfigOption("profile", one_of(*PROFILES), "rest", "rest: pragmatic REST; aip: strict AIP", '"aip"'),
    ConfigOption("select", RULE_IDS, [], "Rule ids or families (aip136/) to run; default: the profile's",
                 '["aip122/", "rest/"]'),
    ConfigOption("ignore", RULE_IDS, [], "Rule ids or families to skip", '["aip136/verb-naming"]'),
    ConfigOption("fixable", RULE_IDS, ["ALL"], "Rule ids or families whose fixes --fix applies",
                 '["aip127/"]'),
    ConfigOption("unfixable", RULE_IDS, [], "Rule ids or families whose fixes --fix never applies",
                 '["aip122/plural-collection"]'),
    ConfigOption("fail-on", one_of(*SEVERITY_NAMES[:3]), "error", "The lowest severity that fails the run",
                 '"warning"'),
    ConfigOption("fail-on-breaking", one_of(*BREAKING_THRESHOLDS), "error",
                 "Diffs: the lowest level of breaking change that fails the run", '"warning"'),
    ConfigOption("inline-ignores", BOOLEAN, True, "Honour x-aiplint-ignore in specs", "false"),
    ConfigOption("baseline", PATH, None, "Baseline file, relative to this file", '"aiplint-baseline.json"',
                 relative="project"),
    ConfigOption("ref-root", PATH, None, "The folder $refs may read from, inside this one", '"."',
                 relative="folder"),
    ConfigOption("plugins", MODULE_NAMES, [], "Repository-local rule modules (imported only with --allow-plugins)",
                 '["tools.api_rules"]'),
    ConfigOption("app", APP_REFERENCES, [], "Python applications to lint when no paths are given (pkg.api:app)",
                 '"pkg.api:app"'),
    ConfigOption("exclude", PATTERNS, [],
                 "gitignore patterns a folder walk skips, relative to this file (--exclude replaces them)",
                 '["specs/vendor/"]'),
    ConfigOption("extend-exclude", PATTERNS, [], "More gitignore patterns a folder walk skips",
                 '["**/*.generated.yaml"]'),
    ConfigOption("roots", PATHS_OR_GLOBS, [],
                 "The root specs (paths or globs) linted when a fragment they $ref changes", '["api/openapi.yaml"]',
                 relative="project"),
    ConfigOption("rules", RULE_TABLE, {}, "Severity and options per rule id",
                 '{ "aip136/custom-method-style" = { style = "slash" } }'),
    ConfigOption("overrides", OVERRIDE_TABLES, [], "Rule settings for API paths and/or files matching globs",
                 '[{ paths = ["/v1/legacy/**"], rules = { "aip122/plural-collection" = { severity = "info" } } }]'),
    ConfigOption("words", WORD_LISTS, {}, "Additions to the word lists",
                 '{ verbs = ["defrag"], plurals = { criterion = "criteria" } }', attribute="vocabulary"),
    ConfigOption("stability", STABILITY_TABLE, {}, "API path globs and their stability level",
                 '{ "/v1/experimental/**" = "alpha" }'),
)
_BY_KEY = {option.key: option for option in OPTIONS}


def option_named(key: str) -> ConfigOption:
    return _BY_KEY[key]


def parse_config(data: Mapping[str, Any], rules: Mapping[str, Rule], path: str | None = None,
                 lenient: bool = False) -> Config:
    """Validate a configuration table (the keys of `[tool.aiplint]`) against the installed rules (`lenient`:
    unknown rule ids are allowed, for a configuration whose plugins were skipped)."""
    where = path or "configuration"
    for key in data:
        if key not in _BY_KEY:
            raise ConfigError(f"{where}: unknown key `{key}`{_near(str(key), list(_BY_KEY))}")
    folder = os.path.dirname(os.path.abspath(path)) if path else os.getcwd()
    source = Source(where, folder, path is not None, rules, lenient)
    values = {option.field: option.parse(data, source) for option in OPTIONS}
    return Config(**values, path=path, origins={key: where for key in data})


def json_schema(rules: Mapping[str, Rule]) -> dict[str, Any]:
    """The JSON Schema (draft 7) of the `[tool.aiplint]` table, as `parse_config` checks it, with every rule's
    severity and options typed from their defaults.  Rule ids of plugins it does not know stay valid."""
    return {
        "$schema": "http://json-schema.org/draft-07/schema#",
        "$id": SCHEMA_ID,
        "title": "aiplint configuration",
        "description": "The [tool.aiplint] table of pyproject.toml, or the whole of .aiplint.toml",
        "type": "object",
        "additionalProperties": False,
        "properties": {option.key: option.schema(rules) for option in OPTIONS},
    }


def exclusions_of(file: Path) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """(`exclude`, `extend-exclude`) of a configuration file, the rest of it unread: what decides which files a
    walk of a git revision's tree finds (`check --diff-base`), where nothing else of that configuration runs."""
    data = read_config_file(file)
    source = Source(str(file), str(file.parent), True, {}, True)
    return (_patterns(data.get("exclude", []), "exclude", source),
            _patterns(data.get("extend-exclude", []), "extend-exclude", source))
