"""Glob matching in time linear in the text, whatever the pattern: the `.gitignore` and `exclude` patterns of a
walk (`gitignore_pattern`) and the configuration's API path globs (`path_glob`).

Both syntaxes compile to one small automaton (Thompson's construction) that is run over the text a character at
a time, its sets of states memoised as the states of a DFA built on the way.  A regular expression engine that
backtracks would try every way of splitting a path among repeated `**/` (`a/**/a/**/a/...`: exponential in
their number, minutes for ten of them); this reads each character once.
"""

from __future__ import annotations

import string
from dataclasses import dataclass
from typing import Callable, Sequence, Union

CharTest = Callable[[str], bool]
_ACCEPT = 0  # the automaton's state that has read a whole match
# What the DFA may keep per glob (transitions, plus automaton states listed by its states): plenty for a walk's
# paths, and a bound on memory for a hostile pattern or path, past which it starts afresh.
_MEMO_BUDGET = 1 << 16

# The pieces a glob is made of: one character, any number of them, or an optional run of pieces.
@dataclass(frozen=True)
class One:
    test: CharTest


@dataclass(frozen=True)
class Many:
    test: CharTest


@dataclass(frozen=True)
class Maybe:
    pieces: tuple[Piece, ...]


Piece = Union[One, Many, Maybe]


def literal(text: str) -> list[Piece]:
    return [One(char.__eq__) for char in text]


def _any(char: str) -> bool:
    return True


def _not_slash(char: str) -> bool:
    return char != "/"


ANY_RUN, SEGMENT_RUN, SEGMENT_CHAR = Many(_any), Many(_not_slash), One(_not_slash)
FOLDERS = Maybe((Many(_any), One("/".__eq__)))  # `**/`: nothing, or any run of characters ending in `/`


class Glob:
    """A compiled glob: `match(text)` says whether it matches the whole text."""

    def __init__(self, pieces: Sequence[Piece]):
        self._tests: list[CharTest | None] = [None]  # per state: what it reads (None: a state that reads nothing)
        self._next: list[tuple[int, ...]] = [()]
        self._start = self._emit(pieces, _ACCEPT)
        self._forget()

    def match(self, text: str) -> bool:
        if len(self._moves) + self._listed > _MEMO_BUDGET:
            self._forget()
        state = 0
        for char in text:
            if not self._states[state][0]:
                return False  # text left over, and nothing that could read it
            move = self._moves.get((state, char))
            if move is None:
                move = self._moves[state, char] = self._step(state, char)
            state = move
        return self._states[state][1]

    def _forget(self) -> None:
        self._ids: dict[frozenset[int], int] = {}
        self._states: list[tuple[tuple[tuple[CharTest, int], ...], bool]] = []  # (what reads, to where), accepts
        self._moves: dict[tuple[int, str], int] = {}
        self._listed = 0  # automaton states listed by the DFA's
        self._dfa_state({self._start})  # DFA state 0

    def _step(self, state: int, char: str) -> int:
        return self._dfa_state({follow for test, follow in self._states[state][0] if test(char)})

    def _dfa_state(self, states: set[int]) -> int:
        """The DFA state of a set of automaton states, with every state reached from them without reading."""
        closed, pending = set(), list(states)
        while pending:
            state = pending.pop()
            if state not in closed:
                closed.add(state)
                if self._tests[state] is None:
                    pending += self._next[state]
        key = frozenset(closed)
        if key not in self._ids:
            self._ids[key] = len(self._states)
            reads = tuple((test, self._next[s][0]) for s in sorted(key) if (test := self._tests[s]) is not None)
            self._states.append((reads, _ACCEPT in key))
            self._listed += len(reads)
        return self._ids[key]

    def _emit(self, pieces: Sequence[Piece], follow: int) -> int:
        """The states of `pieces` ahead of state `follow`; their first state."""
        for piece in reversed(pieces):
            if isinstance(piece, One):
                follow = self._add(piece.test, (follow,))
            elif isinstance(piece, Many):
                loop = self._add(None, ())
                self._next[loop] = (self._add(piece.test, (loop,)), follow)
                follow = loop
            else:
                follow = self._add(None, (self._emit(piece.pieces, follow), follow))
        return follow

    def _add(self, test: CharTest | None, follow: tuple[int, ...]) -> int:
        self._tests.append(test)
        self._next.append(follow)
        return len(self._tests) - 1


NEVER = Glob([One(lambda char: False)])


# -- the configuration's API path globs


def path_glob(pattern: str) -> Glob:
    """`**` matches across `/` (a trailing `/**` also matches the folder itself), `*` and `?` within one
    segment, anything else itself: `/v1/legacy/**` matches `/v1/legacy` and `/v1/legacy/jobs/{id}`."""
    tail: list[Piece] = []
    if pattern.endswith("/**"):
        pattern, tail = pattern[:-3], [Maybe((One("/".__eq__), ANY_RUN))]
    pieces: list[Piece] = []
    at = 0
    while at < len(pattern):
        if pattern.startswith("**/", at):
            pieces.append(FOLDERS)
            at += 3
        elif pattern.startswith("**", at):
            pieces.append(ANY_RUN)
            at += 2
        else:
            pieces += [SEGMENT_RUN] if pattern[at] == "*" else [SEGMENT_CHAR] if pattern[at] == "?" else literal(
                pattern[at])
            at += 1
    return Glob(pieces + tail)


# -- gitignore patterns, as git's wildmatch reads them (WM_PATHNAME: `*`, `?` and `[...]` never match `/`)

