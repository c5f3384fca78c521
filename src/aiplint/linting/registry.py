"""Which rules exist: the built-in ones, registered in code per family (`aiplint.lint_rules`), and the installed
plugins' ones, found through the `aiplint.rules` entry-point group (`aiplint.linting.plugin_index`)."""

from __future__ import annotations

from functools import lru_cache

from aiplint.errors import AiplintError
from aiplint.lint_rules import BUILTIN
from aiplint.linting.plugin_index import installed_plugins
from aiplint.rule import Rule


class RuleLoadError(AiplintError):
    """A rule or plugin that cannot be loaded: the run cannot start."""


@lru_cache(maxsize=1)
def available_rules() -> dict[str, Rule]:
    """Every rule by id, in id order: the built-in ones, registered in code per family (`aiplint.lint_rules`),
    and the installed plugins' ones, found through the `aiplint.rules` entry-point group."""
    rules: dict[str, Rule] = {rule.id: rule for rule in BUILTIN}
    for ep in _plugin_entry_points():
        try:
            loaded = ep.load()
        except Exception as exc:  # a broken plugin must not take the linter down with a traceback
            raise RuleLoadError(f"cannot load rule plugin {ep.name!r} ({ep.value}): {exc}") from exc
        found = loaded if isinstance(loaded, Rule) else getattr(loaded, "check", None)
        if not isinstance(found, Rule):
            raise RuleLoadError(f"rule plugin {ep.name!r} ({ep.value}) is not declared with aiplint.rule.rule")
        taken = rules.get(found.id)
        if taken is not None and taken is not found:  # a plugin never replaces a built-in rule or another plugin's
            raise RuleLoadError(f"rule plugin {ep.name!r} ({ep.value}) declares the rule id {found.id!r}, which "
                                f"{taken.check.__module__!r} already declares; rule ids are unique")
        rules[found.id] = found
    return dict(sorted(rules.items()))


def _plugin_entry_points() -> list:
    return installed_plugins()
