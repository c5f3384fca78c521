"""One run of `aiplint check`, `diff` or `changelog`: which specs and applications, each under its file's
configuration, linted or compared with a git revision, the baseline applied, and every report written.

The command line (`aiplint.cli`) only parses options into a `CheckOptions` and calls `run_check`; problems a
user must fix (configuration, baseline, usage) are `Failure`s: one `error:` line, exit 2.
"""

from __future__ import annotations

import os
import sys
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Any, Callable, Iterable, Iterator, NamedTuple, overload

import click

from aiplint.report.formats import FORMATS, writer

if TYPE_CHECKING:
    from concurrent.futures import Future
    from multiprocessing.connection import Connection

    from aiplint.config import Config
    from aiplint.config.resolve import Resolver
    from aiplint.linting.baseline import Baseline
    from aiplint.linting.cache import Hit, ResultCache
    from aiplint.linting.engine import Linted
    from aiplint.linting.findings import Finding
    from aiplint.read.discovery import Finder, Patterns
    from aiplint.read.document import Document
    from aiplint.read.loading import InputError
    from aiplint.read.revisions import RevisionTrees
    from aiplint.rule import Rule

EXIT_CLEAN, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2
NOT_OPENAPI = "not an OpenAPI document (no top-level `openapi` or `swagger` key)"


def say(kind: str, message: str) -> None:
    """`error: ...` or `note: ...` on stderr, one line whatever the message quotes from a spec."""
    from aiplint.read.escaping import printable

    click.echo(f"{kind}: {printable(message)}", err=True)


class Failure(click.ClickException):
    """A problem the user must fix that is not a misuse of the command line (a configuration or baseline
    mistake): one `error:` line, without click's usage preamble, exit 2."""

    exit_code = EXIT_ERROR

    def show(self, file: Any = None) -> None:
        say("error", self.message)


def plural(n: int, noun: str, many: str | None = None) -> str:
    """`1 file`, `2 files`, `1 baseline entry`, `2 baseline entries`."""
    return f"{n} {noun if n == 1 else many or noun + 's'}"


# --------------------------------------------------------------------------------------------------
# Configuration


def resolver(config_file: str | None, isolated: bool, allow_plugins: bool, command_line: dict | None = None
             ) -> Resolver:
    from aiplint.config.resolve import Resolver
    from aiplint.linting.registry import RuleLoadError, available_rules

    if isolated and config_file:  # else --isolated would quietly drop the file: defaults where a file was meant
        raise click.UsageError("--isolated ignores every configuration file, the one --config names too; "
                               "--config FILE alone reads that file and no other")
    try:
        rules = available_rules()
    except RuleLoadError as exc:
        raise Failure(str(exc)) from None
    return Resolver(rules, config_file, isolated, command_line, allow_plugins, note=lambda text: say("note", text))


def config_for(resolver: Resolver, path: str) -> tuple[Config, dict[str, Rule]]:
    """A file's configuration and rules; a mistake in them is a `Failure`."""
    from aiplint.config import ConfigError

    try:
        return resolver.for_path(path)
    except ConfigError as exc:
        raise Failure(str(exc)) from None


