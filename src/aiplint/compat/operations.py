"""The operation layer of the compatibility check: operations and webhooks, their parameters, request bodies,
responses and security, and the document's servers and security schemes.  Schemas are left to
`aiplint.compat.schemas`; what a change means for clients comes from `aiplint.compat.kinds`."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Iterable, Iterator

from aiplint.compat import Change
from aiplint.compat.causes import name_of_place
from aiplint.compat.kinds import kind as kind_of
from aiplint.compat.lifecycle import (
    STABILITY_LEVELS,
    STABLE,
    Stability,
    declared_stability,
    removal_level,
    stability_of,
)
from aiplint.compat.matching import OperationMatch, normalised, operation_key, operation_stem, signature
from aiplint.compat.schemas import Found, SchemaDiff, render_where, schema_type, show, sunset_changes
from aiplint.model import Location
from aiplint.read.document import HTTP_METHODS
from aiplint.read.pointers import join_pointer, node_at
from aiplint.read.references import Resolved
from aiplint.rule import Severity

if TYPE_CHECKING:
    from aiplint.model import Operation
    from aiplint.read.document import Document
    from aiplint.read.references import Resolved

_DEFAULT_STYLE = {"query": "form", "cookie": "form", "path": "simple", "header": "simple"}
_TEXT_TYPES = ("application/json",)  # Swagger 2.0's default when a spec names no consumes/produces


def compare_documents(old: Document | None, new: Document | None, match: OperationMatch,
                      stability: Iterable[tuple[str, str]] = ()) -> list[Change]:
    """Every change from `old` to `new` (None: the spec does not exist on that side), operations paired by
    `match`; `stability` holds (path glob, level) overrides from the configuration."""
    return Comparison(old, new, tuple(stability)).run(match)



@dataclass(frozen=True)
class _Op:
    """One operation (or webhook operation) of one document, as the comparison reads it."""

    doc: Document
    method: str  # lower case
    path: str  # the path key, or the webhook's name
    raw: dict
    at: Location
    path_at: Location  # the path item
    template_params: tuple[str, ...]
    stability: Stability

    @classmethod
    def of(cls, doc: Document, op: Operation, overrides: tuple[tuple[str, str], ...]) -> _Op:
        return cls(doc, op.method, op.path.key, op.raw, op.at, op.path.at, tuple(op.path.template_params),
                   stability_of(op, overrides))


@dataclass(frozen=True)
class _Param:
    name: str
    location: str
    required: bool
    raw: dict
    at: Location
    schema: Resolved | None

    @property
    def label(self) -> str:
        return f"{self.location} parameter `{self.name}`"


@dataclass(frozen=True)
class _Content:
    """A map of media types to schemas (a request body's or a response's), as written (`$ref` unresolved);
    None schema: none given."""

    media: dict[str, tuple[Resolved | None, Location]]
    at: Location


class Comparison:
    def __init__(self, old: Document | None, new: Document | None, overrides: tuple[tuple[str, str], ...]):
        self.old_doc, self.new_doc = old, new
        self.overrides = overrides
        self.schemas = SchemaDiff(old, new) if old is not None and new is not None else None
        self.changes: list[Change] = []

    def run(self, match: OperationMatch) -> list[Change]:
        old_doc, new_doc = self.old_doc, self.new_doc
        old = [_Op.of(old_doc, op, self.overrides) for op in match.removed] if old_doc else []
        new = [_Op.of(new_doc, op, self.overrides) for op in match.added] if new_doc else []
        if old_doc is None or new_doc is None:  # one side only: its operations are all removed or all added
            self._removed_and_added(old, new, match)
            return self.changes
        for a, b in match.moved:
            self._moved(_Op.of(old_doc, a, self.overrides), _Op.of(new_doc, b, self.overrides))
        self._removed_and_added(old, new, match)
        for a, b in match.same:
            self._operation(_Op.of(old_doc, a, self.overrides), _Op.of(new_doc, b, self.overrides))
        self._webhooks(old_doc, new_doc)
        self._servers(old_doc, new_doc)
        self._security_schemes(old_doc, new_doc)
        return self.changes

    # -- emitting

    def _emit(self, kind_id: str, what: str, old_at: Location | None, new_at: Location | None, scope: _Op | None,
              *, context: str = "operation", level: Severity | None = None, category: str | None = None,
              detail: str = "", gone: bool = False, summary: str = "") -> None:
        kind = kind_of(kind_id)
        base = level or kind.level(context)
        stability = scope.stability if scope is not None else STABLE
        final, note = stability.adjust(base)
        why = "" if base is Severity.INFO else f": {kind.why}"
        self.changes.append(Change(
            kind=kind, level=final, method=scope.method.upper() if scope else None, path=scope.path if scope else None,
            message=what + why, old_at=old_at, new_at=new_at, context=context, stability=stability.level, note=note,
            category=category or kind.category(context), detail=detail or what, gone=gone, safe=base is Severity.INFO,
            summary=(summary or what) + why))

    def _emit_found(self, found: Found, subject: str, context: str, scope: _Op) -> None:
        where = render_where(found.where)
        what = f"{subject}{f' property `{where}`' if where else ''}: {found.detail}"
        kind_id = found.kind
        if kind_id == "default-changed" and context == "parameter" and not found.where:
            kind_id = "parameter-default-changed"
        gone = found.kind in ("property-removed", "required-property-removed")
        place = found.old if gone or found.new is None else found.new
        self._emit(kind_id, what, found.old, found.new, scope, context=context, level=found.level,
                   category=found.category, detail=f"{subject} {where} {found.kind}", gone=gone,
                   summary=f"{name_of_place(place.pointer) if place else subject}: {found.detail}")

    # -- operations

    def _moved(self, a: _Op, b: _Op) -> None:
        self._emit("operation-moved", f"moved to {b.method.upper()} {b.path}", a.at, b.at, a, gone=True,
                   detail=b.path)

    def _removed_and_added(self, removed: list[_Op], added: list[_Op], match: OperationMatch) -> None:
        # a side without a document has no operations: nothing to pair with its matched ones
        models = ({id(o): m for o, m in zip(removed, match.removed, strict=False)}
                  | {id(o): m for o, m in zip(added, match.added, strict=False)})
        taken: set[int] = set()
        by_path: dict[str, list[_Op]] = {}  # the added operations of each path: a method change stays on its path
        for b in added:
            by_path.setdefault(normalised(models[id(b)])[1], []).append(b)
        for a in removed:
            ma = models[id(a)]
            for b in by_path.get(normalised(ma)[1], ()):
                mb = models[id(b)]
                if id(b) in taken:
                    continue
                key_a, key_b = operation_key(ma), operation_key(mb)
                same = key_a == key_b if key_a and key_b else (
                    key_a is None and key_b is None and signature(ma) == signature(mb))
                if same:
                    taken |= {id(a), id(b)}
                    self._emit("operation-method-changed", f"method changed to {b.method.upper()}", a.at, b.at, a,
                               gone=True, detail=b.method)
                    break
        for a in removed:
            if id(a) not in taken:
                self._removal(a, "operation-removed", "operation removed", a.at, self._path_at(a))
        for b in added:
            if id(b) not in taken:
                self._emit("operation-added", "operation added", None, b.at, b)

    def _path_at(self, a: _Op) -> Location | None:
        """The new document's path item for a removed operation's path, when the path is still there."""
        if self.new_doc is None:
            return None
        paths = self.new_doc.root.data.get("paths")
        if isinstance(paths, dict) and a.path in paths:
            return Location(self.new_doc.root, join_pointer("/paths", a.path))
        return None

    def _removal(self, a: _Op, kind_id: str, what: str, old_at: Location, new_at: Location | None,
                 context: str = "operation", raw: Any = None, scope: _Op | None = None) -> None:
        """Something removed: what that means depends on its deprecation and sunset date."""
        sunset_kind, level, why = removal_level(a.raw if raw is None else raw)
        self._emit(sunset_kind or kind_id, f"{what} {why}", old_at, new_at, scope or a, context=context,
                   level=level, gone=True)

    def _operation(self, a: _Op, b: _Op) -> None:
        old_id, new_id = a.raw.get("operationId"), b.raw.get("operationId")
        if isinstance(old_id, str) and old_id != new_id and operation_stem(old_id, a.method, (a.path,)) != \
                operation_stem(new_id, b.method, (b.path,)):
            shown = f"to `{new_id}`" if isinstance(new_id, str) else "(removed)"
            self._emit("operation-id-changed", f"operationId changed from `{old_id}` {shown}", a.at, b.at, a)
        if b.raw.get("deprecated") is True and a.raw.get("deprecated") is not True:
            self._emit("operation-deprecated", "operation deprecated", a.at, b.at, a)
        elif a.raw.get("deprecated") is True and b.raw.get("deprecated") is not True:
            self._emit("operation-reactivated", "operation no longer deprecated", a.at, b.at, a)
        for found in sunset_changes(a.raw, b.raw, a.at, b.at):
            self._emit_found(found, "operation", "operation", a)
        self._stability(a, b)
        self._security(a, b)
        self._parameters(a, b)
        self._request_body(a, b, "request")
        self._responses(a, b, "response", "header")

    def _stability(self, a: _Op, b: _Op) -> None:
        before, after = declared_stability(a.raw), declared_stability(b.raw)
        if before == after or before is None and after == "stable":
            return
        rank_before = STABILITY_LEVELS.index(before or "stable")
        rank_after = STABILITY_LEVELS.index(after or "stable")
        kind_id = "stability-decreased" if rank_after < rank_before else "stability-increased"
        self._emit(kind_id, f"stability level changed from {before or 'stable'} to {after or 'stable'}", a.at, b.at,
                   a)

    # -- parameters

    def _parameters(self, a: _Op, b: _Op) -> None:
        old, new = _parameters(a), _parameters(b)
        relocated: set[tuple[str, str]] = set()
        for key, p in old.items():
            q = new.get(key)
            if q is not None:
                self._parameter(a, p, q)
                continue
            moved = next((q for k, q in new.items() if k not in old and q.name == p.name and k not in relocated),
                         None)
            if moved is not None:
                relocated.add(_param_key(moved, b))
                self._emit("parameter-location-changed", f"{p.label} moved to `{moved.location}`", p.at, moved.at, a,
                           context="parameter", detail=p.name)
            else:
                self._removal(a, "parameter-removed", f"{p.label} removed", p.at, b.at, "parameter", raw=p.raw)
        for key, q in new.items():
            if key not in old and key not in relocated:
                kind_id = "required-parameter-added" if q.required else "optional-parameter-added"
                self._emit(kind_id, f"{'required' if q.required else 'optional'} {q.label} added", a.at, q.at, a,
                           context="parameter", detail=q.name)

    def _parameter(self, a: _Op, p: _Param, q: _Param) -> None:
        if p.required != q.required:
            kind_id = "parameter-became-required" if q.required else "parameter-became-optional"
            self._emit(kind_id, f"{p.label} became {'required' if q.required else 'optional'}", p.at, q.at, a,
                       context="parameter", detail=p.name)
        old_style, new_style = _serialization(p, a.doc), _serialization(q, self.new_doc)
        if old_style != new_style:
            self._emit("parameter-style-changed", f"{p.label} serialization changed from {_style(old_style)} to "
                                                  f"{_style(new_style)}", p.at, q.at, a, context="parameter",
                       detail=p.name)
        if q.raw.get("deprecated") is True and p.raw.get("deprecated") is not True:
            self._emit("parameter-deprecated", f"{p.label} deprecated", p.at, q.at, a, context="parameter",
                       detail=p.name)
        elif p.raw.get("deprecated") is True and q.raw.get("deprecated") is not True:
            self._emit("parameter-reactivated", f"{p.label} no longer deprecated", p.at, q.at, a,
                       context="parameter", detail=p.name)
        for found in sunset_changes(p.raw, q.raw, p.at, q.at):
            self._emit_found(found, p.label, "parameter", a)
        if p.schema is not None and q.schema is not None and self.schemas is not None:
            for found in self.schemas.compare(p.schema, q.schema, "parameter"):
                self._emit_found(found, p.label, "parameter", a)

    # -- request bodies and responses

    def _request_body(self, a: _Op, b: _Op, context: str) -> None:
        old, new = _request_body(a), _request_body(b)
        if old is None or new is None:
            if new is not None:
                required = new[0]
                kind_id = "required-request-body-added" if required else "request-body-added"
                self._emit(kind_id, f"{'required' if required else 'optional'} request body added", a.at,
                           new[1].at, a, context=context)
            elif old is not None:
                self._emit("request-body-removed", "request body removed", old[1].at, b.at, a, context=context,
                           gone=True)
            return
        if old[0] != new[0]:
            kind_id = "request-body-became-required" if new[0] else "request-body-became-optional"
            self._emit(kind_id, f"request body became {'required' if new[0] else 'optional'}", old[1].at,
                       new[1].at, a, context=context)
        self._content(a, old[1], new[1], "request body", context)

    def _responses(self, a: _Op, b: _Op, context: str, header_context: str) -> None:
        old, new = _responses(a), _responses(b)
        pairs, gone, came = _match_statuses(old, new)
        for status in gone:
            success = status[:1] in ("2", "3")
            self._emit("response-status-removed", f"{'success' if success else 'non-success'} response {status} "
                                                  "removed", old[status][1].at, b.at, a, context=context,
                       level=None if success else Severity.INFO, gone=True, detail=status)
        for status in came:
            self._emit("response-status-added", f"response {status} added", a.at, new[status][1].at, a,
                       context=context, detail=status)
        for before, after in pairs:
            (old_headers, old_content), (new_headers, new_content) = old[before], new[after]
            self._headers(a, before, old_headers, new_headers, header_context)
            self._content(a, old_content, new_content, f"response {before}", context)

    def _headers(self, a: _Op, status: str, old: dict[str, _Param], new: dict[str, _Param], context: str) -> None:
        for key, h in old.items():
            g = new.get(key)
            label = f"response {status} header `{h.name}`"
            if g is None:
                self._emit("response-header-removed", f"{'required' if h.required else 'optional'} {label} removed",
                           h.at, None, a, context=context, level=None if h.required else Severity.WARNING,
                           gone=True, detail=label)
                continue
            if h.required and not g.required:
                self._emit("response-header-became-optional", f"{label} became optional", h.at, g.at, a,
                           context=context, detail=label)
            if h.schema is not None and g.schema is not None and self.schemas is not None:
                for found in self.schemas.compare(h.schema, g.schema, context):
                    self._emit_found(found, label, context, a)
        for key, g in new.items():
            if key not in old:
                self._emit("response-header-added", f"response {status} header `{g.name}` added", None, g.at, a,
                           context=context)

    def _content(self, a: _Op, old: _Content, new: _Content, subject: str, context: str) -> None:
        several = len(old.media) > 1 or len(new.media) > 1
        for media, (schema, at) in old.media.items():
            label = f"{subject} ({media})" if several else subject
            if media not in new.media:
                if any(_media_covers(other, media) for other in new.media):  # its level follows the side
                    self._emit("media-type-generalized", f"{subject} media type `{media}` generalized", at,
                               new.at, a, context=context, detail=media)
                    continue
                self._emit("media-type-removed", f"{subject} media type `{media}` removed", at, new.at, a,
                           context=context, detail=media, gone=True)
                continue
            new_schema, new_at = new.media[media]
            if schema is None and new_schema is not None:
                self._emit("media-type-schema-added", f"{label}: schema added", at, new_at, a, context=context)
            elif schema is not None and new_schema is None:
                self._emit("media-type-schema-removed", f"{label}: schema removed", at, new_at, a, context=context)
            elif schema is not None and new_schema is not None and self.schemas is not None:
                for found in self.schemas.compare(schema, new_schema, context):
                    self._emit_found(found, label, context, a)
        gone = [media for media in old.media if media not in new.media]
        for media, (_, at) in new.media.items():
            if media in old.media or any(_media_covers(other, media) for other in old.media):
                continue
            if not any(_media_covers(media, old_media) for old_media in gone):  # else reported as a generalization
                self._emit("media-type-added", f"{subject} media type `{media}` added", old.at, at, a,
                           context=context, detail=media)

    # -- security

    def _security(self, a: _Op, b: _Op) -> None:
        old, new = _requirements(a), _requirements(b)
        if old == new:
            return
        anonymous = lambda alternatives: not alternatives or {} in alternatives  # noqa: E731
        at_a, at_b = _security_at(a), _security_at(b)
        broke = False
        if anonymous(old) and not anonymous(new):
            broke = True
            self._emit("authentication-required", f"authentication now required ({_show_requirements(new)})",
                       at_a, at_b, a)
        elif not anonymous(new):
            for alternative in old:
                if any(_satisfies(alternative, other) for other in new):
                    continue
                broke = True
                wider = next((o for o in new if set(o) == set(alternative)), None)
                if wider is not None:
                    scopes = sorted(set().union(*(wider[s] - alternative[s] for s in wider)))
                    self._emit("security-scope-added", f"scope{'s' if len(scopes) > 1 else ''} "
                                                       f"{', '.join(f'`{s}`' for s in scopes)} now required "
                                                       f"for {_show_requirements([alternative])}", at_a, at_b, a)
                else:
                    self._emit("security-alternative-removed", f"{_show_requirements([alternative])} no longer "
                                                               "accepted", at_a, at_b, a)
        if not broke:
            self._emit("security-relaxed", f"security changed from {_show_requirements(old)} to "
                                           f"{_show_requirements(new)}", at_a, at_b, a)

    # -- document-wide

    def _servers(self, old_doc: Document, new_doc: Document) -> None:
        """Servers removed and added, and, paired in order, servers whose URL changed (`dev-` -> `qa-`): the
        API is still served, from the URL the spec now gives."""
        old, new = _servers(old_doc), _servers(new_doc)
        gone = [(url, at) for url, at in old.items() if url not in new]
        came = [(url, at) for url, at in new.items() if url not in old]
        for (url, at), (other, other_at) in zip(gone, came, strict=False):
            self._emit("server-changed", f"server `{url}` changed to `{other}`", at, other_at, None, detail=url)
        for url, at in gone[len(came):]:
            self._emit("server-removed", f"server `{url}` removed", at, _servers_at(new_doc), None,
                       gone=True, detail=url)
        for url, at in came[len(gone):]:
            self._emit("server-added", f"server `{url}` added", _servers_at(old_doc), at, None, detail=url)

    def _security_schemes(self, old_doc: Document, new_doc: Document) -> None:
        old, new = _schemes(old_doc), _schemes(new_doc)
        for name, (raw, at) in old.items():
            if name not in new:
                continue  # operations that used it report what they lost
            other, new_at = new[name]
            fields = ("type", "in", "name", "scheme", "bearerFormat", "openIdConnectUrl")
            changed = [f for f in fields if raw.get(f) != other.get(f)]
            if changed:
                detail = ", ".join(f"`{f}` {show(raw.get(f, 'none'))} -> {show(other.get(f, 'none'))}" for f in changed)
                self._emit("security-scheme-changed", f"security scheme `{name}` changed: {detail}", at, new_at,
                           None, detail=name)
            elif _oauth_urls(raw) != _oauth_urls(other):
                self._emit("security-scheme-endpoint-changed", f"security scheme `{name}`: OAuth URLs changed",
                           at, new_at, None, detail=name)

    def _webhooks(self, old_doc: Document, new_doc: Document) -> None:
        """Webhooks (OpenAPI 3.1): the API sends their requests and subscribers answer, so a webhook's request
        body is read by clients (the response side) and its responses are written by them."""
        old, new = _webhooks(old_doc), _webhooks(new_doc)
        for key, a in old.items():
            b = new.get(key)
            if b is None:
                self._emit("webhook-removed", f"webhook `{a.path}` ({a.method.upper()}) removed", a.at, None, a,
                           gone=True)
                continue
            self._request_body(a, b, "response")
            self._responses(a, b, "request", "request")
        for key, b in new.items():
            if key not in old:
                self._emit("webhook-added", f"webhook `{b.path}` ({b.method.upper()}) added", None, b.at, b)


# --------------------------------------------------------------------------------------------------
# Reading one document


def _param_key(param: _Param, op: _Op) -> tuple[str, str]:
    if param.location == "path" and param.name in op.template_params:
        return ("path", str(op.template_params.index(param.name)))  # renaming `{id}` changes nothing
    return (param.location, param.name.lower() if param.location == "header" else param.name)


def _parameters(op: _Op) -> dict[tuple[str, str], _Param]:
    """The operation's parameters (the path item's, overridden by the operation's own), without Swagger 2.0's
    `in: body` (the request body)."""
    doc = op.doc
    path_item = node_at(op.path_at.source.data, op.path_at.pointer)
    found: dict[tuple[str, str], _Param] = {}
    for holder, at in ((path_item, op.path_at), (op.raw, op.at)):
        entries = holder.get("parameters") if isinstance(holder, dict) else None
        if not isinstance(entries, list):
            continue
        for index, entry in enumerate(entries):
            resolved = doc.refs.resolve(entry, at.source, join_pointer(at.pointer, "parameters", index))
            node = resolved.node
            if not isinstance(node, dict) or not isinstance(node.get("name"), str) or node.get("in") == "body":
                continue
            required = node.get("required") is True or node.get("in") == "path"
            param = _Param(node["name"], str(node.get("in", "")), required, node,
                           Location(resolved.source, resolved.pointer), _value_schema(doc, resolved))
            found[_param_key(param, op)] = param
    return found


def _value_schema(doc: Document, resolved: Resolved) -> Resolved | None:
    """The schema of a parameter or header: `schema`, the schema of its `content`, or (Swagger 2.0) itself; as
    written, a `$ref` unresolved (`SchemaDiff` resolves it, with the OpenAPI 3.1 keywords beside it)."""
    node = resolved.node
    if isinstance(node.get("schema"), dict):
        return Resolved(node["schema"], resolved.source, join_pointer(resolved.pointer, "schema"))
    content = node.get("content")
    if isinstance(content, dict):
        for media, media_node in content.items():
            if isinstance(media_node, dict) and isinstance(media_node.get("schema"), dict):
                return Resolved(media_node["schema"], resolved.source,
                                join_pointer(resolved.pointer, "content", media, "schema"))
        return None
    return Resolved(node, resolved.source, resolved.pointer) if doc.major == 2 else None


def _serialization(param: _Param, doc: Document | None) -> tuple[str, bool | None] | str:
    """How the parameter is written on the wire: Swagger 2.0's `collectionFormat`, or OpenAPI 3's style and
    explode.  `explode` splits arrays and objects only: for a scalar it changes nothing a client sends (None)."""
    raw = param.raw
    if "collectionFormat" in raw:  # Swagger 2.0
        return str(raw["collectionFormat"])
    style: str = raw["style"] if isinstance(raw.get("style"), str) else _DEFAULT_STYLE.get(param.location, "simple")
    if _is_scalar(param, doc):
        return style, None
    explode: bool = raw["explode"] if isinstance(raw.get("explode"), bool) else style == "form"
    return style, explode


def _is_scalar(param: _Param, doc: Document | None) -> bool:
    kind = schema_type(doc, param.schema) if param.schema is not None and doc is not None else None
    return isinstance(kind, str) and kind not in ("array", "object")


def _style(value: tuple[str, bool | None] | str) -> str:
    if isinstance(value, str):
        return f"`collectionFormat: {value}`"
    if value[1] is None:
        return f"`style: {value[0]}`"
    return f"`style: {value[0]}, explode: {str(value[1]).lower()}`"


def _media_types(doc: Document, raw: dict, key: str) -> list[str]:
    declared = raw.get(key)
    if not isinstance(declared, list):
        declared = doc.root.data.get(key)
    return [m for m in declared if isinstance(m, str)] if isinstance(declared, list) else list(_TEXT_TYPES)


def _normal_media(media: str) -> str:
    return media.split(";", 1)[0].strip().lower()


def _content(doc: Document, node: dict, source: Any, pointer: str) -> dict[str, tuple[Resolved | None, Location]]:
    content = node.get("content")
    found: dict[str, tuple[Resolved | None, Location]] = {}
    if not isinstance(content, dict):
        return found
    for media, media_node in content.items():
        at = join_pointer(pointer, "content", media)
        schema = media_node.get("schema") if isinstance(media_node, dict) else None
        resolved = Resolved(schema, source, join_pointer(at, "schema")) if isinstance(schema, dict) else None
        found[_normal_media(media)] = (resolved, Location(source, at))
    return found


def _request_body(op: _Op) -> tuple[bool, _Content] | None:
    """(required, content) of the operation's request body, or None when it has none."""
    doc = op.doc
    if doc.major == 2:
        for param in _swagger_body(op):
            schema = param.node.get("schema")
            at = join_pointer(param.pointer, "schema")
            resolved = Resolved(schema, param.source, at) if isinstance(schema, dict) else None
            media = {_normal_media(m): (resolved, Location(param.source, at)) for m in
                     _media_types(doc, op.raw, "consumes")}
            return param.node.get("required") is True, _Content(media, Location(param.source, param.pointer))
        return None
    body = op.raw.get("requestBody")
    if body is None:
        return None
    resolved = doc.refs.resolve(body, op.at.source, join_pointer(op.at.pointer, "requestBody"))
    if not isinstance(resolved.node, dict):
        return None
    return resolved.node.get("required") is True, _Content(
        _content(doc, resolved.node, resolved.source, resolved.pointer), Location(resolved.source, resolved.pointer))


