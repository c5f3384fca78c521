"""AIP-132 Standard methods: List.

The family's rules, registered in code (a new rule is one module here and one line below)."""

from __future__ import annotations

from aiplint.lint_rules.aip132 import response_object

RULES = (response_object.check,)
