"""Hostile inputs, generated at any size: the smallest document that shows each attack of issue 7.

The test suite uses small sizes; `benchmarks/hostile.py` runs the sizes the issue measured.  Nothing here is
copied from an attack collection: each document is built from its description.
"""

from __future__ import annotations

import json
import os
import subprocess

HEAD = "openapi: 3.0.3\ninfo: {title: generated, version: '1'}\n"


def self_referencing_all_of(fanout: int) -> str:
    """A request-body schema whose `allOf` lists a `$ref` to itself `fanout` times."""
    refs = ", ".join(["{$ref: '#/components/schemas/Node'}"] * fanout)
    return (HEAD + "paths:\n  /nodes:\n    post:\n      requestBody:\n        content:\n"
            "          application/json:\n            schema: {$ref: '#/components/schemas/Node'}\n"
            "      responses: {'200': {description: ok}}\n"
            f"components:\n  schemas:\n    Node:\n      allOf: [{refs}]\n"
            "      properties: {name: {type: string}}\n")


def alias_bomb(scalar_bytes: int, aliases: int) -> str:
    """One scalar of `scalar_bytes` anchored once and aliased `aliases` times: a small file, a huge document."""
    copies = ", ".join(["*blob"] * aliases)
    return HEAD + f"paths: {{}}\nx-blob: &blob {'x' * scalar_bytes}\nx-copies: [{copies}]\n"


def anchored_nesting(levels: int, blocks: int) -> str:
    """Blocks of `levels` nested mappings, each block's innermost value an alias of the previous block: every
    line is shallow, the document is `levels * blocks` deep."""
    lines = [HEAD + "paths: {}"]
    for block in range(blocks):
        lines.append(f"x-b{block}: &b{block}")
        lines += [" " * depth + "a:" for depth in range(1, levels)]
        lines.append(" " * levels + (f"a: *b{block - 1}" if block else "a: leaf"))
    return "\n".join(lines) + "\n"


def bad_parameters(count: int) -> str:
    """One operation with `count` parameters, each with an invalid `in`: `count` schema errors."""
    params = [{"name": f"p{i}", "in": "qery", "schema": {"type": "string"}} for i in range(count)]
    spec = {"openapi": "3.0.3", "info": {"title": "generated", "version": "1"},
            "paths": {"/items": {"get": {"parameters": params, "responses": {"200": {"description": "ok"}}}}}}
    return json.dumps(spec)


def long_path(segments: int) -> str:
    """One path key of `segments` literal segments, as JSON (YAML caps implicit keys at 1024 characters)."""
    key = "/" + "/".join(f"s{i}" for i in range(segments))
    return json.dumps({"openapi": "3.0.3", "info": {"title": "generated", "version": "1"},
                       "paths": {key: {"get": {"responses": {"200": {"description": "ok"}}}}}})


def long_segment(letters: int) -> str:
    """One path key of a single lower-case segment of `letters` letters, as JSON."""
    return json.dumps({"openapi": "3.0.3", "info": {"title": "generated", "version": "1"},
                       "paths": {"/" + "a" * letters: {"get": {"responses": {"200": {"description": "ok"}}}}}})


def long_description(words: int) -> str:
    """An operation described by `words` repetitions of `webhook` and no full stop, with an error response (what
    AIP-193's rules read to tell a webhook the partner implements), as JSON."""
    error = {"description": "bad", "content": {"application/json": {"schema": {
        "type": "object", "properties": {"message": {"type": "string"}}}}}}
    return json.dumps({"openapi": "3.0.3", "info": {"title": "generated", "version": "1"}, "paths": {"/hooks": {
        "post": {"description": "webhook " * words, "responses": {"200": {"description": "ok"}, "400": error}}}}})


