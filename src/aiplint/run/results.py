"""What a run has found so far: each spec's findings less its baseline's, the files linted and read, the errors
shown, and the fail-on threshold each finding is held to."""

from __future__ import annotations

from typing import TYPE_CHECKING

from aiplint.config.settings import active_rules
from aiplint.fixing.policy import will_fix
from aiplint.linting.baseline import Baseline, BaselineError
from aiplint.linting.findings import Finding
from aiplint.read.loading import InputError
from aiplint.rule import Rule
from aiplint.run.console import say
from aiplint.run.exit import EXIT_CLEAN, EXIT_ERROR, rank
from aiplint.run.options import CheckOptions

if TYPE_CHECKING:
    from aiplint.config import Config
    from aiplint.linting.engine import Linted
    from aiplint.linting.findings import RuleCrash
    from aiplint.run.lint import Outcome

class Baselines:
    """The baseline files a run reads, each read once."""

    def __init__(self) -> None:
        self._read: dict[str, Baseline | None] = {}  # None: it could not be read

    def split(self, file: str, spec: str, findings: list[Finding], key: str | None = None
              ) -> tuple[list[Finding], list[dict]]:
        """(the findings of `spec` that the baseline `file` does not hold, its entries for `spec` no longer found).
        A file that cannot be read raises its BaselineError the first time, and filters nothing after (the error
        is shown once; the findings it was to filter are all reported)."""
        if file not in self._read:
            self._read[file] = None
            self._read[file] = Baseline.load(file)
        baseline = self._read[file]
        return baseline.split(spec, findings, key=key) if baseline is not None else (findings, [])


class Results:
    """The findings, linted files, errors and worst status of one `aiplint check` so far."""

    def __init__(self, options: CheckOptions):
        self.options = options
        self.status = EXIT_CLEAN
        self.findings: list[Finding] = []
        self.by_spec: dict[str, list[Finding]] = {}  # everything found per spec, baseline aside (--write-baseline)
        self.thresholds: list[tuple[Finding, int]] = []  # (finding, fail-on rank of its spec's configuration)
        self.fixed: list[dict] = []  # baseline entries no longer found
        self.fixes_applied: int | None = None  # how many findings --fix fixed (None: not asked to)
        self.fixable: set[Finding] = set()  # the findings --fix would fix (with this run's --unsafe-fixes)
        self.hidden_fixes = 0  # and how many more it would with --unsafe-fixes
        self.suppressed = {"baseline": 0, "inline": 0}
        self.files: list[str] = []
        self.apps: set[str] = set()  # the names of linted applications' documents (baseline keys)
        self.rules: dict[str, Rule] = {}  # the rules that ran
        self.errors: list[InputError] = []  # the files that could not be linted, for every report
        self.inputs: set[str] = set()  # the real paths of every file read, which no report may overwrite
        self._baselines = Baselines()

    def note(self, message: str) -> None:
        if not self.options.quiet:
            say("note", message)

    def fail(self, error: InputError, shown: str | None = None) -> None:
        say("error", shown or str(error))
        self.errors.append(error)
        self.status = EXIT_ERROR

    def take(self, name: str, outcome: Outcome, config: Config, rules: dict[str, Rule]) -> None:
        """A linted file's outcome: its error, or its findings and the files it read."""
        if outcome.error is not None:
            self.fail(outcome.error)
        elif outcome.linted is not None:
            self.inputs.update(outcome.files)
            self.files.append(name)
            self.record(name, outcome.linted, config, rules)

    def record(self, name: str, linted: Linted, config: Config, rules: dict[str, Rule]) -> None:
        """A spec's or an application's findings, less those its baseline holds."""
        self.rules.update(active_rules(config, rules))
        for error in crash_errors(linted.crashes):
            self.fail(error)
        found = self.by_spec[name] = linted.findings
        self.suppressed["inline"] += linted.suppressed
        baseline = self.options.baseline_for(config.baseline)
        if baseline:
            found = self._without_baseline(name, found, baseline)
        self.findings.extend(found)
        self._count_fixes(found, config)
        fail_on = rank(config.fail_on)
        self.thresholds.extend((finding, fail_on) for finding in found)

    def _count_fixes(self, found: list[Finding], config: Config) -> None:
        for finding in found:
            if will_fix(finding, config, self.options.unsafe_fixes):
                self.fixable.add(finding)
            elif will_fix(finding, config, unsafe=True):
                self.hidden_fixes += 1

    def _without_baseline(self, path: str, found: list[Finding], baseline_file: str) -> list[Finding]:
        try:
            new, fixed = self._baselines.split(baseline_file, path, found, key=path if path in self.apps else None)
        except BaselineError as exc:  # an input error, named in every report: the other files are still linted
            self.fail(exc)
            return found
        self.fixed.extend(fixed)
        self.suppressed["baseline"] += len(found) - len(new)
        return new


def crash_errors(crashes: list[RuleCrash]) -> list[InputError]:
    """Rules that crashed, as errors of their file: the run is incomplete, and every report says so."""
    return [InputError(crash.file, f"internal error in rule {crash.rule}: {crash.error}") for crash in crashes]