_GLOB_SPECIAL = "*?[\\"
_CLASSES: dict[str, str] = {  # the C locale's, as git's own ctype has them
    "alnum": string.ascii_letters + string.digits, "alpha": string.ascii_letters, "blank": " \t",
    "cntrl": "".join(map(chr, range(32))) + "\x7f", "digit": string.digits, "graph": string.punctuation
    + string.ascii_letters + string.digits, "lower": string.ascii_lowercase, "print": " " + string.punctuation
    + string.ascii_letters + string.digits, "punct": string.punctuation, "space": " \t\n\r",
    "upper": string.ascii_uppercase, "xdigit": string.hexdigits}


class Unusable(ValueError):
    """A pattern git accepts but that can match nothing: a `[` never closed, an unknown `[:class:]`, a trailing
    backslash."""


@dataclass(frozen=True)
class GitignorePattern:
    """One gitignore line: `matches(path, is_dir)` for a path relative to the folder it was written for."""

    negated: bool  # `!pattern`: takes a path back
    folders_only: bool  # a trailing `/`
    basename_only: bool  # no `/` but a trailing one: matched against the last segment at any depth
    glob: Glob

    def matches(self, path: str, is_dir: bool) -> bool:
        if self.folders_only and not is_dir:
            return False
        return self.glob.match(_git_bytes(path.rpartition("/")[2] if self.basename_only else path))


def gitignore_pattern(line: str) -> GitignorePattern | None:
    """A `.gitignore` line as git reads it (dir.c's parse_path_pattern), None for a blank line or a comment.
    The text is matched byte by byte, as git does (`?` is one byte of a UTF-8 name)."""
    line = _trim_trailing_spaces(line)
    if not line or line.startswith("#"):
        return None
    negated = line.startswith("!")
    pattern = line[1:] if negated else line
    folders_only = pattern.endswith("/")
    pattern = _git_bytes(pattern[:-1] if folders_only else pattern)
    basename_only = "/" not in pattern
    try:
        if basename_only:
            pieces = _wildmatch(pattern)
        else:  # git compares the literal start first and wildmatches the rest as a pattern of its own
            pattern = pattern[1:] if pattern.startswith("/") else pattern
            prefix = next((at for at, char in enumerate(pattern) if char in _GLOB_SPECIAL), len(pattern))
            pieces = literal(pattern[:prefix]) + _wildmatch(pattern[prefix:])
        glob = Glob(pieces)
    except Unusable:
        glob = NEVER
    return GitignorePattern(negated, folders_only, basename_only, glob)


def _git_bytes(text: str) -> str:
    """Text as the bytes git compares, one character per byte."""
    return text.encode("utf-8", "surrogateescape").decode("latin-1")


def _trim_trailing_spaces(line: str) -> str:
    """Trailing spaces go, unless the last is escaped with a backslash (dir.c's trim_trailing_spaces)."""
    trimmed = line.rstrip(" ")
    escapes = len(trimmed) - len(trimmed.rstrip("\\"))
    return trimmed + " " if escapes % 2 and trimmed != line else trimmed


def _wildmatch(pattern: str) -> list[Piece]:
    """The pieces of a wildmatch pattern: `**` between slashes (or at either end) any run of folders, any other
    run of `*` one segment's characters, `[...]` one character of a set, a backslash escaping the next."""
    pieces: list[Piece] = []
    at = 0
    while at < len(pattern):
        char = pattern[at]
        if char == "*":
            end = len(pattern) - len(pattern[at:].lstrip("*"))
            whole_segment = (at == 0 or pattern[at - 1] == "/") and (
                end == len(pattern) or pattern.startswith(("/", "\\/"), end))
            if end - at >= 2 and whole_segment and pattern.startswith("/", end):
                pieces.append(FOLDERS)
                end += 1
            else:
                pieces.append(ANY_RUN if end - at >= 2 and whole_segment else SEGMENT_RUN)
            at = end
        elif char == "?":
            pieces.append(SEGMENT_CHAR)
            at += 1
        elif char == "[":
            test, at = _bracket(pattern, at + 1)
            pieces.append(One(test))
        else:
            if char == "\\":
                at += 1
                if at == len(pattern):
                    raise Unusable
            pieces += literal(pattern[at])
            at += 1
    return pieces


def _bracket(pattern: str, at: int) -> tuple[CharTest, int]:
    """The test of a `[...]` whose text starts at `at`, and where the pattern goes on: wildmatch's reading, where
    the first character is a member even if it is `]`, `a-z` is a range (`z-a` none, but its `z` a member),
    `[:alpha:]` a class."""
    negated = pattern.startswith(("!", "^"), at)
    at += negated
    members: set[str] = set()
    ranges: list[tuple[str, str]] = []
    previous = ""
    first = True
    while first or pattern[at:at + 1] != "]":
        first = False
        char = pattern[at:at + 1]
        if not char:
            raise Unusable
        if char == "\\":
            at += 1
            char = pattern[at:at + 1]
            if not char:
                raise Unusable
            members.add(char)
        elif char == "-" and previous and pattern[at + 1:at + 2] not in ("", "]"):
            at += 1
            if pattern[at] == "\\":
                at += 1
                if at == len(pattern):
                    raise Unusable
            ranges.append((previous, pattern[at]))
            char = ""
        elif char == "[" and pattern.startswith(":", at + 1):
            close = pattern.find("]", at + 2)
            if close < 0:
                raise Unusable
            name = pattern[at + 2:close - 1]
            if close - 1 < at + 2 or pattern[close - 1] != ":":
                members.add("[")  # no `:]`: a plain `[`
            elif name in _CLASSES:
                members.update(_CLASSES[name])
                at, char = close, ""
            else:
                raise Unusable
        else:
            members.add(char)
        previous = char
        at += 1
    frozen = frozenset(members)

    def test(char: str) -> bool:
        inside = char in frozen or any(low <= char <= high for low, high in ranges)
        return inside != negated and char != "/"

    return test, at + 1
