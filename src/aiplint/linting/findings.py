"""What a lint run reports: findings, their stable identity (fingerprint), crashed rules, and matching findings
across runs (baselines, diffs)."""

from __future__ import annotations

import hashlib
import re
from dataclasses import asdict, dataclass
from typing import Any, Callable, Hashable, Iterable, Mapping, NamedTuple, TypeVar

from aiplint.rule import Fix, Rule, Severity, aip_of

_PARAM = re.compile(r"\{[^{}]*\}")


class Related(NamedTuple):
    """Another place a finding's mistake is made: a path key that uses the same singular collection."""

    path: str
    file: str
    line: int
    column: int


class Also(NamedTuple):
    """Another rule's problem at the same operation that the finding's fix resolves too (one mistake, one
    finding): reported once, by the most specific rule, the others listed here."""

    rule: str
    message: str


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
    also: tuple[Also, ...] = ()
    fix: Fix | None = None  # what `check --fix` can do about it (`aiplint.fixing`)

    def to_dict(self, rules: Mapping[str, Rule] | None = None) -> dict[str, Any]:
        """The finding as the JSON report writes it; `aip` (the rule's AIP number, or null) and `url` (the rule's
        documentation, null for a rule not among `rules`) from the rules that ran."""
        data = asdict(self)
        data["severity"] = self.severity.value
        data["related"] = [r.path for r in self.related]
        data["also"] = [{"rule": a.rule, "message": a.message} for a in self.also]
        data["fix"] = {"title": self.fix.title, "safe": self.fix.safe} if self.fix is not None else None
        rule = (rules or {}).get(self.rule)
        data["aip"] = rule.aip if rule is not None else aip_of(self.rule)
        data["url"] = rule.docs_url if rule is not None else None
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


def match_findings(old: Iterable[Finding], new: Iterable[Finding]
                   ) -> tuple[list[Finding], list[Finding], list[Finding]]:
    """(new, fixed, unchanged) between two runs (`aiplint diff`), matching findings by fingerprint (and `also`) as
    multisets, then the same mistake reported by another of its rules (`_same_mistake_elsewhere`):
    two identical findings in OLD and three in NEW are two unchanged and one new.  Line numbers and messages
    play no part, so moving or reformatting lines changes nothing."""
    old, new = sorted(old, key=Finding.order), sorted(new, key=Finding.order)
    added = unmatched(new, map(_identity, old), _identity)
    fixed = unmatched(old[::-1], map(_identity, new), _identity)[::-1]  # the last repeated ones are fixed
    added, fixed = _same_mistake_elsewhere(added, fixed)
    new_ones = set(map(id, added))
    return added, fixed, [f for f in new if id(f) not in new_ones]


def _identity(finding: Finding) -> tuple[str, frozenset[str]]:
    """What a diff matches findings by: the fingerprint, and the rules whose problems it stands for too (a finding
    that now also stands for a new problem, `also` grown, is not the same)."""
    return finding.fingerprint, frozenset(a.rule for a in finding.also)


def _same_mistake_elsewhere(added: list[Finding], fixed: list[Finding]) -> tuple[list[Finding], list[Finding]]:
    """A new finding at the operation of a fixed one whose rules (reported, or in `also`) are all among the fixed
    one's is the same mistake, now reported by another of its rules or seen by fewer (the ID rule silenced, the
    singular collection still there): unchanged, neither new nor fixed."""
    def place(f: Finding) -> tuple[str, str]:
        return f.method or "", _PARAM.sub("{}", f.path or "")

    def rules(f: Finding) -> set[str]:
        return {f.rule, *(a.rule for a in f.also)}

    still: list[Finding] = []
    left = list(fixed)
    for finding in added:
        match = next((old for old in left if place(old) == place(finding) and finding.path is not None
                      and old.rule != finding.rule and rules(finding) <= rules(old)), None)
        if match is None:
            still.append(finding)
        else:
            left.remove(match)
    return still, left


def fingerprint(rule_id: str, method: str | None, path: str | None, pointer: str, detail: str) -> str:
    """Stable identity of a finding: rule, method, path template with parameter names normalised, and the
    rule's detail.  Line numbers, messages and parameter names in the path play no part, so moving lines,
    reformatting or renaming `{job_id}` to `{id}` keeps it."""
    where = _PARAM.sub("{}", path) if path is not None else pointer
    text = "\x1f".join((rule_id, method or "", where, detail))
    return hashlib.sha256(text.encode()).hexdigest()[:16]
