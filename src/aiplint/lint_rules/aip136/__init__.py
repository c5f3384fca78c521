"""AIP-136 custom methods: attached, named and sent as AIP-136 says.

The family's rules, registered in code (a new rule is one module here and one line below)."""

from __future__ import annotations

from aiplint.lint_rules.aip136 import attached_to_resource, custom_method_style, http_method, verb_naming

RULES = (custom_method_style.check, http_method.check, verb_naming.check, attached_to_resource.check)
