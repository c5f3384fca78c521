"""AIP-134 Standard methods: Update.

The family's rules, registered in code (a new rule is one module here and one line below)."""

from __future__ import annotations

from aiplint.lint_rules.aip134 import http_method

RULES = (http_method.check,)
