"""Pinned corpus F1 floors on the public dev sets: a change may not lower them.

Scored with the shared scorer (../shared/bench/score_extraction.py, 4-gram ScrapingHub
rules), imported from ../shared; skipped cleanly where ../shared is absent. The floors
sit just under the scores measured when they were pinned (see the README's bench
table); raise them when the cleaner improves, never lower them to get green.
"""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path
from types import ModuleType

import pytest

from cleaners.config import Config
from cleaners.pipeline import clean_item, learn_profile
from cleaners.readers import read_bytes
from cleaners.schema import CleanDocument

# Pinned 2026-11-26: HTML 0.979 (P 0.975); text batch lxml 0.925, soup 0.934, html_text 0.942.
HTML_FLOOR = {"f1": 0.975, "precision": 0.970}
TEXT_FLOOR = {"lxml": 0.919, "soup": 0.928, "html_text": 0.936}


def load_scorer(shared: Path) -> ModuleType:
    spec = importlib.util.spec_from_file_location(
        "score_extraction", shared / "bench/score_extraction.py"
    )
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def gold_texts(path: Path) -> dict[str, str]:
    return {k: v["articleBody"] for k, v in json.loads(path.read_text(encoding="utf-8")).items()}


def score(shared: Path, preds: dict[str, str], gold: Path) -> dict[str, float]:
    result = load_scorer(shared).score(preds, gold_texts(gold), ngram=4, scrapinghub=True)
    return {"f1": result["f1_of_means"], "precision": result["macro_precision"]}


def text_of(record: object) -> str:
    return record.text if isinstance(record, CleanDocument) else ""


def test_html_extraction_floor(shared_dir: Path) -> None:
    base = shared_dir / "benchmarks/article-extraction"
    preds = {}
    for path in sorted((base / "html").glob("*.html.gz")):
        doc_id = path.name.split(".")[0]
        items = read_bytes(path.read_bytes(), path.name)
        preds[doc_id] = text_of(clean_item(items[0], Config(), None))
    got = score(shared_dir, preds, base / "ground-truth.json")
    assert got["f1"] >= HTML_FLOOR["f1"] and got["precision"] >= HTML_FLOOR["precision"], got


@pytest.mark.parametrize("variant", sorted(TEXT_FLOOR))
def test_text_dump_floor(shared_dir: Path, variant: str) -> None:
    base = shared_dir / "benchmarks/text-dumps"
    paths = sorted((base / variant).glob("*.txt"))
    items = {
        p.name.split(".")[0]: read_bytes(p.read_bytes(), f"{variant}/{p.name}")[0] for p in paths
    }
    profile = learn_profile(items.values())
    preds = {doc_id: text_of(clean_item(item, Config(), profile)) for doc_id, item in items.items()}
    got = score(shared_dir, preds, base / "ground-truth.json")
    assert got["f1"] >= TEXT_FLOOR[variant], got