def _swagger_body(op: _Op) -> Iterator[Resolved]:
    doc = op.doc
    path_item = node_at(op.path_at.source.data, op.path_at.pointer)
    for holder, at in ((op.raw, op.at), (path_item, op.path_at)):
        entries = holder.get("parameters") if isinstance(holder, dict) else None
        for index, entry in enumerate(entries if isinstance(entries, list) else []):
            resolved = doc.refs.resolve(entry, at.source, join_pointer(at.pointer, "parameters", index))
            if isinstance(resolved.node, dict) and resolved.node.get("in") == "body":
                yield resolved


def _responses(op: _Op) -> dict[str, tuple[dict[str, _Param], _Content]]:
    doc = op.doc
    responses = op.raw.get("responses")
    found: dict[str, tuple[dict[str, _Param], _Content]] = {}
    if not isinstance(responses, dict):
        return found
    for status, raw in responses.items():
        resolved = doc.refs.resolve(raw, op.at.source, join_pointer(op.at.pointer, "responses", str(status)))
        node = resolved.node
        if not isinstance(node, dict):
            continue
        if doc.major == 2:
            schema = node.get("schema")
            at = join_pointer(resolved.pointer, "schema")
            schema_resolved = Resolved(schema, resolved.source, at) if isinstance(schema, dict) else None
            media = {_normal_media(m): (schema_resolved, Location(resolved.source, at))
                     for m in _media_types(doc, op.raw, "produces")} if schema is not None else {}
        else:
            media = _content(doc, node, resolved.source, resolved.pointer)
        found[str(status)] = (_response_headers(doc, node, resolved),
                                      _Content(media, Location(resolved.source, resolved.pointer)))
    return found


