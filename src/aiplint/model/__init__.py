"""The resource model of the API that every rule reads (`api.ApiModel`): paths and their segments, operations,
parameters and bodies (`types`), read from a document (`build`), each segment's role (`roles`), the words they are
made of (`words`, `lexicon`), the IDs that name what an operation acts on (`targets`), the AIP-shaped form a path
should have (`suggest`) and the document's inline suppressions (`suppression`).

Rule authors import the model's types from here (`from aiplint.model import Operation`).
"""

from __future__ import annotations

from aiplint.model.api import ApiModel
from aiplint.model.roles import Role, names_other_thing, repeats_its_plural
from aiplint.model.types import BodyProperty, Location, Operation, Parameter, PathItem, Segment, is_attached

__all__ = ["ApiModel", "BodyProperty", "Location", "Operation", "Parameter", "PathItem", "Role", "Segment",
           "is_attached", "names_other_thing", "repeats_its_plural"]
