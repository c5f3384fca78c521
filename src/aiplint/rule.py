"""What a rule module uses: the `rule` decorator, `Problem` (what a check yields) and `Context`.

A rule is a module whose docstring is its documentation and which defines one check function::

    \"\"\"Operation IDs must be lowerCamelCase. ... (the docstring is what `aiplint explain` prints)\"\"\"
    from aiplint.model import Operation
    from aiplint.rule import Context, Option, Problem, rule

    @rule(
        id="acme/operation-id-case",
        summary="operationId is lowerCamelCase",
        reference="Acme API guide 4.2",
        url="https://example.com/guide#4.2",
        severity={"rest": "warning", "aip": "error"},   # the profiles that enable it, with its default severity
        options={"allow": Option((), "operationIds to accept as they are")},
        inspects="operation",                           # the engine loops: check gets one operation at a time
        only_if=lambda ctx, op: op.operation_id is not None,
    )
    def check(ctx: Context, op: Operation):
        if not op.operation_id[:1].islower():
            yield Problem(f"`{op.operation_id}` is not lowerCamelCase", op.at, operation=op)

and is registered under the `aiplint.rules` entry-point group (`name = "package.module:check"`).  A rule that
compares things across the document keeps the default `inspects="document"` and reads `ctx.api` itself.
"""

from __future__ import annotations

import operator
import re
import sys
from dataclasses import dataclass, field
from enum import Enum
from functools import partialmethod
from types import MappingProxyType
from typing import TYPE_CHECKING, Any, Callable, Iterable, Iterator, Literal, Mapping

from aiplint.model.suppression import Suppressions

if TYPE_CHECKING:
    from aiplint.model import ApiModel, Location, Operation

PROFILES = ("rest", "aip")
BUILTIN_PACKAGE = "aiplint.lint_rules"
DOCS_URL = "https://github.com/aiplint/aiplint/blob/main/docs/rules.md"  # the rule reference, one section per rule
_AIP_FAMILY = re.compile(r"aip(\d+)/")
# The families of API change ids (`aiplint.compat.kinds`): what changed between two versions, not lint rules, so no
# configuration selects or ignores them.
CHANGE_FAMILIES = ("breaking/", "change/")
Inspects = Literal["document", "operation", "path"]
Phase = Literal["lint", "suppressions"]
Headline = Literal["plural", "id", "custom"]


class Severity(str, Enum):
    """A finding's severity; severities compare by rank (`Severity.ERROR > Severity.WARNING`), also with their
    names (`severity >= "warning"`), never as strings."""

    ERROR = "error"
    WARNING = "warning"
    INFO = "info"

    @property
    def rank(self) -> int:
        return {"error": 3, "warning": 2, "info": 1}[self.value]

    def _compare(self, other: object, op: Callable[[int, int], bool]) -> bool:
        if not isinstance(other, Severity):
            if not isinstance(other, str):
                return NotImplemented
            try:
                other = Severity(other)
            except ValueError:  # not string order: "error" < "warning" would be the wrong way round
                raise TypeError(f"a severity compares with error, warning or info, not {other!r}") from None
        return op(self.rank, other.rank)

    __lt__ = partialmethod(_compare, op=operator.lt)
    __le__ = partialmethod(_compare, op=operator.le)
    __gt__ = partialmethod(_compare, op=operator.gt)
    __ge__ = partialmethod(_compare, op=operator.ge)


@dataclass(frozen=True)
class Option:
    """A rule option: its default, per-profile defaults where they differ, one line of help, and the values it
    accepts where they are a fixed set (checked when the configuration is read)."""

    default: Any
    help: str
    profile_defaults: Mapping[str, Any] = field(default_factory=dict)
    choices: tuple[Any, ...] = ()

    def default_for(self, profile: str) -> Any:
        return self.profile_defaults.get(profile, self.default)


@dataclass(frozen=True)
class RenamePath:
    """Rename the path key `old` of the document's `paths` to `new`, and every `$ref` and link `operationRef`
    (in any file of the document) that quotes it."""

    old: str
    new: str


@dataclass(frozen=True)
class RemoveMember:
    """Remove a mapping member, key and value, from a file of the document (`file`: the path it is reported at)."""

    file: str
    pointer: str


@dataclass(frozen=True)
class SetValue:
    """Give the mapping member at `pointer` (a string or boolean) the scalar value `value`."""

    file: str
    pointer: str
    value: str | bool


@dataclass(frozen=True)
class AddMember:
    """Add the member `key: value` to a mapping, right after its member at `after` (whose value is a scalar)."""

    file: str
    after: str
    key: str
    value: str | bool


Edit = RenamePath | RemoveMember | SetValue | AddMember


@dataclass(frozen=True)
class Fix:
    """A problem's fix as `aiplint check --fix` applies it: what it does (`title`, one line), its edits, and
    whether it is safe.  An unsafe fix changes the API's surface for its clients (a path renamed, a method
    changed): only `--unsafe-fixes` applies it.  Edits name places in the document (paths, JSON pointers); the
    fix engine (`aiplint.fixing`) finds their text and leaves every other byte as it is."""

    title: str
    edits: tuple[Edit, ...]
    safe: bool = True

    def to_json(self) -> dict[str, Any]:
        """The fix as the result cache stores it (`from_json` reads it back)."""
        return {"title": self.title, "safe": self.safe,
                "edits": [[type(edit).__name__, *vars(edit).values()] for edit in self.edits]}

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> Fix:
        kinds = {kind.__name__: kind for kind in (RenamePath, RemoveMember, SetValue, AddMember)}
        edits = tuple(kinds[name](*values) for name, *values in data["edits"])
        return cls(str(data["title"]), edits, bool(data["safe"]))


