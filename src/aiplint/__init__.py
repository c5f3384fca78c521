"""aiplint: a fast linter for OpenAPI documents that enforces REST and Google AIP resource-oriented design."""

__version__ = "0.1.0"
