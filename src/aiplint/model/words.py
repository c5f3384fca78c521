"""Reading path literals as words: splitting kebab, snake, dotted and camelCase spellings, versions, actions.

These are spelling rules only; what a word means (noun number, verb or noun) is the lexicon's
(`aiplint.model.lexicon`).
"""

from __future__ import annotations

import re
from functools import lru_cache

_FILE_EXTENSION = re.compile(r"(?<=.)\.(json|xml|csv|ya?ml|txt|html?|pdf|zip|tar|gz)$", re.IGNORECASE)
_WORD_BOUNDARY = re.compile(r"[-_.~\s]+")
_CAMEL_HUMP = re.compile(r"[A-Z]+(?=[A-Z][a-z])|[A-Z]?[a-z]+|[A-Z]+|\d+")
_VERSION = re.compile(r"^v\d+(p\d+)?((alpha|beta|preview|rc|dev)\d*)?(\.\d+)*$", re.IGNORECASE)
_DATE_VERSION = re.compile(r"^\d{4}-\d{2}(-\d{2})?(-preview)?$")


def is_version(literal: str) -> bool:
    """`v1`, `v1alpha`, `v2beta1`, `v1p1beta1`, `v1.0` (reported elsewhere), and dated versions `2024-01-01`."""
    return bool(_VERSION.match(literal) or _DATE_VERSION.match(literal))


@lru_cache(maxsize=None)
def split_words(literal: str) -> tuple[str, ...]:
    """Split kebab, snake, dotted and camelCase literals into lower-case words: `setDefaultVersion` -> set, default,
    version."""
    words: list[str] = []
    literal = _FILE_EXTENSION.sub("", literal)
    for chunk in _WORD_BOUNDARY.split(literal):
        words.extend(hump.lower() for hump in _CAMEL_HUMP.findall(chunk))
    return tuple(words)


def split_before(literal: str, first_words: frozenset[str]) -> tuple[str, str]:
    """The literal cut before the first of its words after the first that is one of `first_words`, as written:
    (`unit`, `-of-measure`), (`area`, `OfLaw`); (literal, "") where none is."""
    for match in list(_CAMEL_HUMP.finditer(literal))[1:]:
        if match.group().lower() in first_words:
            head = literal[: match.start()].rstrip("-_.~")
            return head, literal[len(head) :]
    return literal, ""


def compact(literal: str) -> str:
    """The literal's words run together (`tool_group`, `toolGroup`, `tool-group` and `toolgroup` agree)."""
    return "".join(split_words(literal))


def dotted_namespace(literal: str) -> str:
    """What a literal names before the dot of its action (`channels` in `channels.delete`, `microsoft.graph` in
    `microsoft.graph.restore`); empty when it has none (a file's extension is none: `send.json`)."""
    return _FILE_EXTENSION.sub("", literal).rpartition(".")[0]


def called_noun(literal: str) -> str:
    """The noun right before the dot of a literal's action (`conversations` in `admin.conversations.archive`, `graph`
    in `microsoft.graph.restore`); empty when it has none."""
    return dotted_namespace(literal).rpartition(".")[2]


def called_after_one_noun(literal: str) -> bool:
    """A literal's action follows one dotted noun (api2cart's `product.delete.json`), not several (Slack's
    `calls.participants.remove`), whose bare `id` may be any of them's."""
    namespace = dotted_namespace(literal)
    return bool(namespace) and "." not in namespace


def action_part(literal: str) -> str:
    """The part of a literal that names an action: after a dotted namespace (`microsoft.graph.restore`,
    `chat.postMessage`), without a file extension."""
    base = _FILE_EXTENSION.sub("", literal)
    return base.rsplit(".", 1)[-1] or base
