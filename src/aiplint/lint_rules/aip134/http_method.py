"""An Update uses PATCH, not POST.

## What it does
Flags a `POST` to a resource's own path (`/v1/accounts/{account_id}`, no custom verb) whose operationId or
summary says it updates that resource (`UpdateAccount`, "Modify a user", `edit_rule`).  Not flagged: a path that
also has a `PATCH` (the POST is something else), names that say more than an update (`CreateOrUpdate`,
`UpdateOrDelete`, batch and bulk updates), verbs that are actions rather than updates (`set`, `change`), a
POST that uploads a file's bytes (Xero's `updateContactAttachmentByFileName`: replacing content is a `PUT`), and
a path with a verb where a collection belongs (`/monitor/update/{id}`: `rest/verb-before-id`'s).  The fix keeps
the path as the operation's one fix writes it (`POST /Payslip/{PayslipID}` -> `PATCH /Payslips/{PayslipID}`).

## Why is this bad?
AIP-134: "the HTTP verb should be `PATCH`" for Update, as AIP-127 has standard methods use their prescribed HTTP
method.  `POST` to an existing resource has no update semantics in HTTP (RFC 9110, 9.3.3): clients, caches and
gateways cannot tell it from an action, and retrying it is unsafe, where `PATCH` says the request changes the
fields it sends and nothing else.

## Example
```yaml
/v1/accounts/{account_id}:
  post: {operationId: UpdateAccount}
```

## Use instead
```yaml
/v1/accounts/{account_id}:
  patch: {operationId: UpdateAccount}
```

## Measured
APIs-guru (2,639 specs), `rest` and `aip` alike: 349 findings in 74 specs (Twilio 192, AWS 56, Sinao 21, Xero
21, Rudder 12); googleapis.com (299): 0.  Review of 57 random findings: all right once Xero's 17 attachment
uploads (`POST .../Attachments/{FileName}` with `application/octet-stream`, whose fix is a PUT, not a PATCH) were
left out, and 3 paths with a verb for a collection (Brex's `/monitor/update/{id}`), which `rest/verb-before-id`
reports.

Peer suites (issue 19, `benchmarks/peer_suites.py`): agrees with 1 of 2 cases of AEP; 1 deliberate disagreement: AEP
requires the merge-patch media type, which AIP-134 does not.

## References
- AIP-134 Standard methods: Update: https://google.aip.dev/134
- AIP-127 HTTP and gRPC Transcoding: https://google.aip.dev/127
- RFC 9110, 9.3.3 POST: https://www.rfc-editor.org/rfc/rfc9110#section-9.3.3
"""

from __future__ import annotations

from aiplint.lint_rules.shared import fixed_path, names_an_action
from aiplint.model import Operation, words
from aiplint.model.operations import Kind, named_verb
from aiplint.rule import Context, Problem, rule

_UPDATE_VERBS = frozenset(("update", "modify", "edit"))  # not `set`/`change`: `SetItemImage`, `ChangeOrder` act
_MORE_THAN_AN_UPDATE = frozenset(("or", "and", "batch", "bulk"))  # `CreateOrUpdate`, `UpdateOrDelete`, batches


def _updates_a_member(ctx: Context, op: Operation) -> bool:
    facts = ctx.api.facts(op)
    return (op.method == "post" and facts.kind is Kind.UNKNOWN and facts.id_in == "path"
            and "patch" not in op.path.methods and not names_an_action(op))


@rule(
    id="aip134/http-method",
    summary="Update methods use PATCH, not POST",
    reference="AIP-134",
    url="https://google.aip.dev/134",
    severity={"rest": "warning", "aip": "error"},
    inspects="operation",
    only_if=_updates_a_member,
)
def check(ctx: Context, op: Operation):
    verb, rest, signal = named_verb(ctx.api.lexicon, op)
    if verb not in _UPDATE_VERBS or _MORE_THAN_AN_UPDATE.intersection(rest) or _MORE_THAN_AN_UPDATE.intersection(
            words.split_words(op.path.template)) or _uploads_a_file(ctx, op):
        return
    name = op.operation_id if signal == "operationId" else op.summary
    yield Problem(f"`{op.label}` updates the resource at its path (its {signal} `{name}` says so) with POST; an "
                  f"Update uses PATCH (AIP-134): POST to a resource has no update semantics in HTTP",
                  op.at, operation=op, suggestion=f"PATCH {fixed_path(ctx, op)}")


def _uploads_a_file(ctx: Context, op: Operation) -> bool:
    """The request body is a file's bytes: no JSON or URL-encoded form among its media types (OpenAPI 3), or a
    `type: file` form parameter (OpenAPI 2.0)."""
    if any(p.location == "formData" and p.schema.get("type") == "file" for p in op.declared_parameters):
        return True
    body = ctx.api.document.refs.resolve(op.raw.get("requestBody"), op.at.source, op.at.pointer).node
    content = body.get("content") if isinstance(body, dict) else None
    return isinstance(content, dict) and bool(content) and not any(
        "json" in media_type or media_type == "application/x-www-form-urlencoded" for media_type in content)
