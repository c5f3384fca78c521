"""The API's version in the URI is a major version: `v1`, `v1beta1`, never `v1.2`.

## What it does
Flags a version with a minor part (`v1.2`, `v2.0.1`, `1.0`) where the URI path carries it: a path segment
before the first path parameter, a server URL's path (OpenAPI 3) or the `basePath` (OpenAPI 2.0).  Each version
is reported once, on its first path, the other paths that use it listed beside.  Under the `aip` profile
(option `required`) also an API with no version in its paths or server URLs at all (a server URL with a
variable, `https://{host}/{version}`, may hold one and is not reported); well-known endpoints (`/health`) are
left out.

Dated versions (`/2024-01-01/...`) and versions in a header or a query parameter are other versioning schemes,
not judged here.

## Why is this bad?
AIP-185: "The major version number must be the first component of the URI path ... APIs must not expose
minor version numbers": a compatible change needs no new version, and every incompatible one is a new major
version (`v2`).  Alpha and beta channels add a suffix (`v1alpha`, `v1beta1`).  A minor version in the URI
makes every compatible change a URL change that breaks clients.

## Example
```yaml
/v1.2/books/{book}: {get: ...}
```

## Use instead
```yaml
/v1/books/{book}: {get: ...}
```

## Fix (unsafe)
`--unsafe-fixes` makes the minor version major in every path that carries it (`/v1.2/books` -> `/v1/books`),
unless such a path is one the document has, and in a server URL or `basePath` (`https://api.example.com/v1.2` ->
`https://api.example.com/v1`); clients calling the old URLs break.

## Options
- `required`: also flag an API whose URI carries no version (on under the `aip` profile).

## Measured
APIs-guru (2,639 specs): `rest` 137 findings in 114 specs (server URLs such as Bing's `/bing/v7.0`, SwaggerHub's
`/1.0.0`, paths such as HSBC's `/open-banking/v2.2/atms`), 22 random reviewed, 22 right; `aip` 1,546 in 1,523
specs (1,409 more: no version in the URI, as Azure's `api-version` query parameter and AWS's headers have it),
12 random reviewed, 12 right against AIP-185.  googleapis.com (299): 6 under both profiles, all Google's older
minor versions (`/adsense/v1.4`, `/content/v2.1`); the first version also flagged `v1b3` and `v1configuration`
as no version (3), now read as versions.

Peer suites (issue 19, `benchmarks/peer_suites.py`): agrees with 2 of 3 cases of IBM; 1 deliberate disagreement: IBM
asks every API for a version in its URIs, which aiplint does only with `required = true`.

## References
- AIP-185 API Versioning: https://google.aip.dev/185
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit

from aiplint.lint_rules.shared import rename_paths
from aiplint.model import Location, PathItem, Role
from aiplint.rule import Context, Fix, Option, Problem, RenamePath, SetValue, rule

MINOR = re.compile(r"^[vV]?\d+(?:\.\d+)+$")  # `v1.2`, `v2.0.1`, `1.0`
_SERVER_MINOR = re.compile(r"(?:^|/)([vV]?\d+(?:\.\d+)+)(?=/|$)")
_SERVER_MAJOR = re.compile(r"(?:^|/)v\d+\w*(?=/|$)|\{")
_ANY_VERSION = re.compile(r"^v\d+")  # some version, however written (`v1b3`, `v1configuration`): not "no version"


@rule(
    id="aip185/major-version",
    summary="The URI carries a major version only (`v1`, not `v1.2`)",
    reference="AIP-185",
    url="https://google.aip.dev/185",
    severity="warning",
    options={"required": Option(False, "also flag an API with no version in its URI", {"aip": True})},
)
def check(ctx: Context):
    by_version: dict[str, list[PathItem]] = {}
    unversioned: list[PathItem] = []
    for item in ctx.api.paths:
        version = path_version(item)
        if version is not None:
            by_version.setdefault(version, []).append(item)
        elif item.segments and not any(s.role is Role.WELL_KNOWN or _ANY_VERSION.match(s.text) for s in item.segments):
            unversioned.append(item)
    for version, items in by_version.items():
        if MINOR.match(version):
            major = _major(version)
            renames = [RenamePath(item.key, item.key.replace(version, major, 1)) for item in items]
            yield Problem(f"path `{items[0].key}` has the minor version `{version}`; the URI carries the major "
                          f"version only (AIP-185): `{major}`", items[0].key_at, path=items[0].key,
                          suggestion=renames[0].new, detail=version,
                          related=tuple(other.key_at for other in items[1:]),
                          fix=rename_paths(ctx.api, renames, f"make the version `{version}` `{major}` in "
                                                             f"{len(renames)} path{'s' if len(renames) > 1 else ''}"))
    servers = list(_server_paths(ctx))
    for at, path, written in servers:
        minor = _SERVER_MINOR.search(path)
        if minor:
            major = _major(minor.group(1))
            fixed = written[:len(written) - len(path)] + path[:minor.start(1)] + major + path[minor.end(1):]
            yield Problem(f"server URL path `{path}` has the minor version `{minor.group(1)}`; the URI carries the "
                          f"major version only (AIP-185): `{major}`", at, detail=minor.group(1),
                          fix=Fix(f"make the server URL `{fixed}`", (SetValue(at.source.path, at.pointer, fixed),),
                                  safe=False) if written.endswith(path) else None)
    if ctx.options["required"] and unversioned and not by_version and not any(
            _SERVER_MAJOR.search(path) or _SERVER_MINOR.search(path) for _, path, _ in servers):
        first = unversioned[0]
        yield Problem(f"no path or server URL of the API carries a major version (`/v1/...`, AIP-185), "
                      f"`{first.key}` among them", first.key_at, path=first.key, detail="missing",
                      related=tuple(other.key_at for other in unversioned[1:]))


def path_version(item: PathItem) -> str | None:
    """The version a path starts with: a version segment (`v1`, `v1beta1`, `2024-01-01`, `v1.2`, `1.0`) before
    its first parameter (`/api/v2/...`, `/storage/v1/b/{bucket}`); None when it has none."""
    for seg in item.segments:
        if seg.is_param:
            return None
        if seg.role is Role.VERSION or MINOR.match(seg.text):
            return seg.text
    return None


def _major(version: str) -> str:
    return "v" + version.lstrip("vV").split(".", 1)[0]


def _server_paths(ctx: Context):
    """(where, URL path, the value as written) of each server URL (OpenAPI 3) or the basePath (OpenAPI 2.0)."""
    root = ctx.api.document.root
    data = root.data
    if isinstance(data.get("basePath"), str):
        yield Location(root, "/basePath"), data["basePath"], data["basePath"]
    servers = data.get("servers")
    for index, server in enumerate(servers if isinstance(servers, list) else ()):
        url = server.get("url") if isinstance(server, dict) else None
        if isinstance(url, str):
            try:
                path = urlsplit(url).path if "://" in url else url
            except ValueError:
                continue
            yield Location(root, f"/servers/{index}/url"), path, url
