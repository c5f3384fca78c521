"""Every kind of API change the compatibility check reports: its stable id, how bad it is on each side of the
exchange, its coarse category and what it means for clients.

A change's level depends on who writes the data it concerns.  A request (parameters, request bodies) is written
by clients and read by the server: the new contract must accept everything the old one accepted, so tightening
breaks.  A response (bodies and headers) is written by the server and read by clients: the new contract must not
produce anything the old one did not promise, so loosening breaks.  Each kind therefore has a level for the
request side and one for the response side (the same one for changes outside schemas).

Levels follow AIP-180 and the levels oasdiff documents for its check ids: `error` breaks clients, `warning` may
break some (the document cannot tell), `info` is safe.  `category` is the coarse family (the one the
breaking-change conformance cases score by), per context where it differs.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Mapping

from aiplint.rule import CHANGE_FAMILIES, Severity

# A change's id is its kind's name in one of two families: `breaking/` where it breaks or may break clients (error
# or warning by the policy, also where the operation's stability allows it), `change/` where it is safe (info).
# One kind can be both: a property that became nullable is `breaking/became-nullable` in a response and
# `change/became-nullable` in a request.
FAMILY, SAFE_FAMILY = CHANGE_FAMILIES
# Where a change sits: the context decides the level and the category; these are the response side, the rest
# (`parameter`, `request`) the request side.
RESPONSE_CONTEXTS = frozenset(("response", "header"))

_LEVELS = {"E": Severity.ERROR, "W": Severity.WARNING, "I": Severity.INFO}


@dataclass(frozen=True)
class Kind:
    id: str
    request: Severity  # the level where clients write the data (and of changes outside schemas)
    response: Severity  # the level where clients read the data
    categories: Mapping[str, str]  # context -> category; "*" for every other context
    summary: str  # what changed, as a noun phrase
    why: str  # why it breaks clients (or why it does not)
    document_wide: bool = False  # a change to the document (servers, security schemes): no operation's stability

    def level(self, context: str) -> Severity:
        return self.response if context in RESPONSE_CONTEXTS else self.request

    def category(self, context: str) -> str:
        return self.categories.get(context) or self.categories["*"]

    @property
    def name(self) -> str:
        return self.id.removeprefix(FAMILY)

    @property
    def safe_id(self) -> str:
        """The id of a change of this kind that breaks no client."""
        return SAFE_FAMILY + self.name

    @property
    def directional(self) -> bool:
        return self.request is not self.response


def _kind(name: str, levels: str, category: str | Mapping[str, str], summary: str, why: str,
          document_wide: bool = False) -> Kind:
    """`levels`: one letter (E, W, I) for both sides, or two: request side then response side."""
    request, response = _LEVELS[levels[0]], _LEVELS[levels[-1]]
    categories = {"*": category} if isinstance(category, str) else dict(category)
    return Kind(FAMILY + name, request, response, categories, summary, why, document_wide)


_TYPE = {"parameter": "parameter-type-changed", "request": "request-property-type-changed",
         "*": "response-type-changed"}
_ENUM_NARROWED = {"response": "other", "header": "other", "*": "enum-value-removed"}
_BECAME_REQUIRED = {"parameter": "parameter-became-required", "*": "request-property-became-required"}
_REQUIRED_ADDED = {"parameter": "parameter-added-required", "*": "request-property-became-required"}
_PROPERTY_REMOVED = {"request": "request-property-removed", "parameter": "other", "*": "response-property-removed"}

KINDS: dict[str, Kind] = {k.id: k for k in (
    # operations and paths
    _kind("operation-removed", "E", "operation-removed", "operation removed",
          "clients calling it get 404 or 405"),
    _kind("operation-moved", "E", "operation-removed", "operation moved to another path",
          "clients calling the old path get 404 (AIP-180: a resource must not change its name)"),
    _kind("operation-method-changed", "E", "operation-removed", "operation's HTTP method changed",
          "clients sending the old method get 405"),
    _kind("operation-added", "I", "other", "operation added", "new operations break no client"),
    _kind("operation-id-changed", "W", "other", "operationId changed",
          "SDKs generated from the document rename the method, which breaks code built on the old SDK"),
    _kind("operation-deprecated", "I", "deprecated-sunset", "operation deprecated",
          "deprecation announces a removal and breaks nothing yet"),
    _kind("operation-reactivated", "I", "deprecated-sunset", "operation no longer deprecated", "nothing breaks"),
    _kind("webhook-removed", "E", "operation-removed", "webhook removed",
          "subscribers stop receiving the events they rely on"),
    _kind("webhook-added", "I", "other", "webhook added", "new events break no subscriber"),
    _kind("sunset-removed", "E", "deprecated-sunset", "sunset date removed from a deprecated element",
          "clients planned their migration on the announced date"),
    _kind("sunset-moved-earlier", "E", "deprecated-sunset", "sunset date moved earlier",
          "clients planned their migration on the announced date"),
    _kind("sunset-unreadable", "W", "deprecated-sunset", "unreadable sunset date",
          "`x-sunset` is not a date, so clients cannot tell when the element goes away"),
    _kind("stability-decreased", "E", "deprecated-sunset", "stability level lowered",
          "clients that relied on the stronger compatibility promise lose it"),
    _kind("stability-increased", "I", "deprecated-sunset", "stability level raised",
          "a stronger promise breaks nothing"),
    _kind("server-removed", "W", "other", "server removed",
          "clients configured with that base URL can no longer reach the API", document_wide=True),
    _kind("server-added", "I", "other", "server added", "nothing breaks", document_wide=True),
    _kind("server-changed", "I", "other", "server URL changed",
          "the API is served from the URL the spec now gives, which clients built from it use", document_wide=True),
    # security
    _kind("authentication-required", "E", "security-changed", "authentication now required",
          "anonymous requests are now rejected with 401"),
    _kind("security-alternative-removed", "E", "security-changed", "security requirement no longer accepted",
          "clients authenticating that way are now rejected with 401 or 403"),
    _kind("security-scope-added", "E", "security-changed", "OAuth scope now required",
          "tokens granted without the new scope are now rejected with 403"),
    _kind("security-relaxed", "I", "security-changed", "security requirement relaxed",
          "requests that were accepted still are"),
    _kind("security-scheme-changed", "E", "security-changed", "security scheme changed",
          "clients send credentials the way the old scheme described", document_wide=True),
    _kind("security-scheme-endpoint-changed", "W", "security-changed", "OAuth endpoint URL changed",
          "clients configured with the old authorization or token URL may fail to obtain tokens", document_wide=True),
    # parameters
    _kind("parameter-removed", "W", "parameter-removed", "parameter removed",
          "clients still send it and some servers or gateways reject unknown parameters; deprecate it first"),
    _kind("required-parameter-added", "E", "parameter-added-required", "required parameter added",
          "existing requests do not send it and are rejected"),
    _kind("optional-parameter-added", "I", "other", "optional parameter added", "existing requests stay valid"),
    _kind("parameter-became-required", "E", "parameter-became-required", "parameter became required",
          "requests that omit it are now rejected"),
    _kind("parameter-became-optional", "I", "other", "parameter became optional", "existing requests stay valid"),
    _kind("parameter-location-changed", "E", "parameter-location-changed", "parameter moved to another location",
          "clients send it where the server no longer reads it"),
    _kind("parameter-style-changed", "E", "other", "parameter serialization changed",
          "clients serialize the value the old way (style/explode) and the server misreads it"),
    _kind("parameter-default-changed", "E", "default-changed", "parameter default changed",
          "clients that omit the parameter now get a different behaviour"),
    _kind("parameter-deprecated", "I", "deprecated-sunset", "parameter deprecated",
          "deprecation announces a removal and breaks nothing yet"),
    _kind("parameter-reactivated", "I", "deprecated-sunset", "parameter no longer deprecated", "nothing breaks"),
    # request bodies
    _kind("required-request-body-added", "E", "request-body-required", "required request body added",
          "existing requests send no body and are rejected"),
    _kind("request-body-added", "I", "other", "optional request body added", "existing requests stay valid"),
    _kind("request-body-became-required", "E", "request-body-required", "request body became required",
          "requests without a body are now rejected"),
    _kind("request-body-became-optional", "I", "other", "request body became optional", "existing requests stay valid"),
    _kind("request-body-removed", "W", "other", "request body removed",
          "clients still send it and the server may reject or ignore what they mean"),
    # responses
    _kind("response-status-removed", "E", "response-status-removed", "response status removed",
          "clients handle the status they were promised"),
    _kind("response-status-added", "I", "other", "response status added",
          "clients fall back on their default handling"),
    _kind("media-type-removed", "E", "media-type-removed", "media type removed",
          "clients sending or accepting only that media type are refused (415 or 406)"),
    _kind("media-type-generalized", "IE", {"*": "media-type-removed"}, "media type generalized",
          "clients may receive a media type they cannot parse"),
    _kind("media-type-added", "I", "other", "media type added", "clients keep using the ones they know"),
    _kind("media-type-schema-added", "EI", "other", "schema added to a media type",
          "payloads that were accepted without constraints may now be rejected"),
    _kind("media-type-schema-removed", "IW", "other", "schema removed from a media type",
          "clients lose the description of what they receive"),
    _kind("response-header-removed", "E", "other", "response header removed",
          "clients reading the header no longer get it"),
    _kind("response-header-became-optional", "E", "other", "response header became optional",
          "clients reading the header may no longer get it"),
    _kind("response-header-added", "I", "other", "response header added", "clients ignore headers they do not read"),
    # schemas (request bodies, parameters, response bodies and headers)
    _kind("type-changed", "E", _TYPE, "type changed", "values of the old type are rejected or misread"),
    _kind("type-widened", "IE", _TYPE, "type widened",
          "clients receive values of a type they do not expect"),
    _kind("type-narrowed", "EI", _TYPE, "type narrowed", "values the old type allowed are now rejected"),
    _kind("type-became-string", "W", _TYPE, "parameter type became `string`",
          "the server still reads the old values as text, but clients generated from the spec now pass a string "
          "where they passed a number or a boolean: their code no longer compiles or type-checks (AIP-180)"),
    _kind("became-nullable", "IE", "other", "became nullable", "clients receive null where they expect a value"),
    _kind("became-not-nullable", "EI", "other", "no longer nullable", "requests sending null are now rejected"),
    _kind("enum-value-removed", "EI", _ENUM_NARROWED, "enum value removed",
          "requests using the removed value are now rejected"),
    _kind("enum-value-added", "IW", {"*": "enum-value-added", "request": "other", "parameter": "other"},
          "enum value added", "clients with an exhaustive switch over the values meet one they do not know"),
    _kind("became-enum", "EI", _ENUM_NARROWED, "restricted to a list of values",
          "requests with any other value are now rejected"),
    _kind("enum-removed", "IW", {"*": "enum-value-added", "request": "other", "parameter": "other"},
          "no longer restricted to a list of values", "clients may receive values they do not know"),
    _kind("const-added", "EI", "other", "fixed to a constant value", "requests with any other value are now rejected"),
    _kind("const-changed", "E", "other", "constant value changed", "the old value is rejected or no longer returned"),
    _kind("const-removed", "IE", "other", "no longer a constant value", "clients may receive other values"),
    _kind("max-decreased", "EI", "constraint-tightened", "upper limit lowered",
          "requests with values above the new limit are now rejected"),
    _kind("max-increased", "IE", "constraint-tightened", "upper limit raised",
          "clients receive values above the limit they were promised"),
    _kind("max-added", "WI", "constraint-tightened", "upper limit added",
          "requests with values above the new limit are now rejected"),
    _kind("max-removed", "IE", "constraint-tightened", "upper limit removed",
          "clients may receive values above the limit they were promised"),
    _kind("min-increased", "EI", "constraint-tightened", "lower limit raised",
          "requests with values below the new limit are now rejected"),
    _kind("min-decreased", "IE", "constraint-tightened", "lower limit lowered",
          "clients receive values below the limit they were promised"),
    _kind("min-added", "WI", "constraint-tightened", "lower limit added",
          "requests with values below the new limit are now rejected"),
    _kind("min-removed", "IE", "constraint-tightened", "lower limit removed",
          "clients may receive values below the limit they were promised"),
    _kind("pattern-added", "EI", "constraint-tightened", "pattern added",
          "requests with values that do not match it are now rejected"),
    _kind("pattern-changed", "WI", "constraint-tightened", "pattern changed",
          "values that matched the old pattern may not match the new one"),
    _kind("pattern-removed", "I", "constraint-tightened", "pattern removed or generalized",
          "every value that matched still does"),
    _kind("required-property-added", "EI", _REQUIRED_ADDED, "required property added",
          "existing requests do not send it and are rejected"),
    _kind("optional-property-added", "I", "other", "optional property added", "existing payloads stay valid"),
    _kind("property-became-required", "EI", _BECAME_REQUIRED, "property became required",
          "requests that omit it are now rejected"),
    _kind("property-became-optional", "IE", {"*": "response-property-became-optional", "header": "other"},
          "property became optional", "clients reading the property may no longer get it"),
    _kind("property-removed", "W", _PROPERTY_REMOVED, "optional property removed",
          "clients still send or read it"),
    _kind("required-property-removed", "WE", _PROPERTY_REMOVED, "required property removed",
          "clients reading it no longer get it"),
    _kind("property-mutability-changed", "I", "other", "readOnly or writeOnly changed",
          "the property only moves between the request and the response side"),
    _kind("property-deprecated", "I", "deprecated-sunset", "property deprecated",
          "deprecation announces a removal and breaks nothing yet"),
    _kind("default-changed", "I", "default-changed", "default value changed",
          "the default documents the server's behaviour; a body's fields keep their explicit values"),
    _kind("additional-properties-closed", "EI", "constraint-tightened", "additional properties no longer allowed",
          "requests with properties the schema does not list are now rejected"),
    _kind("additional-properties-opened", "I", "other", "additional properties allowed",
          "clients ignore properties they do not read"),
    _kind("variant-added", "IW", "other", "oneOf/anyOf variant added",
          "clients that handle every known variant meet one they do not know"),
    _kind("variant-removed", "EI", "other", "oneOf/anyOf variant removed",
          "requests in the removed shape are now rejected"),
    _kind("all-of-added", "EI", "other", "allOf subschema added",
          "requests must now satisfy one more schema"),
    _kind("all-of-removed", "WI", "other", "allOf subschema removed",
          "clients lose the properties and constraints it contributed"),
    _kind("wrapped-in-one-of", "E", _TYPE, "wrapped in a oneOf",
          "a payload that was valid may match several variants, or none, and is rejected or read differently"),
    _kind("tuple-items-added", "IE", "constraint-tightened", "prefixItems added",
          "clients read positional items they were not promised"),
    _kind("tuple-items-removed", "EI", "constraint-tightened", "prefixItems removed",
          "positional items now follow `items`, which may reject what was valid"),
    _kind("constraint-added", "EI", "other", "validation keyword added",
          "requests that do not satisfy it are now rejected"),
    _kind("constraint-changed", "E", "other", "validation keyword changed",
          "requests that satisfied the old one may fail the new one"),
    _kind("constraint-removed", "IE", "other", "validation keyword removed",
          "clients receive values that no longer satisfy what they were promised"),
    _kind("comparison-too-deep", "E", "other", "could not compare beyond a depth bound",
          "the schemas nest deeper than the comparison follows (200 nested schemas, 32 levels of `allOf`), so "
          "a breaking change there would go unseen; flatten the nesting or review that part by hand"),
    _kind("discriminator-changed", "I", "other", "discriminator changed",
          "the discriminator documents how variants are told apart; the variants decide what is valid"),
)}

# Keywords whose constraint changes count as `constraint-tightened` rather than `other` (as oasdiff files them).
TIGHTENING_KEYWORDS = frozenset(("contains", "patternProperties", "unevaluatedItems", "minContains", "maxContains",
                                 "multipleOf", "uniqueItems"))


def kind(kind_id: str) -> Kind:
    """The kind of a name or an id of either family (`became-nullable`, `breaking/…`, `change/…`)."""
    return KINDS[FAMILY + kind_id.removeprefix(FAMILY).removeprefix(SAFE_FAMILY)]
