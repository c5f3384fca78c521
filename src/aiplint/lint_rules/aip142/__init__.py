"""AIP-142 Time and duration.

The family's rules, registered in code (a new rule is one module here and one line below)."""

from __future__ import annotations

from aiplint.lint_rules.aip142 import time_format, time_suffix

RULES = (time_format.check, time_suffix.check)
