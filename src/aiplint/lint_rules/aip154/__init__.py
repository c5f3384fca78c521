"""AIP-154 Resource freshness validation.

The family's rules, registered in code (a new rule is one module here and one line below)."""

from __future__ import annotations

from aiplint.lint_rules.aip154 import etag_field

RULES = (etag_field.check,)
