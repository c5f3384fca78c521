"""The `aiplint` command line."""

from __future__ import annotations

import difflib
import gc
import os
import sys
from pathlib import Path
from typing import Iterator

import click

from aiplint import __version__

EXIT_CLEAN, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2
SPEC_SUFFIXES = (".yaml", ".yml", ".json")
SEVERITIES = ("error", "warning", "info")
BREAKING_THRESHOLDS = ("error", "warning", "never")
FORMATS = ("text", "json", "sarif", "github", "gitlab", "junit")


def _split_ids(values: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(part.strip() for value in values for part in value.split(",") if part.strip())


def spec_files(folder: str) -> list[str]:
    """The YAML and JSON files under a folder, in path order, skipping hidden folders and node_modules."""
    found = []
    for here, dirs, files in os.walk(folder):
        dirs[:] = sorted(d for d in dirs if not d.startswith(".") and d != "node_modules")
        found += [os.path.join(here, name) for name in sorted(files) if name.endswith(SPEC_SUFFIXES)]
    return found


def iter_spec_files(paths: tuple[str, ...]) -> Iterator[tuple[str, str | None]]:
    """Files to lint, each with the folder whose walk found it (None: the user named the file)."""
    for path in paths:
        if os.path.isdir(path):
            yield from ((found, path) for found in spec_files(path))
        else:
            yield path, None


def _say(kind: str, message: str) -> None:
    """`error: ...` or `note: ...` on stderr, one line whatever the message quotes from a spec."""
    from aiplint.trust import printable

    click.echo(f"{kind}: {printable(message)}", err=True)


@click.group(
    context_settings={"help_option_names": ["-h", "--help"]},
    epilog="""\b
Examples:
  aiplint check openapi.yaml
  aiplint check specs/ --format json
  aiplint check openapi.yaml --profile aip --select aip136/
  aiplint rules
  aiplint explain aip122/plural-collection
""",
)
@click.version_option(__version__, "--version", prog_name="aiplint")
def cli() -> None:
    """Lint OpenAPI documents for REST and Google AIP resource-oriented design."""


def _writers() -> dict:
    """The output module's format table, imported only when a report is written."""
    from aiplint.output import WRITERS

    return WRITERS


def _format_options(command):
    """--format (repeatable, NAME or NAME=FILE) and --output, shared by check and diff."""
    command = click.option("--output", "-o", type=click.Path(dir_okay=False),
                           help="Write the formats given without a file here instead of to stdout.")(command)
    return click.option("--format", "formats", multiple=True, metavar="NAME[=FILE]",
                        help=f"Report format: {', '.join(FORMATS)} (default text); repeat it for several reports, "
                             "e.g. --format text --format sarif=aiplint.sarif.")(command)


def _outputs(formats: tuple[str, ...], output: str | None) -> list[tuple[str, str | None]]:
    """(format, file or None for stdout) pairs; an unknown format is a usage error."""
    parsed = []
    for spec in formats or ("text",):
        name, _, file = spec.partition("=")
        if name not in FORMATS:
            near = difflib.get_close_matches(name, FORMATS, n=1)
            hint = f"; did you mean `{near[0]}`?" if near else ""
            raise click.UsageError(f"--format: unknown format `{name}`{hint} (choose from {', '.join(FORMATS)})")
        parsed.append((name, file or output))
    return parsed


def _check_report_files(outputs: list[tuple[str, str | None]], write_baseline: str | None) -> None:
    """Before any work: two reports in one file would leave only the last, and a missing folder fails."""
    written: dict[str, str] = {}
    for name, file in outputs:
        if file is not None and written.setdefault(os.path.realpath(file), name) != name:
            raise click.UsageError(f"--format {name}: its report and the {written[os.path.realpath(file)]} report "
                                   f"would both be written to {file}")
    for file in [file for _, file in outputs if file] + [write_baseline] * bool(write_baseline):
        folder = os.path.dirname(os.path.abspath(file))
        if not os.path.isdir(folder):
            raise click.UsageError(f"{file}: cannot write there: no folder {folder}")


def _refuse_overwriting_inputs(files: list[str | None], inputs: set[str]) -> None:
    """A report or baseline written over a file the run read (a spec, a `$ref`'d file) would destroy it."""
    for file in files:
        if file and os.path.realpath(file) in inputs:
            raise click.UsageError(f"{file}: is a file this run lints; it is not overwritten with a report")


def _streams(outputs: list[tuple[str, str | None]]) -> Iterator[tuple[str, object]]:
    """Each format with the stream it is written to (files are opened, written and closed in turn)."""
    for name, file in outputs:
        if file is None:
            yield name, sys.stdout
            continue
        try:
            with open(file, "w", encoding="utf-8", newline="") as stream:
                yield name, stream
        except OSError as exc:
            raise click.UsageError(f"--format {name}={file}: cannot write the report: {exc.strerror}") from None


def _selection_options(command):
    """--profile, --select, --ignore and --fail-on, shared by check and diff (in diff, only new findings fail)."""
    for option in reversed([
        click.option("--profile", type=click.Choice(["rest", "aip"]), default=None,
                     help="rest (default): pragmatic REST; aip: strict Google AIP."),
        click.option("--select", multiple=True, help="Only these rule ids or families (comma-separated, e.g. aip136/)."),
        click.option("--ignore", multiple=True, help="Skip these rule ids or families (comma-separated)."),
        click.option("--fail-on", type=click.Choice(SEVERITIES), default=None,
                     help="Exit 1 when a finding has at least this severity (default: error)."),
    ]):
        command = option(command)
    return command


def _fail_on_breaking_option(command):
    """--fail-on-breaking, shared by `check --diff-base` and `diff`."""
    return click.option("--fail-on-breaking", type=click.Choice(BREAKING_THRESHOLDS), default=None,
                        help="Exit 1 when an API change is breaking at this level: error (default), warning "
                             "(potentially breaking too) or never.")(command)


def _command_line(profile: str | None, select: tuple[str, ...], ignore: tuple[str, ...], fail_on: str | None,
                  **more: object) -> dict:
    """The command-line options that override the configuration file (None and () mean: not given)."""
    return {"profile": profile, "select": _split_ids(select), "ignore": _split_ids(ignore), "fail_on": fail_on, **more}


def _config_options(command):
    """--config, --isolated and --allow-plugins, shared by the commands that read the configuration."""
    command = click.option("--allow-plugins", is_flag=True,
                           help="Let the configuration run repository code (its `plugins` and `app`); also "
                                "AIPLINT_ALLOW_PLUGINS=1. Off: they are skipped with a note.")(command)
    command = click.option("--isolated", is_flag=True, help="Ignore every configuration file.")(command)
    return click.option("--config", "config_file", type=click.Path(dir_okay=False),
                        help="Read this configuration file instead of looking for one.")(command)


def _ref_root_option(command):
    """--ref-root, for the commands that follow `$ref`s (check and diff)."""
    return click.option("--ref-root", type=click.Path(exists=True, file_okay=False),
                        help="The folder $refs may read from (default: the repository's root, or the spec's folder "
                             "outside a repository).")(command)


def _resolver(config_file: str | None, isolated: bool, allow_plugins: bool, command_line: dict | None = None):
    from aiplint.config import Resolver
    from aiplint.engine import RuleLoadError, available_rules

    try:
        rules = available_rules()
    except RuleLoadError as exc:
        raise click.ClickException(str(exc)) from None
    return Resolver(rules, config_file, isolated, command_line, allow_plugins, note=lambda text: _say("note", text))


def _config_for(resolver, path: str):
    from aiplint.config import ConfigError

    try:
        return resolver.for_path(path)
    except ConfigError as exc:
        raise click.UsageError(str(exc)) from None


@cli.command()
@click.argument("paths", nargs=-1, type=click.Path())
@click.option("--app", "apps", multiple=True, metavar="MODULE:ATTR",
              help="Lint a Python application's OpenAPI document (pkg.api:app, or a factory: pkg.api:create_app()); "
                   "importing it runs its code. Repeatable.")
@_format_options
@click.option("--show-source", is_flag=True, help="Text format: show each finding's source line with a caret.")
@_selection_options
@click.option("-q", "--quiet", is_flag=True, help="Print findings only: no summary, no skip notes.")
@_config_options
@click.option("--no-inline-ignores", is_flag=True, help="Do not honour x-aiplint-ignore in the specs.")
@click.option("--baseline", "baseline_file", type=click.Path(dir_okay=False),
              help="Report only findings that are not in this baseline file.")
@click.option("--write-baseline", type=click.Path(dir_okay=False),
              help="Record the current findings in this baseline file (other specs' entries stay) and exit 0.")
@click.option("--diff-base", metavar="GIT_REF",
              help="Compare with the specs at this git revision: report new and fixed findings and API changes; "
                   "new findings and breaking changes fail.")
@_fail_on_breaking_option
@_ref_root_option
def check(paths: tuple[str, ...], apps: tuple[str, ...], allow_plugins: bool, formats: tuple[str, ...],
          output: str | None, show_source: bool,
          profile: str | None, select: tuple[str, ...],
          ignore: tuple[str, ...], fail_on: str | None, quiet: bool, config_file: str | None, isolated: bool,
          no_inline_ignores: bool, baseline_file: str | None, write_baseline: str | None,
          diff_base: str | None, fail_on_breaking: str | None, ref_root: str | None) -> None:
    """Lint OpenAPI documents (files, or directories searched for *.yaml, *.yml, *.json) and Python
    applications (--app, or `app` in the configuration when no PATHS are given).

    Exit status: 0 no finding at or above --fail-on, 1 there is one, 2 usage or input error.
    """
    outputs = _outputs(formats, output)
    _check_report_files(outputs, write_baseline)
    command_line = _command_line(profile, select, ignore, fail_on, inline_ignores=False if no_inline_ignores else None,
                                 fail_on_breaking=fail_on_breaking, ref_root=os.path.abspath(ref_root) if ref_root else None)
    resolver = _resolver(config_file, isolated, allow_plugins, command_line)
    targets = _apps(resolver, paths, apps, allow_plugins)
    if diff_base:
        _check_against_revision(resolver, paths, targets, diff_base, outputs, quiet)
    run = CheckRun(resolver, quiet)
    for path, walked_from in iter_spec_files(paths):
        run.lint(path, walked_from, baseline_file)
    for target, root in targets:
        run.lint_app(target, root, baseline_file)
    _refuse_overwriting_inputs([file for _, file in outputs] + [write_baseline], run.inputs)
    if write_baseline:
        run.write_baseline(write_baseline)
        click.get_current_context().exit(run.status)
    findings = sorted(run.findings, key=lambda f: (f.file, f.line, f.column, f.rule))
    for name, stream in _streams(outputs):
        _writers()[name](findings, run.rules, run.files, stream, quiet=quiet, show_source=show_source,
                         errors=run.errors)
    run.report_fixed_baseline_entries()
    click.get_current_context().exit(run.exit_status())


def _apps(resolver, paths: tuple[str, ...], apps: tuple[str, ...], allow_plugins: bool) -> list[tuple[str, str | None]]:
    """The applications to lint, each with the folder it is imported from (None: the current one): --app's,
    or, with no PATHS either, the configuration's `app`, which is repository code and runs only with the opt-in."""
    if apps or paths:
        return [(target, None) for target in apps]
    from aiplint.trust import ALLOW_ENV, repository_code_allowed

    config, _ = _config_for(resolver, ".")
    if not config.app:
        raise click.UsageError("nothing to lint: give PATHS, --app MODULE:ATTR, or `app` in the configuration")
    if not repository_code_allowed(allow_plugins):
        _say("note", f"{config.path}: app = {', '.join(config.app)} not imported: importing runs the repository's "
                     f"code, which needs --allow-plugins or {ALLOW_ENV}=1")
        return []
    return [(target, os.path.dirname(os.path.abspath(config.path))) for target in config.app]


class CheckRun:
    """The state of one `aiplint check`: findings, linted files, and the worst status so far."""

    def __init__(self, resolver, quiet: bool):
        self.resolver = resolver
        self.quiet = quiet
        self.status = EXIT_CLEAN
        self.findings: list = []
        self.by_spec: dict[str, list] = {}
        self.thresholds: list[tuple[object, int]] = []  # (finding, fail-on rank of its spec's configuration)
        self.fixed: list[dict] = []
        self.files: list[str] = []
        self.apps: set[str] = set()  # the names of linted applications' documents (baseline keys)
        self.rules: dict = {}
        self.errors: list = []  # InputErrors: the files that could not be linted, for every report
        self.inputs: set[str] = set()  # the real paths of every file read, which no report may overwrite

    def fail(self, error, shown: str | None = None) -> None:
        _say("error", shown or str(error))
        self.errors.append(error)
        self.status = EXIT_ERROR

    def lint(self, path: str, walked_from: str | None, baseline_file: str | None) -> None:
        from aiplint.document import InputError, open_document
        from aiplint.engine import run_rules

        config, rules = _config_for(self.resolver, path)
        self.inputs.add(os.path.realpath(path))
        try:
            document = open_document(path, project_root=config.ref_root, walked_from=walked_from)
            if document is None:
                if walked_from is None and not self.quiet:
                    _say("note", f"{path}: not an OpenAPI document (no top-level `openapi` or `swagger` key); skipped")
                return None
            found, crashes = run_rules(document, config, rules)
        except InputError as exc:
            return self.fail(exc)
        self.inputs.update(document.sources)
        self.files.append(path)
        return self._record(path, found, crashes, config, rules, baseline_file)

    def lint_app(self, target: str, root: str | None, baseline_file: str | None) -> None:
        """An application's documents, each under the configuration of the file that defines the application."""
        from aiplint.app import AppError, load_app

        try:
            for document in load_app(target, root):
                config, rules = _config_for(self.resolver, document.home.file)
                found, crashes = document.lint(config, rules)
                if document.home.file not in self.files:  # a mounted application is defined beside its parent
                    self.files.append(document.home.file)
                self.apps.add(document.name)
                self._record(document.name, found, crashes, config, rules, baseline_file)
        except AppError as exc:
            from aiplint.document import InputError

            self.fail(InputError(target, f"--app {exc}"), f"--app {exc}")

    def _record(self, name: str, found: list, crashes: list, config, rules: dict, baseline_file: str | None) -> None:
        self.rules.update(rules)
        for error in crash_errors(crashes):
            self.fail(error)
        self.by_spec[name] = found
        baseline_file = baseline_file or config.baseline
        if baseline_file:
            found = self._without_baseline(name, found, baseline_file)
        self.findings.extend(found)
        self.thresholds.extend((f, _rank(config.fail_on)) for f in found)

    def _without_baseline(self, path: str, found: list, baseline_file: str) -> list:
        from aiplint.baseline import Baseline, BaselineError

        try:
            new, fixed = Baseline.load(baseline_file).split(path, found, key=path if path in self.apps else None)
        except BaselineError as exc:
            raise click.UsageError(str(exc)) from None
        self.fixed.extend(fixed)
        return new

    def write_baseline(self, baseline_file: str) -> None:
        from aiplint.baseline import Baseline, BaselineError

        try:
            Baseline.update(baseline_file, self.by_spec, self.apps)
        except BaselineError as exc:
            raise click.UsageError(str(exc)) from None
        total = sum(len(found) for found in self.by_spec.values())
        click.echo(f"Wrote {total} finding{'s' if total != 1 else ''} of {len(self.by_spec)} "
                   f"spec{'s' if len(self.by_spec) != 1 else ''} to {baseline_file}.", err=True)

    def report_fixed_baseline_entries(self) -> None:
        from aiplint.trust import printable

        if self.fixed and not self.quiet:
            click.echo(f"note: {len(self.fixed)} baseline entr{'y' if len(self.fixed) == 1 else 'ies'} no longer "
                       "occur (fixed); run with --write-baseline to shrink the baseline:", err=True)
            for entry in self.fixed:
                where = " ".join(part for part in (entry["method"], entry["path"]) if part)
                click.echo(printable(f"  {entry['file']}: {entry['rule']} {where}".rstrip()), err=True)

    def exit_status(self) -> int:
        if self.status == EXIT_CLEAN and any(f.severity.rank >= rank for f, rank in self.thresholds):
            return EXIT_FINDINGS
        return self.status


def crash_errors(crashes) -> list:
    """Rules that crashed, as errors of their file: the run is incomplete, and every report says so."""
    from aiplint.document import InputError

    return [InputError(crash.file, f"internal error in rule {crash.rule}: {crash.error}") for crash in crashes]


def _rank(severity: str) -> int:
    from aiplint.rule import Severity

    return Severity(severity).rank


def _check_against_revision(resolver, paths: tuple[str, ...], apps: list[tuple[str, str | None]], rev: str,
                            outputs: list, quiet: bool) -> None:
    """`check --diff-base REV`: each spec and application against itself at REV (all new where it did not exist
    there)."""
    from aiplint.app import AppError, diff_against_revision as diff_app, load_app
    from aiplint.diff import RevisionTrees, diff_against_revision
    from aiplint.document import InputError

    reports, errors, thresholds, seen = [], [], Thresholds(), {}
    with RevisionTrees() as trees:  # each revision extracted once for all the specs
        for path, walked_from in iter_spec_files(paths):
            config, rules = _config_for(resolver, path)
            thresholds.add(config)
            seen.update(rules)
            try:
                report, crashes = diff_against_revision(path, rev, config, rules, trees, walked_from=walked_from)
            except InputError as exc:
                errors.append(exc)
                continue
            errors += crash_errors(crashes)
            reports.append((path, report))
    for target, root in apps:
        try:
            current = load_app(target, root)
            config, rules = _config_for(resolver, current[0].home.file)
            compared = diff_app(target, current, rev, config, rules, root)
        except AppError as exc:
            errors.append(InputError(target, f"--app {exc}"))
            continue
        thresholds.add(config)
        seen.update(rules)
        for name, report, crashes in compared:
            errors += crash_errors(crashes)
            reports.append((name, report))
    _finish_diff(reports, seen, errors, thresholds, outputs, quiet)


class Thresholds:
    """The strictest `fail-on` and `fail-on-breaking` of the configurations a diff ran under."""

    _STRICTNESS = {"never": 0, "error": 1, "warning": 2}

    def __init__(self) -> None:
        self.findings = 3
        self.breaking = "never"

    def add(self, config) -> None:
        self.findings = min(self.findings, _rank(config.fail_on))
        if self._STRICTNESS[config.fail_on_breaking] > self._STRICTNESS[self.breaking]:
            self.breaking = config.fail_on_breaking


def _show_errors(errors: list) -> int:
    """The files that could not be linted, on stderr: EXIT_ERROR when there is one."""
    for error in errors:
        _say("error", str(error))
    return EXIT_ERROR if errors else EXIT_CLEAN


def _finish_diff(reports: list, rules: dict, errors: list, thresholds: Thresholds, outputs: list,
                 quiet: bool) -> None:
    """Write a diff: `text` and `json` as the diff report; the CI formats with the new findings and the breaking
    changes.  Every report names the files that could not be linted (`errors`, also on stderr)."""
    from aiplint import diff as differ
    from aiplint.compat import report as changes

    status = _show_errors(errors)
    _refuse_overwriting_inputs([file for _, file in outputs], {os.path.realpath(path) for path, _ in reports})
    report = differ.DiffReport.merge(report for _, report in reports)
    files = [path for path, _ in reports]
    for name, stream in _streams(outputs):
        if name == "text":
            differ.write_text(report, stream, quiet=quiet)
            failed = len({e.path for e in errors})
            if failed and not quiet:
                stream.write(f"Not compared: {failed} file{'s' if failed != 1 else ''} could not be linted.\n")
        elif name == "json":
            differ.write_json(report, stream, errors)
        else:
            found = report.new + changes.as_findings(report.breaking)
            _writers()[name](found, {**rules, **changes.rules()}, files, stream, errors=errors)
    if status == EXIT_CLEAN and (report.failed(thresholds.findings) or report.breaks(thresholds.breaking)):
        status = EXIT_FINDINGS
    click.get_current_context().exit(status)


@cli.command(epilog="""\b
Examples:
  aiplint diff old/openapi.yaml new/openapi.yaml
  aiplint diff specs-v1/ specs-v2/ --format json
""")
@click.argument("old", type=click.Path(exists=True))
@click.argument("new", type=click.Path(exists=True))
@_format_options
@_selection_options
@_fail_on_breaking_option
@click.option("-q", "--quiet", is_flag=True, help="Print new findings and breaking changes only.")
@_config_options
@_ref_root_option
def diff(old: str, new: str, formats: tuple[str, ...], output: str | None, profile: str | None, select: tuple[str, ...],
         ignore: tuple[str, ...], fail_on: str | None, fail_on_breaking: str | None, quiet: bool,
         config_file: str | None, isolated: bool, allow_plugins: bool, ref_root: str | None) -> None:
    """Compare two versions of a spec (two files, or two directories paired by relative path): new, fixed
    and unchanged findings, operations added, removed and moved, and every API change classified as breaking,
    potentially breaking or safe.  The configuration is NEW's.

    Exit status: 0 no new finding at or above --fail-on and no change breaking at --fail-on-breaking, 1 there is
    one, 2 usage or input error.
    """
    command_line = _command_line(profile, select, ignore, fail_on, fail_on_breaking=fail_on_breaking,
                                 ref_root=os.path.abspath(ref_root) if ref_root else None)
    outputs = _outputs(formats, output)
    _check_report_files(outputs, None)
    reports, errors, thresholds, seen = _compare_pairs(_resolver(config_file, isolated, allow_plugins, command_line),
                                                       old, new)
    _finish_diff(reports, seen, errors, thresholds, outputs, quiet)


def _compare_pairs(resolver, old: str, new: str, lint: bool = True) -> tuple[list, list, Thresholds, dict]:
    """Compare OLD and NEW (two files, or two directories paired by relative path): the reports by file, the
    files that could not be compared (InputErrors), the thresholds in force and the rules that ran."""
    from aiplint.diff import compare, load, pair_files
    from aiplint.document import InputError

    if os.path.isdir(old) != os.path.isdir(new):
        raise click.UsageError("OLD and NEW must both be files or both be directories")
    single = not os.path.isdir(new)
    reports, errors, thresholds, seen = [], [], Thresholds(), {}
    for old_path, new_path in ([(old, new)] if single else pair_files(old, new)):
        config, rules = _config_for(resolver, new_path or old_path)
        thresholds.add(config)
        seen.update(rules)
        try:
            documents = (load(old_path, walked_from=None if single else old),
                         load(new_path, project_root=config.ref_root, walked_from=None if single else new))
            if single and None in documents:
                path = old_path if documents[0] is None else new_path
                raise InputError(path, "not an OpenAPI document (no top-level `openapi` or `swagger` key)")
            if documents == (None, None):
                continue  # $ref'd fragments and other YAML in the directories
            report, crashes = compare(*documents, config, rules if lint else {})
        except InputError as exc:
            errors.append(exc)
            continue
        errors += crash_errors(crashes)
        reports.append((new_path or old_path, report))
    return reports, errors, thresholds, seen


@cli.command(epilog="""\b
Examples:
  aiplint changelog old/openapi.yaml new/openapi.yaml >> CHANGELOG.md
  aiplint changelog specs-v1/ specs-v2/ -o api-changes.md
""")
@click.argument("old", type=click.Path(exists=True))
@click.argument("new", type=click.Path(exists=True))
@click.option("--output", "-o", type=click.Path(dir_okay=False), help="Write the changelog here instead of stdout.")
@_config_options
def changelog(old: str, new: str, output: str | None, config_file: str | None, isolated: bool,
              allow_plugins: bool) -> None:
    """Print the API changes from OLD to NEW (two files, or two directories paired by relative path) as a
    Markdown changelog: breaking, potentially breaking, allowed by stability level, and other changes, by
    operation.  The configuration (stability overrides) is NEW's.

    Exit status: 0 written, 2 usage or input error.
    """
    from aiplint.compat.report import markdown
    from aiplint.diff import DiffReport

    reports, errors, _, _ = _compare_pairs(_resolver(config_file, isolated, allow_plugins), old, new, lint=False)
    status = _show_errors(errors)
    _refuse_overwriting_inputs([output], {os.path.realpath(path) for path, _ in reports})
    report = DiffReport.merge(report for _, report in reports)
    for _, stream in _streams([("markdown", output)]):
        stream.write(markdown(report.changes, f"API changes from {old} to {new}"))
    click.get_current_context().exit(status)


@cli.command("rules")
@click.option("--format", "output_format", type=click.Choice(["text", "markdown"]), default="text",
              help="markdown: the rule reference (docs/rules.md).")
@_config_options
def list_rules(output_format: str, config_file: str | None, isolated: bool, allow_plugins: bool) -> None:
    """List every installed rule: default severity per profile, the severity in force under the current
    configuration, its options, and a summary."""
    from aiplint.rule import PROFILES

    config, rules = _config_for(_resolver(config_file, isolated, allow_plugins), ".")
    if output_format == "markdown":
        click.echo(rules_markdown(rules), nl=False)
        return
    from aiplint.engine import base_settings

    width = max(len(rule_id) for rule_id in rules)
    click.echo(f"{'RULE':<{width}}  {'  '.join(f'{p:<8}' for p in PROFILES)}  {'ACTIVE':<8}  SUMMARY")
    for rule in rules.values():
        levels = "  ".join(f"{getattr(rule.severity_for(p), 'value', 'off'):<8}" for p in PROFILES)
        settings = base_settings(rule, config)
        active = settings.severity.value if settings and settings.severity else "off"
        click.echo(f"{rule.id:<{width}}  {levels}  {active:<8}  {rule.summary}")
        for name, value in (settings.options if settings else {}).items():
            click.echo(f"{'':<{width}}    {name} = {_toml(value)}")


def rules_markdown(rules) -> str:
    """The rule reference: a table of every rule, then each rule's documentation."""
    import inspect

    lines = ["# aiplint rules", "", "Generated by `aiplint rules --format markdown`; do not edit by hand.", "",
             "| rule | rest | aip | summary |", "| --- | --- | --- | --- |"]
    for rule in rules.values():
        levels = " | ".join(getattr(rule.severity_for(p), "value", "off") for p in ("rest", "aip"))
        anchor = rule.id.replace("/", "").replace(".", "")
        lines.append(f"| [`{rule.id}`](#{anchor}) | {levels} | {rule.summary} |")
    for rule in rules.values():
        lines += ["", f"## {rule.id}", "", f"{rule.summary}. Reference: [{rule.reference}]({rule.url})."]
        options = [f"- option `{name}` (default `{_toml(option.default)}`"
                   + "".join(f", `{p}`: `{_toml(v)}`" for p, v in option.profile_defaults.items())
                   + f"): {option.help}" for name, option in rule.options.items()]
        lines += ([""] + options if options else []) + ["", inspect.cleandoc(rule.doc).replace("\n## ", "\n### ")]
    return "\n".join(lines) + "\n"


def _toml(value) -> str:
    import json

    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, tuple):
        value = list(value)
    return json.dumps(value)


