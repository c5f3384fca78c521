"""REST resource design: IDs in the path, verbs after the resource.

The family's rules, registered in code (a new rule is one module here and one line below)."""

from __future__ import annotations

from aiplint.lint_rules.rest import (
                                     resource_id_in_body,
                                     resource_id_in_header,
                                     resource_id_in_query,
                                     verb_before_id,
                                     verb_segment,
)

RULES = (resource_id_in_query.check, resource_id_in_body.check, resource_id_in_header.check, verb_segment.check,
         verb_before_id.check)
