"""What the command line asks of a run: `aiplint check`'s options, built once by the CLI and passed down."""

from __future__ import annotations

import os
from dataclasses import dataclass


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
    jobs: int | None = None  # the most worker processes; None: one per usable core
    changed_since: str | None = None
    fix: bool = False  # apply the safe fixes of the findings
    unsafe_fixes: bool = False  # and the unsafe ones (with --fix or --diff), marked fixable in reports
    diff: bool = False  # print the fixes as a unified diff instead of writing them

    def overrides(self) -> dict:
        """The options that override the configuration files."""
        return command_line(self.profile, self.select, self.ignore, self.fail_on,
                            inline_ignores=False if self.no_inline_ignores else None,
                            fail_on_breaking=self.fail_on_breaking, ref_root=absolute(self.ref_root))

    def baseline_for(self, configured: str | None) -> str | None:
        """The baseline file whose findings a spec's report leaves out: --baseline's, else its configuration's;
        none when the run writes a baseline or is told not to read one."""
        if self.write_baseline or self.no_baseline:
            return None
        return self.baseline_file or configured


def command_line(profile: str | None, select: tuple[str, ...], ignore: tuple[str, ...], fail_on: str | None,
                 **more: object) -> dict:
    """The command-line options that override the configuration file (None and () mean: not given)."""
    return {"profile": profile, "select": split_ids(select), "ignore": split_ids(ignore), "fail_on": fail_on, **more}


def split_ids(values: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(part.strip() for value in values for part in value.split(",") if part.strip())


def absolute(folder: str | None) -> str | None:
    return os.path.abspath(folder) if folder else None
