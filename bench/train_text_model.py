"""Train the text path's keep/drop model on the dev dumps, with CV grouped by site.

Run from the repository root: ``python bench/train_text_model.py [--write]``. The gold
(and the host in its URL, used only to group the folds) is read here and never at run
time. ``--write`` saves the model trained on all dev pages to cleaners/text/model.json.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from dataclasses import dataclass, replace
from pathlib import Path
from urllib.parse import urlsplit

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT.parent / "shared" / "bench"))

from score_extraction import score, tokenize  # noqa: E402

from cleaners.config import Config  # noqa: E402
from cleaners.pipeline import count_words, learn_profile, site_group  # noqa: E402
from cleaners.readers import read_bytes  # noqa: E402
from cleaners.records import RawDoc  # noqa: E402
from cleaners.text import Analysis, _join_paragraphs, analyse_text  # noqa: E402
from cleaners.text.context import CONTEXT_NAMES, context_features  # noqa: E402
from cleaners.text.fallback import rescue_lists  # noqa: E402
from cleaners.text.features import FEATURE_NAMES  # noqa: E402
from cleaners.text.model import (  # noqa: E402
    MODEL_PATH,
    decide_units,
    first_stage,
    hard_mask,
)
from cleaners.text.near_dups import drop_copies  # noqa: E402

SET = ROOT.parent / "shared" / "benchmarks" / "text-dumps"
VARIANTS = ("lxml", "soup", "html_text")
MODES = ("batch", "single")
FOLDS = 5
L2 = 1.0
# The tree ensemble: small, shrunk and subsampled, so grouped CV gains and not only
# the full-dev score (a full-dev-only gain is a memorised site).
TREES = 100
DEPTH = 3
RATE = 0.1
TREE_L2 = 1.0
MIN_HESSIAN = 20.0  # per leaf, with unit weights scaled to mean 1
ROW_SHARE = 0.7
COLUMN_SHARE = 0.5
BINS = 64
SEED = 0
NGRAM = 4
CONFIG = Config()


@dataclass
class Sample:
    """One analysed dump with its unit labels, ready to train on or to score."""

    doc_id: str
    variant: str
    mode: str
    host: str
    analysis: Analysis
    labels: list[float]
    weights: list[float]


def unit_label(text: str, gold_grams: set[tuple[str, ...]]) -> tuple[float, int]:
    """Return whether most of a unit's shingles are in the gold, and its token count."""
    toks = tokenize(text)
    if not toks:
        return 0.0, 0
    n = min(NGRAM, len(toks))
    grams = [tuple(toks[i : i + n]) for i in range(len(toks) - n + 1)]
    hits = sum(1 for g in grams if g in gold_grams)
    return (1.0 if hits * 2 >= len(grams) else 0.0), len(toks)


def gold_shingles(gold: str) -> set[tuple[str, ...]]:
    """Return every 1- to 4-token run of the gold, so short units can be labelled too."""
    toks = tokenize(gold)
    return {tuple(toks[i : i + n]) for n in range(1, NGRAM + 1) for i in range(len(toks) - n + 1)}


def load_samples() -> tuple[list[Sample], dict[str, str]]:
    """Analyse every dump of every variant in batch and single mode."""
    gold = json.loads((SET / "ground-truth.json").read_text(encoding="utf-8"))
    texts = {k: v["articleBody"] for k, v in gold.items()}
    hosts = {k: (urlsplit(v["url"]).hostname or "").removeprefix("www.") for k, v in gold.items()}
    grams = {k: gold_shingles(t) for k, t in texts.items()}
    samples = []
    for variant in VARIANTS:
        raws = {}
        for path in sorted((SET / variant).glob("*.txt")):
            item = read_bytes(path.read_bytes(), f"{variant}/{path.name}")[0]
            assert isinstance(item, RawDoc)
            raws[path.name[:-4]] = item
        profile = learn_profile(raws.values())
        for mode in MODES:
            for doc_id, raw in raws.items():
                check = (
                    profile.is_template_for(site_group(raw), CONFIG) if mode == "batch" else None
                )
                analysis = analyse_text(raw.content, check)
                pairs = [unit_label(u.text, grams[doc_id]) for u in analysis.units]
                total = sum(n for _, n in pairs) or 1
                samples.append(
                    Sample(
                        doc_id,
                        variant,
                        mode,
                        hosts[doc_id],
                        analysis,
                        [lab for lab, _ in pairs],
                        [max(n, 1) / total for _, n in pairs],
                    )
                )
    return samples, texts