@dataclass(frozen=True)
class Problem:
    """One violation, as a check reports it; the engine adds the rule, severity, position and fingerprint."""

    message: str
    at: Location
    operation: Operation | None = None
    path: str | None = None  # the path key, for path-level problems without an operation
    suggestion: str | None = None
    detail: str = ""  # what distinguishes this problem within its operation (a parameter name, a segment)
    related: tuple[Location, ...] = ()  # the other places one mistake is made: every path using a collection
    # what identifies a problem with no path in baselines and diffs where its pointer depends on the order of lists
    # (`/paths/~1a/get/parameters/12/examples/x`): by default the pointer
    identity: str | None = None
    fix: Fix | None = None  # what `aiplint check --fix` does about it, where the rule knows a sure edit


@dataclass(frozen=True)
class Context:
    """What a check reads: the model, its options in force, the profile, and the document's inline suppressions
    (for the rules about `x-aiplint-ignore` itself; the engine applies them to every other rule's problems)."""

    api: ApiModel
    options: Mapping[str, Any]
    profile: str
    suppressions: Suppressions = field(default_factory=Suppressions.none)


@dataclass(frozen=True)
class Rule:
    id: str
    summary: str
    reference: str
    url: str
    severities: Mapping[str, Severity]  # profile -> default severity; absent profile = rule off there
    options: Mapping[str, Option]
    check: Callable[..., Iterable[Problem]]
    doc: str
    inspects: Inspects = "document"
    only_if: Callable[[Context, Any], bool] | None = None
    phase: Phase = "lint"
    headline: Headline | None = None
    aip: int | None = None  # the AIP the rule enforces (`aip127/...` -> 127), None for the others

    @property
    def docs_url(self) -> str:
        """Where the rule is documented: a built-in rule's section of aiplint's rule reference (docs/rules.md), a
        plugin rule's own `url`."""
        if self.check.__module__.startswith(BUILTIN_PACKAGE + "."):
            return f"{DOCS_URL}#{anchor(self.id)}"
        return self.url

    def problems(self, ctx: Context) -> Iterator[Problem]:
        """Run the check: once on the document, or on each operation or path item (those `only_if` admits)."""
        if self.inspects == "document":
            yield from self.check(ctx)
            return
        for element in ctx.api.operations if self.inspects == "operation" else ctx.api.paths:
            if self.only_if is None or self.only_if(ctx, element):
                yield from self.check(ctx, element)

    def severity_for(self, profile: str) -> Severity | None:
        return self.severities.get(profile)

    def options_for(self, profile: str, overrides: Mapping[str, Any] | None = None) -> Mapping[str, Any]:
        values = {name: option.default_for(profile) for name, option in self.options.items()}
        values.update(overrides or {})
        return MappingProxyType(values)


def rule(
    *,
    id: str,
    summary: str,
    reference: str,
    url: str,
    severity: str | Mapping[str, str],
    options: Mapping[str, Option] | None = None,
    inspects: Inspects = "document",
    only_if: Callable[[Context, Any], bool] | None = None,
    phase: Phase = "lint",
    headline: Headline | None = None,
    aip: int | None = None,
) -> Callable[[Callable[..., Iterable[Problem]]], Rule]:
    """Declare a rule.  `severity` is one severity for every profile, or a profile -> severity mapping
    naming the profiles that enable the rule.  The rule's documentation is its module's docstring.

    `inspects` says what the check is given besides the context: nothing (`"document"`: it reads `ctx.api`
    itself), each `"operation"` or each `"path"` item, those for which `only_if(ctx, element)` holds.  `phase`
    `"suppressions"` is for rules about `x-aiplint-ignore` itself: they run after the others, only with inline
    ignores on, and are never suppressed.  `aip` is the number of the AIP the rule enforces, by default the
    family's (`aip127/no-body-get-delete` -> 127; None for a family not named `aipNNN`).

    `headline` names the mistake a rule is about when it is one of the three aiplint exists for: `"plural"`
    (a singular collection), `"id"` (a resource's ID outside the path) or `"custom"` (a custom method written
    against AIP-136).  Problems of several rules at one operation that share a fix are one finding: the rule whose
    mistake the fix is reports it (an ID rule when the fix is a standard method, a custom-method rule when it
    stays a custom method), the others are listed in its `also`."""
    per_profile = {p: severity for p in PROFILES} if isinstance(severity, str) else dict(severity)

    def declare(check: Callable[..., Iterable[Problem]]) -> Rule:
        module = sys.modules.get(check.__module__)
        return Rule(
            id=id,
            summary=summary,
            reference=reference,
            url=url,
            severities=MappingProxyType({p: Severity(s) for p, s in per_profile.items()}),
            options=MappingProxyType(dict(options or {})),
            check=check,
            doc=(module.__doc__ if module else None) or check.__doc__ or summary,
            inspects=inspects,
            only_if=only_if,
            phase=phase,
            headline=headline,
            aip=aip if aip is not None else aip_of(id),
        )

    return declare


def aip_of(rule_id: str) -> int | None:
    """The AIP a rule id's family names: `aip127/no-body-get-delete` -> 127; None for `oas/...`, `rest/...`."""
    match = _AIP_FAMILY.match(rule_id)
    return int(match.group(1)) if match else None


def anchor(rule_id: str) -> str:
    """The rule's section in the Markdown rule reference, as GitHub names a `## aip122/plural-collection` heading."""
    return rule_id.replace("/", "").replace(".", "")
