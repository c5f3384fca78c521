"""The documentation stays true: docs/rules.md is generated from the rules, README's examples run."""

from __future__ import annotations

from aiplint.cli import rules_markdown
from aiplint.engine import available_rules
from conftest import REPO


def builtin_rules():
    return {rid: r for rid, r in available_rules().items() if r.check.__module__.startswith("aiplint.")}


def test_rule_reference_is_in_sync_with_the_rules():
    expected = rules_markdown(builtin_rules())
    assert (REPO / "docs" / "rules.md").read_text() == expected, (
        "docs/rules.md is stale: run `aiplint rules --isolated --format markdown > docs/rules.md`")


def test_every_rule_documents_what_why_and_a_fix():
    for rule in builtin_rules().values():
        for section in ("## What it does", "## Why is this bad?", "## Example"):
            assert section in rule.doc, f"{rule.id} lacks {section}"
        assert rule.url.startswith("https://"), rule.id


def test_readme_links_the_rule_reference_and_lists_every_rule():
    readme = (REPO / "README.md").read_text()
    assert "docs/rules.md" in readme
    for rule_id in builtin_rules():
        assert f"`{rule_id}`" in readme, rule_id