def split_ids(values: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(part.strip() for value in values for part in value.split(",") if part.strip())


def command_line(profile: str | None, select: tuple[str, ...], ignore: tuple[str, ...], fail_on: str | None,
                 **more: object) -> dict:
    """The command-line options that override the configuration file (None and () mean: not given)."""
    return {"profile": profile, "select": split_ids(select), "ignore": split_ids(ignore), "fail_on": fail_on, **more}


# --------------------------------------------------------------------------------------------------
# Reports


def outputs(formats: tuple[str, ...], output: str | None) -> list[tuple[str, str | None]]:
    """(format, file or None for stdout) pairs.  An unknown format is a usage error, and so is `-o` with
    several formats that name no file of their own: it takes one report."""
    import difflib

    parsed = []
    for spec in formats or ("text",):
        name, _, file = spec.partition("=")
        if name not in FORMATS:
            near = difflib.get_close_matches(name, FORMATS, n=1)
            hint = f"; did you mean `{near[0]}`?" if near else ""
            raise click.UsageError(f"--format: unknown format `{name}`{hint} (choose from {', '.join(FORMATS)})")
        parsed.append((name, file or None))
    unnamed = [name for name, file in parsed if file is None]
    if output and len(unnamed) > 1:
        raise click.UsageError(f"-o/--output takes one report, not {' and '.join(unnamed)}: give the others a file "
                               "of their own (--format NAME=FILE)")
    return [(name, file or output) for name, file in parsed]


def check_report_files(reports: list[tuple[str, str | None]], write_baseline: str | None) -> None:
    """Before any work: two reports in one file (under any of its names) would leave only the last, and a missing
    folder fails."""
    written: dict[FileIdentity, str] = {}
    for name, file in reports:
        if file is not None and written.setdefault(file_identity(file), name) != name:
            raise click.UsageError(f"--format {name}: its report and the {written[file_identity(file)]} report "
                                   f"would both be written to {file}")
    for file in [file for _, file in reports if file] + ([write_baseline] if write_baseline else []):
        folder = os.path.dirname(os.path.abspath(file))
        if not os.path.isdir(folder):
            raise click.UsageError(f"{file}: cannot write there: no folder {folder}")


def refuse_overwriting_inputs(files: list[str | None], inputs: Iterable[str]) -> None:
    """A report or baseline written over a file the run read (a spec, a `$ref`'d file) would destroy it, under
    whatever name it is given: a symbolic or a hard link to it too."""
    reports = [file for file in files if file]
    read = {file_identity(path) for path in inputs} if reports else set()
    for file in reports:
        if file_identity(file) in read:
            raise click.UsageError(f"{file}: is a file this run lints; it is not overwritten with a report")


FileIdentity = tuple[int, int] | str


def file_identity(path: str) -> FileIdentity:
    """The file at `path` whatever name reaches it: its (device, inode), which every hard link to it shares (a
    real path does not: a hard link is a file of its own name); the real path of a file not made yet."""
    try:
        found = os.stat(path)
    except OSError:
        return os.path.realpath(path)
    return found.st_dev, found.st_ino


def import_what_reports_need(reports: list[tuple[str, str | None]], diff: bool = False) -> None:
    """Import the requested report writers (a writer's module imports all it uses) before the work starts: a run
    that ran out of memory must still write every report and its one-line errors, and importing needs memory."""
    import aiplint.read.escaping  # noqa: F401 - every error line
    import aiplint.report.text  # noqa: F401 - use_colour, for every report

    for name, _ in reports:
        writer(name)
    if diff:
        import aiplint.compat.diff  # noqa: F401 - the diff report
        import aiplint.compat.report  # noqa: F401
        import aiplint.report.diff  # noqa: F401 - its writers


def write_reports(reports: list[tuple[str, str | None]], report: Any, colour: str = "auto") -> None:
    """Each format to its stream (files are opened, written and closed in turn), coloured where `colour` says."""
    from aiplint.report.text import use_colour

    for name, file in reports:
        if file is None:
            writer(name)(replace(report, colour=use_colour(sys.stdout, colour)), sys.stdout)
            continue
        try:
            with open(file, "w", encoding="utf-8", newline="") as stream:
                writer(name)(replace(report, colour=colour == "always"), stream)
        except OSError as exc:
            raise click.UsageError(f"--format {name}={file}: cannot write the report: {exc.strerror}") from None


# --------------------------------------------------------------------------------------------------
# `aiplint check`


@dataclass(frozen=True)
class CheckOptions:
    """`aiplint check`'s options, as the command line gives them."""

    paths: tuple[str, ...] = ()
    apps: tuple[str, ...] = ()
    formats: tuple[str, ...] = ()
    output: str | None = None
    show_source: bool = False
    statistics: bool = False
    profile: str | None = None
    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    fail_on: str | None = None
    quiet: bool = False
    exit_zero: bool = False
    color: str = "auto"
    config_file: str | None = None
    isolated: bool = False
    allow_plugins: bool = False
    no_inline_ignores: bool = False
    baseline_file: str | None = None
    no_baseline: bool = False
    write_baseline: str | None = None
    diff_base: str | None = None
    fail_on_breaking: str | None = None
    ref_root: str | None = None
    exclude: tuple[str, ...] | None = None
    extend_exclude: tuple[str, ...] = ()
    force_exclude: bool = False
    stdin_filename: str | None = None
    no_cache: bool = False
    cache_dir: str | None = None


def run_check(options: CheckOptions) -> int:
    """Lint (or, with `diff_base`, compare) what the options name, write every report; the exit status."""
    if options.baseline_file and options.no_baseline:
        raise click.UsageError("--baseline and --no-baseline: give one")
    if options.stdin_filename and "-" not in options.paths:
        raise click.UsageError("--stdin-filename names what `-` reads: give `-` among the PATHS")
    reports = outputs(options.formats, options.output)
    check_report_files(reports, options.write_baseline)
    import_what_reports_need(reports, diff=options.diff_base is not None)
    overrides = command_line(options.profile, options.select, options.ignore, options.fail_on,
                             inline_ignores=False if options.no_inline_ignores else None,
                             fail_on_breaking=options.fail_on_breaking,
                             ref_root=os.path.abspath(options.ref_root) if options.ref_root else None)
    run = CheckRun(options, resolver(options.config_file, options.isolated, options.allow_plugins, overrides))
    apps = run.applications()
    paths = options.paths or (() if apps is not None else (".",))  # nothing named or configured: this folder
    apps = apps or []
    if options.diff_base:
        return run.compare(paths, apps, options.diff_base, reports)
    run.lint_files(paths)
    for target, root in apps:
        run.lint_app(target, root)
    refuse_overwriting_inputs([file for _, file in reports] + [options.write_baseline], run.inputs)
    if options.write_baseline:
        run.write_baseline(options.write_baseline)
        return run.status
    write_reports(reports, run.report(), options.color)
    run.report_fixed_baseline_entries()
    return run.exit_status()


class CheckRun:
    """The state of one `aiplint check`: findings, linted files, and the worst status so far."""

    def __init__(self, options: CheckOptions, resolver: Resolver):
        self.options = options
        self.resolver = resolver
        self.status = EXIT_CLEAN
        self.findings: list = []
        self.by_spec: dict[str, list] = {}  # everything found per spec, baseline aside (--write-baseline)
        self.thresholds: list[tuple[Finding, int]] = []  # (finding, fail-on rank of its spec's configuration)
        self.fixed: list[dict] = []  # baseline entries no longer found
        self.suppressed = {"baseline": 0, "inline": 0}
        self.files: list[str] = []
        self.apps: set[str] = set()  # the names of linted applications' documents (baseline keys)
        self.rules: dict = {}  # the rules that ran
        self.errors: list = []  # InputErrors: the files that could not be linted, for every report
        self.inputs: set[str] = set()  # the real paths of every file read, which no report may overwrite
        self._seen: set[str] = set()  # the real paths of the specs taken, each once
        self._baselines: dict[str, Baseline | None] = {}  # each baseline file read, None where it could not be
        self.cache = None if options.diff_base else _open_cache(options)

    def note(self, message: str) -> None:
        if not self.options.quiet:
            say("note", message)

    def fail(self, error: InputError, shown: str | None = None) -> None:
        say("error", shown or str(error))
        self.errors.append(error)
        self.status = EXIT_ERROR

    # -- what to lint

    def applications(self) -> list[tuple[str, str | None]] | None:
        """The applications to lint, each with the folder it is imported from (None: the current one): --app's,
        or, with no PATHS either, the configuration's `app`, which is repository code and runs only with the
        opt-in (without it: none, and a note).  None: no PATHS, no --app and no `app`."""
        if self.options.apps or self.options.paths:
            return [(target, None) for target in self.options.apps]
        from aiplint.read.trust import ALLOW_ENV, repository_code_allowed

        config, _ = config_for(self.resolver, ".")
        if not config.app:
            return None
        if not repository_code_allowed(self.options.allow_plugins):
            say("note", f"{config.path}: app = {', '.join(config.app)} not imported: importing runs the repository's "
                        f"code, which needs --allow-plugins or {ALLOW_ENV}=1")
            return []
        return [(target, config.folder) for target in config.app]

    def finder(self) -> Finder:
        """The files under the exclusions of each folder's configuration and of the command line."""
        from aiplint.read.discovery import Finder, Patterns

        given = self.options.exclude
        command_line = Patterns(os.getcwd(), (given or ()) + self.options.extend_exclude)
        by_config: dict[int, Patterns] = {}  # each configuration's patterns, compiled once

        def exclusions(folder: str) -> list[Patterns]:
            config, _ = config_for(self.resolver, folder)
            if id(config) not in by_config:
                by_config[id(config)] = Patterns(config.folder, (config.exclude if given is None else ())
                                                 + config.extend_exclude)
            return [by_config[id(config)], command_line]

        return Finder(exclusions, self.options.force_exclude)

    def specs(self, paths: tuple[str, ...]) -> Iterator[tuple[str, Document | None, Config, dict[str, Rule]]]:
        """(path, document or None, configuration, rules) for each file to lint: the files named and found,
        then, for each named file that is no OpenAPI document, the specs that reach it through `$ref`.  Files
        that cannot be read are reported and left out; each spec comes once."""
        from aiplint.read.loading import InputError

        finder = self.finder()
        fragments = []
        for job in self._jobs(paths, finder):
            try:
                document = job.open(None)[0]
            except InputError as exc:
                self.fail(exc)
                continue
            if document is None and job.walked_from is None:
                fragments.append(job.path)
            yield job.name, document, job.config, job.rules
        yield from self._fragment_roots(finder, fragments)

    def lint_files(self, paths: tuple[str, ...]) -> None:
        """Lint what `specs` would give, each file in a worker process when there are several and more than one
        core (the results are taken in the files' order, so reports do not depend on the workers)."""
        finder = self.finder()
        jobs = list(self._jobs(paths, finder))
        fragments = []
        for job, outcome in zip(jobs, outcomes(jobs, self.cache), strict=True):
            self._take_outcome(job.name, outcome, job.config, job.rules)
            if outcome.not_openapi and job.walked_from is None:
                fragments.append(job.path)
        for root, document, config, rules in self._fragment_roots(finder, fragments):
            if document is not None:
                self._take_outcome(root, lint_opened(document, config, rules), config, rules)

    def _take_outcome(self, name: str, outcome: Outcome, config: Config, rules: dict[str, Rule]) -> None:
        if outcome.error is not None:
            self.fail(outcome.error)
        elif outcome.linted is not None:
            self.inputs.update(outcome.files)
            self.files.append(name)
            self._record(name, outcome.linted, config, rules)

    def _jobs(self, paths: tuple[str, ...], finder: Finder) -> Iterator[Job]:
        """The files named and found, each once, with their configuration (standard input read now)."""
        from aiplint.read.loading import InputError

        for target in finder.targets(paths):
            if target.path == "-" and self._stdin_excluded(finder):
                continue
            name = self._name(target.path)
            config, rules = config_for(self.resolver, name)
            text = _read_stdin(name) if target.path == "-" else None
            if isinstance(text, InputError):
                self.fail(text)
                continue
            if text is None and not self._take(name):
                continue
            self.inputs.add(os.path.realpath(name))
            yield Job(target.path, name, target.walked_from, text, config, rules)

    def _fragment_roots(self, finder: Finder, fragments: list[str]
                        ) -> Iterator[tuple[str, Document | None, Config, dict[str, Rule]]]:
        """For each named file that is no OpenAPI document, the specs that reach it through `$ref`."""
        from aiplint.read.discovery import RootFinder

        roots = RootFinder(finder, self._open_root)
        for fragment in fragments:
            if fragment == "-":
                self.note(f"{self._name(fragment)}: {NOT_OPENAPI}; skipped")
                continue
            config, _ = config_for(self.resolver, fragment)
            found = roots.roots(fragment, config.roots, config.folder)
            if not found:
                self.note(f"{fragment}: {NOT_OPENAPI}; skipped")
            for root, document in found:
                self.note(f"{fragment}: linted as part of {root}, which $refs it")
                if self._take(root):
                    yield (root, document, *config_for(self.resolver, root))

    def _name(self, path: str) -> str:
        return (self.options.stdin_filename or "-") if path == "-" else path

    def _stdin_excluded(self, finder: Finder) -> bool:
        name = self.options.stdin_filename
        return bool(self.options.force_exclude and name and finder.excluded(name))

    def _take(self, path: str) -> bool:
        """Whether the spec at `path` is new to this run (a root may also be named, or reach two fragments)."""
        real = os.path.realpath(path)
        if real in self._seen:
            return False
        self._seen.add(real)
        return True

    def _open_root(self, path: str, walked_from: str) -> Document | None:
        """A candidate root spec for a fragment: a file that cannot be read is no candidate (it is another
        file's problem, reported when that file is linted)."""
        from aiplint.read.document import open_document
        from aiplint.read.loading import InputError

        config, _ = config_for(self.resolver, path)
        try:
            return open_document(path, project_root=config.ref_root, walked_from=walked_from)
        except InputError:
            return None

    # -- linting

    def lint_app(self, target: str, root: str | None) -> None:
        """An application's documents, each under the configuration of the file that defines the application."""
        from aiplint.integrations.app import AppError, load_app

        try:
            for document in load_app(target, root):
                config, rules = config_for(self.resolver, document.home.file)
                linted = document.lint(config, rules)
                if document.home.file not in self.files:  # a mounted application is defined beside its parent
                    self.files.append(document.home.file)
                self.apps.add(document.name)
                self._record(document.name, linted, config, rules)
        except AppError as exc:
            from aiplint.read.loading import InputError

            self.fail(InputError(target, f"--app {exc}"), f"--app {exc}")

    def _record(self, name: str, linted: Linted, config: Config, rules: dict[str, Rule]) -> None:
        from aiplint.config.settings import active_rules

        self.rules.update(active_rules(config, rules))
        for error in crash_errors(linted.crashes):
            self.fail(error)
        found = self.by_spec[name] = linted.findings
        self.suppressed["inline"] += linted.suppressed
        baseline = None if self.options.write_baseline or self.options.no_baseline else (
            self.options.baseline_file or config.baseline)
        if baseline:
            found = self._without_baseline(name, found, baseline)
        self.findings.extend(found)
        self.thresholds.extend((f, rank(config.fail_on)) for f in found)

    def _without_baseline(self, path: str, found: list, baseline_file: str) -> list:
        baseline = self._baseline(baseline_file)
        if baseline is None:
            return found
        new, fixed = baseline.split(path, found, key=path if path in self.apps else None)
        self.fixed.extend(fixed)
        self.suppressed["baseline"] += len(found) - len(new)
        return new

    def _baseline(self, baseline_file: str) -> Baseline | None:
        """The baseline file, read once a run.  One that cannot be read is an input error, shown once and named
        in every report, and the findings it was to filter are all reported: the other files are still linted."""
        from aiplint.linting.baseline import Baseline, BaselineError

        if baseline_file not in self._baselines:
            try:
                self._baselines[baseline_file] = Baseline.load(baseline_file)
            except BaselineError as exc:
                self._baselines[baseline_file] = None
                self.fail(exc)
        return self._baselines[baseline_file]

    # -- results

    def report(self) -> Any:
        from aiplint.linting.findings import Finding
        from aiplint.report.writer import Report

        return Report(sorted(self.findings, key=Finding.order), self.rules, self.files, self.errors,
                      self.suppressed, quiet=self.options.quiet, show_source=self.options.show_source,
                      statistics=self.options.statistics)

    def write_baseline(self, baseline_file: str) -> None:
        from aiplint.linting.baseline import Baseline, BaselineError

        try:
            Baseline.update(baseline_file, self.by_spec, self.apps)
        except BaselineError as exc:
            raise Failure(str(exc)) from None
        total = sum(len(found) for found in self.by_spec.values())
        click.echo(f"Wrote {plural(total, 'finding')} of {plural(len(self.by_spec), 'spec')} to {baseline_file}.",
                   err=True)

    def report_fixed_baseline_entries(self) -> None:
        from aiplint.read.escaping import printable

        if self.fixed and not self.options.quiet:
            n = len(self.fixed)
            click.echo(f"note: {plural(n, 'baseline entry', 'baseline entries')} no longer "
                       f"{'occurs' if n == 1 else 'occur'} (fixed); run with --write-baseline to shrink the "
                       "baseline:", err=True)
            for entry in self.fixed:
                where = " ".join(part for part in (entry["method"], entry["path"]) if part)
                click.echo(printable(f"  {entry['file']}: {entry['rule']} {where}".rstrip()), err=True)

    def exit_status(self) -> int:
        if self.status == EXIT_CLEAN and any(f.severity.rank >= rank for f, rank in self.thresholds):
            return EXIT_CLEAN if self.options.exit_zero else EXIT_FINDINGS
        return self.status

    # -- against a git revision

    def compare(self, paths: tuple[str, ...], apps: list[tuple[str, str | None]], rev: str,
                reports: list[tuple[str, str | None]]) -> int:
        """`check --diff-base REV`: each spec and application against itself at REV (all new where it did not
        exist there), and each spec the walk of a folder found at REV that is no spec of this run (deleted,
        renamed, ignored or excluded) as every operation removed, or against its new name (`pair_renamed`)."""
        from aiplint.config.settings import active_rules
        from aiplint.integrations.app import AppError, load_app
        from aiplint.integrations.app import diff_against_revision as diff_app
        from aiplint.read.loading import InputError
        from aiplint.read.revisions import RevisionTrees

        pairs = PairedReports(self.fail, rev)
        thresholds, seen = Thresholds(), {}
        with RevisionTrees() as trees:  # each revision extracted once for all the specs
            added: list[Side] = []  # specs new since REV, compared (in their place) once renames are paired
            documents: list[Document] = []  # what they `$ref` is known once they are compared
            for path, document, config, rules in self.specs(paths):
                thresholds.add(config)
                seen.update(active_rules(config, rules))
                try:
                    old = trees.document(path, rev, config.ref_root)
                except InputError as exc:
                    self.fail(exc)
                    continue
                if document is not None:
                    documents.append(document)
                if old is None and document is not None:
                    added.append(Side(path, document, config, rules, pairs.reserve()))
                else:
                    pairs.compare(Side(path, old, config, rules), Side(path, document, config, rules))
            gone = list(self._gone_since(paths, rev, trees))
            for side in gone:
                thresholds.add(side.config)
                seen.update(active_rules(side.config, side.rules))
            pairs.compare_renames(added, gone)
        self.inputs.update(source for document in documents for source in document.sources)
        compared = pairs.reports()
        for target, root in apps:
            try:
                current = load_app(target, root)
                config, rules = config_for(self.resolver, current[0].home.file)
                found = diff_app(target, current, rev, config, rules, root)
            except AppError as exc:
                self.fail(InputError(target, f"--app {exc}"))
                continue
            thresholds.add(config)
            seen.update(active_rules(config, rules))
            for name, report, crashes in found:
                for error in crash_errors(crashes):
                    self.fail(error)
                compared.append((name, report))
        return finish_diff(compared, seen, self.errors, thresholds, reports, self.options.quiet, self.options.color,
                           self.options.exit_zero, self.inputs)

    def _gone_since(self, paths: tuple[str, ...], rev: str, trees: RevisionTrees) -> Iterator[Side]:
        """The specs a walk of the folders named found at REV, under REV's own rules, that this run has not
        taken (deleted, renamed, ignored or excluded since), each with the configuration of its path here."""
        from aiplint.read.loading import InputError

        for folder in paths:
            if folder == "-" or not os.path.isdir(folder):
                continue
            try:
                found = list(self._walk_at(folder, rev, trees))
            except InputError as exc:  # not in a repository, an unknown revision: unless a spec here said so
                if exc.message not in {error.message for error in self.errors}:
                    self.fail(exc)
                continue
            for path in found:
                if os.path.realpath(path) in self._seen:
                    continue
                config, rules = config_for(self.resolver, path)
                try:
                    old = trees.document(path, rev, config.ref_root)
                except InputError as exc:
                    self.fail(exc)
                    continue
                if old is not None and self._take(path):
                    yield Side(path, old, config, rules)

    def _walk_at(self, folder: str, rev: str, trees: RevisionTrees) -> Iterator[str]:
        """The files a walk of `folder` finds at REV, named as here: under REV's `.gitignore` files and the
        `exclude` of REV's configuration files (not this tree's, which the change under review may have
        edited), with the command line's and a `--config` file's exclusions as for this tree."""
        from aiplint.read.discovery import Finder

        top, prefix, _, tree = trees.tree(os.path.abspath(folder), rev, folder)
        exclusions = RevisionExclusions(self, os.path.realpath(top), os.path.realpath(tree), rev)
        start = os.path.join(exclusions.tree, prefix)
        for found in Finder(exclusions, repository=exclusions.tree).walk(start):
            yield os.path.normpath(os.path.join(folder, os.path.relpath(found, start)))


class RevisionExclusions:
    """The exclusions in force in each folder of a revision's tree (`top`'s, extracted at `tree`): its own
    configuration files' (found up to the tree's root) or the `--config` file's (as REV has it, when it is in the
    repository), and the command line's."""

    def __init__(self, run: CheckRun, top: str, tree: str, rev: str):
        from aiplint.read.discovery import Patterns

        self.run, self.top, self.tree, self.rev = run, top, tree, rev
        self.replaced = run.options.exclude is not None  # the command line's `--exclude` replaces `exclude`
        self.command_line = Patterns(self.in_tree(os.getcwd()), (run.options.exclude or ())
                                     + run.options.extend_exclude)
        self._by_file: dict[str | None, Patterns] = {}
        self._searched: dict = {}

    def in_tree(self, path: str) -> str:
        """A path of the work tree at the same place in the revision's tree."""
        return os.path.normpath(os.path.join(self.tree, os.path.relpath(os.path.realpath(path), self.top)))

    def __call__(self, folder: str) -> list[Patterns]:
        from aiplint.config.files import find_config_file

        resolver = self.run.resolver
        if resolver.isolated:
            return [self.command_line]
        named = resolver.config_file
        file = self._at_revision(named) if named else find_config_file(folder, self._searched, ceiling=self.tree)
        key = str(file) if file else None
        if key not in self._by_file:
            self._by_file[key] = self._patterns(key)
        return [self._by_file[key], self.command_line]

    def _at_revision(self, named: str) -> str | None:
        """The `--config` file as REV has it when it is in the repository (the change under review may have
        edited it; None: REV has none there), else the file itself: one outside the repository, or one git does
        not track, which no commit under review can have written (the Action's copy of the base's configuration)."""
        from aiplint.read.trust import is_within

        real = os.path.realpath(named)
        if not is_within(real, self.top) or not self._tracked(real):
            return real
        file = self.in_tree(real)
        return file if os.path.isfile(file) else None

    def _tracked(self, path: str) -> bool:
        import subprocess

        listed = subprocess.run(["git", "-C", self.top, "ls-files", "--error-unmatch", "--", path],
                                capture_output=True)
        return listed.returncode == 0

    def _patterns(self, file: str | None) -> Patterns:
        from pathlib import Path

        from aiplint.config import ConfigError
        from aiplint.config.options import exclusions_of
        from aiplint.read.discovery import Patterns
        from aiplint.read.loading import InputError
        from aiplint.read.trust import is_within

        if file is None:
            return Patterns(self.tree, ())
        try:
            exclude, extend = exclusions_of(Path(file))
        except ConfigError as exc:  # named as in the work tree, not in the temporary one
            shown = os.path.relpath(file, self.tree) if file.startswith(self.tree + os.sep) else file
            self.run.fail(InputError(shown, f"at git revision {self.rev!r}: {str(exc).removeprefix(f'{file}: ')}"))
            exclude, extend = (), ()
        folder = os.path.dirname(file)
        if is_within(folder, self.top):  # a file of the work tree (untracked): its patterns mean the same folder
            folder = self.in_tree(folder)
        return Patterns(folder, (() if self.replaced else exclude) + extend)


class Side(NamedTuple):
    """One side of a comparison with a git revision: a spec's path here, its document (None: no spec), its
    configuration and rules, and the slot of `compared` its report fills (None: the next one)."""

    path: str
    document: Document | None
    config: Config
    rules: dict[str, Rule]
    slot: int | None = None


@dataclass(frozen=True)
class Job:
    """One file to lint: its path as found, the name reports give it, the folder whose walk found it, the text
    standard input gave, and its configuration and rules."""

    path: str
    name: str
    walked_from: str | None
    text: str | None
    config: Config
    rules: dict[str, Rule]

    @overload
    def open(self, cache: None) -> tuple[Document | None, str | None]: ...
    @overload
    def open(self, cache: ResultCache | None) -> tuple[Document | Hit | None, str | None]: ...

    def open(self, cache: ResultCache | None) -> tuple[Document | Hit | None, str | None]:
        """(the document, what the cache holds for it, or None for a file that is no OpenAPI document; the
        cache key to store its findings under).  Raises InputError."""
        from aiplint.read.document import open_document
        from aiplint.read.loading import read_spec

        raw = read_spec(self.name, self.walked_from) if self.text is None else None
        key = None
        if raw is not None and cache is not None:
            key = cache.key(self.name, raw, self.config, self.rules)
            hit = cache.get(key, os.path.realpath(self.name))
            if hit is not None:
                return hit, None
        return open_document(self.name, self.text, raw=raw, project_root=self.config.ref_root), key


@dataclass(frozen=True)
class Outcome:
    """What linting one file gave: its findings and the files it read, the error that stopped it, or that it is
    no OpenAPI document.  Crosses from a worker process to the main one."""

    linted: Linted | None = None
    files: tuple[str, ...] = ()
    error: InputError | None = None
    not_openapi: bool = False


def lint_job(job: Job, cache: ResultCache | None) -> Outcome:
    """Open a file (or find it in the cache) and lint it."""
    from aiplint.linting.cache import Hit
    from aiplint.linting.engine import Linted
    from aiplint.read.loading import InputError

    try:
        document, key = job.open(cache)
    except InputError as exc:
        return Outcome(error=exc)
    if document is None:
        return Outcome(not_openapi=True)
    if isinstance(document, Hit):
        return Outcome(Linted(document.findings, [], None, document.suppressed), tuple(document.inputs))
    outcome = lint_opened(document, job.config, job.rules)
    if cache is not None and key is not None and outcome.linted is not None:
        cache.put(key, outcome.linted, document.root.abspath, document.refs.digests)
    return outcome


def lint_opened(document: Document, config: Config, rules: dict[str, Rule]) -> Outcome:
    from aiplint.linting.engine import lint_document
    from aiplint.read.loading import InputError

    try:
        linted = replace(lint_document(document, config, rules), api=None)  # the model stays in its process
    except InputError as exc:
        return Outcome(error=exc)
    return Outcome(linted, tuple(document.sources))


# A worker reaches the jobs through this, inherited when it is forked, rather than having them pickled.
_PENDING: tuple[list[Job], ResultCache | None] = ([], None)
_PARALLEL_BYTES = 512 * 1024  # below this much to read, starting workers costs more than it saves


def outcomes(jobs: list[Job], cache: ResultCache | None) -> Iterator[Outcome]:
    """Each job's outcome, in order: in worker processes (one per usable core) when there are several files
    and enough to read, else here.  When a worker dies, the jobs it left undone are linted again one by one."""
    global _PENDING

    workers = min(len(jobs), _usable_cores())
    sizes = [_bytes_to_read(job) for job in jobs]
    if workers < 2 or sys.platform != "linux" or sum(sizes) < _PARALLEL_BYTES:
        return (lint_job(job, cache) for job in jobs)
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    _import_what_workers_need()
    _PENDING = (jobs, cache)
    largest_first = sorted(range(len(jobs)), key=lambda index: -sizes[index])  # no large file left for the end
    with ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("fork")) as pool:
        futures = {index: pool.submit(_lint_pending, index) for index in largest_first}
        done = {index: _outcome_unless_the_pool_broke(future) for index, future in futures.items()}
    return (done[index] or _lint_alone(index) for index in range(len(jobs)))


