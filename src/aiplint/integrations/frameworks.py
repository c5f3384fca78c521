"""Python web frameworks: which one an application object belongs to, its OpenAPI document, and its route table.

Each adapter returns `Generated` documents: the framework's own OpenAPI document (as a dict) and the
routes that declare its operations, as (HTTP methods, path, endpoint function).  The framework is recognised
from the names of the object's classes, so this module imports none of them: the application's own import
already did.  Supported: FastAPI (and any Starlette app with FastAPI apps mounted in it), Litestar, Django
Ninja, APIFlask, and flask-smorest (its `Api`, or the Flask app it is registered on).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Callable, Iterable, Iterator

from aiplint.errors import AiplintError

SUPPORTED = ("FastAPI (or a Starlette app with FastAPI apps mounted in it), Litestar, Django Ninja's NinjaAPI, "
             "APIFlask, flask-smorest's Api (or the Flask app it is registered on)")
_IGNORED_METHODS = frozenset(("HEAD", "OPTIONS"))  # added by the frameworks to every route


class UnsupportedApp(AiplintError):
    """The object is no application of a supported framework, or its framework cannot describe it."""


@dataclass
class Generated:
    """One OpenAPI document an application generates, and the routes that declare its operations."""

    spec: dict[str, Any]
    routes: list[tuple[frozenset[str], str, Callable[..., Any]]] = field(default_factory=list)
    mount: str = ""  # the prefix a sub-application is mounted at ("" for the application itself)


def _class_names(obj: Any) -> set[str]:
    return {f"{cls.__module__}.{cls.__qualname__}" for cls in type(obj).__mro__}


def generate(app: Any) -> list[Generated]:
    """The documents of an application object; raises UnsupportedApp naming the supported kinds."""
    names = _class_names(app)
    for class_name, adapter in _ADAPTERS:
        if class_name in names:
            return adapter(app)
    kind = f"{type(app).__module__}.{type(app).__qualname__}"
    raise UnsupportedApp(f"is a {kind}, not an application aiplint can read; supported: {SUPPORTED}")


# --------------------------------------------------------------------------------------------------
# FastAPI and Starlette


def _starlette(app: Any, mount: str = "") -> list[Generated]:
    """A FastAPI app's document, then those of the apps mounted in it (each its own document, with its
    paths under the mount prefix, as FastAPI serves a sub-application's own docs); a plain Starlette app
    only holds mounted ones."""
    found = []
    if callable(getattr(app, "openapi", None)):
        spec = app.openapi()
        if mount:
            spec = {**spec, "paths": {mount + key: value for key, value in (spec.get("paths") or {}).items()}}
        routes = [(frozenset(r.methods or ()) - _IGNORED_METHODS, mount + r.path_format, r.endpoint)
                  for r in _fastapi_routes(app) if getattr(r, "include_in_schema", False) and r.endpoint]
        found.append(Generated(spec, routes, mount))
    for prefix, sub_app in _mounted(app):
        if {"starlette.applications.Starlette"} & _class_names(sub_app):
            found += _starlette(sub_app, mount + prefix)
    if not found:
        raise UnsupportedApp("is a Starlette app with no OpenAPI document (neither openapi() nor a FastAPI app "
                             f"mounted in it); supported: {SUPPORTED}")
    return found


def _fastapi_routes(app: Any) -> Iterable[Any]:
    """The routes with their included routers' prefixes applied: FastAPI >= 0.16x keeps included routers as
    nodes (`fastapi.routing.iter_route_contexts` flattens them); older versions flatten `app.routes` itself."""
    import fastapi.routing

    flatten = getattr(fastapi.routing, "iter_route_contexts", None)
    return flatten(app.routes) if flatten else app.routes


def _mounted(app: Any) -> Iterator[tuple[str, Any]]:
    for route in getattr(app, "routes", ()):
        original = getattr(route, "original_route", route)
        if type(original).__name__ == "Mount" and getattr(original, "app", None) is not None:
            yield original.path, original.app


# --------------------------------------------------------------------------------------------------
# Litestar, Django Ninja


def _litestar(app: Any) -> list[Generated]:
    spec = app.openapi_schema.to_schema()
    routes = [(frozenset(h.http_methods) - _IGNORED_METHODS, route.path_format, h.fn)
              for route in app.routes for h in getattr(route, "route_handlers", ())]
    return [Generated(spec, routes)]


def _ninja(api: Any) -> list[Generated]:
    """Paths as served: under the prefix the Django URL configuration mounts the API at (`/api/...`), or
    without one where the API is in no URL configuration."""
    try:
        spec = api.get_openapi_schema()
    except Exception:  # noqa: BLE001 - NoReverseMatch, ImproperlyConfigured: no URLconf to take the prefix from
        spec = api.get_openapi_schema(path_prefix="")
    routes = [(frozenset(op.methods) - _IGNORED_METHODS, prefix + path, op.view_func)
              for prefix, router in api._routers for path, view in router.path_operations.items()
              for op in view.operations]
    return [Generated(dict(spec), routes)]


# --------------------------------------------------------------------------------------------------
# Flask: APIFlask, flask-smorest


def _apiflask(app: Any) -> list[Generated]:
    return [Generated(app.spec, _flask_routes(app))]


def _smorest(api: Any) -> list[Generated]:
    return [Generated(api.spec.to_dict(), _flask_routes(api._app))]


def _flask(app: Any) -> list[Generated]:
    apis = (app.extensions.get("flask-smorest") or {}).get("apis") or {}
    if not apis:
        raise UnsupportedApp(f"is a Flask app without an OpenAPI generator; supported: {SUPPORTED}")
    return [doc for entry in apis.values() for doc in _smorest(entry["ext_obj"])]


def _flask_routes(app: Any) -> list[tuple[frozenset[str], str, Callable[..., Any]]]:
    """Werkzeug rules (`/jobs/<int:job_id>`) with their view functions; a class-based view's methods each
    declare their own operation."""
    routes = []
    for rule in app.url_map.iter_rules():
        view = app.view_functions.get(rule.endpoint)
        view_class = getattr(view, "view_class", None)
        for method in set(rule.methods or ()) - _IGNORED_METHODS:
            handler = getattr(view_class, method.lower(), None) if view_class else view
            if handler is not None:
                routes.append((frozenset((method,)), rule.rule, handler))
    return routes


_ADAPTERS: tuple[tuple[str, Callable[[Any], list[Generated]]], ...] = (
    ("starlette.applications.Starlette", _starlette),  # FastAPI is one
    ("litestar.app.Litestar", _litestar),
    ("ninja.main.NinjaAPI", _ninja),
    ("apiflask.app.APIFlask", _apiflask),
    ("flask_smorest.Api", _smorest),
    ("flask.app.Flask", _flask),
)
