"""The `aiplint` command line: options parsed here, the work done by the pipeline of `aiplint.run`.

Every problem aiplint reports (`aiplint.errors.AiplintError`) becomes the command line's error here and nowhere
else (`Command.invoke`): a `UsageError` after the command's usage line, as click shows its own, any other as one
`error:` line; both exit 2.  Each command imports the stages it runs where it runs them: `aiplint --version` or
`--help` loads neither the configuration nor the rules."""

from __future__ import annotations

import difflib
import gc
import json
import os
import sys
from typing import Any

import click

from aiplint import __version__
from aiplint.errors import AiplintError, UsageError
from aiplint.report.formats import FORMATS
from aiplint.run.console import say
from aiplint.run.exit import EXIT_CLEAN, EXIT_ERROR
from aiplint.run.options import CheckOptions, absolute, command_line

SEVERITIES = ("error", "warning", "info")
BREAKING_THRESHOLDS = ("error", "warning", "never")


class ErrorLine(click.ClickException):
    """A problem the user must fix that is not a misuse of the command line: one `error:` line, without click's
    usage preamble, exit 2."""

    exit_code = EXIT_ERROR

    def show(self, file: Any = None) -> None:
        say("error", self.message)


class Command(click.Command):
    """A command whose aiplint errors end as the command line's (pip's `base_command`): the one place that maps
    them to what the user sees and the exit status."""

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except UsageError as exc:
            raise click.UsageError(str(exc), ctx) from None
        except AiplintError as exc:
            raise ErrorLine(str(exc)) from None


class Group(click.Group):
    command_class = Command


@click.group(
    cls=Group,
    context_settings={"help_option_names": ["-h", "--help"]},
    epilog="""\b
Examples:
  aiplint check                       (this folder, as `aiplint check .`)
  aiplint check openapi.yaml
  aiplint check specs/ --format json
  aiplint check openapi.yaml --profile aip --select aip136/
  aiplint rules
  aiplint explain aip122/plural-collection
  aiplint server                      (the language server, for editors)
""",
)
@click.version_option(__version__, "--version", prog_name="aiplint")
def cli() -> None:
    """Lint OpenAPI documents for REST and Google AIP resource-oriented design."""


def _format_options(command):
    """--format (repeatable, NAME or NAME=FILE), --output and --color, shared by check and diff."""
    command = click.option("--color", type=click.Choice(["auto", "always", "never"]), default="auto",
                           help="Colour text output: auto (default: on a terminal, with FORCE_COLOR set, never with "
                                "NO_COLOR set), always or never.")(command)
    command = click.option("--output", "-o", type=click.Path(dir_okay=False),
                           help="Write the report of the one format given without a file here instead of to "
                                "stdout.")(command)
    return click.option("--format", "formats", multiple=True, metavar="NAME[=FILE]",
                        help=f"Report format: {', '.join(FORMATS)} (default text); repeat it for several reports, "
                             "e.g. --format text --format sarif=aiplint.sarif.")(command)


