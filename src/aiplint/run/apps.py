"""Lint Python applications (`--app`, or the configuration's `app`): each of an application's generated
documents under the configuration of the file that defines the application."""

from __future__ import annotations

from aiplint.config.resolve import Resolver
from aiplint.integrations.app import AppError, load_app
from aiplint.read.loading import InputError
from aiplint.run.results import Results


def lint_app(target: str, root: str | None, resolver: Resolver, results: Results) -> None:
    """An application's documents into `results`; one that cannot be imported or read is its input error."""
    try:
        for document in load_app(target, root):
            config, rules = resolver.for_path(document.home.file)
            linted = document.lint(config, rules)
            if document.home.file not in results.files:  # a mounted application is defined beside its parent
                results.files.append(document.home.file)
            results.apps.add(document.name)
            results.record(document.name, linted, config, rules)
    except AppError as exc:
        results.fail(InputError(target, f"--app {exc}"), f"--app {exc}")
