"""`aiplint server`: from an edit to the diagnostics published, as an editor sees it.

    python benchmarks/server_latency.py [--runs N] [--only NAME ...] [--json]

Starts `aiplint server` (stdio), opens each spec in it, waits for its first diagnostics (the cold lint: parsing,
the rules' first run), then sends N edits, each one keystroke as editors send it (an incremental change: one
character typed into, or deleted from, a description), and times each from the `didChange` sent to the
`publishDiagnostics` received for that file.  Edits are `--pause` seconds apart (default 1: someone who stops
typing to see the result; the server collects the last lint's garbage when edits pause for 0.5 s); `--pause 0`
sends each edit as soon as the last one's diagnostics arrive.  Reported: the median, the 90th percentile and the
worst edit, and the cold lint.  Cases (each skipped with a note when its input is absent):

  llama-stack   fixtures/llama-stack/before/stainless-llama-stack-spec.yaml (0.5 MB YAML); target 150 ms
  github-json   api.github.com.json (13 MB JSON, /work/data/gh23/package/generated); target 1.5 s

Needs the `server` extra (pygls).  See benchmarks/README.md for the results.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import re
import statistics
import sys
import time
from pathlib import Path

from lsprotocol import types
from pygls.lsp.client import LanguageClient

REPO = Path(__file__).resolve().parents[1]
CASES = {
    "llama-stack": (REPO / "fixtures" / "llama-stack" / "before" / "stainless-llama-stack-spec.yaml", 0.150),
    "github-json": (Path("/work/data/gh23/package/generated/api.github.com.json"), 1.5),
}


class Client(LanguageClient):
    def __init__(self) -> None:
        super().__init__("server-latency", "1")
        self.published: dict[str, asyncio.Queue[tuple[float, int]]] = {}

        @self.feature(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
        def diagnostics(params: types.PublishDiagnosticsParams) -> None:
            self.published.setdefault(params.uri, asyncio.Queue()).put_nowait(
                (time.perf_counter(), len(params.diagnostics)))


def _edit_point(text: str) -> types.Position:
    """Inside the first plain description's text (after its first letter): a keystroke there changes no finding,
    keeps the spec valid, yet the whole spec is linted again."""
    key = r'"description": "[A-Za-z]' if text.lstrip().startswith("{") else r"\n *description: [A-Za-z]"
    offset = re.search(key, text).end()  # type: ignore[union-attr]
    line = text.count("\n", 0, offset)
    return types.Position(line, offset - (text.rfind("\n", 0, offset) + 1))


async def measure(spec: Path, runs: int, pause: float) -> dict:
    client = Client()
    await client.start_io(sys.executable, "-P", "-m", "aiplint", "server")
    await client.initialize_async(types.InitializeParams(capabilities=types.ClientCapabilities(),
                                                         root_uri=spec.parent.as_uri()))
    client.initialized(types.InitializedParams())
    uri, text = spec.as_uri(), spec.read_text()
    queue = client.published.setdefault(uri, asyncio.Queue())
    sent = time.perf_counter()
    client.text_document_did_open(types.DidOpenTextDocumentParams(types.TextDocumentItem(
        uri=uri, language_id="json" if spec.suffix == ".json" else "yaml", version=1, text=text)))
    received, count = await asyncio.wait_for(queue.get(), 600)
    cold = received - sent
    at = _edit_point(text)
    latencies = []
    for run in range(runs):
        await asyncio.sleep(pause)
        typed = run % 2 == 0  # type a character, then delete it: the text stays the spec's
        span = types.Range(at, at if typed else types.Position(at.line, at.character + 1))
        sent = time.perf_counter()
        client.text_document_did_change(types.DidChangeTextDocumentParams(
            types.VersionedTextDocumentIdentifier(uri=uri, version=run + 2),
            [types.TextDocumentContentChangePartial(range=span, text="x" if typed else "")]))
        received, found = await asyncio.wait_for(queue.get(), 600)
        assert found == count, f"the edit changed the findings ({count} -> {found}): not the keystroke meant"
        latencies.append(received - sent)
    await client.shutdown_async(None)
    client.exit(None)
    await client.stop()
    latencies.sort()
    return {"diagnostics": count, "cold": cold, "median": statistics.median(latencies),
            "p90": latencies[min(len(latencies) - 1, int(0.9 * len(latencies)))], "worst": latencies[-1],
            "runs": runs, "pause": pause}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=20)
    parser.add_argument("--only", nargs="*", choices=sorted(CASES))
    parser.add_argument("--pause", type=float, default=1.0, help="seconds between edits")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    results = {}
    for name, (spec, target) in CASES.items():
        if args.only and name not in args.only:
            continue
        if not spec.exists():
            print(f"note: {name}: {spec} not found; skipped", file=sys.stderr)
            continue
        results[name] = {**asyncio.run(measure(spec, args.runs, args.pause)), "target": target}
        if not args.json:
            r = results[name]
            verdict = "within" if r["p90"] <= target else "OVER"
            print(f"{name:<12} edit -> diagnostics: median {r['median'] * 1000:.0f} ms, p90 {r['p90'] * 1000:.0f} ms, "
                  f"worst {r['worst'] * 1000:.0f} ms ({verdict} the {target * 1000:.0f} ms target, p90); "
                  f"first lint on open {r['cold'] * 1000:.0f} ms; {r['runs']} edits {r['pause']} s apart, {r['diagnostics']} diagnostics")
    if args.json:
        print(json.dumps(results, indent=2))


if __name__ == "__main__":
    main()
