"""Path parameters and path template variables match.

## What it does
Flags an `in: path` parameter whose name does not appear in the path template, and a template variable
(`{job_id}`) that no path parameter declares, for every operation (path-item parameters included), and a
template expression that is empty (`/path/{}`) or appears twice (`/foo/{bar}/{bar}`).  A
parameter written into a query string in the path key (`/alerts?lat={lat}`) is left to
`oas/path-no-query-string`, which reports the key.

## Why is this bad?
OpenAPI: "If `in` is `path`, the `name` field MUST correspond to a template expression occurring within the
path field", and every template expression must be declared.  Generated clients either drop the parameter or
fail to build the URL.  Llama Stack shipped `/v1alpha/post-training/job/status` with `job_uuid` declared
`in: path`; the fix was `/v1alpha/post-training/jobs/{job_uuid}/status`.

## Example
```yaml
/v1alpha/post-training/job/status:
  get: {parameters: [{name: job_uuid, in: path, required: true}]}
```

## Use instead
```yaml
/v1alpha/post-training/jobs/{job_uuid}/status:
  get: {parameters: [{name: job_uuid, in: path, required: true}]}
```

## Measured
Peer suites (issue 19, `benchmarks/peer_suites.py`): agrees with 27 of 27 cases of Redocly and Spectral.

## References
- OpenAPI 3.1 Parameter Object: https://spec.openapis.org/oas/v3.1.0#parameter-object
"""

from __future__ import annotations

from aiplint.lint_rules.shared import colon_style, fix
from aiplint.model import PathItem
from aiplint.model.suggest import nest_id
from aiplint.rule import Context, Problem, rule


@rule(
    id="oas/path-params-match",
    summary="Every path parameter is in the template and every template variable is declared",
    reference="OpenAPI Parameter Object",
    url="https://spec.openapis.org/oas/v3.1.0#parameter-object",
    severity="error",
    inspects="path",
)
def check(ctx: Context, item: PathItem):
    yield from _malformed_templates(item)
    reported: set[str] = set()  # the path item's own parameters, reported once for all its operations
    for op in item.operations:
        template = item.template_params
        declared = {p.name for p in op.params_in("path")}
        for param in op.params_in("path"):
            if param.name in template or (param.level == "path" and param.at.pointer in reported):
                continue
            if param.name in item.key_query_params:
                continue  # `/alerts?lat={lat}`: oas/path-no-query-string reports the key itself
            reported.add(param.at.pointer)
            yield Problem(
                f"path parameter `{param.name}` does not appear in the path template `{item.template}`; "
                f"a path parameter must match a template expression (OpenAPI)",
                param.at,
                operation=op if param.level == "operation" else None,
                path=item.key,
                suggestion=fix(ctx, op) if param.level == "operation" else nest_id(
                    ctx.api, item, param.name, colon_style(ctx)
                ),
                detail=param.name,
            )
        for name in dict.fromkeys(template):
            if name and name not in declared:
                yield Problem(
                    f"template variable `{{{name}}}` of `{item.template}` is not declared as an `in: path` "
                    f"parameter of {op.label}",
                    op.at,
                    operation=op,
                    detail=name,
                )


def _malformed_templates(item: PathItem):
    """A template expression that names nothing (`/path/{}`) or appears twice (`/foo/{bar}/{bar}`): OpenAPI's
    path templating allows neither, whether or not the path has operations."""
    names = item.template_params
    for name in dict.fromkeys(n for n in names if not n or names.count(n) > 1):
        what = "an empty template expression `{}`" if not name else f"the template expression `{{{name}}}` twice"
        yield Problem(
            f"path `{item.key}` has {what}; each template expression names one parameter, once (OpenAPI)",
            item.key_at,
            path=item.key,
            detail=f"template:{name}",
        )
