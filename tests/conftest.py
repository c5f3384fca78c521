"""Shared test helpers: where the shared corpus is, and linting a spec in-process."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import pytest

from aiplint.config import Config
from aiplint.linting.engine import lint_document
from aiplint.linting.findings import Finding
from aiplint.read.document import open_document

REPO = Path(__file__).resolve().parents[1]
FIXTURES = REPO / "fixtures"
CORPUS = REPO.parent / "shared" / "corpus"


def llama_stack(revision: str) -> Path:
    """Llama Stack's spec at `pre-4496`, `before` or `after` PR #4606, vendored in fixtures/llama-stack."""
    return FIXTURES / "llama-stack" / revision / "stainless-llama-stack-spec.yaml"


def corpus_file(relative: str) -> Path:
    """A file of the shared corpus (read-only, beside the repository); skip the test where it is absent."""
    path = CORPUS / relative
    if not path.is_file():
        pytest.skip(f"shared corpus file {relative} is not present beside the repository ({CORPUS})")
    return path


def pytest_configure(config):
    """The CLI's result cache goes to a folder of this session (the suite runs with it on, as users do), never
    into the folder pytest runs in."""
    import os
    import tempfile

    os.environ["AIPLINT_CACHE_DIR"] = tempfile.mkdtemp(prefix="aiplint-test-cache-")


@lru_cache(maxsize=None)
def lint(path: str, profile: str = "rest", select: tuple[str, ...] = ()) -> tuple[Finding, ...]:
    """All findings for one spec (memoised: the corpus specs are linted once per profile), asserting that
    no rule crashed."""
    document = open_document(path)
    assert document is not None, f"{path} is not an OpenAPI document"
    linted = lint_document(document, Config(profile=profile, select=select))
    findings, crashes = linted.findings, linted.crashes
    assert crashes == []
    return tuple(findings)
