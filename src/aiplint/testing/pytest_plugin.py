"""The pytest plugin, registered through the `pytest11` entry point.

- `pytest --aiplint-app pkg.api:app` (repeatable) adds a test per application that fails with its findings.
- `pytest --aiplint-baseline FILE`, or `@pytest.mark.aiplint_baseline("FILE")` on a test: only findings
  that are not in that baseline (the committed one) fail, in `--aiplint-app` tests and in
  `aiplint.testing.assert_conforms`.

It imports nothing of aiplint's linting until such a test runs, so it costs other test suites nothing.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import pytest

from aiplint import testing

if TYPE_CHECKING:
    from _pytest._code.code import TerminalRepr  # what Item.repr_failure returns; pytest exports no public name


def pytest_addoption(parser: pytest.Parser) -> None:
    group = parser.getgroup("aiplint", "API design checks (aiplint)")
    group.addoption("--aiplint-app", action="append", default=[], metavar="MODULE:ATTR",
                    help="add a test that fails when this application's OpenAPI document has aiplint findings "
                         "(pkg.api:app or pkg.api:create_app(); repeatable)")
    group.addoption("--aiplint-baseline", metavar="FILE",
                    help="fail only on aiplint findings that are not in this baseline file")


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line(
        "markers", "aiplint_baseline(file): in this test, aiplint findings recorded in the baseline FILE "
                   "(relative to the rootdir) do not fail")


def pytest_collection_modifyitems(session: pytest.Session, config: pytest.Config, items: list[pytest.Item]) -> None:
    for target in config.getoption("aiplint_app"):
        items.append(AppConformance.from_parent(session, name=f"aiplint[{target}]", target=target))


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_call(item: pytest.Item):
    marker = item.get_closest_marker("aiplint_baseline")
    if marker is not None and marker.args:
        baseline = str(item.config.rootpath / marker.args[0])
    else:
        baseline = item.config.getoption("aiplint_baseline")
    token = testing.default_baseline.set(baseline)
    try:
        yield
    finally:
        testing.default_baseline.reset(token)


class AppConformance(pytest.Item):
    """`--aiplint-app TARGET`: the application conforms."""

    def __init__(self, *, target: str, **kwargs: Any):
        super().__init__(**kwargs)
        self.target = target
        # no fixtures; but a plugin's hook wrapper may read it of every item (pytest-lsp's returns without its
        # `yield` when it is missing, and the item fails with pluggy's "did not yield")
        self.funcargs: dict[str, Any] = {}

    def runtest(self) -> None:
        testing.assert_conforms(self.target)

    def repr_failure(self, excinfo: pytest.ExceptionInfo[BaseException], style: Any = None) -> str | TerminalRepr:
        from aiplint.integrations.app import AppError

        if isinstance(excinfo.value, (testing.NonConformance, AppError)):
            return str(excinfo.value)
        return super().repr_failure(excinfo, style)

    def reportinfo(self) -> tuple[Any, int | None, str]:
        return self.path, None, f"aiplint {self.target}"
