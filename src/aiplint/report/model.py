"""`aiplint model SPEC`: what aiplint understood of an API (`aiplint.model`), as text (a table per resource) or
JSON: its resources, and per operation its kind, the resource it acts on, where that resource's ID travels and the
evidence for it."""

from __future__ import annotations

import json
from typing import Any

from aiplint.model.api import ApiModel
from aiplint.model.resources import Resource
from aiplint.model.types import Operation
from aiplint.read.escaping import printable


def model_json(api: ApiModel) -> str:
    return json.dumps({"resources": [_resource(api, r) for r in api.resources],
                       "operations": [_operation(api, op) for op in api.operations]}, indent=2)


def _resource(api: ApiModel, resource: Resource) -> dict[str, Any]:
    return {"name": resource.singular, "plural": resource.plural, "pattern": resource.pattern,
            "singleton": resource.singleton, "parent": resource.parent.pattern if resource.parent else None,
            "operations": [op.label for op in resource.operations]}


def _operation(api: ApiModel, op: Operation) -> dict[str, Any]:
    facts = api.facts(op)
    target = facts.target
    return {"method": op.method.upper(), "path": op.path.key, "operationId": op.operation_id,
            "kind": facts.kind.value, "resource": facts.resource, "id_in": facts.id_in,
            "target": {"name": target.name, "in": target.where, "required": target.required} if target else None,
            "returns": facts.shape.value, "named_verb": facts.named_verb,
            "evidence": [{"signal": e.signal, "says": e.says, "weight": e.weight} for e in facts.evidence]}


def model_text(api: ApiModel) -> str:
    """A table per resource, then the operations on no resource the paths show."""
    lines: list[str] = []
    owned: set[int] = set()
    for resource in api.resources:
        what = "singleton" if resource.singleton else f"collection `{resource.plural}`"
        parent = f", parent {resource.parent.pattern}" if resource.parent else ""
        lines.append(f"{printable(resource.singular)}: {what}, {printable(resource.pattern)}{parent}")
        lines += _table(api, resource.operations)
        lines.append("")
        owned.update(id(op) for op in resource.operations)
    others = [op for op in api.operations if id(op) not in owned]
    if others:
        lines.append("operations on no resource the paths address by ID:")
        lines += _table(api, others)
    return "\n".join(lines) + "\n"


def _table(api: ApiModel, operations: list[Operation]) -> list[str]:
    rows = [(printable(op.label), *_row(api, op)) for op in operations]
    if not rows:
        return ["  (no operation)"]
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]) - 1)] + [0]
    return ["  " + "  ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=True)).rstrip()
            for row in rows]


def _row(api: ApiModel, op: Operation) -> tuple[str, str, str, str]:
    facts = api.facts(op)
    target = f" `{printable(facts.target.name)}`" if facts.target else ""
    weighed = [f"{e.says} ({e.weight:+d})" for e in facts.evidence if e.weight]
    return facts.kind.value, f"id in {facts.id_in}{target}", f"returns {facts.shape.value}", "; ".join(weighed)
