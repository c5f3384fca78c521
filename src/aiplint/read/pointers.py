"""JSON pointers (RFC 6901): the one implementation of token escaping, joining, splitting and lookup.

Findings, suppressions, `$ref` fragments and source positions all name nodes by pointer; every module that
builds or reads one uses these helpers.
"""

from __future__ import annotations

from typing import Any

__all__ = ["escape_token", "unescape_token", "join_pointer", "split_pointer", "last_token", "array_index", "lookup",
           "node_at"]


def escape_token(token: str) -> str:
    """RFC 6901 escaping of one reference token."""
    if "~" in token:
        token = token.replace("~", "~0")
    if "/" in token:
        token = token.replace("/", "~1")
    return token


def unescape_token(token: str) -> str:
    if "~" in token:
        token = token.replace("~1", "/").replace("~0", "~")
    return token


def join_pointer(pointer: str, *tokens: str | int) -> str:
    """``join_pointer("/paths", "/jobs/{id}") == "/paths/~1jobs~1{id}"``."""
    for t in tokens:  # built for the common token (no `~`, no `/`): pointers are made for every parameter
        pointer += "/" + (str(t) if isinstance(t, int) else t if "~" not in t and "/" not in t else escape_token(t))
    return pointer


def split_pointer(pointer: str) -> list[str]:
    """Unescaped tokens of a JSON pointer ("" -> []); ValueError for text that is not a pointer."""
    if not pointer:
        return []
    if pointer[0] != "/":
        raise ValueError(f"not a JSON pointer: {pointer!r}")
    return [unescape_token(t) for t in pointer[1:].split("/")]


def last_token(pointer: str) -> str:
    """The unescaped last token (the key or index a pointer ends with); "" for the whole document."""
    return unescape_token(pointer.rsplit("/", 1)[-1]) if pointer else ""


def array_index(token: str, size: int) -> int | None:
    """The array index a token names (decimal, no leading zero, below `size`), else None."""
    if token.isdigit() and token.isascii() and (token == "0" or token[0] != "0"):
        i = int(token)
        if i < size:
            return i
    return None


def lookup(data: Any, tokens: list[str]) -> tuple[bool, Any]:
    """(found, node) at the unescaped `tokens` below `data`."""
    node = data
    for tok in tokens:
        t = type(node)
        if t is dict:
            if tok not in node:
                return False, None
            node = node[tok]
        elif t is list:
            i = array_index(tok, len(node))
            if i is None:
                return False, None
            node = node[i]
        else:
            return False, None
    return True, node


def node_at(data: Any, pointer: str) -> Any:
    """The node at `pointer` below `data`; None where there is none (or the text is no pointer)."""
    try:
        tokens = split_pointer(pointer)
    except ValueError:
        return None
    return lookup(data, tokens)[1]
