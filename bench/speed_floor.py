"""How much of the 10x text-speed budget the steps our text cleaner cannot skip use up.

Issue #3 asks for text dumps cleaned at ten times trafilatura's HTML docs/s. This script
times trafilatura on the HTML set, turns that into a per-document budget, and times, on
the text-dump sets, only the steps of our text path that the issue's other asks (chrome
rules, a per-site profile, a full record) need on every document, each in the fastest
form we have:

- read: decode the file and split it into whitespace-folded lines (lines.split_lines);
- chrome pre-check: the two widest tests of rules.might_be_chrome on each casefolded
  line (LINE_STARTS, the families' whole-line shapes, and LINE_CUES, their literal
  cues); for comparison, LINE_CUES once over the whole casefolded document;
- site profile: adding the document to a batch line profile (template.LineProfile);
- language: the record's language, from the first characters of the cleaned body
  (metadata.language.detect_language, as the pipeline calls it);
- JSON: rendering the document's finished record (output.render_record).

Everything else (glue seams, 13 family matchers, stop words, the span search, features,
the model, metadata, the audit trail) comes on top. Read the last column: the share of
the budget these steps alone take.

    .venv/bin/python bench/speed_floor.py
"""

from __future__ import annotations

import sys
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_common import BENCHMARKS, TARGET_TEXT_SPEEDUP, load_docs, print_table
from bench_ours import clean_file_record
from bench_text import SET as TEXT_SET
from bench_text import VARIANTS, trafilatura_speed

from cleaners.metadata.language import detect_language
from cleaners.output import render_record
from cleaners.schema import CleanDocument
from cleaners.text.lines import split_lines
from cleaners.text.rules import LINE_CUES, LINE_STARTS
from cleaners.text.template import LineProfile


def per_doc_ms(fn: Callable[[int], object], count: int) -> float:
    """Run ``fn`` on every document index once and return the mean milliseconds."""
    start = time.perf_counter()
    for i in range(count):
        fn(i)
    return 1000 * (time.perf_counter() - start) / count


def floor_rows(variant: str, budget_ms: float) -> list[list[object]]:
    """Time each unavoidable step on one dump variant; return table rows."""
    docs = load_docs(TEXT_SET / variant, ".txt", None)
    count = len(docs)
    records = [clean_file_record(data, f"{variant}/{doc_id}.txt") for doc_id, data in docs]
    bodies = [r.text if isinstance(r, CleanDocument) else "" for r in records]
    texts = [data.decode("utf-8", errors="replace") for _, data in docs]
    lines = [[line.text for line in split_lines(t)] for t in texts]
    keys = [[line.casefold() for line in doc] for doc in lines]
    profile = LineProfile()
    steps = {
        "read": lambda i: split_lines(docs[i][1].decode("utf-8", errors="replace")),
        "casefold lines": lambda i: [line.casefold() for line in lines[i]],
        "pre-check per line": lambda i: [
            LINE_STARTS.match(k) or LINE_CUES.search(k) for k in keys[i]
        ],
        "site profile": lambda i: profile.add_document(variant, docs[i][0], texts[i]),
        "language": lambda i: detect_language(bodies[i]),
        "JSON": lambda i: render_record(records[i]) if records[i] is not None else None,
    }
    rows: list[list[object]] = []
    total = 0.0
    for name, fn in steps.items():
        ms = per_doc_ms(fn, count)
        total += ms
        rows.append([variant, name, f"{ms:.3f}", f"{100 * ms / budget_ms:.0f}%"])
    rows.append([variant, "sum", f"{total:.3f}", f"{100 * total / budget_ms:.0f}%"])
    whole = per_doc_ms(lambda i: list(LINE_CUES.finditer("\n".join(keys[i]))), count)
    rows.append([variant, "(LINE_CUES once per doc)", f"{whole:.3f}", ""])
    return rows


def main() -> int:
    """Print the budget and what the unavoidable steps take of it, per dump variant."""
    if not (BENCHMARKS / "text-dumps").is_dir():
        print(f"{BENCHMARKS} is missing; nothing to measure")
        return 0
    reference = trafilatura_speed(None)
    budget_ms = 1000 / (TARGET_TEXT_SPEEDUP * reference)
    print(
        f"trafilatura HTML {reference:.1f} docs/s -> {TARGET_TEXT_SPEEDUP:.0f}x budget "
        f"{budget_ms:.3f} ms per text document"
    )
    rows = [row for variant in VARIANTS for row in floor_rows(variant, budget_ms)]
    print_table(["variant", "step", "ms/doc", "of budget"], rows)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
