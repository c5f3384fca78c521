"""The stages of a run tied together: `aiplint check` (`run_check`), `aiplint diff` (`run_diff`) and
`aiplint changelog` (`changelog`), each given its options once and handed each stage's result to the next.

The stages a plain lint does not use are imported where a run needs them, the one place run code defers
imports (start-up time): comparing (`compare`, `diff_base`: the compat package, git), fixing (`fixes`: the fix
engine and the compat package), applications (`apps`: the frameworks' adapters) and what changed since a
revision (`aiplint.read.changes`: git)."""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from aiplint.errors import AiplintError, UsageError
from aiplint.linting.cache import ResultCache
from aiplint.run import configure, exit, files, lint, reports
from aiplint.run.options import CheckOptions
from aiplint.run.results import Results

if TYPE_CHECKING:
    from aiplint.read.changes import ChangedSince
    from aiplint.read.loading import InputError


def run_check(options: CheckOptions) -> int:
    """Lint (or, with `diff_base`, compare) what the options name, write every report; the exit status."""
    if options.baseline_file and options.no_baseline:
        raise UsageError("--baseline and --no-baseline: give one")
    if options.stdin_filename and "-" not in options.paths:
        raise UsageError("--stdin-filename names what `-` reads: give `-` among the PATHS")
    wanted = reports.outputs(options.formats, options.output)
    reports.check_report_files(wanted, options.write_baseline)
    check_fix_options(options)
    reports.import_what_reports_need(wanted, diff=options.diff_base is not None)
    resolver = configure.resolver(options.config_file, options.isolated, options.allow_plugins, options.overrides())
    results = Results(options)
    cache = lint.cache_for(options)
    apps = configure.applications(options, resolver)
    paths = options.paths or (() if apps is not None else (".",))  # nothing named or configured: this folder
    selection = files.Selection(options, resolver, results, changed_since(options.changed_since, paths))
    if options.diff_base:
        from aiplint.run import compare, diff_base

        compared = diff_base.compare_with_base(selection, paths, apps or [], options.diff_base)
        return compare.finish_diff(compared, results.errors, wanted, options.quiet, options.color, options.exit_zero)
    jobs = list(selection.jobs(paths))
    if options.fix or options.diff:
        diffed = fix_before_lint(jobs, options, results)
        if diffed is not None:
            return diffed
    lint_files(selection, jobs, cache, options.jobs)
    if apps:
        from aiplint.run.apps import lint_app

        for target, root in apps:
            lint_app(target, root, resolver, results)
    reports.refuse_overwriting_inputs([file for _, file in wanted] + [options.write_baseline], results.inputs)
    if options.write_baseline:
        reports.write_baseline(results, options.write_baseline)
        return results.status
    report = reports.lint_report(results)
    if any(name == "html" for name, _ in wanted):
        from aiplint.run import fixes

        report = replace(report, fixes=fixes.fix_diffs(results))
    reports.write_reports(wanted, report, options.color)
    reports.report_fixed_baseline_entries(results)
    return exit.lint_status(results.status, results.thresholds, options.exit_zero)


def check_fix_options(options: CheckOptions) -> None:
    """The combinations `--fix` and `--diff` refuse before any work."""
    if not (options.fix or options.diff):
        return
    if options.diff_base or options.write_baseline:
        raise UsageError(f"--fix and --diff fix specs; {'--diff-base' if options.diff_base else '--write-baseline'} "
                         "compares or records them: run them apart")
    if "-" in options.paths and not options.diff:
        raise UsageError("--fix cannot write standard input back: use --diff to see the fixes")


def fix_before_lint(jobs: list[files.Job], options: CheckOptions, results: Results) -> int | None:
    """Fix the specs (`--fix`: their files written, then linted as they are now); `--diff`: print the fixes and
    return the run's exit status (1 when there is a fix to make), nothing being linted."""
    from aiplint.run import fixes

    tally = fixes.fix_jobs(jobs, options, results)
    if options.diff:
        return results.status or (exit.EXIT_FINDINGS if tally.fixed and not options.exit_zero else exit.EXIT_CLEAN)
    results.fixes_applied = tally.fixed
    return None


def changed_since(rev: str | None, paths: tuple[str, ...]) -> ChangedSince | None:
    """`--changed-since REV`: what changed since REV, git asked now about the paths' repositories."""
    if rev is None:
        return None
    from aiplint.read.changes import ChangedSince, GitError

    changes = ChangedSince(rev)
    try:
        changes.check(paths)
    except GitError as exc:
        raise AiplintError(f"--changed-since: {exc}") from None
    return changes


def lint_files(selection: files.Selection, jobs: list[files.Job], cache: ResultCache | None, most: int | None
               ) -> None:
    """Lint the jobs of the selection, in at most `most` worker processes when there are several (their
    outcomes taken in the files' order, so reports do not depend on the workers), then the specs that `$ref` a
    named fragment."""
    results = selection.results
    fragments = []
    for job, outcome in zip(jobs, lint.outcomes(jobs, cache, most), strict=True):
        results.take(job.name, outcome, job.config, job.rules)
        if outcome.not_openapi and job.walked_from is None:
            fragments.append(job.path)
    for root, document, config, rules in selection.fragment_roots(fragments):
        if document is not None:
            results.take(root, lint.lint_opened(document, config, rules), config, rules)


def run_diff(old: str, new: str, formats: tuple[str, ...], output: str | None, overrides: dict, *, colour: str,
             quiet: bool, config_file: str | None, isolated: bool, allow_plugins: bool) -> int:
    """`aiplint diff OLD NEW`: the diff's reports written; the exit status."""
    from aiplint.run.compare import compare_pairs, finish_diff

    wanted = reports.outputs(formats, output)
    reports.check_report_files(wanted, None)
    reports.import_what_reports_need(wanted, diff=True)
    compared, errors = compare_pairs(configure.resolver(config_file, isolated, allow_plugins, overrides), old, new)
    return finish_diff(compared, errors, wanted, quiet, colour)


def changelog(old: str, new: str, output: str | None, config_file: str | None, isolated: bool,
              allow_plugins: bool, output_format: str = "markdown") -> tuple[str, list[InputError]]:
    """`aiplint changelog OLD NEW`: the API changes as a Markdown changelog or an HTML page (`output_format`;
    findings are not linted), and the files that could not be compared (shown); `output` may not be one of the
    files read."""
    from aiplint.report.changelog import COMMENT_LIMIT
    from aiplint.run.compare import changelog_of, compare_pairs

    compared, errors = compare_pairs(configure.resolver(config_file, isolated, allow_plugins), old, new, lint=False)
    reports.refuse_overwriting_inputs([output], compared.read)
    limit = COMMENT_LIMIT if output is None else None  # what a pull-request comment holds; `-o`: every change
    return changelog_of(compared, old, new, output_format, limit), errors
