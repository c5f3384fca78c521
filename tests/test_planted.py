"""Issue 18's acceptance on a FastAPI service of our own with planted mistakes (tests/apps/planted/): linted through
`--app` under the `rest` profile, each planted mistake is exactly one headline finding at its route, with the fix
its blind expectations (expected.yaml, written before aiplint ran on the service) give; every correct route is
clean of headline findings."""

from __future__ import annotations

import importlib.util
import json
import subprocess
import sys
from functools import lru_cache
from pathlib import Path

import pytest
import yaml

PLANTED = Path(__file__).resolve().parent / "apps" / "planted"
EXPECTED = yaml.safe_load((PLANTED / "expected.yaml").read_text())
HEADLINE = ("aip122/", "aip136/", "rest/resource-id-", "rest/verb-")


@lru_cache(maxsize=None)
def findings() -> tuple[dict, ...]:
    if importlib.util.find_spec("fastapi") is None:
        pytest.skip("fastapi is not installed (pip install -e '.[test]')")
    result = subprocess.run([sys.executable, "-m", "aiplint", "check", "--app", "main:app", "--isolated", "--profile",
                             "rest", "--format", "json"], cwd=PLANTED, capture_output=True, text=True, timeout=120)
    assert result.returncode == 1, result.stderr
    return tuple(json.loads(result.stdout)["findings"])


def at(route: dict) -> list[dict]:
    """The headline findings at a route: its operation's, and a path-level one on its path."""
    return [f for f in findings() if f["path"] == route["path"] and f["method"] in (route["method"], None)
            and f["rule"].startswith(HEADLINE)]


MISTAKES = [r for r in EXPECTED["routes"] if not r.get("clean")]
CLEAN = [r for r in EXPECTED["routes"] if r.get("clean")]


@pytest.mark.parametrize("route", [pytest.param(r, id=f"{r['method']} {r['path']}") for r in MISTAKES])
def test_each_planted_mistake_is_one_finding_with_the_reviewers_fix(route):
    found = at(route)
    # a path-level finding (a collection's name, on a path with one operation) suggests the path alone
    fix = route["fix"] if len(found) != 1 or found[0]["method"] else route["fix"].split(" ", 1)[1]
    assert [f["suggestion"] for f in found] == [fix], found
    seen = {found[0]["rule"], *(a["rule"] for a in found[0]["also"])}
    family = {"plural": "aip122/", "id": "rest/resource-id-", "custom": ("aip136/", "rest/verb-")}[route["family"]]
    assert any(rule.startswith(family) for rule in seen), seen  # the mistake it was planted as


@pytest.mark.parametrize("route", [pytest.param(r, id=f"{r['method']} {r['path']}") for r in CLEAN])
def test_the_correct_routes_are_clean(route):
    assert at(route) == []
