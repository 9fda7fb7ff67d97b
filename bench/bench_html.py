"""HTML set: our reader and pipeline against trafilatura alone, timed in one process."""

from __future__ import annotations

from pathlib import Path

import trafilatura
from bench_common import (
    ANCHOR_HTML,
    BENCHMARKS,
    gunzip_text,
    load_docs,
    print_table,
    run_interleaved,
    score_texts,
    write_texts,
)
from bench_ours import body_text, clean_file

SET = BENCHMARKS / "article-extraction"
GOLD = SET / "ground-truth.json"


def ours(doc_id: str, data: bytes) -> str | None:
    """Read the gzip page with our reader, clean it and render its record."""
    return body_text(clean_file(data, f"{doc_id}.html.gz"))


def trafilatura_defaults(doc_id: str, data: bytes) -> str | None:
    """Run trafilatura with its defaults (txt, no comments) on the decoded page."""
    html = gunzip_text(data)
    return trafilatura.extract(html, output_format="txt", include_comments=False)


def trafilatura_precision(doc_id: str, data: bytes) -> str | None:
    """Run trafilatura with favor_precision=True on the decoded page."""
    html = gunzip_text(data)
    return trafilatura.extract(
        html, output_format="txt", include_comments=False, favor_precision=True
    )


# Output folder name, printed label and function of each method.
METHODS = {
    "pagewash": ("pagewash (read+clean+JSON)", ours),
    "trafilatura": ("trafilatura defaults", trafilatura_defaults),
    "trafilatura_precision": ("trafilatura favor_precision", trafilatura_precision),
}


def run_html(out: Path, limit: int | None) -> dict:
    """Extract, score and print the HTML set; return the numbers by method."""
    docs = load_docs(SET / "html", ".html.gz", limit)
    print(f"\n== HTML set: {SET} ({len(docs)} pages) ==")
    runs = run_interleaved(docs, {key: fn for key, (_, fn) in METHODS.items()})
    ids = [doc_id for doc_id, _ in docs]
    results = {}
    for key, run in runs.items():
        scores = score_texts(write_texts(out / "html" / key, run.preds), GOLD, ids)
        results[key] = {**scores, "docs_per_s": run.docs_per_second(), "seconds": run.seconds}
    print_html(results)
    return results


def print_html(results: dict) -> None:
    """Print the side-by-side table, the speed ratio and the anchor rows."""
    rows = [
        [METHODS[k][0], r["f1"], r["p"], r["r"], r["empty"], f"{r['docs_per_s']:.1f}"]
        for k, r in results.items()
    ]
    rows += [
        [f"ANCHORS: {name}", a["f1"], a["p"], a["r"], "", ""] for name, a in ANCHOR_HTML.items()
    ]
    print_table(["method", "F1", "P", "R", "empty", "docs/s"], rows)
    ours_speed = results["pagewash"]["docs_per_s"]
    for key in ("trafilatura", "trafilatura_precision"):
        ratio = ours_speed / results[key]["docs_per_s"]
        print(f"  docs/s ratio pagewash / {METHODS[key][0]}: {ratio:.2f}x")