def many_paths(count: int) -> str:
    """A plausible API of `count` paths (a collection and its members, with parameters and bodies) as JSON."""
    paths = {}
    for i in range(count):
        name = f"things{i}"
        paths[f"/v1/{name}"] = {"get": {"operationId": f"list{i}", "parameters": [
            {"name": "page_size", "in": "query", "schema": {"type": "integer"}}],
            "responses": {"200": {"description": "ok"}}}}
        paths[f"/v1/{name}/{{thing_id}}"] = {"patch": {"operationId": f"update{i}", "parameters": [
            {"name": "thing_id", "in": "path", "required": True, "schema": {"type": "string"}}],
            "requestBody": {"content": {"application/json": {"schema": {"$ref": "#/components/schemas/Thing"}}}},
            "responses": {"200": {"description": "ok"}}}}
    spec = {"openapi": "3.0.3", "info": {"title": "generated", "version": "1"}, "paths": paths,
            "components": {"schemas": {"Thing": {"type": "object", "properties": {"name": {"type": "string"}}}}}}
    return json.dumps(spec)


def repository_with_blob(folder: str, specs: int, blob_bytes: int) -> None:
    """A git repository with `specs` small specs and one incompressible blob of `blob_bytes`, committed twice
    (the second commit changes every spec), for `check specs/ --diff-base HEAD~1`."""
    def git(*args: str) -> None:
        subprocess.run(["git", "-C", folder, *args], check=True, capture_output=True,
                       env={**os.environ, "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@t", "GIT_COMMITTER_NAME": "t",
                            "GIT_COMMITTER_EMAIL": "t@t"})

    os.makedirs(os.path.join(folder, "specs"), exist_ok=True)
    git("init", "-q")
    with open(os.path.join(folder, "blob.bin"), "wb") as handle:
        handle.write(os.urandom(blob_bytes))
    for version in ("job", "jobs"):
        for i in range(specs):
            with open(os.path.join(folder, "specs", f"api{i}.yaml"), "w", encoding="utf-8") as handle:
                handle.write(HEAD + f"paths:\n  /v1/{version}/{{job_id}}:\n    get:\n"
                             "      responses: {'200': {description: ok}}\n")
        git("add", "-A")
        git("commit", "-q", "-m", version)


def _git(folder: str, *args: str) -> None:
    subprocess.run(["git", "-C", folder, *args], check=True, capture_output=True)


def nested_gitignore_tree(folder: str, depth: int, repeats: int) -> None:
    """A git repository of `depth` nested folders `a/a/...`, a spec in the deepest, and a `.gitignore` line
    `a/`, then `**/a/` `repeats` times, then `b/`: it matches none of them, so a backtracking matcher tries
    every way to split each folder's path among the `**`."""
    _git(folder, "init", "-q")
    with open(os.path.join(folder, ".gitignore"), "w", encoding="utf-8") as handle:
        handle.write("a/" + "**/a/" * repeats + "b/\n")
    deepest = os.path.join(folder, *["a"] * depth)
    os.makedirs(deepest)
    with open(os.path.join(deepest, "api.yaml"), "w", encoding="utf-8") as handle:
        handle.write(HEAD + "paths: {}\n")


def stability_glob_pair(folder: str, segments: int, repeats: int) -> None:
    """`old.yaml` and `new.yaml`, one operation at a path of `segments` segments `a`, and an `.aiplint.toml` whose
    stability glob repeats `/**/a` `repeats` times and matches no path (every way to split the path is tried)."""
    path = "/a" * segments
    for name, extra in (("old.yaml", ""), ("new.yaml", "      deprecated: true\n")):
        with open(os.path.join(folder, name), "w", encoding="utf-8") as handle:
            handle.write(HEAD + f"paths:\n  {path}:\n    get:\n{extra}      responses: {{'200': {{description: ok}}}}\n")
    with open(os.path.join(folder, ".aiplint.toml"), "w", encoding="utf-8") as handle:
        handle.write(f'[stability]\n"/a{"/**/a" * repeats}/b" = "beta"\n')
