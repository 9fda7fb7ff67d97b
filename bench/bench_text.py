"""Text-dump sets: each dump variant cleaned as one batch, and document by document."""

from __future__ import annotations

import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path

from bench_common import (
    ANCHOR_TEXT,
    BENCHMARKS,
    TARGET_TEXT,
    TARGET_TEXT_SPEEDUP,
    WARMUP_DOCS,
    Doc,
    load_docs,
    print_table,
    score_texts,
    write_texts,
)
from bench_html import SET as HTML_SET
from bench_html import trafilatura_defaults
from bench_ours import clean_batch_texts, clean_single_texts

SET = BENCHMARKS / "text-dumps"
GOLD = SET / "ground-truth.json"
VARIANTS = ("lxml", "soup", "html_text")
MODES: dict[str, Callable[[Sequence[Doc], str], dict[str, str | None]]] = {
    "batch": clean_batch_texts,
    "single": clean_single_texts,
}


def run_text(out: Path, limit: int | None, html_speed: float | None) -> dict:
    """Clean, score and print every dump variant; return the numbers by variant and mode."""
    print(f"\n== Text-dump sets: {SET} ==")
    results: dict = {}
    for variant in VARIANTS:
        docs = load_docs(SET / variant, ".txt", limit)
        clean_single_texts(docs[:WARMUP_DOCS], variant)
        ids = [doc_id for doc_id, _ in docs]
        # Without the HTML set's figure, trafilatura is timed right before each variant,
        # so that both sides of the ratio see the same load on a shared machine.
        reference = html_speed or trafilatura_speed(limit)
        results[variant] = {"trafilatura_html_docs_per_s": reference}
        for mode, clean in MODES.items():
            clear_caches()
            start = time.perf_counter()
            preds = clean(docs, variant)
            seconds = time.perf_counter() - start
            scores = score_texts(write_texts(out / "text" / variant / mode, preds), GOLD, ids)
            speed = len(docs) / seconds if seconds else 0.0
            results[variant][mode] = {**scores, "docs_per_s": speed, "seconds": seconds}
    print_text(results)
    return results


def trafilatura_speed(limit: int | None) -> float:
    """Time trafilatura's extract() on the HTML set in this process, for the speed ratio."""
    docs = load_docs(HTML_SET / "html", ".html.gz", limit)
    for doc_id, data in docs[:WARMUP_DOCS]:
        trafilatura_defaults(doc_id, data)
    start = time.perf_counter()
    for doc_id, data in docs:
        trafilatura_defaults(doc_id, data)
    return len(docs) / (time.perf_counter() - start)


def clear_caches() -> None:
    """Empty the line caches of cleaners/, so each timed pass starts cold, as a new run does."""
    for name, module in list(sys.modules.items()):
        if name.startswith("cleaners"):
            for value in vars(module).values():
                if callable(getattr(value, "cache_clear", None)):
                    value.cache_clear()


def print_text(results: dict) -> None:
    """Print per-variant scores beside the anchors and targets, then the speed check."""
    rows = []
    for variant, modes in results.items():
        for mode, r in _modes(modes).items():
            speed = f"{r['docs_per_s']:.1f}"
            rows.append([variant, f"pagewash {mode}", r["f1"], r["p"], r["r"], r["empty"], speed])
        for name, anchor in ANCHOR_TEXT.items():
            rows.append([variant, f"ANCHORS: {name}", anchor[variant], "", "", "", ""])
        rows.append([variant, "target", TARGET_TEXT[variant], "", "", "", ""])
    print_table(["variant", "method", "F1", "P", "R", "empty", "docs/s"], rows)
    for variant, modes in results.items():
        speed, reference = modes["batch"]["docs_per_s"], modes["trafilatura_html_docs_per_s"]
        ratio = f"{speed / reference:.1f}x (target >= {TARGET_TEXT_SPEEDUP:.0f}x)"
        print(
            f"  {variant}: pagewash text batch {speed:.1f} docs/s / trafilatura HTML "
            f"{reference:.1f} docs/s = {ratio}"
        )


def _modes(modes: dict) -> dict:
    """Return the per-mode results of a variant, without its reference speed."""
    return {mode: r for mode, r in modes.items() if isinstance(r, dict)}
