"""AIP-122 resource names: plural, consistent collection identifiers.

The family's rules, registered in code (a new rule is one module here and one line below)."""

from __future__ import annotations

from aiplint.lint_rules.aip122 import collection_name_consistency, plural_collection

RULES = (plural_collection.check, collection_name_consistency.check)
