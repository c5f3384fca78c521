"""AIP-158 Pagination.

The family's rules, registered in code (a new rule is one module here and one line below)."""

from __future__ import annotations

from aiplint.lint_rules.aip158 import page_params_optional, pagination_style

RULES = (pagination_style.check, page_params_optional.check)
