"""AIP-185 API versioning: the major version in the path, and one per document.

The family's rules, registered in code (a new rule is one module here and one line below)."""

from __future__ import annotations

from aiplint.lint_rules.aip185 import major_version, single_version

RULES = (major_version.check, single_version.check)
