"""The level policy of API changes as a table (docs/breaking-changes.md): for each change kind, the level it gets
on each side of the exchange (data clients write: parameters and request bodies; data clients read: responses and
response headers) at each stability of the operation.  Generated from `aiplint.compat.kinds.KINDS` and
`aiplint.compat.lifecycle.Stability`, the code that decides the levels, so the table cannot say otherwise."""

from __future__ import annotations

from aiplint.compat.kinds import FAMILY, KINDS, Kind
from aiplint.compat.lifecycle import Stability
from aiplint.rule import Severity

__all__ = ["POLICY_START", "POLICY_END", "STABILITIES", "SIDES", "policy_levels", "policy_markdown"]

# docs/breaking-changes.md's table sits between these two lines (scripts/update_policy_table.py rewrites it)
POLICY_START = "<!-- policy: generated from aiplint.compat.kinds by scripts/update_policy_table.py -->"
POLICY_END = "<!-- end of policy -->"
STABILITIES = ("stable", "beta", "alpha")  # draft is as alpha
SIDES = ("request", "response")  # a context of each side (aiplint.compat.kinds.RESPONSE_CONTEXTS)


def policy_levels(kind: Kind) -> dict[tuple[str, str], Severity]:
    """(side, stability) -> the level a change of this kind gets by default."""
    return {(side, stability): kind.level(side) if kind.document_wide else
            Stability(stability, stability).adjust(kind.level(side))[0]
            for side in SIDES for stability in STABILITIES}


def policy_markdown() -> str:
    head = ("| Change kind | Request: stable | beta | alpha, draft | Response: stable | beta | alpha, draft | "
            "Category |\n|" + " --- |" * 8 + "\n")
    rows = []
    for kind in sorted(KINDS.values(), key=lambda k: k.id):
        levels = policy_levels(kind)
        cells = [levels[(side, stability)].value for side in SIDES for stability in STABILITIES]
        category = ", ".join(sorted(set(kind.categories.values())))
        name = f"`{kind.id.removeprefix(FAMILY)}`" + (" (document-wide)" if kind.document_wide else "")
        rows.append(f"| {name} | " + " | ".join(cells) + f" | {category} |\n")
    return head + "".join(rows)
