"""Asserting in a test suite that an application's API conforms: `aiplint.testing.assert_conforms(app)`.

    from aiplint.testing import assert_conforms
    from pkg.api import app

    def test_api_design():
        assert_conforms(app)

The application is linted as `aiplint check --app` lints it, under the configuration found from the file
that defines it.  Findings in a baseline do not fail: the `baseline` argument, else the `aiplint_baseline`
marker's file, else `pytest --aiplint-baseline FILE`, else the configuration's `baseline`.
"""

from __future__ import annotations

from contextvars import ContextVar
from typing import TYPE_CHECKING, Any, Mapping

if TYPE_CHECKING:
    from aiplint.config import Config
    from aiplint.linting.findings import Finding

#: The baseline the pytest plugin sets for the running test (its marker, or --aiplint-baseline).
default_baseline: ContextVar[str | None] = ContextVar("aiplint_baseline", default=None)


class NonConformance(AssertionError):
    """An application's findings, one readable line each."""


def assert_conforms(app: Any, *, config: Config | Mapping[str, Any] | str | None = None,
                    baseline: str | None = None, fail_on: str | None = None) -> None:
    """Fail (AssertionError) when the application has findings at or above `fail_on` (default: the
    configuration's `fail-on`, `error`) that its baseline does not hold.

    `app` is the application object (FastAPI, Litestar, Django Ninja, APIFlask, flask-smorest) or a reference
    to import (`"pkg.api:app"`); `config` is what `aiplint.linting` takes."""
    failing = conformance_failures(app, config=config, baseline=baseline, fail_on=fail_on)
    if failing:
        name, findings = failing
        raise NonConformance(failure_message(name, findings))


def conformance_failures(app: Any, *, config: Config | Mapping[str, Any] | str | None = None,
                         baseline: str | None = None, fail_on: str | None = None
                         ) -> tuple[str, list[Finding]] | None:
    """(the application's name, its failing findings), or None when it conforms."""
    from aiplint.api import LintError, configuration
    from aiplint.integrations.app import documents_of, load_app, reference_of
    from aiplint.linting.findings import Finding
    from aiplint.rule import Severity

    if isinstance(app, str):
        documents = load_app(app)
    else:
        documents = documents_of(app, *reference_of(app))
    failing: list[Finding] = []
    for document in documents:
        settings, rules = configuration(config, document.home.file)
        linted = document.lint(settings, rules)
        if linted.crashes:
            raise LintError("; ".join(f"rule {c.rule} crashed: {c.error}" for c in linted.crashes))
        findings = linted.findings
        baseline_file = baseline or default_baseline.get() or settings.baseline
        if baseline_file:
            findings = _not_in_baseline(document.name, findings, baseline_file)
        threshold = Severity(fail_on or settings.fail_on).rank
        failing += [f for f in findings if f.severity.rank >= threshold]
    failing.sort(key=Finding.order)
    return (documents[0].name, failing) if failing else None


def _not_in_baseline(name: str, findings: list[Finding], baseline_file: str) -> list[Finding]:
    from aiplint.linting.baseline import Baseline

    return Baseline.load(baseline_file).split(name, findings, key=name)[0]


def failure_message(name: str, findings: list[Finding]) -> str:
    """A header, then one line per finding: where the route is declared, what is wrong, and the fix."""
    count = f"{len(findings)} finding{'s' if len(findings) != 1 else ''}"
    lines = [f"{name} does not conform to the API design rules (aiplint): {count}"]
    for f in findings:
        operation = f" {f.method} {f.path}" if f.method else f" {f.path}" if f.path else ""
        fix = f" -> {f.suggestion}" if f.suggestion else ""
        lines.append(f"  {f.file}:{f.line}: {f.severity.value} {f.rule}{operation}: {f.message}{fix}")
    return "\n".join(lines)
