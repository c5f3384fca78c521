"""Configuration: discovery, validation with did-you-mean, command-line precedence, overrides, plugins."""

from __future__ import annotations

import json
import textwrap

from click.testing import CliRunner
from conftest import FIXTURES

from aiplint.cli import cli

EXAMPLE = (FIXTURES / "examples" / "petstore-jobs.yaml").read_text()
LEGACY = """openapi: 3.1.0
info: {title: t, version: "1"}
paths:
  /v1/legacy/user/{user_id}:
    get:
      parameters: [{name: user_id, in: path, required: true, schema: {type: string}}]
      responses: {"200": {description: ok}}
  /v1/account/{account_id}:
    get:
      parameters: [{name: account_id, in: path, required: true, schema: {type: string}}]
      responses: {"200": {description: ok}}
"""


def project(tmp_path, config: str, spec: str = EXAMPLE, name: str = "pyproject.toml"):
    (tmp_path / ".git").mkdir()
    (tmp_path / name).write_text(textwrap.dedent(config))
    specs = tmp_path / "specs"
    specs.mkdir()
    (specs / "api.yaml").write_text(spec)
    return specs / "api.yaml"


def check(*args: str):
    result = CliRunner().invoke(cli, ["check", "--format", "json", *args])
    return result, (json.loads(result.stdout) if result.stdout.startswith("{") else None)


def test_pyproject_is_found_walking_up_from_the_spec(tmp_path):
    spec = project(tmp_path, """
        [tool.aiplint]
        ignore = ["aip122/", "aip136/"]
        fail-on = "warning"
        [tool.aiplint.rules."rest/resource-id-in-query"]
        severity = "warning"
    """)
    result, report = check(str(spec))
    assert [(f["rule"], f["severity"]) for f in report["findings"]] == [("rest/resource-id-in-query", "warning")]
    assert result.exit_code == 1  # fail-on = warning from the file


def test_dot_aiplint_toml_uses_the_same_keys_without_the_table(tmp_path):
    spec = project(tmp_path, 'select = ["aip122/"]\n', name=".aiplint.toml")
    _, report = check(str(spec))
    assert {f["rule"] for f in report["findings"]} == {"aip122/collection-name-consistency"}


def test_command_line_wins_and_isolated_ignores_the_file(tmp_path):
    spec = project(tmp_path, '[tool.aiplint]\nignore = ["rest/"]\nprofile = "aip"\n')
    _, report = check(str(spec), "--ignore", "aip122/", "--ignore", "aip136/")
    assert report["findings"] == []  # --ignore adds to the file's ignore (rest/ + aip122/ + aip136/)
    # --select replaces the selection; ignore still applies, and leaves no rule: a mistake, not a clean run
    result = CliRunner().invoke(cli, ["check", str(spec), "--select", "rest/"])
    assert result.exit_code == 2
    assert result.stderr.startswith("error: no rule left to run: select ['rest/'] less ignore ['rest/']")
    _, report = check(str(spec), "--isolated")
    assert {f["rule"] for f in report["findings"]} == {"aip136/http-method", "rest/resource-id-in-query"}


def test_explicit_config_file(tmp_path):
    config = tmp_path / "lint.toml"
    config.write_text('select = ["rest/resource-id-in-query"]\n')
    spec = tmp_path / "api.yaml"
    spec.write_text(EXAMPLE)
    _, report = check(str(spec), "--config", str(config))
    assert {f["rule"] for f in report["findings"]} == {"rest/resource-id-in-query"}


