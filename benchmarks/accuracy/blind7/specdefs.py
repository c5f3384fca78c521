"""The blind7 specs: (id, source, file inside the package, style, sample size or None for all).

Every spec comes from a registry package (npm or PyPI), none from the APIs-guru directory. Packages are unpacked
into $OPENAPI_SPECS (default /tmp/accspecs) as `<name with / replaced by +>@<version>/`, the layout
`../score.py`'s `package_dir` expects (npm tarballs keep their `package/` prefix; wheels unpack at their root).
"""
import os

ROOT = os.environ.get("OPENAPI_SPECS", "/tmp/accspecs")
SOURCES = [
    "npm:@goauthentik/api@2026.8.3",
    "npm:@llamaindex/cloud@4.1.3",
    "npm:@credo-ts/rest@0.10.0",
    "pypi:langgraph-api==0.16.7",
    "npm:shipengine-openapi@1.4.0",
    "npm:@shipengine/connect-order-source-api@4.9.0",
    "npm:@shipengine/connect-fulfillment-provider-api@4.6.0",
    "npm:@mojaloop/central-ledger@19.5.5",
]
LOCAL = {s: os.path.join(ROOT, s.partition(":")[2].replace("/", "+").replace("==", "@")) for s in SOURCES}
SEED = 20261207
SPECS = [
    ("authentik", "npm:@goauthentik/api@2026.8.3", "package/schema.yml", "drf-spectacular", 30),
    ("llamacloud", "npm:@llamaindex/cloud@4.1.3", "package/openapi.json", "fastapi", 30),
    ("credo-rest", "npm:@credo-ts/rest@0.10.0", "package/build/generated/swagger.json", "tsoa-node", 30),
    ("langgraph-api", "pypi:langgraph-api==0.16.7", "openapi.json", "starlette-handwritten", 30),
    ("shipengine", "npm:shipengine-openapi@1.4.0", "package/openapi.json", "vendor-handwritten", 30),
    ("shipengine-order-source", "npm:@shipengine/connect-order-source-api@4.9.0", "package/spec.json", "rpc-post", None),
    ("shipengine-fulfillment", "npm:@shipengine/connect-fulfillment-provider-api@4.6.0", "package/spec.json", "rpc-post", None),
    ("mojaloop-central-ledger", "npm:@mojaloop/central-ledger@19.5.5", "package/src/api/interface/swagger.json", "hapi-swagger2", None),
]
# Package licences (from package.json / wheel METADATA), used by `../blindset.py specs` for specs outside APIs-guru.
LICENCE = {
    "npm:@goauthentik/api@2026.8.3": "MIT",
    "npm:@llamaindex/cloud@4.1.3": "MIT",
    "npm:@credo-ts/rest@0.10.0": "Apache-2.0",
    "pypi:langgraph-api==0.16.7": "Elastic-2.0",
    "npm:shipengine-openapi@1.4.0": "MIT",
    "npm:@shipengine/connect-order-source-api@4.9.0": "Apache-2.0",
    "npm:@shipengine/connect-fulfillment-provider-api@4.6.0": "Apache-2.0",
    "npm:@mojaloop/central-ledger@19.5.5": "Apache-2.0",
}