def design(
    samples: list[Sample], stage_one: np.ndarray | None = None
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Stack the softly labelled units into X, y and weights; context rows given stage one."""
    xs, ys, ws = [], [], []
    for s in samples:
        rows = s.analysis.features
        if stage_one is not None:
            rows = context_features(first_stage(s.analysis.units, rows, stage_one))
        soft = ~hard_mask(s.analysis.units)
        xs.append(rows[soft])
        ys.append(np.array(s.labels)[soft])
        ws.append(np.array(s.weights)[soft])
    return np.concatenate(xs), np.concatenate(ys), np.concatenate(ws)


def fit_logistic(x: np.ndarray, y: np.ndarray, w: np.ndarray) -> np.ndarray:
    """Fit an L2-regularised weighted logistic regression by Newton's method."""
    beta = np.zeros(x.shape[1])
    reg = L2 * np.eye(x.shape[1])
    reg[0, 0] = 0.0
    for _ in range(50):
        p = 1.0 / (1.0 + np.exp(-np.clip(x @ beta, -30, 30)))
        grad = x.T @ (w * (p - y)) + reg @ beta
        hess = (x * (w * p * (1 - p))[:, None]).T @ x + reg + 1e-9 * np.eye(x.shape[1])
        step = np.linalg.solve(hess, grad)
        beta -= step
        if np.abs(step).max() < 1e-7:
            break
    return beta


def design_trees(samples: list[Sample], stage_one: np.ndarray) -> tuple[np.ndarray, ...]:
    """Stack the tree rows: unit features beside the context rows of the first stage."""
    xs, ys, ws = [], [], []
    for s in samples:
        rows = s.analysis.features
        context = context_features(first_stage(s.analysis.units, rows, stage_one))
        soft = ~hard_mask(s.analysis.units)
        xs.append(np.hstack((rows, context))[soft])
        ys.append(np.array(s.labels)[soft])
        ws.append(np.array(s.weights)[soft])
    return np.concatenate(xs), np.concatenate(ys), np.concatenate(ws)


def fit_trees(x: np.ndarray, y: np.ndarray, w: np.ndarray) -> dict:
    """Fit complete depth-DEPTH regression trees by Newton boosting on binned features."""
    rng = np.random.default_rng(SEED)
    n, n_cols = x.shape
    w = w * (n / w.sum())
    edges = [
        np.unique(np.quantile(x[:, j], np.linspace(0, 1, BINS + 1)[1:-1])) for j in range(n_cols)
    ]
    binned = np.column_stack([np.searchsorted(e, x[:, j]) for j, e in enumerate(edges)])
    n_bins = max(len(e) for e in edges) + 1
    prior = float(np.clip(np.average(y, weights=w), 1e-3, 1 - 1e-3))
    bias = float(np.log(prior / (1 - prior)))
    n_inner = 2**DEPTH - 1
    feats = np.zeros((TREES, n_inner), dtype=np.intp)
    thresholds = np.full((TREES, n_inner), np.inf)
    leaves = np.zeros((TREES, 2**DEPTH))
    raw = np.full(n, bias)
    for t in range(TREES):
        p = 1.0 / (1.0 + np.exp(-raw))
        grad, hess = w * (p - y), w * p * (1 - p)
        rows = np.flatnonzero(rng.random(n) < ROW_SHARE)
        cols = np.flatnonzero(rng.random(n_cols) < COLUMN_SHARE)
        g, h, xb = grad[rows], hess[rows], binned[rows]
        node = np.zeros(len(rows), dtype=np.intp)
        for level in range(DEPTH):
            width = 2**level
            gain = np.full((width, n_cols, n_bins), -1.0)
            for j in cols:
                key = node * n_bins + xb[:, j]
                gl = np.cumsum(np.bincount(key, g, width * n_bins).reshape(width, n_bins), 1)
                hl = np.cumsum(np.bincount(key, h, width * n_bins).reshape(width, n_bins), 1)
                gt, ht = gl[:, -1:], hl[:, -1:]
                score = gl**2 / (hl + TREE_L2) + (gt - gl) ** 2 / (ht - hl + TREE_L2)
                score -= gt**2 / (ht + TREE_L2)
                ok = (hl >= MIN_HESSIAN) & (ht - hl >= MIN_HESSIAN)
                gain[:, j, :] = np.where(ok, score, -1.0)
            child = 2 * node
            for k in range(width):
                j, b = divmod(int(np.argmax(gain[k])), n_bins)
                if gain[k, j, b] <= 1e-9 or b >= len(edges[j]):
                    continue  # no useful split: every row goes left
                feats[t, width - 1 + k] = j
                thresholds[t, width - 1 + k] = edges[j][b]
                here = node == k
                child[here] += xb[here, j] > b
            node = child
        gs = np.bincount(node, g, 2**DEPTH)
        hs = np.bincount(node, h, 2**DEPTH)
        leaves[t] = -RATE * gs / (hs + TREE_L2)
        raw += _leaf_values(x, feats[t], thresholds[t], leaves[t])
    return {
        "depth": DEPTH,
        "bias": bias,
        "features": feats,
        "thresholds": np.round(thresholds, 6),
        "leaves": np.round(leaves, 6),
    }


def _leaf_values(
    x: np.ndarray, feats: np.ndarray, thresholds: np.ndarray, leaves: np.ndarray
) -> np.ndarray:
    """Return one tree's leaf value for every row."""
    node = np.zeros(len(x), dtype=np.intp)
    for _ in range(DEPTH):
        node = 2 * node + 1 + (x[np.arange(len(x)), feats[node]] > thresholds[node])
    return leaves[node - len(feats)]


def predict_texts(samples: list[Sample], model: dict | None) -> dict[str, str | None]:
    """Run the decision step on analysed samples and build the cleaned bodies."""
    out: dict[str, str | None] = {}
    for s in samples:
        units = [replace(u) for u in s.analysis.units]
        if model is not None:
            decide_units(units, s.analysis.features, model)
        rescue_lists(units, CONFIG.min_words)
        drop_copies(units)
        text = "\n\n".join(p.strip() for p in _join_paragraphs(units) if p.strip())
        out[s.doc_id] = text if count_words(text) >= CONFIG.min_words else None
    return out


def evaluate(
    samples: list[Sample], texts: dict[str, str], models: dict[str, dict | None]
) -> dict[tuple[str, str], tuple[float, float, float]]:
    """Score each variant and mode; ``models`` maps a doc id to the model to use."""
    results = {}
    for variant in VARIANTS:
        for mode in MODES:
            preds: dict[str, str | None] = {}
            for s in samples:
                if s.variant == variant and s.mode == mode:
                    preds.update(predict_texts([s], models[s.doc_id]))
            r = score(preds, texts, ngram=NGRAM, scrapinghub=True)
            results[variant, mode] = (r["f1_of_means"], r["macro_precision"], r["macro_recall"])
    return results


def host_folds(samples: list[Sample]) -> dict[str, int]:
    """Assign every host to one of FOLDS folds, balancing page counts."""
    counts = Counter(s.host for s in samples)
    loads = [0] * FOLDS
    fold_of = {}
    for host, n in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])):
        k = loads.index(min(loads))
        fold_of[host] = k
        loads[k] += n
    return fold_of