def test_explicit_config_file_is_the_only_one_read(tmp_path):
    """--config replaces the search: a configuration beside the spec (a pull request's) is not read; --isolated
    with it would ignore both, so the two together are a usage error."""
    config = tmp_path / "lint.toml"
    config.write_text('select = ["rest/resource-id-in-query"]\n')
    (tmp_path / "repo").mkdir()
    spec = project(tmp_path / "repo", 'exclude = ["*.yaml"]\nignore = ["rest/"]\n', name=".aiplint.toml")
    _, report = check(str(spec.parent), "--config", str(config))
    assert {f["rule"] for f in report["findings"]} == {"rest/resource-id-in-query"}
    result = CliRunner().invoke(cli, ["check", str(spec), "--isolated", "--config", str(config)])
    assert result.exit_code == 2
    assert "--isolated ignores every configuration file, the one --config names too" in result.stderr

def test_typos_are_usage_errors_with_did_you_mean(tmp_path):
    cases = [
        ('[tool.aiplint]\nignroe = ["aip122/"]\n', "unknown key `ignroe`; did you mean `ignore`?"),
        ('[tool.aiplint.rules."aip122/plural-colection"]\nseverity = "off"\n',
         "unknown rule `aip122/plural-colection`; did you mean `aip122/plural-collection`?"),
        ('[tool.aiplint.rules."aip122/plural-collection"]\nuncountables = ["x"]\n',
         "has no option `uncountables`; did you mean `uncountable`?"),
        ('[tool.aiplint.rules."aip122/plural-collection"]\nuncountable = "x"\n', "`rules.\"aip122/plural-collection\".uncountable` must be a list"),
        ('[tool.aiplint]\nprofile = "google"\n', "`profile` must be one of rest, aip"),
        ('[tool.aiplint]\nselect = ["aip136/htp-method"]\n', "did you mean `aip136/http-method`?"),
    ]
    for index, (config, message) in enumerate(cases):
        folder = tmp_path / str(index)
        folder.mkdir()
        spec = project(folder, config)
        result, _ = check(str(spec))
        assert result.exit_code == 2, config
        assert message in result.stderr and str(folder / "pyproject.toml") in result.stderr, result.stderr


def test_override_by_path_glob_changes_severity_only_under_the_glob(tmp_path):
    spec = project(tmp_path, """
        [tool.aiplint]
        select = ["aip122/plural-collection"]
        [[tool.aiplint.overrides]]
        paths = ["/v1/legacy/**"]
        rules = {"aip122/plural-collection" = {severity = "info"}}
    """, LEGACY)
    _, report = check(str(spec))
    assert {(f["path"], f["severity"]) for f in report["findings"]} == {
        ("/v1/legacy/user/{user_id}", "info"), ("/v1/account/{account_id}", "error")}


def test_override_options_apply_only_under_the_glob(tmp_path):
    spec = project(tmp_path, """
        [tool.aiplint]
        select = ["aip122/plural-collection"]
        [[tool.aiplint.overrides]]
        paths = ["/v1/legacy/**"]
        rules = {"aip122/plural-collection" = {uncountable = ["user", "account"]}}
    """, LEGACY)
    _, report = check(str(spec))
    assert [f["path"] for f in report["findings"]] == ["/v1/account/{account_id}"]


def test_override_by_file_glob(tmp_path):
    spec = project(tmp_path, """
        [tool.aiplint]
        [[tool.aiplint.overrides]]
        files = ["specs/*.yaml"]
        rules = {"rest/resource-id-in-query" = {severity = "off"}}
    """)
    _, report = check(str(spec))
    assert "rest/resource-id-in-query" not in {f["rule"] for f in report["findings"]}


def test_repository_local_plugin_module(tmp_path):
    spec = project(tmp_path, '[tool.aiplint]\nplugins = ["lint_rules_local"]\nselect = ["local/"]\n')
    (tmp_path / "lint_rules_local.py").write_text(textwrap.dedent('''
        """Every operation needs a summary."""
        from aiplint.rule import Problem, rule

        @rule(id="local/summary", summary="operations have a summary", reference="house style",
              url="https://example.com", severity="warning")
        def check(ctx):
            for op in ctx.api.operations:
                if not op.summary:
                    yield Problem(f"{op.label} has no summary", op.at, operation=op)
    '''))
    _, report = check(str(spec), "--allow-plugins")  # repository code runs only with the opt-in
    assert {f["rule"] for f in report["findings"]} == {"local/summary"}
    assert len(report["findings"]) == 6


