"""Nothing in the pipeline touches the network, even on inputs made of URLs.

trafilatura and htmldate fetch a string that looks like a URL, and libxml2 can load a
DTD or an external entity; the pipeline must never let them. Here every way out through
Python's socket module records the attempt and fails, and a raw/ folder full of URLs (in
dates, file names, canonical links, a <base>, images, stylesheets, an iframe, a DTD, an
export whose "html" is a bare URL) is cleaned: nothing may have tried, and every input
must have its outputs. Once in this process, once in a fresh interpreter whose block is
installed before cleaners or any of its dependencies is imported, so that a module
holding its own reference to socket.create_connection is covered too.
"""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from cleaners.batch import add_survey, clean_inputs, load_profile, survey_inputs
from cleaners.config import Config
from cleaners.discover import discover_inputs
from cleaners.state import load_state

DATE_URL = "http://example.com/2024/01/02/"
STORY = (
    "The city council voted on Tuesday to rebuild the old harbour bridge, which has been "
    "closed to traffic since a storm damaged its northern pier two winters ago. Engineers "
    "told the council that the new bridge would take three years to build and that the "
    "ferry service would run every twenty minutes until it opens. Residents who spoke at "
    "the meeting said they had waited long enough, and several asked why the repairs had "
    "not started last spring as the council had promised in its budget. The mayor said "
    "the money had been set aside but that the contract had to be offered again after the "
    "first bidder withdrew. Work on the southern approach is due to begin in the autumn."
)
PAGE = f"""<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Strict//EN"
  "http://www.w3.org/TR/xhtml1/DTD/xhtml1-strict.dtd">
<html><head>
<base href="http://example.com/base/">
<title>Council votes to rebuild the harbour bridge</title>
<meta name="date" content="{DATE_URL}">
<meta property="article:published_time" content="{DATE_URL}">
<meta name="author" content="http://example.com/authors/jane/">
<meta property="og:url" content="{DATE_URL}bridge.html">
<meta property="og:image" content="http://example.com/2024/01/02/bridge.jpg">
<meta http-equiv="refresh" content="600; url=http://example.com/">
<link rel="canonical" href="{DATE_URL}bridge.html">
<link rel="stylesheet" href="http://example.com/style.css">
<script src="http://example.com/app.js"></script>
<script type="application/ld+json">{{"@type": "NewsArticle", "datePublished": "{DATE_URL}",
 "dateModified": "http://example.com/2024/02/03/", "url": "{DATE_URL}",
 "author": {{"@type": "Person", "name": "http://example.com/jane"}}}}</script>
</head><body>
<nav><a href="http://example.com/">Home</a> <a href="http://example.com/news/">News</a></nav>
<article>
<h1>Council votes to rebuild the harbour bridge</h1>
<p>Published <time datetime="http://example.com/2024/03/04/">{DATE_URL}</time></p>
<img src="{DATE_URL}bridge.jpg" srcset="http://example.com/a.jpg 1x, http://example.com/b.jpg 2x">
<p>{STORY}</p>
<p>Read the report at http://example.com/files/report-2024-01-02.pdf or
<a href="https://example.com/2024/01/02/report.pdf">download it</a>.</p>
<iframe src="http://example.com/embed/map"></iframe>
<object data="http://example.com/movie.swf"></object>
</article></body></html>"""
TEXT_DUMP = f"""Council votes to rebuild the harbour bridge
{DATE_URL}
By http://example.com/authors/jane/

{STORY}

Download: http://example.com/files/report-2024-01-02.pdf
Share on http://twitter.com/intent/tweet?url={DATE_URL}
"""
EXTERNAL_ENTITY = (
    '<?xml version="1.0"?><!DOCTYPE html [<!ENTITY story SYSTEM "http://example.com/story.txt">]>'
    f"<html><body><article><p>&story;</p><p>{STORY}</p></article></body></html>"
)
EXPORT = [
    {"url": f"{DATE_URL}bridge.html", "html": PAGE, "fetched_at": DATE_URL},
    {"url": DATE_URL, "title": DATE_URL, "text": TEXT_DUMP},
    {"url": DATE_URL, "html": DATE_URL},  # a scraper that saved the URL, not the page
    {"text": "https://example.com/feed.xml"},
    {"url": "http://example.com/entity", "html": EXTERNAL_ENTITY},
]
# Names where a URL would be taken for a path: a folder "http:" and a file named like one.
INPUTS = {
    "pages/bridge.html": PAGE,
    "http:/example.com/2024/01/02/index.html": PAGE,
    "text/http:example.com:2024-01-02.txt": TEXT_DUMP,
    "exports/scrape.jsonl": "".join(json.dumps(r) + "\n" for r in EXPORT),
}
# Every way out through the socket module that the block closes.
BLOCKED = ("connect", "connect_ex", "create_connection", "getaddrinfo")

