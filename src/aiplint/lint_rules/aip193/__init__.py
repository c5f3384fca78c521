"""AIP-193 Errors.

The family's rules, registered in code (a new rule is one module here and one line below)."""

from __future__ import annotations

from aiplint.lint_rules.aip193 import one_error_schema, status_shape

RULES = (one_error_schema.check, status_shape.check)
