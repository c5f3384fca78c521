"""The resource model of the API that every rule reads: paths and their segments' roles, operations, parameters
and bodies (`api`), the words they are made of (`words`, `lexicon`), the IDs that name what an operation acts on
(`targets`), the AIP-shaped form a path should have (`suggest`) and the document's inline suppressions
(`suppression`).

Rule authors import the model's types from here (`from aiplint.model import Operation`).
"""

from __future__ import annotations

from aiplint.model.api import (
    ApiModel,
    BodyProperty,
    Location,
    Operation,
    Parameter,
    PathItem,
    Segment,
    is_attached,
    names_other_thing,
)
from aiplint.model.roles import Role

__all__ = ["ApiModel", "BodyProperty", "Location", "Operation", "Parameter", "PathItem", "Role", "Segment",
           "is_attached", "names_other_thing"]
