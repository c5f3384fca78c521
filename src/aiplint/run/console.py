"""The lines a run writes for its user on stderr, apart from the reports: `error:` and `note:` lines."""

from __future__ import annotations

import sys

from aiplint.read.escaping import printable


def say(kind: str, message: str) -> None:
    """`error: ...` or `note: ...` on stderr, one line whatever the message quotes from a spec."""
    tell(f"{kind}: {printable(message)}")


def tell(line: str) -> None:
    print(line, file=sys.stderr, flush=True)


def plural(n: int, noun: str, many: str | None = None) -> str:
    """`1 file`, `2 files`, `1 baseline entry`, `2 baseline entries`."""
    return f"{n} {noun if n == 1 else many or noun + 's'}"
