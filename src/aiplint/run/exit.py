"""Decide the exit status: 0 clean, 1 a finding (or an API change) at the threshold its configuration sets,
2 an error; --exit-zero turns 1 into 0."""

from __future__ import annotations

from typing import TYPE_CHECKING, Iterable

from aiplint.rule import Severity

if TYPE_CHECKING:
    from aiplint.compat.diff import DiffReport
    from aiplint.config import Config
    from aiplint.linting.findings import Finding

EXIT_CLEAN, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2


def rank(severity: str) -> int:
    return Severity(severity).rank


def lint_status(status: int, thresholds: Iterable[tuple[Finding, int]], exit_zero: bool) -> int:
    """A lint's exit status: `status` (the worst so far: an error is 2), else 1 when a finding reaches the
    fail-on rank of its spec's configuration."""
    if status == EXIT_CLEAN and any(finding.severity.rank >= fail_on for finding, fail_on in thresholds):
        return EXIT_CLEAN if exit_zero else EXIT_FINDINGS
    return status


class Thresholds:
    """The strictest `fail-on` and `fail-on-breaking` of the configurations a diff ran under."""

    _STRICTNESS = {"never": 0, "error": 1, "warning": 2}

    def __init__(self) -> None:
        self.findings = 3
        self.breaking = "never"

    def add(self, config: Config) -> None:
        self.findings = min(self.findings, rank(config.fail_on))
        if self._STRICTNESS[config.fail_on_breaking] > self._STRICTNESS[self.breaking]:
            self.breaking = config.fail_on_breaking


def diff_status(report: DiffReport, failed: bool, thresholds: Thresholds, exit_zero: bool) -> int:
    """A diff's exit status: 2 when a file could not be compared (`failed`), else 1 when a new finding or a
    breaking change reaches the thresholds."""
    if failed:
        return EXIT_ERROR
    if report.failed(thresholds.findings) or report.breaks(thresholds.breaking):
        return EXIT_CLEAN if exit_zero else EXIT_FINDINGS
    return EXIT_CLEAN
