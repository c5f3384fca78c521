"""The document is a structurally valid OpenAPI document.

## What it does
Validates the root document against the official OpenAPI JSON Schema for its version (2.0, 3.0, 3.1, as
shipped by `openapi-spec-validator`) with a compiled validator, and reports each error at its own location.
When an object fails and one of its members explains why, only the member's error is reported.

With the option `semantic = true` the rule also runs `openapi-spec-validator`'s full validation, which adds
checks that no JSON Schema can express (duplicate operationIds, `$ref` targets of the right type) but takes
seconds on large documents (8-12 s on GitHub's 13 MB description), so it is off by default.

## Why is this bad?
Tools that read an invalid document (code generators, gateways, documentation) each guess differently what
it means.

## Example
```yaml
parameters: [{name: limit, in: qery}]
```

## Use instead
```yaml
parameters: [{name: limit, in: query, schema: {type: integer}}]
```

## Options
- `semantic`: also run openapi-spec-validator's full (slow) validation.

## Measured
Peer suites (issue 19, `benchmarks/peer_suites.py`): agrees with 2 of 2 cases of Spectral.

## References
- OpenAPI Specification: https://spec.openapis.org/oas/latest.html
"""

from __future__ import annotations

import json
import re
from functools import lru_cache
from importlib.util import find_spec
from pathlib import Path
from typing import Any, Iterable

from aiplint.model import Location
from aiplint.read.pointers import join_pointer
from aiplint.rule import Context, Option, Problem, rule

_REF_ONLY = '"$ref" is a required property'
_BLOB = re.compile(r"^[\[{].*?(?= is (not|a|an) )", re.S)


@rule(
    id="oas/schema",
    summary="The document is valid against the OpenAPI schema",
    reference="OpenAPI Specification",
    url="https://spec.openapis.org/oas/latest.html",
    severity="error",
    options={"semantic": Option(False, "also run openapi-spec-validator's full validation (slow on big specs)")},
)
def check(ctx: Context):
    document = ctx.api.document
    root = document.root
    validator = _validator(_schema_name(document.major, document.minor))
    if validator is None:
        return
    data, keep = _listable(validator, root.data)
    if keep is not None:
        yield Problem(f"invalid OpenAPI {document.version}: too many structural errors to list; only those in the "
                      f"first {keep} items of each list and mapping are reported", Location(root, ""),
                      detail="too-many-errors")
    errors = [cause for error in validator.iter_errors(data) for cause in _causes(error)]
    if ctx.options["semantic"]:
        errors += list(_semantic_errors(root.data))
    for pointer, message in _most_specific(errors):
        yield Problem(
            f"invalid OpenAPI {document.version}: {_BLOB.sub('value', message, count=1)}",
            Location(root, pointer),
            detail=f"{pointer}:{message}",
        )


# Each error the validator explains (`iter_errors`, with the alternatives of every `oneOf`) costs ~0.3 ms; a
# cheap count of the leaf errors (`evaluate`) tells when a hostile document would take seconds.
_MAX_LEAF_ERRORS = 10_000


def _listable(validator: Any, data: Any) -> tuple[Any, int | None]:
    """The document to explain errors in, and None; or, when it has too many errors, a copy whose lists and
    mappings keep only their first items (pointers into it stay valid in the original) and how many."""
    if validator.is_valid(data):
        return data, None
    keep = 1000
    while keep > 4 and len(validator.evaluate(data).errors()) > _MAX_LEAF_ERRORS:
        keep //= 4
        data = _first_items(data, keep)
    return data, (keep if keep < 1000 else None)


