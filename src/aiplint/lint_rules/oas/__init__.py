"""OpenAPI validity: the document itself, its paths, parameters and references.

The family's rules, registered in code (a new rule is one module here and one line below)."""

from __future__ import annotations

from aiplint.lint_rules.oas import (
    equivalent_paths,
    path_no_query_string,
    path_params_match,
    ref,
    ref_siblings,
    schema,
    unique_parameters,
)

RULES = (schema.check, ref.check, ref_siblings.check, path_params_match.check, path_no_query_string.check,
         equivalent_paths.check, unique_parameters.check)
