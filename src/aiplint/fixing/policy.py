"""Which findings `--fix` applies: those with a fix, safe or allowed unsafe (`--unsafe-fixes`), of a rule the
configuration's `fixable` selects and `unfixable` does not.  Light on purpose: every lint's text report asks it
(the `[*]` marks), and the fix engine is imported only when a run fixes."""

from __future__ import annotations

from typing import TYPE_CHECKING

from aiplint.config.settings import matches

if TYPE_CHECKING:
    from aiplint.config import Config
    from aiplint.linting.findings import Finding


def allowed(finding: Finding, config: Config) -> bool:
    """Whether the configuration lets `--fix` fix the finding's rule, whatever the fix's safety."""
    return (finding.fix is not None and matches(finding.rule, config.fixable)
            and not matches(finding.rule, config.unfixable))


def will_fix(finding: Finding, config: Config, unsafe: bool) -> bool:
    """Whether `--fix` (with `--unsafe-fixes` when `unsafe`) applies the finding's fix."""
    return allowed(finding, config) and finding.fix is not None and (finding.fix.safe or unsafe)