def _outcome_unless_the_pool_broke(future: Future[Outcome]) -> Outcome | None:
    """A worker's outcome; None when a worker died before giving it (all the jobs not yet done then fail)."""
    from concurrent.futures.process import BrokenProcessPool

    try:
        return future.result()
    except BrokenProcessPool:
        return None


def _lint_alone(index: int) -> Outcome:
    """A job left undone when a worker died, linted again in a process of its own, not in this one: the file that
    killed the worker (the kernel's out-of-memory killer, a crash in a parser's C code) would kill the run and
    every report with it.  One that kills its own process too is its file's input error."""
    import multiprocessing

    from aiplint.read.loading import InputError

    context = multiprocessing.get_context("fork")
    receiver, sender = context.Pipe(duplex=False)
    process = context.Process(target=_send_outcome, args=(index, sender))
    process.start()
    sender.close()  # the child's copy is the only writer left: its death is the end of the pipe
    try:
        outcome = receiver.recv()
    except EOFError:  # it died before sending
        outcome = None
    finally:
        receiver.close()
        process.join()
    if isinstance(outcome, BaseException):
        raise outcome
    if outcome is not None:
        return outcome
    name = _PENDING[0][index].name
    return Outcome(error=InputError(name, f"the process linting it died ({_death(process.exitcode)}); not linted"))