def _response_headers(doc: Document, node: dict, resolved: Resolved) -> dict[str, _Param]:
    headers = node.get("headers")
    found: dict[str, _Param] = {}
    if not isinstance(headers, dict):
        return found
    for name, raw in headers.items():
        if str(name).lower() == "content-type":  # OpenAPI: ignored in responses
            continue
        header = doc.refs.resolve(raw, resolved.source, join_pointer(resolved.pointer, "headers", str(name)))
        if isinstance(header.node, dict):
            found[str(name).lower()] = _Param(str(name), "header", header.node.get("required") is True, header.node,
                                              Location(header.source, header.pointer), _value_schema(doc, header))
    return found


def _match_statuses(old: dict, new: dict) -> tuple[list[tuple[str, str]], list[str], list[str]]:
    """Pair response statuses: the same code, else a code and the range that covers it (`200` and `2XX`)."""
    pairs = [(s, s) for s in old if s in new]
    gone = [s for s in old if s not in new]
    came = [s for s in new if s not in old]
    for status in list(gone):
        ranged = [c for c in came
                  if c[:1] == status[:1] and (c.upper().endswith("XX") or status.upper().endswith("XX"))]
        if len(ranged) == 1:
            pairs.append((status, ranged[0]))
            gone.remove(status)
            came.remove(ranged[0])
    return pairs, gone, came


