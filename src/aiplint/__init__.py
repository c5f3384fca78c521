"""aiplint: a fast linter for OpenAPI documents that enforces REST and Google AIP resource-oriented design.

The public API (imported on first use, so that `import aiplint` stays instant)::

    import aiplint
    findings = aiplint.lint("openapi.yaml")                 # or a dict, or YAML/JSON text
    findings = aiplint.lint(spec, config={"profile": "aip", "ignore": ["aip136/verb-naming"]})
    report = aiplint.diff("old/openapi.yaml", "openapi.yaml")   # report.new, .fixed, .breaking

Rule authors use `aiplint.rule` (the `rule` decorator, `Problem`, `Context`, `Option`) and read the model
types (`ApiModel`, `PathItem`, `Operation`, `Parameter`, `Segment`, `Role`, `Location`).
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

if TYPE_CHECKING:  # what type checkers see (`X as X`: a re-export); at run time, imported on first use (`__getattr__`)
    from aiplint.api import LintError as LintError
    from aiplint.api import diff as diff
    from aiplint.api import lint as lint
    from aiplint.compat.diff import DiffReport as DiffReport
    from aiplint.config import Config as Config
    from aiplint.config import ConfigError as ConfigError
    from aiplint.linting.baseline import Baseline as Baseline
    from aiplint.linting.findings import Finding as Finding
    from aiplint.model import ApiModel as ApiModel
    from aiplint.model import Location as Location
    from aiplint.model import Operation as Operation
    from aiplint.model import Parameter as Parameter
    from aiplint.model import PathItem as PathItem
    from aiplint.model import Role as Role
    from aiplint.model import Segment as Segment
    from aiplint.read.loading import InputError as InputError
    from aiplint.rule import Context as Context
    from aiplint.rule import Option as Option
    from aiplint.rule import Problem as Problem
    from aiplint.rule import Rule as Rule
    from aiplint.rule import Severity as Severity

_EXPORTS = {
    "lint": "aiplint.api",
    "diff": "aiplint.api",
    "LintError": "aiplint.api",
    "Baseline": "aiplint.linting.baseline",
    "DiffReport": "aiplint.compat.diff",
    "InputError": "aiplint.read.loading",
    "ConfigError": "aiplint.config",
    "Config": "aiplint.config",
    "Finding": "aiplint.linting.findings",
    "Severity": "aiplint.rule",
    "Rule": "aiplint.rule",
    "Problem": "aiplint.rule",
    "Context": "aiplint.rule",
    "Option": "aiplint.rule",
    "ApiModel": "aiplint.model",
    "PathItem": "aiplint.model",
    "Operation": "aiplint.model",
    "Parameter": "aiplint.model",
    "Segment": "aiplint.model",
    "Role": "aiplint.model",
    "Location": "aiplint.model",
}
__all__ = ["__version__", *_EXPORTS]


def __getattr__(name: str) -> Any:
    if name not in _EXPORTS:
        raise AttributeError(f"module 'aiplint' has no attribute {name!r}")
    return getattr(import_module(_EXPORTS[name]), name)