def _send_outcome(index: int, sender: Connection) -> None:
    """The outcome, or the exception, raised in the parent as the pool would (a child would print a traceback)."""
    try:
        outcome: Outcome | BaseException = _lint_pending(index)
    except BaseException as exc:  # noqa: BLE001 - every exception crosses to the parent, none is printed here
        outcome = exc
    sender.send(outcome)
    sender.close()


def _death(exit_code: int | None) -> str:
    import signal

    if exit_code is not None and exit_code < 0:
        return f"killed by {signal.Signals(-exit_code).name}"
    return f"exit status {exit_code}"


def _import_what_workers_need() -> None:
    """Import the linting modules and read the word lists once, before the workers are forked with them."""
    import orjson  # noqa: F401
    import yaml_rs  # noqa: F401

    from aiplint.linting.engine import lint_document  # noqa: F401
    from aiplint.model.lexicon import Lexicon

    Lexicon.of().noun_number("jobs")


def _lint_pending(index: int) -> Outcome:
    jobs, cache = _PENDING
    return lint_job(jobs[index], cache)


def _usable_cores() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:
        return os.cpu_count() or 1


def _bytes_to_read(job: Job) -> int:
    try:
        return os.stat(job.name).st_size if job.text is None else len(job.text)
    except OSError:
        return 0


