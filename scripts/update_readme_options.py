#!/usr/bin/env python3
"""Rewrite the README's table of configuration options from `aiplint.config.options.OPTIONS`.

    python scripts/update_readme_options.py

tests/test_docs.py fails while the committed table differs from the generated one.
"""

from __future__ import annotations

from pathlib import Path

from aiplint.report.config_docs import OPTIONS_END, OPTIONS_START, options_markdown

README = Path(__file__).resolve().parent.parent / "README.md"


def replace_between(path: Path, start: str, end: str, body: str) -> None:
    """Rewrite what lies between the line `start` and `end` in the file (scripts/update_policy_table.py too)."""
    text = path.read_text(encoding="utf-8")
    before, rest = text.split(start + "\n", 1)
    _, after = rest.split(end, 1)
    path.write_text(before + start + "\n" + body + end + after, encoding="utf-8")


def main() -> None:
    replace_between(README, OPTIONS_START, OPTIONS_END, options_markdown())


if __name__ == "__main__":
    main()
