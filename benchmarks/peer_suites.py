"""How aiplint fares on the peers' own test cases (issue 19, "Complete"), per concept and per peer.

    python benchmarks/peer_suites.py [--per-rule]

The cases are those of tests/peers/ (each a peer linter's test rebuilt as an OpenAPI document, with the verdict of
the AIP or OpenAPI text); every case present is linted again here, so the counts are what aiplint does at this
commit, not what the cases' labels claim.  A case counts as:

  agrees     aiplint gives the text's verdict, which is the peer's
  misses     aiplint does not give the text's verdict (the tests hold these as strict xfails)
  disagrees  deliberately: aiplint gives the text's verdict, which is not the peer's (the case says why)
  no rule    a rule the case compares does not exist (yet): other work is adding it

`--per-rule` prints, for each existing rule with cases, the cases it takes part in and the peers they come from:
the figure each rule's `## Measured` section quotes.  See benchmarks/README.md for the results.
"""

from __future__ import annotations

import argparse
import importlib
import pkgutil
import sys
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))

from peers._case import ABSENT, AGREES, DISAGREES, MISSES, OUTCOMES, PeerCase, outcome  # noqa: E402

PEER_NAMES = {"aep": "AEP", "ibm": "IBM", "redocly": "Redocly", "spectral": "Spectral", "mongodb": "MongoDB"}


def peer_cases() -> list[PeerCase]:
    folder = ROOT / "tests" / "peers"
    modules = [importlib.import_module(f"peers.{m.name}") for m in pkgutil.iter_modules([str(folder)])
               if m.name.startswith("test_")]
    return [case for module in modules for case in module.CASES]


COLUMNS = ("agrees", "misses", "disagrees", "no rule", "total")  # OUTCOMES' order, then the sum


def row(label: str, counts: Counter[str]) -> str:
    cells = [counts[o] for o in OUTCOMES] + [sum(counts.values())]
    return f"| {label:<50} |" + "|".join(f"{n:>10}" for n in cells) + "|"


def table(judged: list[tuple[PeerCase, str]]) -> list[str]:
    lines = [f"| {'concept / peer':<50} |" + "|".join(f"{c:>10}" for c in COLUMNS) + "|",
             f"|{'-' * 52}|" + "|".join("-" * 9 + ":" for _ in COLUMNS) + "|"]
    by_concept: dict[str, list[tuple[PeerCase, str]]] = defaultdict(list)
    for case, result in judged:
        by_concept[case.concept].append((case, result))
    for concept in sorted(by_concept):
        cases = by_concept[concept]
        lines.append(row(concept, Counter(result for _, result in cases)))
        for peer in sorted({case.peer for case, _ in cases}):
            lines.append(row(f"↳ {PEER_NAMES[peer]}",
                             Counter(result for case, result in cases if case.peer == peer)))
    lines.append(row("all concepts", Counter(result for _, result in judged)))
    for peer in sorted(PEER_NAMES):
        lines.append(row(f"↳ {PEER_NAMES[peer]}", Counter(result for case, result in judged if case.peer == peer)))
    return lines


def per_rule(judged: list[tuple[PeerCase, str]]) -> list[str]:
    """One line per existing rule: the cases comparing it, by outcome, and from which peers."""
    by_rule: dict[str, list[tuple[PeerCase, str]]] = defaultdict(list)
    for case, result in judged:
        if result != ABSENT:
            for rule in case.rules:
                by_rule[rule].append((case, result))
    lines = []
    for rule in sorted(by_rule):
        counts = Counter(result for _, result in by_rule[rule])
        peers = ", ".join(sorted(PEER_NAMES[p] for p in {case.peer for case, _ in by_rule[rule]}))
        lines.append(f"{rule}: {len(by_rule[rule])} cases ({peers}): {counts[AGREES]} agree, "
                     f"{counts[DISAGREES]} deliberate disagreements, {counts[MISSES]} misses")
    return lines


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--per-rule", action="store_true", help="one line per existing rule instead of the table")
    args = parser.parse_args()
    judged = [(case, outcome(case)) for case in peer_cases()]
    print("\n".join(per_rule(judged) if args.per_rule else table(judged)))


if __name__ == "__main__":
    main()
