#!/usr/bin/env python3
"""Rewrite docs/breaking-changes.md's level policy table from `aiplint.compat.kinds`.

    python scripts/update_policy_table.py

tests/test_level_policy.py fails while the committed table differs from the generated one.
"""

from __future__ import annotations

from pathlib import Path

from aiplint.report.level_policy import POLICY_END, POLICY_START, policy_markdown

DOC = Path(__file__).resolve().parent.parent / "docs" / "breaking-changes.md"


def main() -> None:
    text = DOC.read_text(encoding="utf-8")
    before, rest = text.split(POLICY_START + "\n", 1)
    _, after = rest.split(POLICY_END, 1)
    DOC.write_text(before + POLICY_START + "\n" + policy_markdown() + POLICY_END + after, encoding="utf-8")


if __name__ == "__main__":
    main()
