"""Shared plumbing for the benchmark script: paths, data, timing, scoring and tables."""

from __future__ import annotations

import gzip
import json
import shutil
import subprocess
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
BENCHMARKS = SHARED / "benchmarks"
SCORE_EXTRACTION = SHARED / "bench" / "score_extraction.py"
SCORE_METADATA = SHARED / "bench" / "score_metadata.py"
WARMUP_DOCS = 3

# Numbers measured on this project's machines, copied from ../shared/benchmarks/ANCHORS.md.
ANCHOR_HTML = {
    "trafilatura defaults": {"f1": 0.960, "p": 0.942, "r": 0.978},
    "trafilatura favor_precision": {"f1": 0.964, "p": 0.958, "r": 0.971},
}
ANCHOR_TEXT = {
    "keep everything": {"lxml": 0.675, "soup": 0.665, "html_text": 0.665},
    "C4 + repeated lines": {"lxml": 0.716, "soup": 0.776, "html_text": 0.869},
}
TARGET_TEXT = {"lxml": 0.92, "soup": 0.92, "html_text": 0.94}
TARGET_TEXT_SPEEDUP = 10.0
ANCHOR_META = {
    "htmldate": {"date": 0.902},
    "trafilatura": {"date": 0.898, "title": 0.767, "authors": 0.528},
}
TARGET_META = {"date": 0.95, "title": 0.92, "authors": 0.80}

# One document of a set: its id and the raw bytes of its file, as stored.
Doc = tuple[str, bytes]


@dataclass
class MethodRun:
    """What one method produced over a set: predictions by id and the time spent on them."""

    preds: dict[str, Any] = field(default_factory=dict)
    seconds: float = 0.0
    failures: int = 0

    def docs_per_second(self) -> float:
        """Return the throughput over the timed documents."""
        return len(self.preds) / self.seconds if self.seconds else 0.0


def load_docs(folder: Path, suffix: str, limit: int | None) -> list[Doc]:
    """Read the first ``limit`` files ending in ``suffix`` (sorted by id) into memory."""
    paths = sorted(folder.glob(f"*{suffix}"))[:limit]
    return [(p.name[: -len(suffix)], p.read_bytes()) for p in paths]


def gunzip_text(data: bytes) -> str:
    """Decompress a stored page and decode it as UTF-8, the encoding of the HTML sets."""
    return gzip.decompress(data).decode("utf-8", errors="replace")


def timed(fn: Callable[..., Any], *args: Any) -> tuple[Any, float]:
    """Call ``fn`` and return its result (None if it raised) with the seconds it took."""
    start = time.perf_counter()
    try:
        result = fn(*args)
    except Exception as exc:
        print(f"  warning: {getattr(fn, '__name__', fn)} failed: {exc!r}", file=sys.stderr)
        result = None
    return result, time.perf_counter() - start


def run_interleaved(docs: Sequence[Doc], methods: dict[str, Callable[[str, bytes], Any]]) -> dict:
    """Run every method on every document, rotating the order per document to share the noise.

    The first few documents are run once untimed, so imports and caches are warm for all.
    """
    for doc_id, data in docs[:WARMUP_DOCS]:
        for fn in methods.values():
            timed(fn, doc_id, data)
    runs = {name: MethodRun() for name in methods}
    names = list(methods)
    for i, (doc_id, data) in enumerate(docs):
        for name in names[i % len(names) :] + names[: i % len(names)]:
            result, seconds = timed(methods[name], doc_id, data)
            runs[name].preds[doc_id] = result
            runs[name].seconds += seconds
            runs[name].failures += result is None
    return runs


def fresh_dir(path: Path) -> Path:
    """Empty (or create) an output folder of this script."""
    if path.exists():
        shutil.rmtree(path)
    path.mkdir(parents=True)
    return path


def write_texts(folder: Path, preds: dict[str, str | None]) -> Path:
    """Write one ``<id>.txt`` per prediction (empty when None) into a fresh folder."""
    fresh_dir(folder)
    for doc_id, text in preds.items():
        (folder / f"{doc_id}.txt").write_text(text or "", encoding="utf-8")
    return folder


def score_texts(pred_dir: Path, gold: Path, ids: Sequence[str]) -> dict:
    """Score a folder of predictions with the shared ScrapingHub-rule scorer, on ``ids`` only."""
    ids_file = pred_dir.with_name(pred_dir.name + ".ids")
    ids_file.write_text("".join(f"{i}\n" for i in ids), encoding="utf-8")
    out = pred_dir.with_name(pred_dir.name + ".score.json")
    cmd = [str(SCORE_EXTRACTION), "--pred", str(pred_dir), "--gold", str(gold)]
    cmd += ["--ngram", "4", "--scrapinghub", "--ids", str(ids_file), "--json", str(out)]
    run_scorer(cmd)
    res = json.loads(out.read_text(encoding="utf-8"))
    return {
        "f1": res["f1_of_means"],
        "p": res["macro_precision"],
        "r": res["macro_recall"],
        "empty": res["empty_predictions"],
        "n": res["n_docs"],
    }


def score_meta(pred_file: Path, gold: Path, fields: str) -> dict:
    """Score a metadata prediction file with the shared metadata scorer."""
    out = pred_file.with_suffix(".score.json")
    cmd = [str(SCORE_METADATA), "--gold", str(gold), "--pred", str(pred_file)]
    run_scorer([*cmd, "--fields", fields, "--json", str(out)])
    return json.loads(out.read_text(encoding="utf-8"))


def run_scorer(args: list[str]) -> None:
    """Run a shared scorer with this interpreter; stop with its message if it fails."""
    proc = subprocess.run([sys.executable, *args], capture_output=True, text=True, check=False)
    if proc.returncode != 0:
        sys.exit(f"scorer failed ({proc.returncode}): {' '.join(args)}\n{proc.stderr}")


def fmt(value: Any, digits: int = 3) -> str:
    """Format a number for a table; missing values become a dash."""
    if value is None:
        return "–"
    if isinstance(value, float):
        return f"{value:.{digits}f}"
    return str(value)


def print_table(headers: Sequence[str], rows: Sequence[Sequence[Any]]) -> None:
    """Print an aligned plain-text table."""
    cells = [[str(h) for h in headers]] + [[fmt(c) for c in row] for row in rows]
    widths = [max(len(r[i]) for r in cells) for i in range(len(headers))]
    for n, row in enumerate(cells):
        print("  " + " | ".join(c.ljust(w) for c, w in zip(row, widths, strict=True)))
        if n == 0:
            print("  " + "-+-".join("-" * w for w in widths))
