"""One document describes one version of the API.

## What it does
Reads the version each path starts with (`/v1/...`, `/api/v2beta1/...`, `/2024-01-01/...`) and, when the
document's paths carry more than one, flags each version other than the most common one, once, at the document's
`paths`, the paths that use it listed beside (a statement about the document, not about any one path).  Paths
without a version are left out.

## Why is this bad?
AIP-185: an API's major version is the version of all of it (the last component of its package, the first of
its URIs), and a new major version is a new surface clients move to as a whole.  Paths of two versions in one
document make one description of two APIs: tools cannot say which version a client built from it speaks, and
breaking-change checks compare the wrong operations.  Describe each version in a document of its own.

## Example
```yaml
/v1/books/{book}: {get: ...}
/v2/shelves/{shelf}: {get: ...}
```

## Use instead
```yaml
/v1/books/{book}: {get: ...}
/v1/shelves/{shelf}: {get: ...}
```

## Measured
APIs-guru (2,639 specs): 62 findings in 30 specs (Vercel's `/v1` to `/v13`, AWS Lambda's dated versions,
Kubernetes' API groups); googleapis.com (299): 1 (Search Console's `/v1/urlInspection` beside `/webmasters/v3`).
Review of 22 random findings: 22 right (the document does carry both versions).

Peer suites (issue 19, `benchmarks/peer_suites.py`): agrees with 3 of 4 cases of IBM; 1 miss (a strict xfail): two
server URLs with different versions, where the rule reads paths only.

## References
- AIP-185 API Versioning: https://google.aip.dev/185
"""

from __future__ import annotations

from aiplint.lint_rules.aip185.major_version import path_version
from aiplint.model import Location, PathItem
from aiplint.rule import Context, Problem, rule


@rule(
    id="aip185/single-version",
    summary="The paths of one document carry one version",
    reference="AIP-185",
    url="https://google.aip.dev/185",
    severity={"rest": "info", "aip": "warning"},
)
def check(ctx: Context):
    by_version: dict[str, list[PathItem]] = {}
    for item in sorted(ctx.api.paths, key=lambda item: item.key):  # the same finding whatever the key order
        version = path_version(item)
        if version is not None:
            by_version.setdefault(version, []).append(item)
    if len(by_version) < 2:
        return
    main = max(sorted(by_version), key=lambda v: len(by_version[v]))  # of equals, the first in order
    paths_at = Location(ctx.api.document.root, "/paths")
    for version, items in by_version.items():
        if version != main:
            yield Problem(f"{len(items)} path{'s' if len(items) > 1 else ''} (`{items[0].key}` first) "
                          f"{'are' if len(items) > 1 else 'is'} in version `{version}` while {len(by_version[main])} "
                          f"paths of the document are in `{main}`; describe one version per document (AIP-185)",
                          paths_at, detail=version, related=tuple(item.key_at for item in items))

