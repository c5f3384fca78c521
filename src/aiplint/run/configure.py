"""Configure: the configuration and rules of each file (`Resolver`), the applications to lint, and the
exclusions each folder's configuration adds to the command line's."""

from __future__ import annotations

import os
from typing import Callable

from aiplint.config.resolve import Resolver
from aiplint.errors import UsageError
from aiplint.linting import registry
from aiplint.read.discovery import Finder, Patterns
from aiplint.read.trust import ALLOW_ENV, repository_code_allowed
from aiplint.run.console import say
from aiplint.run.options import CheckOptions


def resolver(config_file: str | None, isolated: bool, allow_plugins: bool, command_line: dict | None = None
             ) -> Resolver:
    """Each file's configuration and rules, under the command line's overrides."""
    if isolated and config_file:  # else --isolated would quietly drop the file: defaults where a file was meant
        raise UsageError("--isolated ignores every configuration file, the one --config names too; "
                         "--config FILE alone reads that file and no other")
    return Resolver(registry.available_rules(), config_file, isolated, command_line, allow_plugins,
                    note=lambda text: say("note", text))


def applications(options: CheckOptions, resolver: Resolver) -> list[tuple[str, str | None]] | None:
    """The applications to lint, each with the folder it is imported from (None: the current one): --app's, or,
    with no PATHS either, the configuration's `app`, which is repository code and runs only with the opt-in
    (without it: none, and a note).  None: no PATHS, no --app and no `app`."""
    if options.apps or options.paths:
        return [(target, None) for target in options.apps]
    config, _ = resolver.for_path(".")
    if not config.app:
        return None
    if not repository_code_allowed(options.allow_plugins):
        say("note", f"{config.path}: app = {', '.join(config.app)} not imported: importing runs the repository's "
                    f"code, which needs --allow-plugins or {ALLOW_ENV}=1")
        return []
    return [(target, config.folder) for target in config.app]


def finder(options: CheckOptions, resolver: Resolver, may_hold: Callable[[str, bool], bool] | None = None) -> Finder:
    """The files under the exclusions of each folder's configuration and of the command line (and in the
    folders `may_hold` lets a walk enter: --changed-since)."""
    given = options.exclude
    command_line = Patterns(os.getcwd(), (given or ()) + options.extend_exclude)
    by_config: dict[int, Patterns] = {}  # each configuration's patterns, compiled once

    def exclusions(folder: str) -> list[Patterns]:
        config, _ = resolver.for_path(folder)
        if id(config) not in by_config:
            by_config[id(config)] = Patterns(config.folder, (config.exclude if given is None else ())
                                             + config.extend_exclude)
        return [by_config[id(config)], command_line]

    return Finder(exclusions, options.force_exclude, may_hold=may_hold)
