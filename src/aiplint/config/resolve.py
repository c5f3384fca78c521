"""The configuration in force for each linted file: its file (found or given) parsed against the installed rules,
its plugins loaded with the user's opt-in, and the command line's options on top."""

from __future__ import annotations

import os
import warnings
from dataclasses import replace
from pathlib import Path
from typing import Any, Callable, Mapping

from aiplint.config import Config, ConfigError, load_plugins
from aiplint.config.files import find_config_file, read_config_file
from aiplint.config.options import check_rule_id, parse_config
from aiplint.config.settings import active_rules
from aiplint.read.trust import repository_code_allowed
from aiplint.rule import Rule


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
    warnings.warn(message, stacklevel=4)