def fit_model(samples: list[Sample], threshold: float) -> dict:
    """Fit both stages on the samples and wrap the coefficients as the JSON model."""
    beta = np.round(fit_logistic(*design(samples)), 6)
    gamma = np.round(fit_logistic(*design(samples, beta)), 6)
    return {
        "features": list(FEATURE_NAMES),
        "weights": beta,
        "context": list(CONTEXT_NAMES),
        "context_weights": gamma,
        "trees": fit_trees(*design_trees(samples, beta)),
        "threshold": threshold,
    }


def print_results(name: str, results: dict) -> None:
    """Print one line per variant and mode."""
    for (variant, mode), (f1, p, r) in results.items():
        print(f"{name:9s} {variant:9s} {mode:6s} F1 {f1:.4f} P {p:.4f} R {r:.4f}")


def main() -> int:
    """Cross-validate by host, then optionally fit on everything and write the model."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--write", action="store_true", help="save the full-dev model")
    ap.add_argument("--threshold", type=float, default=0.45)
    args = ap.parse_args()
    samples, texts = load_samples()
    print_results("rules", evaluate(samples, texts, dict.fromkeys(texts)))
    fold_of = host_folds(samples)
    models: dict[str, dict | None] = {}
    for k in range(FOLDS):
        train = [s for s in samples if fold_of[s.host] != k]
        model = fit_model(train, args.threshold)
        models.update({s.doc_id: model for s in samples if fold_of[s.host] == k})
    print_results("cv", evaluate(samples, texts, models))
    full = fit_model(samples, args.threshold)
    print_results("full", evaluate(samples, texts, dict.fromkeys(texts, full)))
    for names, key in ((FEATURE_NAMES, "weights"), (CONTEXT_NAMES, "context_weights")):
        for name, b in sorted(zip(names, full[key], strict=True), key=lambda t: -abs(t[1])):
            print(f"  {name:16s} {float(b):+.3f}")
    if args.write:
        saved = {k: _plain(v) for k, v in full.items()}
        MODEL_PATH.write_text(json.dumps(saved, indent=1) + "\n", encoding="utf-8")
    return 0


def _plain(value: object) -> object:
    """Turn arrays, also inside the tree dict, into lists for JSON."""
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    return value.tolist() if isinstance(value, np.ndarray) else value


if __name__ == "__main__":
    sys.exit(main())
