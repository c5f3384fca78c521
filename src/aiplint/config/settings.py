"""Which rules run under a configuration, at which severity and with which options, at each place of a spec:
the profile, `select` / `ignore`, `[rules]` and the `[[overrides]]` that apply."""

from __future__ import annotations

from dataclasses import dataclass
from types import MappingProxyType
from typing import TYPE_CHECKING, Any, Iterable, Mapping

from aiplint.rule import Rule, Severity

if TYPE_CHECKING:
    from aiplint.config import Config


def matches(rule_id: str, selectors: Iterable[str]) -> bool:
    """`aip136/` or `aip136` selects the family, `aip136/http-method` one rule, `ALL` everything."""
    for selector in selectors:
        selector = selector.strip()
        if selector in ("ALL", rule_id) or (selector and rule_id.startswith(selector.rstrip("/") + "/")):
            return True
    return False


@dataclass(frozen=True)
class Settings:
    """One rule's effective severity (None = off) and options for one finding's place."""

    severity: Severity | None
    options: Mapping[str, Any]


def base_settings(rule: Rule, config: Config) -> Settings | None:
    """A rule's settings from the profile, `select`/`ignore` and `[rules]`; None when it does not run at all
    (not selected, ignored, or off in the profile with no override that turns it on)."""
    if config.select and not matches(rule.id, config.select):
        return None
    if matches(rule.id, config.ignore):
        return None
    configured = config.rules.get(rule.id)
    severity = rule.severity_for(config.profile)
    if configured is not None and configured.severity is not None:
        severity = severity_of(configured.severity)
    elif severity is None and config.select:  # selected explicitly: run even where the profile has it off
        severity = next(iter(rule.severities.values()), Severity.WARNING)
    options = rule.options_for(config.profile, configured.options if configured else None)
    if severity is None and not any(rule.id in o.rules for o in config.overrides):
        return None
    return Settings(severity, options)


def runs(rule: Rule, config: Config) -> bool:
    """Whether a rule runs under a configuration (the suppression rules only where inline ignores are honoured)."""
    return base_settings(rule, config) is not None and (config.inline_ignores or rule.phase != "suppressions")


def active_rules(config: Config, rules: Mapping[str, Rule]) -> dict[str, Rule]:
    """The rules that run under a configuration, by id."""
    return {rule_id: rule for rule_id, rule in rules.items() if runs(rule, config)}


def settings_at(rule: Rule, config: Config, base: Settings, api_path: str | None, file: str) -> Settings:
    """The settings after the `[[overrides]]` that apply at an API path and file (later ones win)."""
    severity, options = base.severity, dict(base.options)
    for override in config.overrides:
        settings = override.rules.get(rule.id)
        if settings is None or not override.applies(api_path, file):
            continue
        if settings.severity is not None:
            severity = severity_of(settings.severity)
        options.update(settings.options)
    return Settings(severity, MappingProxyType(options))


def severity_of(name: str | None) -> Severity | None:
    """A configured severity (`off`: the rule does not report)."""
    return None if name in (None, "off") else Severity(name)
