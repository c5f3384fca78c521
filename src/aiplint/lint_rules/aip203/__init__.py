"""AIP-203 Field behavior documentation.

The family's rules, registered in code (a new rule is one module here and one line below)."""

from __future__ import annotations

from aiplint.lint_rules.aip203 import output_only

RULES = (output_only.check,)
