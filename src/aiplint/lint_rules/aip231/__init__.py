"""AIP-231..235 Batch methods: Get, Create, Update and Delete.

The family's rules, registered in code (a new rule is one module here and one line below)."""

from __future__ import annotations

from aiplint.lint_rules.aip231 import batch_http_method

RULES = (batch_http_method.check,)