def _media_covers(wide: str, narrow: str) -> bool:
    return wide != narrow and (wide == "*/*" or (wide.endswith("/*") and narrow.startswith(wide[:-1])))


def _requirements(op: _Op) -> list[dict[str, frozenset[str]]]:
    declared = op.raw.get("security") if "security" in op.raw else op.doc.root.data.get("security")
    if not isinstance(declared, list):
        return []
    return [{str(k): frozenset(v if isinstance(v, list) else []) for k, v in alt.items()}
            for alt in declared if isinstance(alt, dict)]


def _satisfies(credentials: dict[str, frozenset[str]], requirement: dict[str, frozenset[str]]) -> bool:
    """Whether a client that met `credentials` meets `requirement`: every scheme it asks for, with its scopes."""
    return all(s in credentials and requirement[s] <= credentials[s] for s in requirement)


def _show_requirements(alternatives: list[dict[str, frozenset[str]]]) -> str:
    if not alternatives:
        return "none"
    shown = [" + ".join(f"`{s}`" + (f" [{', '.join(sorted(scopes))}]" if scopes else "") for s, scopes in alt.items())
             or "anonymous" for alt in alternatives]
    return " or ".join(shown)


def _security_at(op: _Op) -> Location:
    if "security" in op.raw:
        return Location(op.at.source, join_pointer(op.at.pointer, "security"))
    if "security" in op.doc.root.data:
        return Location(op.doc.root, "/security")
    return op.at


