"""AIP-140 Field names.

The family's rules, registered in code (a new rule is one module here and one line below)."""

from __future__ import annotations

from aiplint.lint_rules.aip140 import no_prepositions

RULES = (no_prepositions.check,)
