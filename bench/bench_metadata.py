"""Metadata set: our record's title/date/authors against trafilatura and htmldate."""

from __future__ import annotations

import gzip
import json
from pathlib import Path
from typing import Any

import htmldate
import trafilatura
from bench_common import (
    ANCHOR_META,
    BENCHMARKS,
    TARGET_META,
    Doc,
    fresh_dir,
    load_docs,
    print_table,
    run_interleaved,
    score_meta,
)
from bench_ours import clean_file_record
from htmldate.utils import load_html as htmldate_load_html
from trafilatura.utils import decode_file

from cleaners.schema import QuarantineRecord

SET = BENCHMARKS / "metadata"
GOLD = SET / "gold.json"
FIELDS = ("date", "title", "authors")
Prediction = dict[str, Any] | None


def ours(doc_id: str, data: bytes) -> Prediction:
    """Run the whole pipeline on the gzip page and keep the record's metadata.

    A page quarantined as no_article (a photo page, a stub) keeps in its quarantine record
    the title, date and authors it stated; those count like a clean document's.
    """
    record = clean_file_record(data, f"{doc_id}.html.gz")
    if record is None or (isinstance(record, QuarantineRecord) and record.reason != "no_article"):
        return None
    return {"title": record.title, "date": record.published, "authors": record.authors}


def trafilatura_meta(doc_id: str, data: bytes) -> Prediction:
    """Run trafilatura's metadata extractor on a tree parsed from the decoded page."""
    html = decode_file(gzip.decompress(data))
    meta = trafilatura.extract_metadata(trafilatura.load_html(html))
    if meta is None:
        return None
    return {"title": meta.title, "date": meta.date, "authors": meta.author}


def htmldate_meta(doc_id: str, data: bytes) -> Prediction:
    """Run htmldate on a tree: its loader gets bytes, so nothing can look like a URL."""
    tree = htmldate_load_html(gzip.decompress(data))
    if tree is None:
        return None
    date = htmldate.find_date(tree, original_date=True, extensive_search=True)
    return {"title": None, "date": date, "authors": None}


# Printed label, function and scored fields of each method.
METHODS = {
    "pagewash": ("pagewash (whole pipeline)", ours, FIELDS),
    "trafilatura": ("trafilatura extract_metadata", trafilatura_meta, FIELDS),
    "htmldate": ("htmldate find_date", htmldate_meta, ("date",)),
}


def run_metadata(out: Path, limit: int | None) -> dict:
    """Extract, score and print the metadata set; return the numbers by method."""
    docs = load_docs(SET / "html", ".html.gz", limit)
    print(f"\n== Metadata set: {SET} ({len(docs)} pages) ==")
    folder = fresh_dir(out / "metadata")
    gold = subset_gold(folder, docs) if limit is not None else GOLD
    runs = run_interleaved(docs, {key: fn for key, (_, fn, _) in METHODS.items()})
    results = {}
    for key, run in runs.items():
        pred_file = write_predictions(folder / f"{key}.jsonl", run.preds)
        scores = score_meta(pred_file, gold, ",".join(METHODS[key][2]))
        fields = {f: scores[f] for f in METHODS[key][2]}
        speed = {"docs_per_s": run.docs_per_second(), "seconds": run.seconds}
        results[key] = {"fields": fields, "no_prediction": run.failures, **speed}
    print_metadata(results)
    return results


def subset_gold(folder: Path, docs: list[Doc]) -> Path:
    """Write the gold entries of the documents in a limited run, so the rest are not scored."""
    gold = json.loads(GOLD.read_text(encoding="utf-8"))
    path = folder / "gold.subset.json"
    path.write_text(json.dumps({i: gold[i] for i, _ in docs if i in gold}), encoding="utf-8")
    return path


def write_predictions(path: Path, preds: dict[str, Prediction]) -> Path:
    """Write one JSON line per document; no prediction becomes empty fields."""
    with path.open("w", encoding="utf-8") as fh:
        for doc_id, pred in preds.items():
            row = {"id": doc_id, **(pred or {"title": None, "date": None, "authors": None})}
            fh.write(json.dumps(row, ensure_ascii=False) + "\n")
    return path


def print_metadata(results: dict) -> None:
    """Print accuracy and coverage per field, side by side, beside anchors and targets."""
    headers = ["method"]
    for f in FIELDS:
        headers += [f"{f} acc", f"{f} cov"]
    rows = []
    for key, r in results.items():
        row: list[Any] = [METHODS[key][0]]
        for f in FIELDS:
            scored = r["fields"].get(f, {})
            row += [scored.get("accuracy"), scored.get("coverage")]
        rows.append([*row, f"{r['docs_per_s']:.1f}"])
    for name, anchor in ANCHOR_META.items():
        rows.append([f"ANCHORS: {name}", *[x for f in FIELDS for x in (anchor.get(f), None)], ""])
    rows.append(["target", *[x for f in FIELDS for x in (TARGET_META[f], None)], ""])
    print_table([*headers, "docs/s"], rows)
    if "pagewash" in results:
        counts = {f: s["n"] for f, s in results["pagewash"]["fields"].items()}
        print(f"  gold items per field: {counts}; pagewash docs/s covers body extraction too")
    missing = {METHODS[k][0]: r["no_prediction"] for k, r in results.items()}
    print(f"  pages with no prediction (quarantine, crash or no tree): {missing}")
