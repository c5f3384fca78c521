"""The configuration's options as people read them, both generated from `aiplint.config.options.OPTIONS`:
`aiplint config`'s listing (the values in force and where each came from, written as the file would write them)
and the README's table of options."""

from __future__ import annotations

import re
from typing import Any

from aiplint.config import Config
from aiplint.config.options import OPTIONS, ConfigOption
from aiplint.report.rule_docs import toml_value

__all__ = ["config_listing", "options_markdown", "OPTIONS_START", "OPTIONS_END"]

# The README's table of options sits between these two lines (scripts/update_readme_options.py rewrites it)
OPTIONS_START = "<!-- options: generated from aiplint.config.options by scripts/update_readme_options.py -->"
OPTIONS_END = "<!-- end of options -->"


def config_listing(config: Config) -> str:
    """Every option's value in force: the plain values first, aligned, then one section per table that is set."""
    plain, tables = [], []
    for option in OPTIONS:
        value = option.shown(config)
        origin = config.origins.get(option.key, "default")
        if option.type.table:
            tables += _sections(option.key, value, origin)
        elif value is not None:
            plain.append((f"{option.key} = {toml_value(value)}", origin))
    width = max(len(line) for line, _ in plain)
    lines = [f"# configuration file: {config.path or '(none; defaults)'}"]
    lines += [f"{line:<{width}}  # {origin}" for line, origin in plain]
    return "\n".join(lines + tables) + "\n"


def _sections(key: str, value: dict[str, Any] | list[dict[str, Any]], origin: str) -> list[str]:
    """`[key]`, or `[key."name"]` per entry of a table of tables (`rules`), or `[[key]]` per array entry."""
    if isinstance(value, list):
        return [line for entry in value for line in [f"\n[[{key}]]  # {origin}", *_entries(entry)]]
    if value and all(isinstance(entry, dict) for entry in value.values()):
        return [line for name, entry in value.items()
                for line in [f"\n[{key}.{_toml_key(name)}]  # {origin}", *_entries(entry)]]
    return [f"\n[{key}]  # {origin}", *_entries(value)] if value else []


def _entries(table: dict[str, Any]) -> list[str]:
    """A table's `key = value` lines; a table value inline (one line per entry when it holds tables)."""
    lines = []
    for key, value in table.items():
        if isinstance(value, dict) and all(isinstance(entry, dict) for entry in value.values()):
            lines += [f"{key}.{_toml_key(name)} = {_inline(entry)}" for name, entry in value.items()]
        else:
            lines.append(f"{_toml_key(key)} = {_inline(value) if isinstance(value, dict) else toml_value(value)}")
    return lines


def _inline(table: dict[str, Any]) -> str:
    return f"{{ {', '.join(f'{_toml_key(k)} = {toml_value(v)}' for k, v in table.items())} }}"


def _toml_key(name: str) -> str:
    return name if re.fullmatch(r"[A-Za-z0-9_-]+", name) else toml_value(name)


def options_markdown() -> str:
    """The README's table of options (between `OPTIONS_START` and `OPTIONS_END`)."""
    rows = ["| key | value | default | meaning | example |", "| --- | --- | --- | --- | --- |"]
    rows += [f"| `{o.key}` | {_value_words(o)} | {_default_words(o)} | {o.help} | `{o.key} = {o.example}` |"
             for o in OPTIONS]
    return "\n".join(rows) + "\n"


def _value_words(option: ConfigOption) -> str:
    where = {"project": "; relative to this file, inside its project",
             "folder": "; relative to this file, inside its folder"}
    return option.type.name + (where[option.relative] if option.relative else "")


def _default_words(option: ConfigOption) -> str:
    return "none" if option.default in (None, {}) else f"`{toml_value(option.default)}`"