def _open_cache(options: CheckOptions) -> ResultCache | None:
    from aiplint.linting.cache import open_cache

    return open_cache(options.cache_dir, enabled=not options.no_cache)


def _read_stdin(name: str) -> str | InputError:
    """The text `-` stands for (read once), or the error reading it."""
    from aiplint.read.loading import InputError, decode

    try:
        return decode(name, sys.stdin.buffer.read())
    except InputError as exc:
        return exc
    except OSError as exc:
        return InputError(name, f"cannot read standard input: {exc.strerror or exc}")


def crash_errors(crashes: list) -> list:
    """Rules that crashed, as errors of their file: the run is incomplete, and every report says so."""
    from aiplint.read.loading import InputError

    return [InputError(crash.file, f"internal error in rule {crash.rule}: {crash.error}") for crash in crashes]


def rank(severity: str) -> int:
    from aiplint.rule import Severity

    return Severity(severity).rank


class Thresholds:
    """The strictest `fail-on` and `fail-on-breaking` of the configurations a diff ran under."""

    _STRICTNESS = {"never": 0, "error": 1, "warning": 2}

    def __init__(self) -> None:
        self.findings = 3
        self.breaking = "never"

    def add(self, config: Config) -> None:
        self.findings = min(self.findings, rank(config.fail_on))
        if self._STRICTNESS[config.fail_on_breaking] > self._STRICTNESS[self.breaking]:
            self.breaking = config.fail_on_breaking


