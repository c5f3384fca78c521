"""The documentation stays true: docs/rules.md is generated from the rules, README's examples run."""

from __future__ import annotations

from conftest import REPO

from aiplint.linting.registry import available_rules
from aiplint.report.rule_docs import rules_markdown


def builtin_rules():
    return {rid: r for rid, r in available_rules().items() if r.check.__module__.startswith("aiplint.")}


def test_rule_reference_is_in_sync_with_the_rules():
    expected = rules_markdown(builtin_rules())
    assert (REPO / "docs" / "rules.md").read_text() == expected, (
        "docs/rules.md is stale: run `aiplint rules --isolated --format markdown > docs/rules.md`")


def test_every_rule_documents_what_why_and_a_fix():
    for rule in builtin_rules().values():
        for section in ("## What it does", "## Why is this bad?", "## Example"):
            assert section in rule.doc, f"{rule.id} lacks {section}"
        assert rule.url.startswith("https://"), rule.id


def test_readme_links_the_rule_reference_and_lists_every_rule():
    readme = (REPO / "README.md").read_text()
    assert "docs/rules.md" in readme
    for rule_id in builtin_rules():
        assert f"`{rule_id}`" in readme, rule_id


# --------------------------------------------------------------------------------------------------
# The JSON Schema of [tool.aiplint] (docs/config.schema.json, for editors and SchemaStore)


def schema_validator():
    import json

    import jsonschema_rs

    schema = json.loads((REPO / "docs" / "config.schema.json").read_text())
    return jsonschema_rs.Draft7Validator(schema)


def readme_tables() -> list[dict]:
    """Every `[tool.aiplint]` table the README's TOML examples show."""
    import re
    import tomllib

    readme = (REPO / "README.md").read_text()
    blocks = [tomllib.loads(block) for block in re.findall(r"```toml\n(.*?)```", readme, re.S)]
    return [block["tool"]["aiplint"] for block in blocks if "aiplint" in block.get("tool", {})]


def test_the_schema_is_in_sync_with_the_rules_and_the_configuration():
    import json

    from aiplint.config.options import json_schema

    assert json.loads((REPO / "docs" / "config.schema.json").read_text()) == json_schema(builtin_rules()), (
        "docs/config.schema.json is stale: run `aiplint config --schema --isolated > docs/config.schema.json`")


def test_every_readme_example_is_valid_against_the_schema_and_the_configuration():
    from aiplint.config.options import parse_config

    tables = readme_tables()
    assert len(tables) >= 2
    validator = schema_validator()
    for table in tables:
        assert [error.message for error in validator.iter_errors(table)] == []
        parse_config(table, builtin_rules())  # and aiplint itself takes it


def test_the_schema_rejects_what_the_configuration_rejects():
    import pytest

    from aiplint.config import ConfigError
    from aiplint.config.options import parse_config

    validator = schema_validator()
    bad = [{"profil": "aip"}, {"profile": "strict"}, {"rules": {"aip122/plural-collection": {"severity": "fatal"}}},
           {"rules": {"aip136/custom-method-style": {"style": "dash"}}}, {"exclude": "vendor/"},
           {"overrides": [{"rules": {}}]}, {"stability": {"v1/**": "alpha"}}, {"inline-ignores": "no"}]
    for table in bad:
        assert not validator.is_valid(table), table
        with pytest.raises(ConfigError):
            parse_config(table, builtin_rules())
    # a plugin's rule ids are not the schema's to refuse
    assert validator.is_valid({"select": ["acme/"], "rules": {"acme/operation-id-case": {"severity": "error"}}})


def test_the_readme_table_of_options_is_generated_from_the_options():
    from aiplint.report.config_docs import OPTIONS_END, OPTIONS_START, options_markdown

    readme = (REPO / "README.md").read_text()
    committed = readme.split(OPTIONS_START + "\n", 1)[1].split(OPTIONS_END, 1)[0]
    assert committed == options_markdown(), (
        "README's table of options is stale: run `python scripts/update_readme_options.py`")


def test_every_option_example_is_valid_and_absent_keys_read_as_config_defaults():
    """The table's examples are configurations aiplint and the schema accept; its defaults are `Config`'s."""
    import tomllib

    from aiplint.config import Config
    from aiplint.config.options import OPTIONS, parse_config

    validator = schema_validator()
    for option in OPTIONS:
        table = tomllib.loads(f"{option.key} = {option.example}")
        assert [error.message for error in validator.iter_errors(table)] == [], option.key
        config = parse_config(table, builtin_rules())
        assert getattr(config, option.field) != getattr(Config(), option.field), f"{option.key}: example is a default"
    assert parse_config({}, builtin_rules()) == Config()


def test_every_rev_and_ref_the_readme_shows_resolves_in_this_repository():
    """`rev:` of the pre-commit hook and `@REF` of the Action: a tag or a commit of this repository's history
    that has the hook manifest and the action as the README describes them."""
    import re
    import shutil
    import subprocess

    import pytest

    if shutil.which("git") is None or not (REPO / ".git").exists():
        pytest.skip("not a git checkout")
    readme = (REPO / "README.md").read_text()
    # each pin with what the README shows of it: the hook ids under `rev:`, the inputs under `with:`
    hooks_shown = re.findall(r"repo: https://github\.com/aiplint/aiplint\n\s+rev: (\S+).*\n((?:\s+(?:hooks:|- id:|#).*\n)+)",
                             readme)
    actions_shown = re.findall(r"uses: aiplint/aiplint@(\S+).*\n(?:\s+id: .*\n)?(\s+with:\n(?:\s+(?:[\w-]+:|#).*\n)*)?",
                               readme)
    assert len(hooks_shown) + len(actions_shown) >= 3

    def git(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(["git", "-C", str(REPO), *args], capture_output=True, text=True)

    def commit_of(ref: str) -> str:
        commit = git("rev-parse", "--verify", "--quiet", f"{ref}^{{commit}}").stdout.strip()
        assert commit, f"README names {ref}, which is no tag or commit of this repository"
        assert git("merge-base", "--is-ancestor", commit, "HEAD").returncode == 0, f"{ref} is not in HEAD's history"
        return commit

    for ref, shown in hooks_shown:
        hooks = git("show", f"{commit_of(ref)}:.pre-commit-hooks.yaml").stdout
        assert "entry: aiplint check --quiet --force-exclude" in hooks, f"{ref}'s hook is older than the README"
        for hook in re.findall(r"- id: (\S+)", shown):
            assert f"- id: {hook}\n" in hooks, f"{ref} has no hook {hook}"
    for ref, shown in actions_shown:
        action = git("show", f"{commit_of(ref)}:action.yml").stdout
        assert "working-directory:" in action, f"{ref}'s action is older than the README"
        for name in re.findall(r"^\s+([\w-]+):", shown, re.MULTILINE)[1:]:  # after `with:`
            assert f"\n  {name}:\n" in action, f"{ref}'s action has no input {name}"


def test_ci_runs_the_readme_test_command():
    """`.ci/run` runs the README's second command (after its virtual environment): the lint gate and the tests."""
    readme_command = (REPO / "README.md").read_text().split("```sh\n")[2].split("\n")[0]
    ci_commands = [line for line in (REPO / ".ci" / "run").read_text().splitlines() if line.startswith("pip ")]
    assert ci_commands == [readme_command.split(" && ", 2)[2]]
    assert "ruff check && mypy && lint-imports && pytest" in readme_command
