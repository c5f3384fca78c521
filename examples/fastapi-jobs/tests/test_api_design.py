"""The service's API design, checked in its own test suite with aiplint's pytest helper."""

from __future__ import annotations

import pytest
from jobs_api import after, before

from aiplint.testing import assert_conforms


def test_the_fixed_service_conforms():
    assert_conforms(after.app)


def test_the_founding_mistake_fails_at_its_route_functions():
    with pytest.raises(AssertionError, match=r"jobs_api/before\.py:\d+: error rest/resource-id-in-query GET "):
        assert_conforms(before.app)