# --------------------------------------------------------------------------------------------------
# Diffs: `check --diff-base`, `aiplint diff`, `aiplint changelog`


def finish_diff(compared: list, rules: dict, errors: list, thresholds: Thresholds, reports: list, quiet: bool,
                colour: str = "auto", exit_zero: bool = False, read: Iterable[str] = ()) -> int:
    """Write a diff (`text`, `json` and `markdown` as the diff report, the CI formats with the new findings and
    the breaking changes, SARIF with every finding's baseline state); the exit status.  `errors`: the files that
    could not be compared, already shown, named in every report; `read`: files besides the compared specs that
    no report may overwrite."""
    from aiplint.compat import report as changes
    from aiplint.compat.diff import DiffReport
    from aiplint.report.writer import Report

    refuse_overwriting_inputs([file for _, file in reports], [*(path for path, _ in compared), *read])
    report = DiffReport.merge(report for _, report in compared)
    found = report.new + changes.as_findings(report.breaking)
    write_reports(reports, Report(found, {**rules, **changes.rules()}, [path for path, _ in compared], errors,
                                  diff=report, quiet=quiet), colour)
    if errors:
        return EXIT_ERROR
    if report.failed(thresholds.findings) or report.breaks(thresholds.breaking):
        return EXIT_CLEAN if exit_zero else EXIT_FINDINGS
    return EXIT_CLEAN