def _selection_options(command):
    """--profile, --select, --ignore and --fail-on, shared by check and diff (in diff, only new findings fail)."""
    for option in reversed([
        click.option("--profile", type=click.Choice(["rest", "aip"]), default=None,
                     help="rest (default): pragmatic REST; aip: strict Google AIP."),
        click.option("--select", multiple=True,
                     help="Only these rule ids or families (comma-separated, e.g. aip136/)."),
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


def _config_options(command):
    """--config, --isolated and --allow-plugins, shared by the commands that read the configuration."""
    command = click.option("--allow-plugins", is_flag=True,
                           help="Let the configuration run repository code (its `plugins` and `app`); also "
                                "AIPLINT_ALLOW_PLUGINS=1. Off: they are skipped with a note.")(command)
    command = click.option("--isolated", is_flag=True, help="Ignore every configuration file.")(command)
    return click.option("--config", "config_file", type=click.Path(dir_okay=False),
                        help="Read this configuration file (.aiplint.toml, or [tool.aiplint] in a pyproject.toml-style "
                             "file) and no other: none is looked for beside the specs.")(command)


def _ref_root_option(command):
    """--ref-root, for the commands that follow `$ref`s (check and diff)."""
    return click.option("--ref-root", type=click.Path(exists=True, file_okay=False),
                        help="The folder $refs may read from (default: the repository's root, or the spec's folder "
                             "outside a repository).")(command)


def _exit(code: int) -> None:
    click.get_current_context().exit(code)


@cli.command()
@click.argument("paths", nargs=-1, type=click.Path())
@click.option("--app", "apps", multiple=True, metavar="MODULE:ATTR",
              help="Lint a Python application's OpenAPI document (pkg.api:app, or a factory: pkg.api:create_app()); "
                   "importing it runs its code. Repeatable.")
@_format_options
@click.option("--show-source", is_flag=True, help="Text format: show each finding's source line with a caret.")
@click.option("--statistics", is_flag=True, help="Text format: a count per rule instead of the findings.")
@_selection_options
@click.option("-q", "--quiet", is_flag=True, help="Print findings only: no summary, no notes.")
@click.option("--exit-zero", is_flag=True, help="Exit 0 even when findings are at or above --fail-on (input "
                                                "errors still exit 2).")
@_config_options
@click.option("--exclude", multiple=True, metavar="PATTERN",
              help="Folders and files a walk skips (gitignore patterns, relative to this folder; repeatable), "
                   "instead of the configuration's `exclude`.")
@click.option("--extend-exclude", multiple=True, metavar="PATTERN", help="More of them, added to the others.")
@click.option("--force-exclude", is_flag=True,
              help="Apply the exclusions to files named on the command line too (for pre-commit).")
@click.option("--stdin-filename", metavar="PATH",
              help="The name of the spec read from standard input (`-`): reports use it, and its configuration "
                   "and $refs are found from it.")
@click.option("--no-inline-ignores", is_flag=True, help="Do not honour x-aiplint-ignore in the specs.")
@click.option("--baseline", "baseline_file", type=click.Path(dir_okay=False),
              help="Report only findings that are not in this baseline file.")
@click.option("--no-baseline", is_flag=True, help="Report every finding, also those in the configured baseline.")
@click.option("--write-baseline", type=click.Path(dir_okay=False),
              help="Record the current findings in this baseline file (other specs' entries stay) and exit 0.")
@click.option("--diff-base", metavar="GIT_REF",
              help="Compare with the specs at this git revision: report new and fixed findings and API changes; "
                   "new findings and breaking changes fail.")
@_fail_on_breaking_option
@_ref_root_option
@click.option("--no-cache", is_flag=True, help="Lint every spec afresh: neither read nor write the result cache "
                                               "(also AIPLINT_NO_CACHE=1).")
@click.option("--cache-dir", type=click.Path(file_okay=False),
              help="The result cache's folder (default: AIPLINT_CACHE_DIR, else .aiplint_cache in this folder).")
@click.option("--jobs", type=click.IntRange(min=1), metavar="N",
              help="Lint in at most N worker processes (default: one per usable core, when there is enough to "
                   "read); 1: all in this process.")
@click.option("--changed-since", metavar="GIT_REF",
              help="Lint only the specs that changed since this git revision, or whose $ref'd files or "
                   "configuration did (uncommitted and new untracked files included).")
@click.option("--fix", is_flag=True,
              help="Apply the safe fixes of the findings (marked [*]) to the specs and their $ref'd files, then "
                   "report what remains.")
@click.option("--unsafe-fixes", is_flag=True,
              help="With --fix or --diff, apply the fixes that change the API for its clients too (a path "
                   "renamed), each listed with what it breaks.")
@click.option("--diff", is_flag=True,
              help="Print the fixes --fix would make as a unified diff instead of writing them; exit 1 when there "
                   "is one.")
def check(**options) -> None:
    """Lint OpenAPI documents (files, or directories searched for *.yaml, *.yml, *.json; default: this folder;
    `-`: standard input) and Python applications (--app, or `app` in the configuration when no PATHS are given).
    A named file that is no OpenAPI document but is $ref'd by one (a fragment of a split spec) has that spec
    linted in its place; other files that are not OpenAPI are skipped.

    Exit status: 0 no finding at or above --fail-on, 1 there is one, 2 usage or input error.
    """
    from aiplint.run.pipeline import run_check

    options["exclude"] = options["exclude"] or None
    _exit(run_check(CheckOptions(**options)))


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
def diff(old: str, new: str, formats: tuple[str, ...], output: str | None, color: str, profile: str | None,
         select: tuple[str, ...], ignore: tuple[str, ...], fail_on: str | None, fail_on_breaking: str | None,
         quiet: bool, config_file: str | None, isolated: bool, allow_plugins: bool, ref_root: str | None) -> None:
    """Compare two versions of a spec (two files, or two directories paired by relative path): new, fixed
    and unchanged findings, operations added, removed and moved, and every API change classified as breaking,
    potentially breaking or safe.  The configuration is NEW's.

    Exit status: 0 no new finding at or above --fail-on and no change breaking at --fail-on-breaking, 1 there is
    one, 2 usage or input error.
    """
    from aiplint.run.pipeline import run_diff

    overrides = command_line(profile, select, ignore, fail_on, fail_on_breaking=fail_on_breaking,
                             ref_root=absolute(ref_root))
    _exit(run_diff(old, new, formats, output, overrides, colour=color, quiet=quiet, config_file=config_file,
                   isolated=isolated, allow_plugins=allow_plugins))


@cli.command(epilog="""\b
Examples:
  aiplint changelog old/openapi.yaml new/openapi.yaml | gh pr comment --body-file -
  aiplint changelog specs-v1/ specs-v2/ -o api-changes.md
  aiplint changelog old/openapi.yaml new/openapi.yaml --format html -o api-changes.html
""")
@click.argument("old", type=click.Path(exists=True))
@click.argument("new", type=click.Path(exists=True))
@click.option("--output", "-o", type=click.Path(dir_okay=False), help="Write the changelog here instead of stdout.")
@click.option("--format", "output_format", type=click.Choice(["markdown", "html"]), default="markdown",
              help="markdown (default), or html: one self-contained page, the changes grouped by file and kind, "
                   "with filters.")
@_config_options
def changelog(old: str, new: str, output: str | None, output_format: str, config_file: str | None, isolated: bool,
              allow_plugins: bool) -> None:
    """Print the API changes from OLD to NEW (two files, or two directories paired by relative path) as a
    Markdown changelog: a summary (counts by level and kind), then breaking, potentially breaking, allowed by
    stability level, and other changes, one entry per cause under the operations it affects, all but the breaking
    ones folded (`--format html`: a page of them).  On stdout it fits a pull-request comment (65,536 characters):
    the longest sections are cut, each saying how many changes it left out; `-o FILE` writes them all.  The
    configuration (stability overrides) is NEW's.

    Exit status: 0 written, 2 usage or input error.
    """
    from aiplint.run.pipeline import changelog as changes

    text, errors = changes(old, new, output, config_file, isolated, allow_plugins, output_format)
    if output is None:
        click.echo(text, nl=False)
    else:
        try:
            with open(output, "w", encoding="utf-8", newline="") as stream:
                stream.write(text)
        except OSError as exc:
            raise click.UsageError(f"--output {output}: cannot write the changelog: {exc.strerror}") from None
    _exit(EXIT_ERROR if errors else EXIT_CLEAN)


@cli.command("model", epilog="""\b
Examples:
  aiplint model openapi.yaml
  aiplint model openapi.yaml --format json | jq '.operations[] | select(.id_in == "query")'
""")
@click.argument("spec", type=click.Path(exists=True, dir_okay=False))
@click.option("--format", "output_format", type=click.Choice(["text", "json"]), default="text",
              help="json: for tools and tests.")
@_config_options
def show_model(spec: str, output_format: str, config_file: str | None, isolated: bool, allow_plugins: bool) -> None:
    """Print what aiplint understood of SPEC: its resources (collection, noun, parent, singleton) and, per
    operation, its kind (get, list, create, update, replace, delete, custom, batch, search, singleton-get, ...),
    the resource it acts on, where that resource's ID travels (path, query, body, none) and the evidence weighed.
    The rules read the same model.

    Exit status: 0 printed, 2 usage or input error.
    """
    from aiplint.api import model
    from aiplint.report.model import model_json, model_text

    config: str | dict[str, Any] | None = config_file if config_file is not None else ({} if isolated else None)
    api = model(spec, config=config, allow_plugins=allow_plugins)
    click.echo(model_json(api) if output_format == "json" else model_text(api), nl=False)


@cli.command("rules")
@click.option("--format", "output_format", type=click.Choice(["text", "json", "markdown"]), default="text",
              help="json: for tools; markdown: the rule reference (docs/rules.md).")
@_config_options
def list_rules(output_format: str, config_file: str | None, isolated: bool, allow_plugins: bool) -> None:
    """List every installed rule: default severity per profile, the severity in force under the current
    configuration, its options, and a summary."""
    from aiplint.config.settings import base_settings
    from aiplint.report.rule_docs import rules_json, rules_markdown, toml_value
    from aiplint.rule import PROFILES
    from aiplint.run.configure import resolver

    config, rules = resolver(config_file, isolated, allow_plugins).for_path(".")
    if output_format == "markdown":
        click.echo(rules_markdown(rules), nl=False)
        return
    if output_format == "json":
        click.echo(rules_json(rules, config))
        return
    width = max(len(rule_id) for rule_id in rules)
    click.echo(f"{'RULE':<{width}}  {'  '.join(f'{p:<8}' for p in PROFILES)}  {'ACTIVE':<8}  SUMMARY")
    for rule in rules.values():
        levels = "  ".join(f"{getattr(rule.severity_for(p), 'value', 'off'):<8}" for p in PROFILES)
        settings = base_settings(rule, config)
        active = settings.severity.value if settings and settings.severity else "off"
        click.echo(f"{rule.id:<{width}}  {levels}  {active:<8}  {rule.summary}")
        for name, value in (settings.options if settings else {}).items():
            click.echo(f"{'':<{width}}    {name} = {toml_value(value)}")


@cli.command("config")
@click.argument("path", default=".", type=click.Path())
@click.option("--schema", is_flag=True, help="Print the JSON Schema of the [tool.aiplint] table instead "
                                              "(docs/config.schema.json).")
@_config_options
def show_config(path: str, schema: bool, config_file: str | None, isolated: bool, allow_plugins: bool) -> None:
    """Print the configuration in force for PATH (default: this folder) and where each value came from."""
    from aiplint.config.options import json_schema
    from aiplint.report.config_docs import config_listing
    from aiplint.run.configure import resolver

    config, rules = resolver(config_file, isolated, allow_plugins).for_path(path)
    if schema:
        click.echo(json.dumps(json_schema(rules), indent=2))
        return
    click.echo(config_listing(config), nl=False)


@cli.command()
@click.argument("rule_id")
def explain(rule_id: str) -> None:
    """Print a rule's documentation, severities and options (or an API change kind's: `breaking/ID`,
    `change/ID`)."""
    from aiplint.compat.report import rules as change_kinds
    from aiplint.linting.registry import available_rules
    from aiplint.report.rule_docs import explanation

    rules = {**available_rules(), **change_kinds()}
    rule = rules.get(rule_id)
    if rule is None:
        near = difflib.get_close_matches(rule_id, list(rules), n=1)
        raise click.UsageError(f"unknown rule `{rule_id}`" + (f"; did you mean `{near[0]}`?" if near else ""))
    click.echo(explanation(rule))


@cli.command()
@click.option("--allow-plugins", is_flag=True,
              help="Let the workspace's configuration run repository code (its `plugins`); also "
                   "AIPLINT_ALLOW_PLUGINS=1, or `allowPlugins: true` in the editor's initialization options. Off: "
                   "the workspace is untrusted, as in `aiplint check`.")
def server(allow_plugins: bool) -> None:
    """Run the language server on stdin and stdout, for editors: the findings of `aiplint check` as diagnostics
    of the OpenAPI documents open (and of the files they $ref), with hovers and code actions.  Needs the
    `server` extra: pip install 'aiplint[server]'."""
    try:
        from aiplint.server.protocol import serve
    except ImportError as exc:
        raise ErrorLine(f"aiplint server needs pygls ({exc}): pip install 'aiplint[server]'") from None
    serve(allow_plugins)  # it lives on: it collects the documents of past edits itself, when the editing pauses


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
    except MemoryError:  # past every handler that could name a file: still one line, and not exit 1 (findings)
        click.echo("error: out of memory", err=True)
        code = EXIT_ERROR
    try:
        sys.stdout.flush()
        sys.stderr.flush()
    except (BrokenPipeError, ValueError):  # the reader left; or the language server's exit closed stdout
        pass
    os._exit(code if isinstance(code, int) else EXIT_CLEAN)


if __name__ == "__main__":
    main()
