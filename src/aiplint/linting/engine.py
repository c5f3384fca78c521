"""Running the rules over one document: the model built once, each active rule run (once per set of options the
overrides ask for), inline suppressions applied, and the findings located (positions only for what is reported)."""

from __future__ import annotations

from dataclasses import dataclass
from types import MappingProxyType
from typing import TYPE_CHECKING, Any, Iterator, Mapping

from aiplint.config import Config
from aiplint.config.settings import Settings, base_settings, runs, settings_at
from aiplint.linting.findings import Finding, Related, RuleCrash, fingerprint
from aiplint.linting.merge import Reported, one_per_fix
from aiplint.linting.registry import available_rules
from aiplint.model import ApiModel
from aiplint.model.lexicon import Lexicon
from aiplint.model.suppression import Suppressions
from aiplint.read.loading import InputError
from aiplint.read.pointers import last_token, unescape_token
from aiplint.rule import Context, Problem, Rule, Severity

if TYPE_CHECKING:
    from aiplint.model import Location
    from aiplint.model.suppression import Suppressions
    from aiplint.read.document import Document


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
    rules = available_rules() if rules is None else rules
    try:
        api = ApiModel.build(document, Lexicon.of(config.vocabulary))
        suppressions = Suppressions(document if config.inline_ignores else None, rules)
    except Exception as exc:  # outside every rule's guard: it would take the other files' reports with it
        raise InputError(document.root.path, f"cannot read the document's structure ({type(exc).__name__}: "
                                             f"{exc})") from None
    reported, crashes, suppressed = _run_all(api, suppressions, config, rules)
    return Linted(_locate(one_per_fix(reported, api.paths)), crashes, api, suppressed)


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
    return Related(last_token(at.pointer), at.source.path, *position)


def _locate(reported: list[Reported]) -> list[Finding]:
    """Positions are computed only now, for the reported pointers only, in one batch per file."""
    by_source: dict[int, tuple[Any, set[str]]] = {}
    for _, _, problem, _ in reported:
        for at in (problem.at, *problem.related):
            by_source.setdefault(id(at.source), (at.source, set()))[1].add(at.pointer)
    positions = {key: source.positions(pointers) for key, (source, pointers) in by_source.items()}
    findings = set()
    for rule, severity, problem, also in reported:
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
                fingerprint=fingerprint(rule.id, method, path, problem.identity or problem.at.pointer, problem.detail),
                related=tuple(_related(at, positions[id(at.source)][at.pointer]) for at in problem.related),
                also=also,
                fix=problem.fix,
            )
        )
    return sorted(findings, key=Finding.order)  # not the set's order, which changes with string hashing