def test_a_repository_plugin_cannot_replace_a_builtin_rule(tmp_path):
    """With `--allow-plugins`, a repository module declaring a built-in rule's id is refused, not silently used."""
    spec = project(tmp_path, '[tool.aiplint]\nplugins = ["house_rules_clash"]\n')
    (tmp_path / "house_rules_clash.py").write_text(textwrap.dedent('''
        from aiplint.rule import rule

        @rule(id="aip122/plural-collection", summary="mine", reference="house style", url="https://example.com",
              severity="error")
        def check(ctx):
            return iter(())
    '''))
    result, _ = check(str(spec), "--allow-plugins")
    assert result.exit_code == 2
    assert result.stderr.strip().splitlines() == [
        f"error: {tmp_path / 'pyproject.toml'}: plugin module `house_rules_clash` declares the rule id "
        "`aip122/plural-collection`, which `aiplint.lint_rules.aip122.plural_collection` already declares; rule ids "
        "are unique"]


def test_config_command_shows_values_and_their_origin(tmp_path):
    spec = project(tmp_path, '[tool.aiplint]\nprofile = "aip"\n[tool.aiplint.rules."aip136/custom-method-style"]\nstyle = "slash"\n')
    result = CliRunner().invoke(cli, ["config", str(spec)])
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    assert lines[0] == f"# configuration file: {tmp_path / 'pyproject.toml'}"
    assert any(line.startswith('profile = "aip"') and line.endswith(f"# {tmp_path / 'pyproject.toml'}") for line in lines)
    assert any(line.startswith('fail-on = "error"') and line.endswith("# default") for line in lines)
    assert 'style = "slash"' in lines


def test_rules_command_shows_the_effective_settings(tmp_path):
    project(tmp_path, '[tool.aiplint]\nprofile = "aip"\n[tool.aiplint.rules."rest/verb-segment"]\nseverity = "off"\n')
    result = CliRunner().invoke(cli, ["rules", "--config", str(tmp_path / "pyproject.toml")])
    line = next(line for line in result.stdout.splitlines() if line.startswith("rest/verb-segment"))
    assert line.split()[1:4] == ["warning", "error", "off"]
    line = next(line for line in result.stdout.splitlines() if line.startswith("aip136/custom-method-style"))
    assert line.split()[3] == "error"
    assert '    style = "colon"' in result.stdout


def test_words_table_extends_the_vocabulary_every_rule_reads(tmp_path):
    spec = project(tmp_path, """
        [tool.aiplint]
        select = ["rest/verb-segment", "aip122/plural-collection", "rest/resource-id-in-query"]
        [tool.aiplint.words]
        verbs = ["defrag"]
        uncountable = ["gadget"]
        plurals = {criterion = "criteria"}
        id-words = ["ticket"]
    """, """openapi: 3.1.0
info: {title: t, version: "1"}
paths:
  /v1/storage/defrag: {post: {responses: {"200": {description: ok}}}}
  /v1/gadget/{gadget_id}: {get: {parameters: [{name: gadget_id, in: path, required: true, schema: {type: string}}], responses: {"200": {description: ok}}}}
  /v1/criterion/{criterion_id}: {get: {parameters: [{name: criterion_id, in: path, required: true, schema: {type: string}}], responses: {"200": {description: ok}}}}
  /v1/call/recording: {get: {parameters: [{name: CallTicket, in: query, required: true, schema: {type: string}}], responses: {"200": {description: ok}}}}
""")
    _, report = check(str(spec))
    found = {(f["rule"], f["path"], f["suggestion"]) for f in report["findings"]}
    assert ("aip122/plural-collection", "/v1/criterion/{criterion_id}", "/v1/criteria/{criterion_id}") in found
    assert ("rest/resource-id-in-query", "/v1/call/recording", "GET /v1/calls/{CallTicket}/recording") in found
    assert ("rest/verb-segment", "/v1/storage/defrag", "POST /v1/storage:defrag") in found
    assert not [f for f in found if f[1] == "/v1/gadget/{gadget_id}"]
    _, isolated = check(str(spec), "--isolated", "--select", "rest/,aip122/plural-collection")
    paths = {f["path"] for f in isolated["findings"]}
    assert "/v1/gadget/{gadget_id}" in paths  # without the words table: singular `gadget`
    assert "/v1/call/recording" not in paths and "/v1/storage/defrag" not in paths  # no `ticket`, no `defrag`