def _servers(doc: Document) -> dict[str, Location]:
    data = doc.root.data
    if doc.major == 2:
        if "host" not in data:
            return {}
        schemes = data.get("schemes") if isinstance(data.get("schemes"), list) else ["https"]
        return {f"{s}://{data['host']}{data.get('basePath') or ''}": Location(doc.root, "/host") for s in schemes}
    servers = data.get("servers")
    if not isinstance(servers, list):
        return {}
    return {str(s["url"]).rstrip("/"): Location(doc.root, f"/servers/{i}") for i, s in enumerate(servers)
            if isinstance(s, dict) and isinstance(s.get("url"), str)}


def _servers_at(doc: Document) -> Location | None:
    key = "host" if doc.major == 2 else "servers"
    return Location(doc.root, f"/{key}") if key in doc.root.data else None


def _schemes(doc: Document) -> dict[str, tuple[dict, Location]]:
    data = doc.root.data
    pointer = "/securityDefinitions" if doc.major == 2 else "/components/securitySchemes"
    holder = data.get("securityDefinitions") if doc.major == 2 else (data.get("components") or {}).get(
        "securitySchemes") if isinstance(data.get("components"), dict) else None
    found = {}
    for name, raw in (holder.items() if isinstance(holder, dict) else ()):
        resolved = doc.refs.resolve(raw, doc.root, join_pointer(pointer, name))
        if isinstance(resolved.node, dict):
            found[name] = (resolved.node, Location(resolved.source, resolved.pointer))
    return found


