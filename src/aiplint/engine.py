"""Finding rules through the `aiplint.rules` entry-point group and running them over one document."""

from __future__ import annotations

import hashlib
import re
from dataclasses import asdict, dataclass, field
from functools import lru_cache
from typing import TYPE_CHECKING, Any, Iterable, Mapping

from aiplint.rule import Context, Problem, Rule, Severity

if TYPE_CHECKING:
    from aiplint.document import Document

ENTRY_POINT_GROUP = "aiplint.rules"
_PARAM = re.compile(r"\{[^{}]*\}")


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

    def to_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data["severity"] = self.severity.value
        return data


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
    """Every installed rule by id, built-in and third-party alike, in id order."""
    from importlib.metadata import entry_points

    rules: dict[str, Rule] = {}
    for ep in entry_points(group=ENTRY_POINT_GROUP):
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


def matches(rule_id: str, selectors: Iterable[str]) -> bool:
    """`aip136/` or `aip136` selects the family, `aip136/http-method` one rule, `ALL` everything."""
    for selector in selectors:
        selector = selector.strip()
        if selector in ("ALL", rule_id) or (selector and rule_id.startswith(selector.rstrip("/") + "/")):
            return True
    return False


@dataclass(frozen=True)
class Selection:
    """Which rules run, at which severity, with which options."""

    profile: str = "rest"
    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    severities: Mapping[str, Severity] = field(default_factory=dict)
    options: Mapping[str, Mapping[str, Any]] = field(default_factory=dict)

    def active(self, rules: Mapping[str, Rule]) -> list[tuple[Rule, Severity]]:
        chosen = []
        for rule in rules.values():
            severity = self.severities.get(rule.id) or rule.severity_for(self.profile)
            if self.select:
                if not matches(rule.id, self.select):
                    continue
                severity = severity or next(iter(rule.severities.values()), Severity.WARNING)
            if severity is None or matches(rule.id, self.ignore):
                continue
            chosen.append((rule, severity))
        return chosen


def fingerprint(rule_id: str, method: str | None, path: str | None, pointer: str, detail: str) -> str:
    """Stable identity of a finding: rule, method, path template with parameter names normalised, and the
    rule's detail.  Line numbers, messages and parameter names in the path play no part, so moving lines,
    reformatting or renaming `{job_id}` to `{id}` keeps it."""
    where = _PARAM.sub("{}", path) if path is not None else pointer
    text = "\x1f".join((rule_id, method or "", where, detail))
    return hashlib.sha256(text.encode()).hexdigest()[:16]


def run_rules(
    document: Document, selection: Selection, rules: Mapping[str, Rule] | None = None
) -> tuple[list[Finding], list[RuleCrash]]:
    """Build the model once, run every active rule on it, and locate the problems they report."""
    from aiplint.model import ApiModel

    rules = available_rules() if rules is None else rules
    api = ApiModel.build(document)
    reported: list[tuple[Rule, Severity, Problem]] = []
    crashes: list[RuleCrash] = []
    for rule, severity in selection.active(rules):
        ctx = Context(api, rule.options_for(selection.profile, selection.options.get(rule.id)), selection.profile)
        try:
            reported.extend((rule, severity, problem) for problem in rule.check(ctx))
        except Exception as exc:
            crashes.append(RuleCrash(rule.id, document.root.path, f"{type(exc).__name__}: {exc}"))
    return _locate(reported), crashes


def _locate(reported: list[tuple[Rule, Severity, Problem]]) -> list[Finding]:
    """Positions are computed only now, for the reported pointers only, in one batch per file."""
    by_source: dict[int, tuple[Any, set[str]]] = {}
    for _, _, problem in reported:
        by_source.setdefault(id(problem.at.source), (problem.at.source, set()))[1].add(problem.at.pointer)
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
            )
        )
    return sorted(findings, key=lambda f: (f.file, f.line, f.column, f.rule, f.message))
