"""Text cleaning on pages no rule or model was tuned on: a proxy for the held-out set.

The text-dump dev set and the model come from the 181 article-extraction pages. The 497
metadata pages are other sites and years, but have no gold body. This script turns
their HTML into dumps the way the dev set was made (lxml ``text_content()`` glued, and
BeautifulSoup ``get_text("\\n")``; scripts, styles, templates and noscript dropped,
whitespace folded), cleans each variant as one batch, and scores the result against
trafilatura's extraction of the same HTML with the shared scorer; then does the same for
the HTML path on the pages themselves. trafilatura scores
0.960 against the dev gold, so this is a proxy: compare two versions of the cleaner
on it, do not read it as the held-out score. Pages where trafilatura finds fewer than
50 words are left out.

    .venv/bin/python bench/proxy_text.py
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

import lxml.etree
import lxml.html
from bs4 import BeautifulSoup

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_common import BENCHMARKS, gunzip_text, load_docs, score_texts, write_texts
from bench_html import trafilatura_defaults
from bench_ours import body_text, clean_batch_texts, clean_file

SET = BENCHMARKS / "metadata" / "html"
OUT = Path(__file__).resolve().parent / "out" / "proxy"
MIN_GOLD_WORDS = 50
DROPPED = ("script", "style", "template", "noscript")
_SPACES = re.compile(r"[ \t\u00a0]+")
_XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]*>")


def fold(text: str) -> str:
    """Strip lines, fold inner runs of spaces and runs of blank lines, as the dev dumps."""
    lines: list[str] = []
    for raw in text.split("\n"):
        line = _SPACES.sub(" ", raw).strip()
        if line or (lines and lines[-1]):
            lines.append(line)
    return "\n".join(lines).strip() + "\n"


def lxml_dump(html: str) -> str:
    """Return lxml's text_content() of the page: adjacent text nodes glued."""
    tree = lxml.html.fromstring(html)
    for node in tree.xpath("|".join(f"//{tag}" for tag in DROPPED)):
        node.drop_tree()
    return fold(tree.text_content())


def soup_dump(html: str) -> str:
    """Return BeautifulSoup's get_text with one text node a line."""
    soup = BeautifulSoup(html, "lxml")
    for node in soup(list(DROPPED)):
        node.decompose()
    return fold(soup.get_text("\n"))


def main() -> int:
    """Make the dumps and the trafilatura bodies, clean, score, print."""
    if not SET.is_dir():
        print(f"{SET} is missing; nothing to measure")
        return 0
    pages = load_docs(SET, ".html.gz", None)
    gold: dict[str, dict[str, str]] = {}
    dumps: dict[str, list[tuple[str, bytes]]] = {"lxml": [], "soup": []}
    for doc_id, data in pages:
        body = trafilatura_defaults(doc_id, data) or ""
        if len(body.split()) < MIN_GOLD_WORDS:
            continue
        # Decoded as UTF-8, the sets' encoding; lxml refuses a str with an XML declaration.
        html = _XML_DECLARATION.sub("", gunzip_text(data), count=1)
        try:
            lxml_text, soup_text = lxml_dump(html), soup_dump(html)
        except (ValueError, lxml.etree.ParserError):
            continue  # a page lxml cannot parse: no dump of it either
        gold[doc_id] = {"articleBody": body, "url": ""}
        dumps["lxml"].append((doc_id, lxml_text.encode("utf-8")))
        dumps["soup"].append((doc_id, soup_text.encode("utf-8")))
    OUT.mkdir(parents=True, exist_ok=True)
    gold_file = OUT / "trafilatura-bodies.json"
    gold_file.write_text(json.dumps(gold, ensure_ascii=False), encoding="utf-8")
    print(f"{len(gold)} of {len(pages)} metadata pages; reference: trafilatura on the HTML")
    for variant, docs in dumps.items():
        preds = clean_batch_texts(docs, variant)
        scores = score_texts(write_texts(OUT / variant, preds), gold_file, list(gold))
        print(
            f"  {variant:5s} batch F1 {scores['f1']:.4f} P {scores['p']:.4f} "
            f"R {scores['r']:.4f} empty {scores['empty']}"
        )
    # The HTML path on the same pages: where it and trafilatura disagree most, one of them
    # lost the story (per-page texts in bench/out/proxy/html, to read side by side).
    html_preds = {
        doc_id: body_text(clean_file(data, f"{doc_id}.html.gz"))
        for doc_id, data in pages
        if doc_id in gold
    }
    scores = score_texts(write_texts(OUT / "html", html_preds), gold_file, list(gold))
    print(
        f"  html  F1 {scores['f1']:.4f} P {scores['p']:.4f} R {scores['r']:.4f} "
        f"empty {scores['empty']} (the HTML path, one page at a time)"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
