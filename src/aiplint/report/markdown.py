"""The `markdown` format: a summary for a CI job or a pull-request comment.  Text from the specs is in code spans
(`markdown_code`)."""

from __future__ import annotations

from collections import Counter
from typing import IO, TYPE_CHECKING

from aiplint.read.escaping import markdown_code
from aiplint.report.writer import Report, diff_summary, summary

if TYPE_CHECKING:
    from aiplint.linting.findings import Finding

MARKDOWN_ITEMS = 100  # per list: a job summary holds 1 MiB, and a pull-request comment 65,536 characters


def write(report: Report, stream: IO[str]) -> None:
    """A summary for people reading CI: the counts by rule, the findings (under a diff: the new ones, the fixed
    ones, and the operations moved or removed with their breaking notes and the API changes), each list cut at
    `MARKDOWN_ITEMS` with the number left out.  Text from the specs (file names, path keys, messages, which quote
    them) is in code spans (`markdown_code`): it cannot open a link, an image or HTML, and stays on its line."""
    diff = report.diff
    new = diff.new if diff is not None else report.findings  # lint findings: breaking changes have their section
    lines = [f"## aiplint: {summary(report) if diff is None else diff_summary(diff, report.errors)}", ""]
    columns = ("new", "unchanged", "fixed") if diff is not None else ("findings",)
    tallies = [Counter(f.rule for f in group) for group in
               ((new, diff.unchanged_findings, diff.fixed) if diff is not None else (new,))]
    rule_ids = sorted(set().union(*tallies), key=lambda r: (-sum(t[r] for t in tallies), r))
    if rule_ids:
        lines += [f"| rule | {' | '.join(columns)} |", "| --- |" + " ---: |" * len(columns)]
        lines += [f"| {markdown_code(rule_id)} | " + " | ".join(str(t[rule_id]) for t in tallies) + " |"
                  for rule_id in rule_ids]
        lines.append("")
    title = "New findings" if diff is not None else "Findings"
    lines += _markdown_list(title, [_markdown_finding(f) for f in new])
    if diff is not None:
        lines += _markdown_list("Fixed", [_markdown_finding(f, diff.revision) for f in diff.fixed])
        ops = diff.operations
        moved = [f"moved{' (breaking)' if m.breaking else ''}: {markdown_code(str(m.old))} -> "
                 f"{markdown_code(str(m.new))}" + (f"; note: {markdown_code(m.note)}" if m.note else "")
                 for m in ops.moved]
        removed = [f"removed: {markdown_code(str(op))}" for op in ops.removed]
        lines += _markdown_list("Operations moved or removed", moved + removed)
        if diff.changes:
            from aiplint.report.changelog import markdown

            changes = markdown(diff.changes[:MARKDOWN_ITEMS], "API changes", revision=diff.revision).splitlines()
            lines += ["#" * 2 + line if line.startswith("#") else line for line in changes]
            if len(diff.changes) > MARKDOWN_ITEMS:
                lines += ["", f"... and {len(diff.changes) - MARKDOWN_ITEMS} more API changes "
                              "(`aiplint changelog` lists them all)."]
    if report.errors:
        lines += _markdown_list("Files that could not be linted",
                                [f"{markdown_code(f'{e.path}:{e.line}:{e.column}')}: {markdown_code(e.message)}"
                                 for e in report.errors])
    stream.write("\n".join(lines).rstrip("\n") + "\n")


def _markdown_finding(f: Finding, revision: str | None = None) -> str:
    where = f"{revision}:{f.file}" if revision else f.file
    item = (f"**{f.severity.value}** {markdown_code(f.rule)} {markdown_code(f'{where}:{f.line}:{f.column}')}: "
            f"{markdown_code(f.message)}")
    item += f"<br>suggestion: {markdown_code(f.suggestion)}" if f.suggestion else ""
    return item + (f"<br>also fixes: {', '.join(markdown_code(a.rule) for a in f.also)}" if f.also else "")


def _markdown_list(title: str, items: list[str]) -> list[str]:
    if not items:
        return []
    lines = [f"### {title} ({len(items)})", ""] + [f"- {item}" for item in items[:MARKDOWN_ITEMS]]
    if len(items) > MARKDOWN_ITEMS:
        lines.append(f"- ... and {len(items) - MARKDOWN_ITEMS} more (the JSON or SARIF report lists them all)")
    return lines + [""]
