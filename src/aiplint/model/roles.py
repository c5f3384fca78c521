"""The role a path segment plays (`Role`): what every rule asks of a segment before anything else.  Which
role each segment has is decided when the model is built (`aiplint.model.api`)."""

from __future__ import annotations

from enum import Enum


class Role(str, Enum):
    VERSION = "version"
    PARAM = "param"
    NAMESPACE = "namespace"
    COLLECTION = "collection"
    SINGLETON = "singleton"
    ALIAS = "alias"
    CUSTOM_VERB = "custom_verb"
    WELL_KNOWN = "well_known"

    @property
    def identifies(self) -> bool:
        """Stands for one member: an ID (`{job_id}`) or an alias (`me`)."""
        return self in (Role.PARAM, Role.ALIAS)

    @property
    def is_resource(self) -> bool:
        """Something a custom method can act on: a member by its ID, a collection, a singleton."""
        return self in (Role.PARAM, Role.COLLECTION, Role.SINGLETON)

    @property
    def is_thing(self) -> bool:
        """A literal naming resources: a collection or a singleton (not a grouping, a verb or a version)."""
        return self in (Role.COLLECTION, Role.SINGLETON)

    @property
    def is_noun(self) -> bool:
        """A literal read as a noun: a thing, or a namespace grouping things."""
        return self.is_thing or self is Role.NAMESPACE
