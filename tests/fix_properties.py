"""The properties a fixed spec has (issue 21), checked on what `aiplint.fixing.engine.fix_spec` returns.

- every changed file still parses, and the root still validates against the OpenAPI schema when it did before;
- every character outside the edits is kept: the text before, spliced with each pass's edits here (not with the
  engine's `apply`), is the text after;
- the fixed findings are gone and no finding is new, between the spec as it was and as it is after every pass
  (the engine checks each pass on its own: `aiplint.fixing.engine.regressions`).

Shared by the tests (`tests/test_fix.py`) and the APIs-guru sweep (`benchmarks/fix_sweep.py`).
"""

from __future__ import annotations

import json
from collections import Counter
from typing import Iterable

from aiplint.fixing.engine import SpecFix, finding_key, regressions, renamed
from aiplint.linting.findings import Finding
from aiplint.read.loading import InputError, load_source


def violations(fixed: SpecFix, root: str) -> list[str]:
    """What is wrong with a fixed spec (none when every property holds); `root`: the real path of its root file."""
    problems = [f"{fixed.names[real]} does not parse: {error}" for real in fixed.changed
                for error in _parse_errors(fixed.names[real], fixed.after[real])]
    if not problems and _valid(fixed.before[root]) and not _valid(fixed.after[root]):
        problems.append("the root no longer validates against the OpenAPI schema")
    if _spliced(fixed) != fixed.after:
        problems.append("text outside the edits changed")
    return problems + _finding_changes(fixed)


def _parse_errors(name: str, text: str) -> list[str]:
    try:
        load_source(name, text)
    except InputError as error:
        return [str(error)]
    return []


def _valid(text: str) -> bool:
    from openapi_spec_validator import validate

    try:
        validate(json.loads(text) if text.lstrip().startswith("{") else _yaml(text))
    except Exception:  # noqa: BLE001 - any failure to validate is "not valid"
        return False
    return True


def _yaml(text: str):
    import yaml

    return yaml.safe_load(text)


def _spliced(fixed: SpecFix) -> dict[str, str]:
    """Each file's text before, with each pass's edits spliced in."""
    texts = dict(fixed.before)
    for edits in fixed.passes:
        for real in {edit.file for edit in edits}:
            text, out, done = texts[real], [], 0
            for edit in sorted((e for e in edits if e.file == real), key=lambda e: e.start):
                out += [text[done:edit.start], edit.text]
                done = edit.end
            texts[real] = "".join(out) + text[done:]
    return texts


def _finding_changes(fixed: SpecFix) -> list[str]:
    return regressions(fixed.found, fixed.remaining, [applied.finding for applied in fixed.applied])


def fixed_share(fixed: Iterable[SpecFix]) -> tuple[int, int]:
    """(findings with a fix in the specs as they were, those of them gone after the fixes)."""
    fixable = gone = 0
    for spec in fixed:
        left = unfixed(spec)
        fixable += sum(1 for f in spec.found if f.fix is not None)
        gone += sum(1 for f in spec.found if f.fix is not None) - len(left)
    return fixable, gone


def unfixed(spec: SpecFix) -> list[Finding]:
    """The findings with a fix in the spec as it was that are still there after the fixes: a finding whose fix
    waited for a pass after another fix renamed its path is fixed under its new name, so findings are matched by
    `finding_key`, the renamed paths under their old names."""
    old_of = renamed([applied.finding for applied in spec.applied])
    left = Counter(finding_key(f, old_of) for f in spec.remaining)
    still = []
    for finding in (f for f in spec.found if f.fix is not None):
        key = finding_key(finding)
        if left[key]:
            left[key] -= 1
            still.append(finding)
    return still
