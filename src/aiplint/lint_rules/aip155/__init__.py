"""AIP-155 Request identification.

The family's rules, registered in code (a new rule is one module here and one line below)."""

from __future__ import annotations

from aiplint.lint_rules.aip155 import request_id_format

RULES = (request_id_format.check,)