@cli.command("config")
@click.argument("path", default=".", type=click.Path())
@_config_options
def show_config(path: str, config_file: str | None, isolated: bool, allow_plugins: bool) -> None:
    """Print the configuration in force for PATH (default: this folder) and where each value came from."""
    config, rules = _config_for(_resolver(config_file, isolated, allow_plugins), path)
    click.echo(f"# configuration file: {config.path or '(none; defaults)'}")
    origin = config.origins
    values = {"profile": config.profile, "select": config.select, "ignore": config.ignore,
              "fail-on": config.fail_on, "inline-ignores": config.inline_ignores, "baseline": config.baseline,
              "ref-root": config.ref_root, "plugins": config.plugins, "app": config.app}
    for key, value in values.items():
        if value is not None:
            click.echo(f"{key} = {_toml(value):<40} # {origin.get(key, 'default')}")
    for rule_id, settings in config.rules.items():
        click.echo(f'\n[rules."{rule_id}"]  # {config.path}')
        if settings.severity:
            click.echo(f"severity = {_toml(settings.severity)}")
        for name, value in settings.options.items():
            click.echo(f"{name} = {_toml(value)}")
    for override in config.overrides:
        click.echo(f"\n[[overrides]]  # {config.path}")
        for key, globs in (("paths", override.paths), ("files", override.files)):
            if globs:
                click.echo(f"{key} = {_toml(globs)}")
        for rule_id, settings in override.rules.items():
            options = {**({"severity": settings.severity} if settings.severity else {}), **settings.options}
            click.echo(f'rules."{rule_id}" = {{ {", ".join(f"{k} = {_toml(v)}" for k, v in options.items())} }}')