# Installed first thing in the child: it refuses and logs, whatever catches the error.
BLOCK_SOURCE = """
import os, socket
def _refuse(name):
    def refuse(*args, **kwargs):
        with open(os.environ["PAGEWASH_NETWORK_LOG"], "a", encoding="utf-8") as log:
            log.write(name + " " + repr(args[1:] if name.startswith("connect") else args) + "\\n")
        raise OSError("network blocked by the test: " + name)
    return refuse
for _name in ("connect", "connect_ex"):
    setattr(socket.socket, _name, _refuse(_name))
for _name in ("create_connection", "getaddrinfo"):
    setattr(socket, _name, _refuse(_name))
"""
CLEAN_SOURCE = """
import json, sys
from pathlib import Path
from cleaners.batch import add_survey, clean_inputs, load_profile, survey_inputs
from cleaners.config import Config
from cleaners.discover import discover_inputs
raw, clean = Path(sys.argv[1]), Path(sys.argv[2])
paths = discover_inputs(raw)
profile = add_survey(load_profile(clean), survey_inputs(paths, raw))
report = clean_inputs(paths, raw, clean, Config(), profile)
print(json.dumps({"cleaned": report.inputs_cleaned, "docs": sum(report.docs_in.values())}))
"""


def make_raw(raw: Path) -> None:
    """Write the URL-laden inputs under raw/."""
    for rel, text in INPUTS.items():
        path = raw / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")


def read_outputs(clean: Path) -> dict[str, list[dict[str, Any]]]:
    """Return each input's recorded outputs, parsed, checking that every one exists."""
    found = {}
    for rel in INPUTS:
        state = load_state(clean, rel)
        assert state is not None, f"no state for {rel}"
        found[rel] = [json.loads((clean / out).read_text("utf-8")) for out in state.outputs]
    return found


def check_outputs(clean: Path) -> None:
    """Assert that every input was cleaned into records and the pages into documents."""
    outputs = read_outputs(clean)
    assert len(outputs["exports/scrape.jsonl"]) == len(EXPORT)
    for rel in ("pages/bridge.html", "http:/example.com/2024/01/02/index.html"):
        (record,) = outputs[rel]
        assert "reason" not in record, record
        assert "harbour bridge" in record["text"]
        assert record["published"] is None or not record["published"].startswith("http")
    (dump,) = outputs["text/http:example.com:2024-01-02.txt"]
    assert "Engineers told the council" in dump.get("text", ""), dump


def test_pipeline_cleans_urls_without_connecting(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    attempts: list[str] = []

    def refusing(name: str) -> Any:
        def refuse(*args: Any, **kwargs: Any) -> Any:
            attempts.append(f"{name} {args!r}")
            raise OSError(f"network blocked by the test: {name}")

        return refuse

    for name in ("connect", "connect_ex"):
        monkeypatch.setattr(socket.socket, name, refusing(name))
    for name in ("create_connection", "getaddrinfo"):
        monkeypatch.setattr(socket, name, refusing(name))
    raw, clean = tmp_path / "raw", tmp_path / "clean"
    make_raw(raw)
    paths = discover_inputs(raw)
    profile = add_survey(load_profile(clean), survey_inputs(paths, raw))
    report = clean_inputs(paths, raw, clean, Config(), profile)
    assert attempts == []
    assert report.inputs_cleaned == len(INPUTS)
    check_outputs(clean)
    with pytest.raises(OSError):
        socket.getaddrinfo("example.com", 80)
    assert len(attempts) == 1  # the block was in place all along


def test_block_records_a_connection_attempt(tmp_path: Path) -> None:
    log = tmp_path / "network.log"
    code = BLOCK_SOURCE + "import urllib.request\ntry:\n    urllib.request.urlopen("
    code += "'http://127.0.0.1:9/', timeout=1)\nexcept OSError:\n    pass\n"
    env = {**os.environ, "PAGEWASH_NETWORK_LOG": str(log)}
    subprocess.run([sys.executable, "-c", code], env=env, check=True, timeout=60)
    assert log.read_text("utf-8").split()[0] in BLOCKED


def test_pipeline_in_a_fresh_interpreter_never_connects(tmp_path: Path) -> None:
    raw, clean, log = tmp_path / "raw", tmp_path / "clean", tmp_path / "network.log"
    make_raw(raw)
    env = {**os.environ, "PAGEWASH_NETWORK_LOG": str(log)}
    done = subprocess.run(
        [sys.executable, "-c", BLOCK_SOURCE + CLEAN_SOURCE, str(raw), str(clean)],
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 0, done.stderr
    assert not log.exists(), log.read_text("utf-8")
    assert json.loads(done.stdout.splitlines()[-1])["cleaned"] == len(INPUTS)
    check_outputs(clean)