def _first_items(data: Any, keep: int) -> Any:
    """A copy of `data` with each list and mapping cut to its first `keep` items (walked without recursion)."""
    holder: list[Any] = [None]
    stack: list[tuple[Any, Any, Any]] = [(data, holder, 0)]
    while stack:
        node, parent, key = stack.pop()
        if type(node) is dict:
            parent[key] = members = dict.fromkeys(list(node)[:keep])
            stack += ((node[name], members, name) for name in members)
        elif type(node) is list:
            parent[key] = items = node[:keep]
            stack += ((item, items, index) for index, item in enumerate(items))
        else:
            parent[key] = node
    return holder[0]


def _schema_name(major: int, minor: int) -> str | None:
    if major == 2:
        return "v2.0"
    if major == 3:
        return {0: "v3.0", 1: "v3.1", 2: "v3.2"}.get(minor)
    return None


@lru_cache(maxsize=None)
def _validator(name: str | None) -> Any:
    """The compiled validator for one OAS version, from the schema files openapi-spec-validator ships (found
    without importing it: its import costs more than validating a large document)."""
    spec = find_spec("openapi_spec_validator")
    if name is None or spec is None or not spec.submodule_search_locations:
        return None
    import jsonschema_rs

    path = Path(spec.submodule_search_locations[0], "resources", "schemas", name, "schema.json")
    return jsonschema_rs.validator_for(json.loads(path.read_text(encoding="utf-8")))


def _causes(error: Any, depth: int = 0) -> list[tuple[str, str]]:
    """The (pointer, message) pairs that explain a failed `oneOf`/`anyOf`: where every alternative but one
    failed only for not being a `$ref`, the remaining alternative's own errors (recursively); where the
    alternatives differ only in the allowed values of one member (`in: path|query|header|cookie`), that
    member with all the values; else the error itself."""
    branches = getattr(error.kind, "context", None) or []
    real = [b for b in branches if not all(_REF_ONLY in e.message for e in b)]
    if depth <= 6 and len(real) == 1 and real[0]:
        return [cause for e in real[0] for cause in _causes(e, depth + 1)]
    if depth <= 6 and len(real) > 1:
        choice = _enum_choice(real)
        if choice is not None:
            return [choice]
    return [(_pointer(error.instance_path), error.message)]


def _enum_choice(branches: list[list[Any]]) -> tuple[str, str] | None:
    """One member whose allowed value differs per alternative: `"qery" is not one of "path", "query", ...`."""
    allowed: dict[str, list[Any]] = {}
    value: Any = None
    for branch in branches:
        values = {}
        for e in branch:
            kind = e.kind.as_dict()
            if "options" in kind or "expected_value" in kind:
                values[_pointer(e.instance_path)] = kind.get("options", [kind.get("expected_value")])
                value = e.instance
        if len(values) != 1:
            return None
        (pointer, options), = values.items()
        allowed.setdefault(pointer, []).extend(options)
    if len(allowed) != 1:
        return None
    (pointer, options), = allowed.items()
    return pointer, f"{json.dumps(value)} is not one of {', '.join(json.dumps(o) for o in options)}"


def _pointer(path: Iterable[Any]) -> str:
    return join_pointer("", *(str(token) for token in path))


def _most_specific(errors: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """Drop an error on an object when an error on one of its members says more (linear in the errors: each
    pointer adds its ancestors to one set, stopping at the first already there)."""
    ancestors: set[str] = set()
    for pointer in dict.fromkeys(pointer for pointer, _ in errors):
        end = pointer.rfind("/")
        while end >= 0 and pointer[:end] not in ancestors:
            ancestors.add(pointer[:end])
            end = pointer.rfind("/", 0, end)
    return [(pointer, message) for pointer, message in dict.fromkeys(errors) if pointer not in ancestors]


def _semantic_errors(data: dict[str, Any]) -> Iterable[tuple[str, str]]:
    from openapi_spec_validator import validate
    from openapi_spec_validator.validation.exceptions import OpenAPIValidationError

    try:
        validate(data)
    except OpenAPIValidationError as exc:
        yield _pointer(getattr(exc, "absolute_path", ()) or ()), str(exc).splitlines()[0]
