"""The one base of every problem aiplint reports to its user, below every other module.

An `AiplintError` is a problem the user must fix (a file that cannot be read, a configuration mistake, a rule
that cannot be loaded, an application that cannot be imported): the command line shows it as one `error:` line and
exits 2, in one place (`aiplint.cli.main`); the Python API raises it as it is.  A `UsageError` is a misuse of the
command line itself (options that contradict each other, an unknown format, a report that cannot be written): the
command line shows it after the command's usage line, as click shows its own.
"""

from __future__ import annotations


class AiplintError(Exception):
    """A problem the user must fix: `str(error)` is its one-line message."""


class UsageError(AiplintError):
    """A misuse of the command line, shown with the command's usage."""
