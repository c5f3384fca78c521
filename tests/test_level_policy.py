"""The level policy (docs/breaking-changes.md, issue 20 section 2): the table is the one the code generates, and each
row holds on the kind's fixture pair (fixtures/compat/kinds/<kind>/, one per side where the level depends on it)
with every operation made stable, beta and alpha in turn (`x-stability-level`)."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from conftest import REPO
from test_compat import changes
from test_compat_kinds import KINDS_DIR

from aiplint.compat.kinds import FAMILY, SAFE_FAMILY
from aiplint.read.document import HTTP_METHODS
from aiplint.report.level_policy import POLICY_END, POLICY_START, SIDES, STABILITIES, policy_markdown

DOC = REPO / "docs" / "breaking-changes.md"
# Kinds whose fixture pair declares the stabilities it changes: only their stable column is run.
DECLARES_STABILITY = {"stability-decreased", "stability-increased"}


def _table() -> str:
    return DOC.read_text(encoding="utf-8").split(POLICY_START + "\n", 1)[1].split(POLICY_END, 1)[0]


def _rows() -> list[tuple[str, dict[tuple[str, str], str]]]:
    """(kind, (side, stability) -> level) for each row of the committed table."""
    rows = []
    for line in _table().splitlines()[2:]:
        cells = [cell.strip() for cell in line.strip("|").split("|")]
        name = cells[0].strip("`").split("`")[0]
        levels = dict(zip([(side, stability) for side in SIDES for stability in STABILITIES], cells[1:7], strict=True))
        rows.append((name, levels))
    return rows


def test_the_table_is_the_one_the_code_generates():
    assert _table() == policy_markdown(), "docs/breaking-changes.md is stale: run scripts/update_policy_table.py"


def _at_stability(text: str, stability: str) -> str:
    """The spec with every operation and webhook operation declaring `stability` (unless it declares one)."""
    data = yaml.safe_load(text)
    for holder in ("paths", "webhooks"):
        for item in (data.get(holder) or {}).values():
            for method in HTTP_METHODS:
                if isinstance(item, dict) and isinstance(item.get(method), dict):
                    item[method].setdefault("x-stability-level", stability)
    return yaml.safe_dump(data, sort_keys=False)


@pytest.mark.parametrize(("kind", "levels"), [pytest.param(*row, id=row[0]) for row in _rows()])
def test_each_row_of_the_table_holds_on_the_kinds_fixture_pair(tmp_path: Path, kind: str, levels: dict):
    folder = KINDS_DIR / kind
    pairs = [folder / side for side in SIDES if (folder / side).is_dir()] or [folder]
    for pair in pairs:
        side = yaml.safe_load((pair / "expected.yaml").read_text(encoding="utf-8")).get("side", "request")
        for stability in STABILITIES if kind not in DECLARES_STABILITY else ("stable",):
            old, new = tmp_path / "old.yaml", tmp_path / "new.yaml"
            old.write_text(_at_stability((pair / "old.yaml").read_text(encoding="utf-8"), stability))
            new.write_text(_at_stability((pair / "new.yaml").read_text(encoding="utf-8"), stability))
            found = {(c["id"], c["level"]) for c in changes(old, new) if c["id"].split("/", 1)[1] == kind}
            # a `change/` id where the kind is safe on that side, `breaking/` where it breaks (stability aside)
            family = SAFE_FAMILY if levels[(side, "stable")] == "info" else FAMILY
            assert found == {(family + kind, levels[(side, stability)])}, (pair.name, side, stability, found)
