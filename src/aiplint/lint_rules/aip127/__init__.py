"""AIP-127 HTTP and gRPC transcoding: which HTTP methods carry a body, and the syntax of path templates.

The family's rules, registered in code (a new rule is one module here and one line below)."""

from __future__ import annotations

from aiplint.lint_rules.aip127 import no_body_get_delete, path_template_syntax

RULES = (no_body_get_delete.check, path_template_syntax.check)
