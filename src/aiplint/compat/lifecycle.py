"""Stability levels and sunset dates: how much compatibility an operation promises, and when a deprecated element
may go.

An operation's stability is, in this order: a `stability` override in the configuration whose path glob matches
its path, its `x-stability-level` extension, its path item's (draft, alpha, beta, stable: the levels oasdiff
reads), the version segment of its path (AIP-181/AIP-185: `v1alpha`, `v1alpha1` are alpha, `v2beta1`,
`v1p1beta1` beta), and otherwise stable.  Breaking changes to draft and alpha operations are notes (info), to
beta ones warnings.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime
from typing import TYPE_CHECKING, Any, Iterable

from aiplint.config import glob_match
from aiplint.config.options import STABILITY_LEVELS
from aiplint.model import Role
from aiplint.read.pointers import node_at
from aiplint.rule import Severity

if TYPE_CHECKING:
    from aiplint.model import Operation

__all__ = ["STABILITY_LEVELS", "Stability", "STABLE", "stability_of", "version_stability", "declared_stability",
           "parse_date", "removal_level"]
UNSTABLE_VERSION = re.compile(r"v\d+(?:p\d+)?(alpha|beta)\d*", re.IGNORECASE)
_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


@dataclass(frozen=True)
class Stability:
    level: str  # one of STABILITY_LEVELS
    reason: str  # where the level comes from, for notes: "`v1alpha` is an alpha version"

    def adjust(self, level: Severity) -> tuple[Severity, str | None]:
        """The level a change of this stability gets, and the note that says why it is lower."""
        if level is Severity.INFO or self.level == "stable":
            return level, None
        if self.level in ("draft", "alpha"):
            return Severity.INFO, f"{self.reason}: AIP-181 allows breaking changes before a stable version"
        if level is Severity.ERROR:
            return Severity.WARNING, f"{self.reason}: AIP-181 allows breaking changes before a stable version, " \
                                     "and AIP-185 asks betas to keep them rare: a warning"
        return level, None


STABLE = Stability("stable", "stable")


def version_stability(op: Operation) -> Stability | None:
    """The stability an alpha or beta version segment (`v1alpha`, `v2beta1`) gives the operation's path."""
    version = next((seg.text for seg in op.path.segments if seg.role is Role.VERSION), None)
    match = UNSTABLE_VERSION.fullmatch(version or "")
    if match is None:
        return None
    stage = match.group(1).lower()
    return Stability(stage, f"`{version}` is {'an alpha' if stage == 'alpha' else 'a beta'} version")


def declared_stability(raw: Any) -> str | None:
    """An operation's `x-stability-level`, when it is one of the four levels."""
    value = raw.get("x-stability-level") if isinstance(raw, dict) else None
    return value if value in STABILITY_LEVELS else None


def stability_of(op: Operation, overrides: Iterable[tuple[str, str]] = ()) -> Stability:
    for glob, level in reversed(tuple(overrides)):  # later entries win
        if glob_match(glob, op.path.key):
            return Stability(level, f"`{op.path.key}` is configured as {level}")
    declared = declared_stability(op.raw)
    if declared is not None:
        return Stability(declared, f"the operation is `x-stability-level: {declared}`")
    item = op.path.at
    declared = declared_stability(node_at(item.source.data, item.pointer))  # the path item's, for all its methods
    if declared is not None:
        return Stability(declared, f"`{op.path.key}` is `x-stability-level: {declared}`")
    return version_stability(op) or STABLE


def parse_date(value: Any) -> date | None:
    """An `x-sunset` date: RFC 3339 full-date or date-time (a YAML date too); None when it is not one."""
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if not isinstance(value, str) or not _DATE.match(value.strip()):
        return None
    text = value.strip()
    try:
        return date.fromisoformat(text[:10]) if len(text) == 10 else datetime.fromisoformat(
            text.replace("Z", "+00:00")).date()
    except ValueError:
        return None


def removal_level(raw: Any, today: date | None = None) -> tuple[str, Severity | None, str]:
    """What removing an element means given its deprecation: (kind, level, explanation); an empty kind keeps
    the removal's own, a None level its default.  A deprecated element may go once its announced sunset date has
    passed, or at any time when none was announced; one whose sunset date cannot be read leaves it open."""
    if not isinstance(raw, dict) or raw.get("deprecated") is not True:
        return "", None, "without being deprecated first"
    sunset = raw.get("x-sunset")
    if sunset is None:
        return "", Severity.INFO, "after it was deprecated"
    when = parse_date(sunset)
    if when is None:
        return "sunset-unreadable", Severity.WARNING, f"after it was deprecated, and its `x-sunset` `{sunset}` is " \
                                                      "not a date"
    if when > (today or date.today()):
        return "", Severity.ERROR, f"before its announced sunset date {when.isoformat()}"
    return "", Severity.INFO, f"after its sunset date {when.isoformat()}"