@cli.command()
@click.argument("rule_id")
def explain(rule_id: str) -> None:
    """Print a rule's documentation, severities and options."""
    from aiplint.engine import available_rules

    rules = available_rules()
    rule = rules.get(rule_id)
    if rule is None:
        near = difflib.get_close_matches(rule_id, list(rules), n=1)
        raise click.UsageError(f"unknown rule `{rule_id}`" + (f"; did you mean `{near[0]}`?" if near else ""))
    severities = ", ".join(f"{p}: {s.value}" for p, s in rule.severities.items())
    click.echo(f"{rule.id}: {rule.summary}\n")
    click.echo(f"Reference: {rule.reference} ({rule.url})")
    click.echo(f"Default severity: {severities}")
    for name, option in rule.options.items():
        extra = "".join(f", {p}: {v!r}" for p, v in option.profile_defaults.items())
        click.echo(f"Option `{name}` (default {option.default!r}{extra}): {option.help}")
    click.echo("")
    click.echo(_dedent_doc(rule.doc))


def _dedent_doc(doc: str) -> str:
    import inspect

    return inspect.cleandoc(doc).strip()


def main() -> None:
    """Entry point: run the command, then leave without tearing down the parsed documents.

    The garbage collector stays off (a lint run is short and its objects live to the end), and the process
    exits with os._exit after flushing, which skips freeing a large document object by object."""
    gc.disable()
    try:
        code = cli.main(standalone_mode=False)
    except click.ClickException as exc:
        exc.show()
        code = EXIT_ERROR
    except click.exceptions.Exit as exc:
        code = exc.exit_code
    except click.Abort:
        click.echo("Aborted!", err=True)
        code = EXIT_ERROR
    except KeyboardInterrupt:
        code = 130
    try:
        sys.stdout.flush()
        sys.stderr.flush()
    except BrokenPipeError:
        pass
    os._exit(code if isinstance(code, int) else EXIT_CLEAN)


if __name__ == "__main__":
    main()
