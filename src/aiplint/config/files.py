"""Finding and reading configuration files: the nearest `.aiplint.toml`, or `pyproject.toml` with a
`[tool.aiplint]` table, walking up from a linted file to the repository root (outside a repository, no higher
than the current directory or the home folder)."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from aiplint.config import ConfigError
from aiplint.read.trust import config_ceiling, confine


def find_config_file(start: str, memo: dict[Path, Path | None] | None = None, ceiling: str | None = None
                     ) -> Path | None:
    """The nearest `.aiplint.toml` or `pyproject.toml` with `[tool.aiplint]`, up to the repository root (outside
    a repository: up to the current directory or the home folder, never above; `ceiling`: up to that real
    folder, for a revision's tree extracted outside its repository).  `memo`: the folders already searched (one
    run's, so a long-lived process sees files that appear later)."""
    folder = os.path.realpath(start)
    folder = folder if os.path.isdir(folder) else os.path.dirname(folder)
    return _find_from(Path(folder), ceiling or config_ceiling(folder), {} if memo is None else memo)


def _find_from(folder: Path, ceiling: str, memo: dict[Path, Path | None]) -> Path | None:
    if folder in memo:
        return memo[folder]
    found = None
    for candidate in (folder / ".aiplint.toml", folder / "pyproject.toml"):
        # a configuration that is a link out of the project, or not a regular file (a FIFO), is not read
        inside = confine(str(candidate), ceiling)
        if inside and os.path.isfile(inside) and (candidate.name == ".aiplint.toml" or _has_tool_table(candidate)):
            found = candidate
            break
    else:
        if str(folder) != ceiling and folder.parent != folder:
            found = _find_from(folder.parent, ceiling, memo)
    memo[folder] = found
    return found


def _has_tool_table(pyproject: Path) -> bool:
    return "[tool.aiplint" in pyproject.read_text(encoding="utf-8", errors="replace")


def read_config_file(path: Path) -> dict[str, Any]:
    import tomllib  # here, not at the top: a run that finds no configuration file does not pay for it

    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"{path}: cannot read the configuration: {exc}") from None
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path}: invalid TOML: {exc}") from None
    if path.name == "pyproject.toml" or "tool" in data:  # pyproject.toml, or a file written like one
        tool = data.get("tool", {})
        if not isinstance(tool, dict) or "aiplint" not in tool:
            raise ConfigError(f"{path}: no [tool.aiplint] table")
        data = tool["aiplint"]
    if not isinstance(data, dict):
        raise ConfigError(f"{path}: [tool.aiplint] must be a table")
    return data
