"""Spelling: splitting literals into words, versions, action parts."""

from __future__ import annotations

import pytest

from aiplint.model import words


@pytest.mark.parametrize("literal, parts", [
    ("setDefaultVersion", ("set", "default", "version")), ("vector_stores", ("vector", "stores")),
    ("run-shield", ("run", "shield")), ("ConnectApps.json", ("connect", "apps")), ("APIKeys", ("api", "keys")),
    ("v1", ("v", "1")), ("admin.inviteRequests.deny", ("admin", "invite", "requests", "deny")),
])
def test_split_words(literal, parts):
    assert words.split_words(literal) == parts


@pytest.mark.parametrize("literal, version", [
    ("v1", True), ("v1alpha", True), ("v2beta1", True), ("v1p1beta1", True), ("2024-01-01", True), ("v1.0", True),
    ("vector", False), ("version", False), ("1", False),
])
def test_is_version(literal, version):
    assert words.is_version(literal) is version


@pytest.mark.parametrize("literal, action", [
    ("microsoft.graph.restore", "restore"), ("chat.postMessage", "postMessage"), ("report.json", "report"),
    ("cancel", "cancel"),
])
def test_action_part(literal, action):
    assert words.action_part(literal) == action