def compare_pairs(resolver: Resolver, old: str, new: str, lint: bool = True
                  ) -> tuple[list, list, Thresholds, dict, set[str]]:
    """Compare OLD and NEW (two files, or two directories paired by relative path, then a spec only in OLD
    with one only in NEW that is the same API renamed: `pair_renamed`): the reports by file, the files that
    could not be compared (InputErrors, shown), the thresholds in force, the rules that ran and the files read
    on both sides (specs and what they `$ref`), which no report may overwrite."""
    from aiplint.config.settings import active_rules
    from aiplint.read.discovery import pair_files
    from aiplint.read.document import open_optional
    from aiplint.read.loading import InputError

    if os.path.isdir(old) != os.path.isdir(new):
        raise click.UsageError("OLD and NEW must both be files or both be directories")
    single = not os.path.isdir(new)
    errors: list = []

    def fail(error: InputError) -> None:
        say("error", str(error))
        errors.append(error)

    pairs = PairedReports(fail)
    thresholds, ran = Thresholds(), {}
    came: list[Side] = []  # specs only in NEW, and only in OLD: compared once renames are paired
    gone: list[Side] = []
    read: set[str] = set()
    loaded: list[Document] = []  # what they `$ref` is known once they are compared
    for old_path, new_path in ([(old, new)] if single else pair_files(old, new)):
        name = new_path or old_path or ""  # never both None
        config, rules = config_for(resolver, name)
        thresholds.add(config)
        ran.update(active_rules(config, rules) if lint else {})
        rules = rules if lint else {}
        read.update(path for path in (old_path, new_path) if path is not None)
        try:
            before = open_optional(old_path, walked_from=None if single else old)
            after = open_optional(new_path, project_root=config.ref_root, walked_from=None if single else new)
            if single and None in (before, after):
                raise InputError(old if before is None else new, NOT_OPENAPI)
        except InputError as exc:
            pairs.fail(exc)
            continue
        loaded.extend(document for document in (before, after) if document is not None)
        if before is None and after is None:
            continue  # $ref'd fragments and other YAML in the directories
        if before is None or after is None:
            (came if before is None else gone).append(Side(name, after or before, config, rules, pairs.reserve()))
        else:
            pairs.compare(Side(name, before, config, rules), Side(name, after, config, rules))
    pairs.compare_renames(came, gone)
    read.update(source for document in loaded for source in document.sources)
    return pairs.reports(), errors, thresholds, ran, read