def _oauth_urls(raw: dict) -> list:
    flows: dict[str, Any] = raw["flows"] if isinstance(raw.get("flows"), dict) else {}
    urls: list[tuple[Any, ...]] = [(raw.get("authorizationUrl"), raw.get("tokenUrl"))]  # Swagger 2.0: on the scheme
    return urls + sorted((name, flow.get("authorizationUrl"), flow.get("tokenUrl"))
                         for name, flow in flows.items() if isinstance(flow, dict))


def _webhooks(doc: Document) -> dict[tuple[str, str], _Op]:
    hooks = doc.root.data.get("webhooks")
    found: dict[tuple[str, str], _Op] = {}
    if not isinstance(hooks, dict):
        return found
    for name, raw in hooks.items():
        item = doc.refs.resolve(raw, doc.root, join_pointer("/webhooks", name))
        if not isinstance(item.node, dict):
            continue
        item_at = Location(item.source, item.pointer)
        for method in HTTP_METHODS:
            op = item.node.get(method)
            if isinstance(op, dict):
                declared = declared_stability(op)
                stability = Stability(declared, f"the webhook is `x-stability-level: {declared}`") if declared \
                    else STABLE
                found[(str(name), method)] = _Op(doc, method, str(name), op,
                                                 Location(item.source, join_pointer(item.pointer, method)),
                                                 item_at, (), stability)
    return found
