"""The plugin index: installed `aiplint.rules` entry points are found once per environment, and found again as
soon as a distribution is installed or removed."""

from __future__ import annotations

import importlib.metadata
import os
import sys

import pytest

from aiplint.linting import plugin_index


@pytest.fixture
def site(tmp_path, monkeypatch):
    """A folder on the import path that distributions can be installed into, and a private cache home."""
    folder = tmp_path / "site-packages"
    folder.mkdir()
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    monkeypatch.setattr(sys, "path", [str(folder), *sys.path])
    return folder


def install(site, name: str, entry: str) -> None:
    """A distribution with one `aiplint.rules` entry point, as pip lays it out."""
    info = site / f"{name}-1.0.dist-info"
    info.mkdir()
    (info / "METADATA").write_text(f"Metadata-Version: 2.1\nName: {name}\nVersion: 1.0\n")
    (info / "entry_points.txt").write_text(f"[aiplint.rules]\n{entry}\n")
    os.utime(site, ns=(os.stat(site).st_mtime_ns, os.stat(site).st_mtime_ns + 10**9))  # coarse clocks


def names() -> list[str]:
    return sorted(plugin.name for plugin in plugin_index.installed_plugins())


def test_the_index_answers_until_a_distribution_comes_or_goes(site, monkeypatch):
    install(site, "first-rules", "first = first_rules:check")
    assert "first" in names()
    scans = []
    real = importlib.metadata.entry_points
    monkeypatch.setattr(importlib.metadata, "entry_points", lambda **kw: (scans.append(1), real(**kw))[1])
    assert "first" in names() and scans == []  # from the index
    install(site, "second-rules", "second = second_rules:check")
    assert {"first", "second"} <= set(names()) and scans == [1]


def test_a_broken_index_is_rebuilt(site):
    install(site, "first-rules", "first = first_rules:check")
    names()
    index = plugin_index._index_file()
    with open(index, "w") as stream:
        stream.write('{"key": [')
    assert "first" in names()


def test_an_entry_loads_as_importlib_would(site):
    (site / "first_rules.py").write_text("class Holder:\n    check = 'the rule'\n")
    assert plugin_index.Plugin("first", "first_rules:Holder.check [extra]").load() == "the rule"
    assert plugin_index.Plugin("first", "first_rules").load().__name__ == "first_rules"


def test_environments_sharing_a_cache_home_keep_their_own_entries(site, monkeypatch):
    install(site, "first-rules", "first = first_rules:check")
    assert "first" in names()
    other = site.parent / "other-site-packages"
    other.mkdir()
    with monkeypatch.context() as inside:
        inside.setattr(sys, "path", [str(other), *[p for p in sys.path if p != str(site)]])
        assert "first" not in names()
    scans = []
    real = importlib.metadata.entry_points
    monkeypatch.setattr(importlib.metadata, "entry_points", lambda **kw: (scans.append(1), real(**kw))[1])
    assert "first" in names() and scans == []
