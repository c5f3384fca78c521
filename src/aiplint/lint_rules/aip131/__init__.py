"""AIP-131 Standard methods: Get.

The family's rules, registered in code (a new rule is one module here and one line below)."""

from __future__ import annotations

from aiplint.lint_rules.aip131 import response_one

RULES = (response_one.check,)
