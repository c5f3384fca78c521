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


def _split_ids(values: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(part.strip() for value in values for part in value.split(",") if part.strip())


def _check_ids(ids: tuple[str, ...], known: list[str], option: str) -> None:
    """An unknown rule id or family is a usage error, with the nearest known id."""
    families = {rule_id.split("/")[0] for rule_id in known}
    for rule_id in ids:
        if rule_id == "ALL" or rule_id in known or rule_id.rstrip("/") in families:
            continue
        near = difflib.get_close_matches(rule_id, known + sorted(families), n=1)
        hint = f"; did you mean `{near[0]}`?" if near else ""
        raise click.UsageError(f"{option}: unknown rule `{rule_id}`{hint}")


def iter_spec_files(paths: tuple[str, ...]) -> Iterator[tuple[str, bool]]:
    """Files to lint, each with whether the user named it (directories yield their YAML and JSON files,
    skipping hidden folders and node_modules)."""
    for path in paths:
        if not os.path.isdir(path):
            yield path, True
            continue
        for folder, dirs, files in os.walk(path):
            dirs[:] = sorted(d for d in dirs if not d.startswith(".") and d != "node_modules")
            for name in sorted(files):
                if name.endswith(SPEC_SUFFIXES):
                    yield os.path.join(folder, name), False


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


@cli.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path())
@click.option("--format", "output_format", type=click.Choice(["text", "json"]), default="text", show_default=True)
@click.option("--profile", type=click.Choice(["rest", "aip"]), default="rest", show_default=True,
              help="rest: pragmatic REST; aip: strict Google AIP.")
@click.option("--select", multiple=True, help="Only these rule ids or families (comma-separated, e.g. aip136/).")
@click.option("--ignore", multiple=True, help="Skip these rule ids or families (comma-separated).")
@click.option("--fail-on", type=click.Choice(SEVERITIES), default="error", show_default=True,
              help="Exit 1 when a finding has at least this severity.")
@click.option("-q", "--quiet", is_flag=True, help="Print findings only: no summary, no skip notes.")
def check(paths: tuple[str, ...], output_format: str, profile: str, select: tuple[str, ...],
          ignore: tuple[str, ...], fail_on: str, quiet: bool) -> None:
    """Lint OpenAPI documents (files, or directories searched for *.yaml, *.yml, *.json).

    Exit status: 0 no finding at or above --fail-on, 1 there is one, 2 usage or input error.
    """
    from aiplint.document import InputError, open_document
    from aiplint.engine import RuleLoadError, Selection, available_rules, run_rules
    from aiplint.output import use_colour, write_json, write_text
    from aiplint.rule import Severity

    try:
        rules = available_rules()
    except RuleLoadError as exc:
        raise click.ClickException(str(exc)) from None
    select_ids, ignore_ids = _split_ids(select), _split_ids(ignore)
    _check_ids(select_ids, list(rules), "--select")
    _check_ids(ignore_ids, list(rules), "--ignore")
    selection = Selection(profile=profile, select=select_ids, ignore=ignore_ids)

    status = EXIT_CLEAN
    findings = []
    linted = 0
    for path, named in iter_spec_files(paths):
        try:
            document = open_document(path)
        except InputError as exc:
            click.echo(f"error: {exc}", err=True)
            status = EXIT_ERROR
            continue
        if document is None:
            if named and not quiet:
                click.echo(f"note: {path}: not an OpenAPI document (no top-level `openapi` or `swagger` key); "
                           "skipped", err=True)
            continue
        linted += 1
        found, crashes = run_rules(document, selection, rules)
        findings.extend(found)
        for crash in crashes:
            click.echo(f"error: {crash.file}: internal error in rule {crash.rule}: {crash.error}", err=True)
            status = EXIT_ERROR

    findings.sort(key=lambda f: (f.file, f.line, f.column, f.rule))
    if output_format == "json":
        write_json(findings, linted, sys.stdout)
    else:
        write_text(findings, linted, sys.stdout, use_colour(sys.stdout), quiet)
    threshold = Severity(fail_on).rank
    if status == EXIT_CLEAN and any(f.severity.rank >= threshold for f in findings):
        status = EXIT_FINDINGS
    click.get_current_context().exit(status)


@cli.command("rules")
@click.option("--profile", type=click.Choice(["rest", "aip"]), default=None,
              help="Show the severities of one profile only.")
def list_rules(profile: str | None) -> None:
    """List every installed rule: id, default severity per profile, summary."""
    from aiplint.engine import available_rules
    from aiplint.rule import PROFILES

    rules = available_rules()
    profiles = (profile,) if profile else PROFILES
    width = max(len(rule_id) for rule_id in rules)
    header = "  ".join(f"{p:<8}" for p in profiles)
    click.echo(f"{'RULE':<{width}}  {header}  SUMMARY")
    for rule in rules.values():
        levels = "  ".join(f"{getattr(rule.severity_for(p), 'value', 'off'):<8}" for p in profiles)
        click.echo(f"{rule.id:<{width}}  {levels}  {rule.summary}")


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
