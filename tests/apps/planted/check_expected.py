"""Check that expected.yaml describes exactly the operations of the Helpdesk API in main.py, and is well formed.

Run from anywhere: `python tests/apps/planted/check_expected.py`. It needs fastapi, pydantic and pyyaml; when
openapi-spec-validator is installed it also validates the document as OpenAPI 3.1. It never runs aiplint: the
expectations are compared with the application only. Exit status 0 when everything holds, 1 otherwise.
"""

from __future__ import annotations

import importlib.util
import re
import sys
from pathlib import Path

import yaml

HERE = Path(__file__).resolve().parent
FAMILIES = {"plural", "id", "custom"}
METHODS = {"get", "put", "post", "delete", "options", "head", "patch", "trace"}
PLANTED_RANGE = (12, 16)


def load_app():
    """main.py loaded from its file, so the check does not depend on `tests` being importable as a package."""
    spec = importlib.util.spec_from_file_location("planted_helpdesk_main", HERE / "main.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module.app


def parameter_names(document: dict) -> set[str]:
    """Every name the spec already uses for a parameter: path, query and header parameters, and request-body fields."""
    names: set[str] = set()
    schemas = document.get("components", {}).get("schemas", {})
    for item in document["paths"].values():
        for method, operation in item.items():
            if method not in METHODS:
                continue
            names.update(p["name"] for p in operation.get("parameters", []))
            for media in operation.get("requestBody", {}).get("content", {}).values():
                ref = media.get("schema", {}).get("$ref", "")
                names.update(schemas.get(ref.rsplit("/", 1)[-1], {}).get("properties", {}))
    return names


def check() -> list[str]:
    problems: list[str] = []
    document = load_app().openapi()
    expected = yaml.safe_load((HERE / "expected.yaml").read_text(encoding="utf-8"))

    if document.get("openapi") != expected.get("openapi_version"):
        problems.append(
            f"openapi version {document.get('openapi')!r}, expected.yaml says {expected.get('openapi_version')!r}"
        )
    try:
        from openapi_spec_validator import validate
    except ImportError:
        print("note: openapi-spec-validator is not installed; the document was not validated")
    else:
        try:
            validate(document)
        except Exception as error:  # noqa: BLE001 - any validation error is a problem to report
            problems.append(f"the document is not valid OpenAPI: {error}")

    actual = {}
    for path, item in document["paths"].items():
        for method, operation in item.items():
            if method in METHODS:
                actual[(method.upper(), path)] = operation.get("operationId")

    listed = [(route["method"], route["path"]) for route in expected["routes"]]
    for key in sorted(set(listed) - set(actual)):
        problems.append(f"expected.yaml lists {key[0]} {key[1]}, which the app does not have")
    for key in sorted(set(actual) - set(listed)):
        problems.append(f"the app has {key[0]} {key[1]}, which expected.yaml does not list")
    for key in sorted({k for k in listed if listed.count(k) > 1}):
        problems.append(f"expected.yaml lists {key[0]} {key[1]} more than once")

    names = parameter_names(document)
    planted = 0
    for route in expected["routes"]:
        label = f"{route['method']} {route['path']}"
        key = (route["method"], route["path"])
        if route.get("operation_id") and key in actual and actual[key] != route["operation_id"]:
            problems.append(f"{label}: operationId is {actual[key]!r}, expected.yaml says {route['operation_id']!r}")
        if route.get("clean") is True:
            extra = set(route) - {"method", "path", "operation_id", "clean"}
            if extra:
                problems.append(f"{label}: clean, yet it has {sorted(extra)}")
            continue
        planted += 1
        missing = {"family", "aip", "why", "fix"} - set(route)
        if missing:
            problems.append(f"{label}: neither clean nor a complete mistake (missing {sorted(missing)})")
            continue
        if route["family"] not in FAMILIES:
            problems.append(f"{label}: unknown family {route['family']!r}")
        also = route.get("also", [])
        if not set(also) <= FAMILIES or route["family"] in also:
            problems.append(f"{label}: `also` {also!r} must name other families")
        match = re.fullmatch(r"(GET|PUT|POST|DELETE|PATCH) (/\S+)", route["fix"])
        if not match:
            problems.append(f"{label}: fix {route['fix']!r} is not 'METHOD /path'")
            continue
        if (match[1], match[2]) == key:
            problems.append(f"{label}: the fix is the operation itself")
        for name in re.findall(r"{([^}]+)}", match[2]):
            if name not in names:
                problems.append(f"{label}: the fix's parameter {{{name}}} is a name the spec does not use")

    if not PLANTED_RANGE[0] <= planted <= PLANTED_RANGE[1]:
        problems.append(f"{planted} planted mistakes; the fixture wants {PLANTED_RANGE[0]}-{PLANTED_RANGE[1]}")
    print(
        f"{len(actual)} operations in the app, {len(listed)} in expected.yaml, {planted} planted, "
        f"{len(listed) - planted} clean"
    )
    return problems


def main() -> int:
    problems = check()
    for problem in problems:
        print("problem:", problem)
    print("ok" if not problems else f"{len(problems)} problem(s)")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
