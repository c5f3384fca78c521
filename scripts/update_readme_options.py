#!/usr/bin/env python3
"""Rewrite the README's table of configuration options from `aiplint.config.options.OPTIONS`.

    python scripts/update_readme_options.py

tests/test_docs.py fails while the committed table differs from the generated one.
"""

from __future__ import annotations

from pathlib import Path

from aiplint.report.config_docs import OPTIONS_END, OPTIONS_START, options_markdown

README = Path(__file__).resolve().parent.parent / "README.md"


def main() -> None:
    text = README.read_text(encoding="utf-8")
    before, rest = text.split(OPTIONS_START + "\n", 1)
    _, after = rest.split(OPTIONS_END, 1)
    README.write_text(before + OPTIONS_START + "\n" + options_markdown() + OPTIONS_END + after, encoding="utf-8")


if __name__ == "__main__":
    main()