class PairedReports:
    """The reports of a diff's spec pairs, in their order, and the `fail` for what could not be compared.  A
    spec found on one side only keeps its place while the renamed ones are paired (`pair_renamed`).  `rev`: the
    git revision the old specs are at (`check --diff-base`), whose findings are named as in the work tree."""

    def __init__(self, fail: Callable[[InputError], Any], rev: str | None = None):
        self.fail, self.rev = fail, rev
        self._reports: list = []  # (name, DiffReport), or None for a place kept

    def reserve(self) -> int:
        self._reports.append(None)
        return len(self._reports) - 1

    def reports(self) -> list:
        return [entry for entry in self._reports if entry is not None]

    def compare(self, old: Side | None, new: Side) -> None:
        """`old` (None: no spec) against `new` (its document None: none), the report in `new`'s place."""
        from aiplint.compat.diff import compare, compare_with_revision
        from aiplint.read.loading import InputError

        before = old.document if old is not None else None
        try:
            if self.rev is None:
                report, crashes = compare(before, new.document, new.config, new.rules)
            else:
                report, crashes = compare_with_revision(before, new.document, (old or new).path, self.rev,
                                                        new.config, new.rules)
        except InputError as exc:
            self.fail(exc)
            return
        for error in crash_errors(crashes):
            self.fail(error)
        if new.slot is None:
            self._reports.append((new.path, report))
        else:
            self._reports[new.slot] = (new.path, report)

    def compare_renames(self, came: list[Side], gone: list[Side]) -> None:
        """The specs only in NEW against the ones only in OLD (their documents the old ones) that they rename,
        the rest against nothing (a renamed one's own place stays empty)."""
        from aiplint.compat.matching import pair_renamed

        pairs = pair_renamed([side.document for side in came], [side.document for side in gone])
        for index, side in enumerate(came):
            self.compare(gone[pairs[index]] if index in pairs else None, side)
        for index, side in enumerate(gone):
            if index not in pairs.values():
                self.compare(side, side._replace(document=None))
