"""aiplint's own: the inline `x-aiplint-ignore` suppressions.

The family's rules, registered in code (a new rule is one module here and one line below)."""

from __future__ import annotations

from aiplint.lint_rules.aiplint import invalid_suppression, unused_suppression

RULES = (invalid_suppression.check, unused_suppression.check)
