"""OpenAPI validity: the document itself, its paths, parameters and references.

The family's rules, registered in code (a new rule is one module here and one line below)."""

from __future__ import annotations

from aiplint.lint_rules.oas import (
    equivalent_paths,
    operation_id_unique,
    path_no_query_string,
    path_params_match,
    ref,
    ref_siblings,
    schema,
    security_defined,
    success_response,
    unique_parameters,
    unused_components,
    valid_examples,
)

RULES = (schema.check, ref.check, ref_siblings.check, path_params_match.check, path_no_query_string.check,
         equivalent_paths.check, unique_parameters.check, operation_id_unique.check, success_response.check,
         security_defined.check, unused_components.check, valid_examples.check)