def test_words_table_is_validated(tmp_path):
    spec = project(tmp_path, '[tool.aiplint.words]\nverb = ["defrag"]\n')
    result, _ = check(str(spec))
    assert result.exit_code == 2 and "unknown key `words.verb`; did you mean `verbs`?" in result.stderr


def test_config_command_lists_every_key_a_file_sets_with_its_origin(tmp_path):
    """fail-on-breaking, stability and [words] were left out of the listing once; now every key is, from the one
    table of options, and the listing is itself a TOML configuration that reads back to the same values."""
    import dataclasses
    import re
    import tomllib

    from aiplint.config.options import OPTIONS, parse_config
    from aiplint.config.resolve import Resolver
    from aiplint.linting.registry import available_rules

    spec = project(tmp_path, """
        [tool.aiplint]
        fail-on-breaking = "warning"
        [tool.aiplint.stability]
        "/v1/experimental/**" = "alpha"
        [tool.aiplint.words]
        verbs = ["Defrag"]
        plurals = {criterion = "criteria"}
    """)
    source = f"# {tmp_path / 'pyproject.toml'}"
    listing = CliRunner().invoke(cli, ["config", str(spec)]).stdout
    assert f'fail-on-breaking = "warning"  {source}' in listing
    assert f'\n[stability]  {source}\n"/v1/experimental/**" = "alpha"\n' in listing
    assert f'\n[words]  {source}\nverbs = ["defrag"]\nplurals = {{ criterion = "criteria" }}\n' in listing
    assert any(line.startswith("inline-ignores = true ") and line.endswith("  # default")
               for line in listing.splitlines())

    everything = "\n".join(f"{option.key} = {option.example}" for option in OPTIONS)
    (tmp_path / "all").mkdir()
    (tmp_path / "all" / ".aiplint.toml").write_text(everything)
    result = CliRunner().invoke(cli, ["config", str(tmp_path / "all")])
    listed = tomllib.loads(result.stdout)
    assert list(listed) == [option.key for option in OPTIONS]
    config, rules = Resolver(available_rules(), note=lambda _: None).for_path(str(tmp_path / "all"))
    for option in OPTIONS:  # `key = ...`, `[key]`, `[key."id"]` or `[[key]]`, each from the file
        line = next(line for line in result.stdout.splitlines() if re.match(rf"\[*{option.key}[ .\]]", line))
        assert line.endswith(f"# {tmp_path / 'all' / '.aiplint.toml'}"), line
    reread = parse_config(listed, rules, str(tmp_path / "all" / ".aiplint.toml"), lenient=True)
    assert dataclasses.replace(reread, origins={}) == dataclasses.replace(config, origins={})


def test_command_line_choices_are_the_configuration_choices():
    """`--profile`, `--fail-on` and `--fail-on-breaking` take what the file's keys take (cli.py does not import the
    configuration at start-up, so it names them itself)."""
    from aiplint.config.options import option_named

    for command in ("check", "diff"):
        params = {param.name: param for param in cli.commands[command].params}
        for key in ("profile", "fail-on", "fail-on-breaking"):
            assert tuple(params[key.replace("-", "_")].type.choices) == option_named(key).type.choices, (command, key)
