#!/usr/bin/env python3
"""One line per operation: METHOD path  q:required-query  b:required-body-fields  (opId)."""
import sys

import oplist


def main(path):
    doc = oplist.load(path)
    for method, p, item, op in oplist.operations(doc):
        params = oplist.parameters(doc, item, op)
        rq = [x["name"] for x in params if x.get("in") == "query" and x.get("required")]
        rb, _, _ = oplist.body_info(doc, op, params)
        extra = ""
        if rq:
            extra += "  q:" + ",".join(rq)
        if rb:
            extra += "  b:" + ",".join(rb)[:80]
        print(f"{method} {p}{extra}  ({op.get('operationId')})")


if __name__ == "__main__":
    main(sys.argv[1])
