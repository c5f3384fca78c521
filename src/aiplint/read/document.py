"""An OpenAPI document: its root file, its version, and the files its `$ref`s reach.

The data flows: `loading` reads and parses one file into a `Source`; `open_document` makes the root one a
`Document`, whose `refs` (`aiplint.read.references`) follow its `$ref`s into other files; `aiplint.model` builds the
API model the rules read from it.
"""

from __future__ import annotations

import os
import re
from typing import Any, Callable

from aiplint.read.loading import InputError, Source, declares_openapi, load_source, read_spec
from aiplint.read.references import References
from aiplint.read.trust import project_root as project_of

__all__ = ["HTTP_METHODS", "Document", "open_document", "document_of", "open_optional"]

# The keys of a path item that are operations, in the order the model lists them.
HTTP_METHODS = ("get", "put", "post", "delete", "options", "head", "patch", "trace")


class Document:
    root: Source
    version: str
    major: int
    minor: int
    sources: dict[str, Source]  # the root and every file its `$ref`s reached so far, by real path

    def __init__(self, root: Source, project_root: str | None = None,
                 load: Callable[[str, str], Source] | None = None):
        self.root = root
        data = root.data
        raw = data.get("openapi")
        if raw is None:
            raw = data.get("swagger")
            self.version = _version_str(raw)
            self.major, self.minor = 2, 0
        else:
            self.version = _version_str(raw)
            m = re.match(r"\s*(\d+)(?:\.(\d+))?", self.version)
            self.major = int(m.group(1)) if m else 3
            self.minor = int(m.group(2) or 0) if m else 0
        self.refs = References(root, os.path.realpath(project_root or project_of(os.path.dirname(root.abspath))),
                               self.major, self.minor, load)
        self.sources = self.refs.sources

    def __repr__(self) -> str:
        return f"Document({self.root.path!r}, version={self.version!r})"


def open_document(path: str, text: str | None = None, *, raw: bytes | None = None, project_root: str | None = None,
                  walked_from: str | None = None, load: Callable[[str, str], Source] | None = None
                  ) -> Document | None:
    """Load the root file (from `text` or its bytes `raw` when given); None when it is not an OpenAPI document.
    A file that does not parse is an `InputError` only when it is recognisably OpenAPI (`declares_openapi`); any
    other is None too.

    `project_root`: the folder its `$ref`s must stay in (default: its repository's root, or its own folder).
    `walked_from`: see `read_spec`.  `load(display path, real path)`: how the files its `$ref`s reach are read and
    parsed (default: from the disk, each time; the language server keeps the parsed files and its editor's
    unsaved text)."""
    if text is None and raw is None:
        raw = read_spec(path, walked_from)
    try:
        src = load_source(path, text, raw=raw, _abspath=os.path.realpath(path))
    except InputError:
        if declares_openapi(text if text is not None else raw or b""):
            raise
        return None  # a Helm template, a multi-document manifest, JSON with comments: not ours to judge
    return document_of(src, project_root, load)


def document_of(src: Source, project_root: str | None = None, load: Callable[[str, str], Source] | None = None
                ) -> Document | None:
    """The document whose root file is `src`, already parsed; None when it is not an OpenAPI document."""
    data = src.data
    if type(data) is not dict or ("openapi" not in data and "swagger" not in data):
        return None
    document = Document(src, project_root, load)
    _check_version(document)
    return document


def open_optional(path: str | None, *, project_root: str | None = None, walked_from: str | None = None
                  ) -> Document | None:
    """`open_document` for one side of a diff: None where no file is there."""
    return open_document(path, project_root=project_root, walked_from=walked_from) if path is not None else None


_KNOWN_VERSIONS = {2: (0,), 3: (0, 1, 2)}


def _check_version(document: Document) -> None:
    """An OpenAPI version aiplint does not know (`swagger: "1.2"`, `openapi: 4.0.0`) is an input error: its
    rules and schema would judge the document by the wrong specification."""
    key = "openapi" if "openapi" in document.root.data else "swagger"
    version = document.version.strip()
    known = re.fullmatch(r"2\.0" if key == "swagger" else r"3\.\d+(?:\.\d+)?(?:-\S*)?", version)
    if known is None or document.minor not in _KNOWN_VERSIONS[document.major]:
        line, column = document.root.position("/" + key)
        raise InputError(document.root.path, f"unsupported {key} version {version!r} (aiplint reads OpenAPI "
                                             "2.0, 3.0, 3.1 and 3.2)", line, column)


def _version_str(v: Any) -> str:
    if v is None:
        return ""
    if type(v) is float:
        return repr(v)
    return str(v)
