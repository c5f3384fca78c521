"""Errors under one base (`aiplint.errors.AiplintError`), raised where they happen and turned into the command
line's one-line error or usage error, exit 2, in one place (`aiplint.cli`); the Python API raises them as they are."""

from __future__ import annotations

import pytest
from click.testing import CliRunner

import aiplint
from aiplint.cli import cli
from aiplint.errors import AiplintError, UsageError
from aiplint.integrations.app import AppError, AppNotFound
from aiplint.integrations.frameworks import UnsupportedApp
from aiplint.linting.baseline import BaselineError
from aiplint.linting.registry import RuleLoadError
from aiplint.run import pipeline
from aiplint.run.options import CheckOptions


@pytest.mark.parametrize("error", [aiplint.InputError, aiplint.ConfigError, aiplint.LintError, BaselineError,
                                   RuleLoadError, AppError, AppNotFound, UnsupportedApp, UsageError])
def test_every_error_a_user_must_fix_has_the_one_base(error):
    assert issubclass(error, AiplintError)


def test_the_run_raises_usage_errors_and_the_command_line_shows_them_with_its_usage():
    with pytest.raises(UsageError, match="^--baseline and --no-baseline: give one$"):
        pipeline.run_check(CheckOptions(paths=("x.yaml",), baseline_file="b.json", no_baseline=True))
    result = CliRunner().invoke(cli, ["check", "--baseline", "b.json", "--no-baseline", "x.yaml"])
    assert result.exit_code == 2 and result.stderr == ("Usage: cli check [OPTIONS] [PATHS]...\nTry 'cli check --help' for help.\n\n"
                             "Error: --baseline and --no-baseline: give one\n")


def test_any_other_error_is_one_error_line_without_usage_exit_2(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "bad.toml").write_text('[tool.aiplint]\nprofile = "nope"\n')
    (tmp_path / "api.yaml").write_text("openapi: 3.1.0\ninfo: {title: t, version: '1'}\npaths: {}\n")
    with pytest.raises(aiplint.ConfigError):
        pipeline.run_check(CheckOptions(paths=("api.yaml",), config_file="bad.toml"))
    result = CliRunner().invoke(cli, ["check", "--config", "bad.toml", "api.yaml"])
    assert (result.exit_code, result.stdout) == (2, "")
    assert result.stderr == "error: bad.toml: `profile` must be one of rest, aip, not 'nope'\n"
