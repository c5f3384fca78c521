"""Every change kind of `aiplint.compat`, each on its own small pair of specs (fixtures/compat/kinds).

One folder per kind, `fixtures/compat/kinds/<kind>/` (the id without `breaking/`), holding `old.yaml`, `new.yaml`
(a small library API that differs by exactly the one change the kind names) and `expected.yaml` (the kind's id,
the level it deserves, the operation's method and path, the side and what changed).  A kind whose level depends
on the side of the exchange (`Kind.request` is not `Kind.response`) has two pairs, `<kind>/request/` (a request
body written by clients) and `<kind>/response/` (a response body read by them).  Every operation is stable.

The expected levels are the ones kinds.py declares for the side (AIP-180 and oasdiff semantics), read by hand, not
aiplint's output.  Where aiplint disagrees, the case is an expected failure with the reason: a bug to fix.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner
from conftest import FIXTURES

from aiplint.cli import cli
from aiplint.compat.kinds import FAMILY, KINDS
from aiplint.compat.kinds import kind as kind_named

KINDS_DIR = FIXTURES / "compat" / "kinds"
SIDES = ("request", "response")



def _cases() -> list[Path]:
    return sorted(path.parent for path in KINDS_DIR.rglob("expected.yaml"))


def _name(folder: Path) -> str:
    return folder.relative_to(KINDS_DIR).as_posix()


def _params() -> list:
    return [pytest.param(folder, id=_name(folder)) for folder in _cases()]


def _changes(folder: Path) -> list[dict]:
    result = CliRunner().invoke(cli, ["diff", str(folder / "old.yaml"), str(folder / "new.yaml"), "--format", "json",
                                      "--isolated"])
    assert result.exit_code in (0, 1), result.stderr
    return json.loads(result.stdout)["changes"]


def _key(change: dict) -> tuple:
    return change["id"], change["level"], change["method"], change["path"]


@pytest.mark.parametrize("folder", _params())
def test_the_kind_is_reported_with_its_level_and_nothing_else_breaks(folder: Path) -> None:
    expected = yaml.safe_load((folder / "expected.yaml").read_text(encoding="utf-8"))
    want = (expected["id"], expected["level"], expected["method"], expected["path"])
    found = _changes(folder)
    breaking = [_key(c) for c in found if c["level"] != "info"]
    if expected["level"] == "info":
        assert want in [_key(c) for c in found], found
        assert breaking == [], found
    else:
        assert breaking == [want], found


def _folder_kinds() -> dict[str, Path]:
    """The kind id each top-level folder names."""
    return {FAMILY + path.name: path for path in KINDS_DIR.iterdir() if path.is_dir()}


def test_every_kind_has_a_fixture_pair_for_each_side_its_level_depends_on() -> None:
    folders = _folder_kinds()
    missing = []
    for kind_id, kind in KINDS.items():
        folder = folders.get(kind_id)
        wanted = [folder / side for side in SIDES] if folder and kind.directional else [folder]
        missing += [kind_id for place in wanted if place is None or not (place / "expected.yaml").is_file()]
    assert missing == []


def test_no_fixture_folder_names_an_unknown_kind_or_side() -> None:
    assert sorted(set(_folder_kinds()) - set(KINDS)) == []
    for folder in _cases():
        expected = yaml.safe_load((folder / "expected.yaml").read_text(encoding="utf-8"))
        found = kind_named(expected["id"])
        top = folder if not found.directional else folder.parent
        assert top.name == found.name, folder
        assert expected["id"] == (found.safe_id if expected["level"] == "info" else found.id), folder
        if found.directional:
            assert folder.name in SIDES and expected["side"] == folder.name, folder
        assert {"old.yaml", "new.yaml", "expected.yaml"} <= {p.name for p in folder.iterdir()}, folder
