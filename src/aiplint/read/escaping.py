"""Text from a spec or a configuration, shown safely: every report format and every error message goes through here.

Path keys, names, messages that quote them, configuration keys and values come from whoever wrote the spec (in
CI: whoever opened the pull request), so they are never trusted.  `printable` keeps such text on one line that
cannot drive a terminal or reorder what a reader sees; `markdown_code` keeps it inert in Markdown, `html_text` in
HTML.  The module sits at the bottom of the layers, in `read`, because the lowest users are there: the error
messages of reading (`InputError`) and of the configuration (`ConfigError`) escape what they quote, as do the
spec-diff writers of `compat` and every format of `report`.
"""

from __future__ import annotations

import html
import re

# Control characters, line and paragraph separators, and the bidirectional controls, which reorder what a reader
# sees (U+061C, U+200E-U+200F, U+202A-U+202E, U+2066-U+2069: a "Trojan Source" path key reads as another).
_UNPRINTABLE = re.compile(r"[\x00-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028-\u202e\u2066-\u2069]")
_ESCAPES = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}


def printable(text: str) -> str:
    """`text` with control characters written as escapes (`\\n`, `\\x1b`, `\\u202e`): strings from a spec or a
    configuration can neither break a line (a line `::error ...` is a GitHub Actions workflow command), drive a
    terminal, nor reorder the text around them."""
    if not _UNPRINTABLE.search(text):
        return text
    return _UNPRINTABLE.sub(lambda m: _ESCAPES.get(m[0]) or repr(m[0])[1:-1], text)


def markdown_code(text: str) -> str:
    """Text from a spec as one Markdown code span, for a job summary or a pull-request comment.  GFM shows a code
    span's content as it is, so nothing in it can open a link (bare URLs and e-mail addresses, which backslash
    escapes do not stop, included), an image or HTML, mention someone or reference an issue; whitespace collapses
    so it stays on its line.  The fence is longer than any run of backticks in the text, and padded with a space
    where the text starts or ends with one (GFM strips that space)."""
    text = printable(" ".join(text.split()))
    fence = "`" * (max(map(len, re.findall("`+", text)), default=0) + 1)
    pad = " " if not text or text[0] == "`" or text[-1] == "`" else ""
    return f"{fence}{pad}{text}{pad}{fence}"


def html_text(text: str) -> str:
    """Text from a spec in HTML, as an element's content or a quoted attribute's value: `&`, `<`, `>`, `"` and `'`
    as character references, so nothing in it is markup (no element, attribute, comment or entity of its own, and
    no way out of the attribute or a `<style>` / `<script>` element it is in); control characters and
    bidirectional controls as escapes, as `printable` writes them."""
    return html.escape(printable(text), quote=True)
