"""AIP-133 Standard methods: Create.

The family's rules, registered in code (a new rule is one module here and one line below)."""

from __future__ import annotations

from aiplint.lint_rules.aip133 import post_to_collection

RULES = (post_to_collection.check,)
