"""Finding rules through the `aiplint.rules` entry-point group and running them over one document."""

from __future__ import annotations

import hashlib
import re
from dataclasses import asdict, dataclass
from functools import lru_cache
from types import MappingProxyType
from typing import TYPE_CHECKING, Any, Callable, Hashable, Iterable, Iterator, Mapping, NamedTuple, TypeVar

from aiplint.config import Config, severity_of
from aiplint.rule import Context, Problem, Rule, Severity

if TYPE_CHECKING:
    from aiplint.document import Document
    from aiplint.model import Location
    from aiplint.suppression import Suppressions

_PARAM = re.compile(r"\{[^{}]*\}")


class Related(NamedTuple):
    """Another place a finding's mistake is made: a path key that uses the same singular collection."""

    path: str
    file: str
    line: int
    column: int


@dataclass(frozen=True)
class Finding:
    rule: str
    severity: Severity
    message: str
    file: str
    line: int
    column: int
    pointer: str
    method: str | None
    path: str | None
    suggestion: str | None
    fingerprint: str
    related: tuple[Related, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data["severity"] = self.severity.value
        data["related"] = [r.path for r in self.related]
        return data

    def order(self) -> tuple:
        """The one order findings are reported in: by file and position, then every other field, so findings
        alike but for their operation (one line shared by GET and POST) keep one order from run to run."""
        return (self.file or "", self.line, self.column, self.rule, self.message, self.method or "", self.path or "",
                self.fingerprint)


def fingerprint_of(finding: Finding) -> str:
    """What baselines and diffs match findings by (see `fingerprint`)."""
    return finding.fingerprint


@dataclass(frozen=True)
class RuleCrash:
    """A rule that raised: reported as an internal error naming the rule, while other rules still run."""

    rule: str
    file: str
    error: str


class RuleLoadError(Exception):
    pass


@lru_cache(maxsize=1)
def available_rules() -> dict[str, Rule]:
    """Every rule by id, in id order: the built-in ones, registered in code per family (`aiplint.lint_rules`),
    and the installed plugins' ones, found through the `aiplint.rules` entry-point group."""
    from aiplint.lint_rules import BUILTIN

    rules: dict[str, Rule] = {rule.id: rule for rule in BUILTIN}
    for ep in _plugin_entry_points():
        try:
            loaded = ep.load()
        except Exception as exc:  # a broken plugin must not take the linter down with a traceback
            raise RuleLoadError(f"cannot load rule plugin {ep.name!r} ({ep.value}): {exc}") from exc
        found = loaded if isinstance(loaded, Rule) else getattr(loaded, "check", None)
        if not isinstance(found, Rule):
            raise RuleLoadError(f"rule plugin {ep.name!r} ({ep.value}) is not declared with aiplint.rule.rule")
        if found.id in rules and rules[found.id] is not found:
            raise RuleLoadError(f"two plugins declare the rule id {found.id!r}")
        rules[found.id] = found
    return dict(sorted(rules.items()))


def _plugin_entry_points() -> list:
    from aiplint.plugin_index import installed_plugins

    return installed_plugins()


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


T = TypeVar("T")


def unmatched(items: Iterable[T], other_keys: Iterable[Hashable], key: Callable[[T], Hashable]) -> list[T]:
    """The items with no counterpart among the others' keys, matched as multisets in `items` order: of two
    items with one key against one such key, the second is unmatched.  Baselines and diffs match findings by
    fingerprint with it."""
    from collections import Counter

    available = Counter(other_keys)
    left = []
    for item in items:
        if available[key(item)] > 0:
            available[key(item)] -= 1
        else:
            left.append(item)
    return left


def fingerprint(rule_id: str, method: str | None, path: str | None, pointer: str, detail: str) -> str:
    """Stable identity of a finding: rule, method, path template with parameter names normalised, and the
    rule's detail.  Line numbers, messages and parameter names in the path play no part, so moving lines,
    reformatting or renaming `{job_id}` to `{id}` keeps it."""
    where = _PARAM.sub("{}", path) if path is not None else pointer
    text = "\x1f".join((rule_id, method or "", where, detail))
    return hashlib.sha256(text.encode()).hexdigest()[:16]


@dataclass(frozen=True)
class Linted:
    """One document's findings, the rules that crashed, the model they read, and how many findings inline
    `x-aiplint-ignore` entries suppressed."""

    findings: list[Finding]
    crashes: list[RuleCrash]
    api: Any
    suppressed: int = 0


def lint_document(document: Document, config: Config = Config(), rules: Mapping[str, Rule] | None = None) -> Linted:
    """Build the model once, run every active rule on it, drop what inline suppressions cover, and locate
    the problems that remain.  A document the model cannot be built from is that file's `InputError`."""
    from aiplint.lexicon import Lexicon
    from aiplint.loading import InputError
    from aiplint.model import ApiModel
    from aiplint.suppression import Suppressions

    rules = available_rules() if rules is None else rules
    try:
        api = ApiModel.build(document, Lexicon.of(config.vocabulary))
        suppressions = Suppressions(document if config.inline_ignores else None, rules)
    except Exception as exc:  # outside every rule's guard: it would take the other files' reports with it
        raise InputError(document.root.path, f"cannot read the document's structure ({type(exc).__name__}: "
                                             f"{exc})") from None
    reported, crashes, suppressed = _run_all(api, suppressions, config, rules)
    return Linted(_locate(reported), crashes, api, suppressed)


def _run_all(api: Any, suppressions: Suppressions, config: Config, rules: Mapping[str, Rule]
             ) -> tuple[list[tuple[Rule, Severity, Problem]], list[RuleCrash], int]:
    """(what the rules reported, the rules that crashed, how many problems inline suppressions covered)."""
    file = api.document.root.path
    reported: list[tuple[Rule, Severity, Problem]] = []
    crashes: list[RuleCrash] = []
    suppressed = 0
    items = {item.key: item for item in api.paths}
    # rules about the suppressions themselves run last (they report what the others did not use), only with
    # inline ignores on, and are never suppressed
    for rule in sorted(rules.values(), key=lambda r: r.phase == "suppressions"):
        about_suppressions = rule.phase == "suppressions"
        base = base_settings(rule, config)
        if base is None or not runs(rule, config):
            continue
        try:
            for problem, settings in _run(rule, config, base, api, file, suppressions):
                if settings.severity is None:
                    continue
                if not about_suppressions and suppressions.suppresses(rule.id, _places(problem, items)):
                    suppressed += 1
                    continue
                reported.append((rule, settings.severity, problem))
        except Exception as exc:
            crashes.append(RuleCrash(rule.id, file, f"{type(exc).__name__}: {exc}"))
    return reported, crashes, suppressed


def _run(rule: Rule, config: Config, base: Settings, api: Any, file: str, suppressions: Suppressions
         ) -> Iterator[tuple[Problem, Settings]]:
    """Run a rule once per distinct set of options the overrides ask for, keeping each problem from the run
    whose options are the ones in force at its place."""
    runs: dict[tuple, list[Problem]] = {}

    def problems(options: Mapping[str, Any]) -> list[Problem]:
        key = _frozen(options)
        if key not in runs:
            runs[key] = list(rule.problems(Context(api, MappingProxyType(dict(options)), config.profile, suppressions)))
        return runs[key]

    for problem in problems(base.options):
        settings = settings_at(rule, config, base, _api_path(problem, api.document.root), file)
        if _frozen(settings.options) == _frozen(base.options):
            yield problem, settings
    variants = {_frozen(s.options): s for s in _override_settings(rule, config, base, api, file)}
    for key, variant in variants.items():
        if key == _frozen(base.options):
            continue
        for problem in problems(variant.options):
            settings = settings_at(rule, config, base, _api_path(problem, api.document.root), file)
            if _frozen(settings.options) == key:
                yield problem, settings


def _override_settings(rule: Rule, config: Config, base: Settings, api: Any, file: str) -> Iterator[Settings]:
    """The settings in force at each API path where an override changes this rule's options."""
    if not any(o.rules.get(rule.id) and o.rules[rule.id].options for o in config.overrides):
        return
    for item in api.paths:
        yield settings_at(rule, config, base, item.key, file)
    yield settings_at(rule, config, base, None, file)


def _frozen(options: Mapping[str, Any]) -> tuple:
    return tuple(sorted((k, repr(v)) for k, v in options.items()))


def _api_path(problem: Problem, root: Any) -> str | None:
    """The OpenAPI path a problem concerns: its operation's, its own, or the one its pointer lies under."""
    if problem.operation is not None:
        return problem.operation.path.key
    if problem.path is not None:
        return problem.path
    if problem.at.source is root and problem.at.pointer.startswith("/paths/"):
        from aiplint.pointers import unescape_token

        return unescape_token(problem.at.pointer.split("/")[2])
    return None


def _places(problem: Problem, items: Mapping[str, Any]) -> list[Location]:
    """Where a suppression may sit to cover a problem: at or above the problem, its operation or its path item
    (`items`: the path items by key), wherever the path item lives (a `$ref`'d file in the split layout)."""
    places = [problem.at]
    item = (problem.operation.path if problem.operation is not None
            else items.get(problem.path) if problem.path is not None else None)
    if problem.operation is not None:
        places.append(problem.operation.at)
    if item is not None:
        places += [item.at, item.key_at]
    return places


def _related(at: Location, position: tuple[int, int]) -> Related:
    from aiplint.pointers import last_token

    return Related(last_token(at.pointer), at.source.path, *position)


def _locate(reported: list[tuple[Rule, Severity, Problem]]) -> list[Finding]:
    """Positions are computed only now, for the reported pointers only, in one batch per file."""
    by_source: dict[int, tuple[Any, set[str]]] = {}
    for _, _, problem in reported:
        for at in (problem.at, *problem.related):
            by_source.setdefault(id(at.source), (at.source, set()))[1].add(at.pointer)
    positions = {key: source.positions(pointers) for key, (source, pointers) in by_source.items()}
    findings = set()
    for rule, severity, problem in reported:
        line, column = positions[id(problem.at.source)][problem.at.pointer]
        op = problem.operation
        method = op.method.upper() if op else None
        path = op.path.key if op else problem.path
        findings.add(
            Finding(
                rule=rule.id,
                severity=severity,
                message=problem.message,
                file=problem.at.source.path,
                line=line,
                column=column,
                pointer=problem.at.pointer,
                method=method,
                path=path,
                suggestion=problem.suggestion,
                fingerprint=fingerprint(rule.id, method, path, problem.at.pointer, problem.detail),
                related=tuple(_related(at, positions[id(at.source)][at.pointer]) for at in problem.related),
            )
        )
    return sorted(findings, key=Finding.order)  # not the set's order, which changes with string hashing
