#!/usr/bin/env python3
"""Rewrite docs/breaking-changes.md's level policy table from `aiplint.compat.kinds`.

    python scripts/update_policy_table.py

tests/test_level_policy.py fails while the committed table differs from the generated one.
"""

from __future__ import annotations

from pathlib import Path

from update_readme_options import replace_between  # this folder is the script's import path

from aiplint.report.level_policy import POLICY_END, POLICY_START, policy_markdown

DOC = Path(__file__).resolve().parent.parent / "docs" / "breaking-changes.md"


def main() -> None:
    replace_between(DOC, POLICY_START, POLICY_END, policy_markdown())


if __name__ == "__main__":
    main()
