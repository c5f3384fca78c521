"""Mapping keys as strings: YAML `200:` loads as int 200, `true:` as True, `null:` as None.  Everything
downstream works with JSON-like data, so such keys become their YAML spelling, the same whether read from
loaded data (`key_string`, when loading) or from a composed node (`yaml_key_string`, when locating)."""

from __future__ import annotations

from typing import Any

__all__ = ["key_string", "yaml_key_string"]

_SPECIAL_WORDS = frozenset(("true", "True", "TRUE", "false", "False", "FALSE", "null", "Null", "NULL"))
_plain_cache: dict[str, str] = {}


def key_string(k: Any) -> str:
    """The string a loaded key stands for."""
    t = type(k)
    if t is str:
        return k
    if t is bool:
        return "true" if k else "false"
    if k is None:
        return "null"
    if t is int:
        return str(k)
    if t is float:
        if k != k:
            return ".nan"
        if k in (float("inf"), float("-inf")):
            return ".inf" if k > 0 else "-.inf"
        return repr(k)
    if t is tuple:
        return "[" + ", ".join(key_string(x) for x in k) + "]"
    if t is frozenset:
        return "{" + ", ".join(f"{key_string(a)}: {key_string(b)}" for a, b in sorted(k, key=repr)) + "}"
    return str(k)


def yaml_key_string(node: Any) -> str:
    """The string a YAML key node becomes in loaded data (``200`` -> "200", ``true`` -> "true", ...)."""
    import yaml

    if isinstance(node, yaml.ScalarNode):
        if node.style:  # quoted, block: always a string (plain: None, or "" from the C loader)
            return node.value
        return plain_key_string(node.value) if may_be_typed(node.value) else node.value
    if isinstance(node, yaml.SequenceNode):
        return "[" + ", ".join(yaml_key_string(x) for x in node.value) + "]"
    if isinstance(node, yaml.MappingNode):
        return "{" + ", ".join(f"{yaml_key_string(k)}: {yaml_key_string(v)}" for k, v in node.value) + "}"
    return str(getattr(node, "value", ""))


def may_be_typed(plain: str) -> bool:
    """Whether a plain scalar may load as something other than itself (a number, a boolean, null)."""
    return not plain or plain[0] in "0123456789+-.~" or plain in _SPECIAL_WORDS


def plain_key_string(v: str) -> str:
    """Resolve a plain scalar the way yaml_rs does (by asking it), then stringify like the loader."""
    s = _plain_cache.get(v)
    if s is None:
        import yaml_rs

        val: Any
        try:
            val = yaml_rs.loads(v, parse_datetime=False) if v else None
        except Exception:
            val = v
        s = _plain_cache[v] = key_string(val) if type(val) is not str else val
    return s
