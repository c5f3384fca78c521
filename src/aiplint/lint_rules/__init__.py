"""aiplint's built-in rules, one module per rule, grouped by family: `lint_rules/aip136/http_method.py` is the rule
`aip136/http-method`.  Each family lists its rules in code (`RULES`), as third-party packages list theirs under the
`aiplint.rules` entry-point group; both declare them with the same `aiplint.rule.rule` decorator."""

from __future__ import annotations

from aiplint.lint_rules import (
           aip122,
           aip127,
           aip131,
           aip132,
           aip133,
           aip134,
           aip136,
           aip140,
           aip142,
           aip154,
           aip155,
           aip156,
           aip158,
           aip185,
           aip193,
           aip203,
           aip231,
           aiplint,
           oas,
           rest,
)

BUILTIN = (*aip122.RULES, *aip127.RULES, *aip131.RULES, *aip132.RULES, *aip133.RULES, *aip134.RULES, *aip136.RULES,
           *aip140.RULES, *aip142.RULES, *aip154.RULES, *aip155.RULES, *aip156.RULES, *aip158.RULES, *aip185.RULES,
           *aip193.RULES, *aip203.RULES, *aip231.RULES, *rest.RULES, *oas.RULES, *aiplint.RULES)
