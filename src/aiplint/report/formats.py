"""Every report format by name: `--format NAME` finds its writer here.

A format is one module of this package with a `write(report, stream)` function (the `Writer` signature of
`aiplint.report.writer`); adding one is that module and its entry in `FORMATS`.  A writer's module is imported
when a run asks for its format, so the command line lists every format without importing any."""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, cast

if TYPE_CHECKING:
    from aiplint.report.writer import Writer

#: Format name -> its module in `aiplint.report`, in the order the help lists them.
FORMATS = {
    "text": "text",
    "json": "json_report",
    "sarif": "sarif",
    "github": "github",
    "gitlab": "gitlab",
    "junit": "junit",
    "markdown": "markdown",
    "html": "html_report",
}


def writer(name: str) -> Writer:
    """The writer of the format `name` (a key of `FORMATS`), its module imported on first use."""
    return cast("Writer", importlib.import_module(f"aiplint.report.{FORMATS[name]}").write)
