"""aiplint: a fast linter for OpenAPI documents that enforces REST and Google AIP resource-oriented design.

The public API (imported on first use, so that `import aiplint` stays instant)::

    import aiplint
    findings = aiplint.lint("openapi.yaml")                 # or a dict, or YAML/JSON text
    findings = aiplint.lint(spec, config={"profile": "aip", "ignore": ["aip136/verb-naming"]})

Rule authors use `aiplint.rule` (the `rule` decorator, `Problem`, `Context`, `Option`) and read the model
types (`ApiModel`, `PathItem`, `Operation`, `Parameter`, `Segment`, `Role`, `Location`).
"""

from __future__ import annotations

from importlib import import_module
from typing import Any

__version__ = "0.1.0"

_EXPORTS = {
    "lint": "aiplint.api",
    "LintError": "aiplint.api",
    "InputError": "aiplint.document",
    "ConfigError": "aiplint.config",
    "Config": "aiplint.config",
    "Finding": "aiplint.engine",
    "Severity": "aiplint.rule",
    "Rule": "aiplint.rule",
    "Problem": "aiplint.rule",
    "Context": "aiplint.rule",
    "Option": "aiplint.rule",
    "rule": "aiplint.rule",
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
