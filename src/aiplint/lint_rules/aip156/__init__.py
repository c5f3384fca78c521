"""AIP-156 Singleton resources.

The family's rules, registered in code (a new rule is one module here and one line below)."""

from __future__ import annotations

from aiplint.lint_rules.aip156 import no_delete

RULES = (no_delete.check,)
