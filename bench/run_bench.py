"""Benchmark pagewash against trafilatura and htmldate on the shared dev sets, in one run.

Run from anywhere: ``python bench/run_bench.py [--sets html,text,metadata] [--limit N]
[--out DIR] [--json FILE]``. Every comparison is measured side by side in this process,
since speeds on a shared machine are only meaningful as ratios.
"""

from __future__ import annotations

import argparse
import json
import platform
import socket
import sys
from importlib.metadata import version
from pathlib import Path
from typing import Any

from bench_common import ROOT, SHARED

SETS = ("html", "text", "metadata")


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    """Parse the command line."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sets", default=",".join(SETS), help="comma-separated: html,text,metadata")
    ap.add_argument("--limit", type=int, help="only the first N documents of each set")
    ap.add_argument("--out", type=Path, default=ROOT / "bench" / "out", help="predictions folder")
    ap.add_argument("--json", type=Path, help="save every number to this JSON file")
    args = ap.parse_args(argv)
    args.sets = [s.strip() for s in args.sets.split(",") if s.strip()]
    unknown = set(args.sets) - set(SETS)
    if unknown:
        ap.error(f"unknown sets {sorted(unknown)}; choose from {','.join(SETS)}")
    if args.limit is not None and args.limit < 1:
        ap.error("--limit must be at least 1")
    return args


def forbid_network() -> None:
    """Make any socket connection fail, so no page or URL is ever fetched by accident."""

    def refuse(*args: Any, **kwargs: Any) -> None:
        raise OSError("network access is disabled in the benchmark")

    socket.socket.connect = refuse  # type: ignore[method-assign]
    socket.create_connection = refuse  # type: ignore[assignment]


def environment() -> dict[str, str]:
    """Return the versions that the numbers depend on."""
    libs = {name: version(name) for name in ("trafilatura", "htmldate", "lxml")}
    return {"python": platform.python_version(), **libs}


def run_sets(args: argparse.Namespace) -> dict:
    """Run the chosen sets in order; the text set reuses the HTML set's trafilatura speed."""
    # Imported here: they import the library, which is found from the repository root.
    sys.path.insert(0, str(ROOT))
    from bench_html import run_html
    from bench_metadata import run_metadata
    from bench_text import run_text

    results: dict = {}
    if "html" in args.sets:
        results["html"] = run_html(args.out, args.limit)
    if "text" in args.sets:
        html_speed = results.get("html", {}).get("trafilatura", {}).get("docs_per_s")
        results["text"] = run_text(args.out, args.limit, html_speed)
    if "metadata" in args.sets:
        results["metadata"] = run_metadata(args.out, args.limit)
    return results


def main(argv: list[str] | None = None) -> int:
    """Run the benchmark and print the tables; exit 0 when the shared data is absent."""
    args = parse_args(argv)
    if not SHARED.is_dir():
        print("../shared not found, nothing to benchmark")
        return 0
    forbid_network()
    env = environment()
    limit = f", first {args.limit} docs per set" if args.limit else ""
    print(
        f"pagewash benchmark: sets {','.join(args.sets)}{limit}; "
        + ", ".join(f"{k} {v}" for k, v in env.items())
    )
    print("scores: ../shared/bench scorers, 4-gram ScrapingHub rules; docs/s: one process")
    results = run_sets(args)
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        payload = {"env": env, "limit": args.limit, "results": results}
        args.json.write_text(json.dumps(payload, indent=2, sort_keys=True), encoding="utf-8")
        print(f"\nnumbers saved to {args.json}")
    print(f"predictions in {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
